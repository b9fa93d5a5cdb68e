/**
 * Several server instances on one PostgreSQL (PostgreSQL only: PGlite is one process by nature).
 * Two real servers, each with its own pool and LISTEN connection on the same schema, as two processes
 * behind a load balancer would have: live updates, idempotency keys and rate limits hold across them.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { startServer, type RunningServer } from '../../../server/index.ts';
import { migrate, openDatabase, type Database } from '../../../server/db/index.ts';
import { seed } from '../../../server/seed/index.ts';
import { createFixture, SECRET, testConfig, tokenFor, type Fixture } from './harness.ts';

const url = process.env.DATABASE_URL;

describe('two instances sharing one PostgreSQL', { skip: url ? false : 'needs DATABASE_URL' }, () => {
  const schema = `grove_instances_${process.pid}_${randomBytes(3).toString('hex')}`;
  let first: Database;
  let second: Database;
  let a: RunningServer;
  let b: RunningServer;
  let f: Fixture;

  before(async () => {
    first = await openDatabase({ url, schema, dropSchemaOnClose: true });
    await migrate(first);
    await seed(first, { preset: 'demo' });
    f = await createFixture(first);
    second = await openDatabase({ url, schema });
    // The test plays the load balancer: loopback is a trusted proxy, so each test client has its own address.
    const config = testConfig({ rateLimit: { anonymousPerMinute: 4, memberPerMinute: 0 }, trustedProxies: ['127.0.0.1', '::1'] });
    const options = { ...config, port: 0, log: null, auth: { jwtSecret: SECRET } };
    a = await startServer({ ...options, database: first });
    b = await startServer({ ...options, database: second });
  });

  after(async () => {
    await a.close();
    await b.close();
    await second.close();
    await first.close();
  });

  const postTo = async (server: RunningServer, body: unknown, key: string) =>
    fetch(`${server.url}/api/v1/posts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key, authorization: `Bearer ${await tokenFor(f.member)}` },
      body: JSON.stringify(body),
    });

  test('a post written through one instance reaches a live reader of the other', async () => {
    const stream = await fetch(`${b.url}/api/v1/threads/${f.thread}/stream`);
    assert.equal(stream.headers.get('content-type'), 'text/event-stream');
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    const readUntil = async (pattern: RegExp) => {
      let text = '';
      while (!pattern.test(text)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += value;
      }
      return text;
    };
    // The stream writes `retry:` once its LISTEN is in place.
    await readUntil(/retry: 3000/);
    const created = await postTo(a, { thread: f.thread, body: 'Written on A, read on B' }, `instances-live-${schema}`);
    assert.equal(created.status, 201, await created.clone().text());
    const { id } = (await created.json()) as { id: string };
    const text = await readUntil(/event: post\n/);
    assert.match(text, new RegExp(`id: ${id}\\n`));
    assert.match(text, /Written on A, read on B/);
    await reader.cancel();
  });

  test('an Idempotency-Key used on one instance is replayed by the other', async () => {
    const key = `instances-idem-${schema}`;
    const body = { thread: f.thread, body: 'Sent once, retried elsewhere' };
    const original = await postTo(a, body, key);
    assert.equal(original.status, 201);
    const retried = await postTo(b, body, key);
    assert.equal(retried.status, 201);
    assert.equal(retried.headers.get('idempotent-replayed'), 'true');
    assert.equal(await retried.text(), await original.text(), 'byte for byte the first answer');
    const other = await postTo(b, { ...body, body: 'Another body' }, key);
    assert.equal(other.status, 422, 'the key is taken on every instance');
  });

  test("a profile edit through one instance shows in the other's cached directory, and at once in its own", async () => {
    const token = await tokenFor(f.member);
    const search = async (server: RunningServer, q: string) => {
      const response = await fetch(`${server.url}/api/v1/members?${new URLSearchParams({ q, limit: '5' }).toString()}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(response.status, 200);
      return ((await response.json()) as { items: { id: string }[] }).items.map((item) => item.id);
    };
    const name = `Quillon Instancewright ${schema.slice(-6)}`;
    // Both instances have the search cached, empty, before the edit.
    assert.deepEqual(await search(a, 'quillon'), []);
    assert.deepEqual(await search(b, 'quillon'), []);
    const me = await fetch(`${a.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    const edited = await fetch(`${a.url}/api/v1/me`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/merge-patch+json',
        'if-match': me.headers.get('etag') ?? '*',
      },
      body: JSON.stringify({ name }),
    });
    assert.equal(edited.status, 200, await edited.clone().text());
    // The writing instance answers from the new state on the very next request (read your writes).
    assert.deepEqual(await search(a, 'quillon'), [f.member]);
    // The other learns it from the NOTIFY, or at worst its once-a-second check of the stored generation.
    const deadline = performance.now() + 3_000;
    let seen: string[] = [];
    while (performance.now() < deadline && seen.length === 0) seen = await search(b, 'quillon');
    assert.deepEqual(seen, [f.member]);
  });

  test('a client spreading requests over both instances gets one budget', async () => {
    // anonymousPerMinute 4 on each: without a shared budget this client could make 8.
    const headers = { 'x-forwarded-for': '203.0.113.7' };
    const statuses: number[] = [];
    for (const server of [a, b, a, b, a]) {
      const response = await fetch(`${server.url}/api/v1/communities`, { headers });
      await response.arrayBuffer();
      statuses.push(response.status);
    }
    assert.deepEqual(statuses.slice(0, 4), [200, 200, 200, 200]);
    assert.equal(statuses[4], 429, 'the fifth request, on either instance, is over the shared limit');
  });
});
