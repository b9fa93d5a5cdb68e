/**
 * A real crash, not a simulated one: the reference server runs as its own process and SIGKILLs itself
 * at a failpoint (server/shared/failpoints.ts) while a POST is between claiming its Idempotency-Key and
 * committing, or just after committing. It is restarted on the same database and the client retries
 * with the same key, as the thread widget's outbox does. Either way exactly one post must exist, and a
 * write that had committed is answered by replaying its stored response.
 *
 * PGlite in a data directory (its crash recovery on reopen included); also PostgreSQL, in a schema of
 * its own, when DATABASE_URL is set.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, describe, test } from 'node:test';
import { SignJWT } from 'jose';
import pg from 'pg';

const SECRET = 'crash-test-secret-that-is-at-least-32-characters';
const root = join(import.meta.dirname, '../../..');
/** A seeded public community and the first seeded member (server/seed/README.md). */
const COMMUNITY = 'water';
const MEMBER = '1';

interface Running {
  url: string;
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `server/index.ts` and resolves once it logs that it listens. */
function startServer(env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      GROVE_JWT_SECRET: SECRET,
      GROVE_RATE_LIMIT: '0',
      GROVE_PAGE_ORIGINS: 'https://intranet.example.org',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return;
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === 'listening' && entry.url) resolve({ url: entry.url, child, exited });
    });
    void exited.then(({ code, signal }) => reject(new Error(`server exited (${code ?? signal}) before listening: ${stderr}`)));
  });
}

const token = () =>
  new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject(MEMBER).setExpirationTime('5m').sign(new TextEncoder().encode(SECRET));

async function send(url: string, key: string, body: Record<string, unknown>) {
  const response = await fetch(`${url}/api/v1/posts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await token()}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    replayed: response.headers.get('idempotent-replayed'),
    json: (await response.json()) as { id?: string },
  };
}

async function postsOnPage(url: string, pageKey: string): Promise<{ id: string; bodyMd: string }[]> {
  const thread = await fetch(`${url}/api/v1/threads?key=${encodeURIComponent(pageKey)}`);
  if (thread.status === 204) return [];
  const { id } = (await thread.json()) as { id: string };
  const page = (await (await fetch(`${url}/api/v1/threads/${id}/posts?limit=100`)).json()) as { items: { id: string; bodyMd: string }[] };
  return page.items;
}

/** Kills the server mid-request at `failpoint`, restarts it, retries; returns what the retry saw. */
async function crashAndRetry(database: Record<string, string>, failpoint: string) {
  const pageKey = `https://intranet.example.org/crash/${failpoint}/${Date.now()}`;
  const key = `crash-${failpoint}-${Date.now()}`;
  const body = { key: pageKey, community: COMMUNITY, title: 'Crash test', body: `Written once (${failpoint})` };

  const doomed = await startServer({ ...database, GROVE_FAILPOINTS: failpoint });
  await assert.rejects(send(doomed.url, key, body), 'the connection dies with the process');
  const { signal } = await doomed.exited;
  assert.equal(signal, 'SIGKILL', 'the server was killed at the failpoint');

  const restarted = await startServer(database);
  try {
    const retry = await send(restarted.url, key, body);
    const posts = await postsOnPage(restarted.url, pageKey);
    return { retry, posts };
  } finally {
    restarted.child.kill('SIGTERM');
    await restarted.exited;
  }
}

function crashSuite(name: string, database: () => Promise<Record<string, string>>) {
  describe(`a server killed mid-write, on ${name}`, () => {
    test('killed between claim and commit: the retry writes the post, once', async () => {
      const { retry, posts } = await crashAndRetry(await database(), 'idempotency-before-commit');
      assert.equal(retry.status, 201);
      assert.equal(retry.replayed, null, 'nothing had committed, so the retry did the work');
      assert.deepEqual(
        posts.map((p) => p.id),
        [retry.json.id],
        'exactly one post',
      );
    });

    test('killed after commit, before answering: the retry replays the stored answer', async () => {
      const { retry, posts } = await crashAndRetry(await database(), 'idempotency-after-commit');
      assert.equal(retry.status, 201);
      assert.equal(retry.replayed, 'true');
      assert.deepEqual(
        posts.map((p) => p.id),
        [retry.json.id],
        'exactly one post, the one the first attempt wrote',
      );
    });
  });
}

const dataDir = mkdtemp(join(tmpdir(), 'grove-crash-'));
after(async () => rm(await dataDir, { recursive: true, force: true }));
crashSuite('PGlite', async () => ({ GROVE_DATA_DIR: await dataDir, GROVE_SEED: 'demo' }));

const databaseUrl = process.env.DATABASE_URL;
if (databaseUrl) {
  const schema = `grove_crash_${process.pid}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  const ready = admin.connect().then(() => admin.query(`create schema if not exists ${schema}`));
  after(async () => {
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  });
  const url = new URL(databaseUrl);
  url.searchParams.set('options', `-c search_path=${schema},public`);
  crashSuite('PostgreSQL', async () => {
    await ready;
    return { DATABASE_URL: url.toString(), GROVE_SEED: 'demo' };
  });
}
