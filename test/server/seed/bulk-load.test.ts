/**
 * The bulk load's shortcuts give the rows the slow, obvious paths give (docs/decisions/seed-generator.md):
 * - the read models rebuilt in parts (server/seed/rebuild.ts) equal what the migrations' rebuild
 *   functions produce from the same ledger (PGlite and PostgreSQL);
 * - COPY, several batches at once, loads the same rows as INSERT one batch at a time (PostgreSQL only:
 *   PGlite has no COPY FROM STDIN here and always inserts).
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { migrate, openDatabase, type Database, type TransactionQueryable } from '../../../server/db/index.ts';
import { seed } from '../../../server/seed/index.ts';
import { openTestDatabase } from '../../../server/seed/testing.ts';

type Queryable = Pick<TransactionQueryable, 'query'>;

const TIMESTAMP = /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)?\+00/g;

/**
 * Every row of a table as text, sorted: equal lists mean equal contents whatever the physical order.
 * Times from `now()` at or after `since` (a few rows the demo extras date at the moment of seeding)
 * read as "now".
 */
async function contents(db: Queryable, table: string, since = Infinity): Promise<string[]> {
  const { rows } = await db.query<{ row: string }>(`select t::text as row from ${table} t`);
  const atSeeding = (text: string) => (Date.parse(text.replace(' ', 'T').replace('+00', 'Z')) >= since ? 'now' : text);
  return rows.map(({ row }) => row.replace(TIMESTAMP, atSeeding)).sort();
}

/** Compares row lists showing the first difference, not two whole tables. */
function assertSameRows(actual: string[] = [], expected: string[] = [], table: string): void {
  const index = actual.findIndex((row, i) => row !== expected[i]);
  if (index >= 0) assert.equal(actual[index], expected[index], `${table}: first different row`);
  assert.equal(actual.length, expected.length, `${table}: rows`);
}

/** Same keys, row for row, and values equal within `tolerance` relative to the larger one. */
async function assertCloseRows(
  actual: Queryable,
  expected: Queryable,
  table: string,
  keys: string,
  value: string,
  tolerance: number,
): Promise<void> {
  const read = async (db: Queryable) =>
    (
      await db.query<{ key: string; value: number }>(
        `select concat_ws(' ', ${keys}) as key, ${value}::float8 as value from ${table} order by 1`,
      )
    ).rows;
  const [a, b] = await Promise.all([read(actual), read(expected)]);
  assertSameRows(
    a.map(({ key }) => key),
    b.map(({ key }) => key),
    table,
  );
  a.forEach((row, i) => {
    const other = b[i]!.value;
    const scale = Math.max(Math.abs(row.value), Math.abs(other), Number.MIN_VALUE);
    assert.ok(Math.abs(row.value - other) / scale <= tolerance, `${table} ${row.key}: ${value} ${row.value} vs ${other}`);
  });
}

async function tables(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `select relname as name from pg_class where relnamespace = (select oid from pg_namespace where nspname = current_schema())
       and relkind = 'r' order by relname`,
  );
  return rows.map(({ name }) => name);
}

const READ_MODELS = [
  'participation_monthly',
  'participation_standing',
  'participation_achievements',
  'member_tokens',
  'directory_skill_holders',
  'directory_words',
  'directory_member_facets',
  'directory_facet_counts',
  'directory_prefix_counts',
];

describe('read models rebuilt after a bulk load', () => {
  let db: Database;
  before(async () => {
    db = await openTestDatabase();
  });
  after(async () => {
    await db.close();
  });

  test('equal what grove_rebuild_participation() and grove_rebuild_directory() make of the same rows', async () => {
    const seeded = Object.fromEntries(await Promise.all(READ_MODELS.map(async (table) => [table, await contents(db, table)] as const)));
    for (const table of READ_MODELS) assert.ok((seeded[table]?.length ?? 0) > 0, `${table} is filled`);
    const rebuilt: Record<string, string[]> = {};
    // Rolled back: the shared test database keeps what the seed wrote.
    const rollback = new Error('rollback');
    await assert.rejects(
      db.transaction(async (tx) => {
        // The function keeps achievements already earned; from an empty table it re-derives them all.
        await tx.exec('delete from participation_achievements; select grove_rebuild_participation(); select grove_rebuild_directory()');
        for (const table of READ_MODELS) rebuilt[table] = await contents(tx, table);
        throw rollback;
      }),
      (error) => error === rollback,
    );
    for (const table of READ_MODELS) assertSameRows(seeded[table], rebuilt[table], table);
  });
});

const url = process.env.DATABASE_URL;

describe('COPY load on PostgreSQL', { skip: url ? false : 'needs DATABASE_URL' }, () => {
  const anchor = new Date('2025-03-03T00:00:00Z');
  const open = async () => {
    const db = await openDatabase({ url, schema: `grove_copy_${process.pid}_${randomBytes(3).toString('hex')}`, dropSchemaOnClose: true });
    await migrate(db);
    return db;
  };
  let copied: Database;
  let inserted: Database;
  const started = Date.now() - 1_000;
  before(async () => {
    [copied, inserted] = await Promise.all([open(), open()]);
    // Small batches: many of them, several written at once on the COPY side.
    await seed(copied, { preset: 'demo', anchor, batchSize: 400 });
    await seed(inserted, { preset: 'demo', anchor, batchSize: 400, copy: false });
  });
  after(async () => {
    await Promise.all([copied.close(), inserted.close()]);
  });

  test('loads the same rows as INSERT, table by table', async () => {
    const names = await tables(copied);
    assert.deepEqual(names, await tables(inserted));
    // The run's own record, and scores that decay with now() (compared rounded below).
    // expert_post_mass: sums of floating-point decays, whose last digit depends on the order rows were added.
    const timed = new Set(['seed_runs', 'expert_standing', 'schema_migrations', 'expert_post_mass']);
    let compared = 0;
    for (const table of names.filter((name) => !timed.has(name))) {
      const [a, b] = await Promise.all([contents(copied, table, started), contents(inserted, table, started)]);
      assertSameRows(a, b, table);
      compared += a.length;
    }
    assert.ok(compared > 10_000, `compared ${compared} rows`);
    // Seconds apart, decayed scores differ in the seventh digit; summed in another order, masses differ in
    // the last one. Rounding cannot compare them (a value next to a rounding boundary flips), so keys are
    // compared exactly and values within a relative tolerance.
    await assertCloseRows(copied, inserted, 'expert_standing', 'member_id, skill_id', 'score', 1e-5);
    await assertCloseRows(copied, inserted, 'expert_post_mass', 'member_id, skill_id, community_id, kind, n, latest_at', 'mass', 1e-9);
  });
});
