/**
 * One migrated, demo-seeded database per test process.
 *
 * PGlite: opening a fresh in-memory instance costs seconds (initdb) and seeding more; so the first run
 * builds a template once, dumps its data directory to a cache file keyed by a hash of the migrations and
 * the seed code (and the seed's anchor week), and every later process loads that dump (well under a
 * second). With DATABASE_URL set, each process gets its own fresh schema on that server instead, so
 * parallel test processes never see each other's rows; it is dropped on close.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate, openDatabase, type Database } from '../db/index.ts';
import { seed } from './index.ts';
import { startOfUtcWeek } from './time.ts';

const serverDir = fileURLToPath(new URL('../', import.meta.url));
const projectDir = fileURLToPath(new URL('../../', import.meta.url));

export interface TestDatabaseOptions {
  /** Defaults to process.env.DATABASE_URL. Pass null to force PGlite. */
  url?: string | null;
}

export async function openTestDatabase(options: TestDatabaseOptions = {}): Promise<Database> {
  const url = options.url === undefined ? process.env.DATABASE_URL : (options.url ?? undefined);
  return url ? openPostgresTestDatabase(url) : openPgliteTestDatabase();
}

async function openPostgresTestDatabase(url: string): Promise<Database> {
  const schema = `grove_test_${process.pid}_${randomBytes(3).toString('hex')}`;
  const db = await openDatabase({ url, schema, dropSchemaOnClose: true });
  await migrate(db);
  await seed(db, { preset: 'demo' });
  return db;
}

async function openPgliteTestDatabase(): Promise<Database> {
  const file = await templateFile();
  const dump = await readFile(file).catch(() => undefined);
  if (dump) return openDatabase({ loadDataDir: new Blob([dump]) });
  const db = await openDatabase();
  await migrate(db);
  await seed(db, { preset: 'demo' });
  await writeTemplate(db, file);
  return db;
}

async function writeTemplate(db: Database, file: string): Promise<void> {
  const dump = (db as Database & { dumpDataDir?: () => Promise<Blob> }).dumpDataDir?.bind(db);
  if (!dump) return;
  const blob = await dump();
  await mkdir(join(file, '..'), { recursive: true });
  // Written aside then renamed: a parallel process either sees the whole file or none.
  const partial = `${file}.${process.pid}.partial`;
  await writeFile(partial, Buffer.from(await blob.arrayBuffer()));
  await rename(partial, file);
}

/** The cache file for the current migrations, seed code and anchor week. */
export async function templateFile(): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of ['db/migrations', 'seed', 'db']) {
    const entries = await readdir(join(serverDir, dir), { recursive: true });
    for (const entry of entries.filter((e) => /\.(sql|ts)$/.test(e)).sort()) {
      const path = join(serverDir, dir, entry);
      hash.update(relative(projectDir, path)).update(await readFile(path));
    }
  }
  hash.update(await readFile(join(serverDir, 'discussion', 'markdown.ts')));
  hash.update(startOfUtcWeek(new Date()).toISOString());
  const cacheRoot = await cacheDirectory();
  return join(cacheRoot, `pglite-demo-${hash.digest('hex').slice(0, 16)}.tar.gz`);
}

async function cacheDirectory(): Promise<string> {
  const inNodeModules = join(projectDir, 'node_modules', '.cache', 'grove');
  try {
    await mkdir(inNodeModules, { recursive: true });
    return inNodeModules;
  } catch {
    return join(tmpdir(), 'grove-cache');
  }
}
