/**
 * Writes happen once per Idempotency-Key, bodies are bounded before anything reads them, and a signed-in
 * route refuses an anonymous caller before reading its body. (The crash half, a server killed between
 * claim and commit, is test/server/crash/idempotency-crash.test.ts.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import contract from '../../../api/openapi.json' with { type: 'json' };
import { assertProblem, call, setup, testDatabase, tokenFor, type Fixture } from './harness.ts';

let ctx: Awaited<ReturnType<typeof setup>>;
let f: Fixture;
before(async () => {
  ctx = await setup();
  f = ctx.fixture;
});
after(async () => (await testDatabase()).close());

const post = (body: unknown, as: string | null, headers: Record<string, string> = {}) =>
  call(ctx.grove, '/api/v1/posts', { method: 'POST', as, body, headers });

async function postsWithBody(text: string): Promise<number> {
  const { rows } = await ctx.db.query<{ n: number }>('select count(*)::int as n from posts where body_md = $1', [text]);
  return rows[0]?.n ?? 0;
}

describe('idempotency keys', () => {
  test('two identical requests sent at once post once and answer alike', async () => {
    const text = `Concurrent ${Date.now()}`;
    const headers = { 'idempotency-key': `concurrent-${Date.now()}` };
    const [a, b] = await Promise.all([
      post({ thread: f.thread, body: text }, f.member, headers),
      post({ thread: f.thread, body: text }, f.member, headers),
    ]);
    assert.equal(a.status, 201, a.text);
    assert.equal(b.status, 201, b.text);
    assert.equal(a.json?.id, b.json?.id, 'both answers name the same post');
    assert.equal([a, b].filter((r) => r.headers.get('idempotent-replayed') === 'true').length, 1, 'exactly one is a replay');
    assert.equal(await postsWithBody(text), 1);
  });

  test('a key a crashed request left pending under the earlier scheme is taken over, not stuck', async () => {
    const text = `Taken over ${Date.now()}`;
    const key = `stuck-${Date.now()}`;
    await ctx.db.query("insert into idempotency_keys (principal, key, request_hash, state) values ($1, $2, 'old-hash', 'pending')", [
      `member:${f.member}`,
      key,
    ]);
    const retry = await post({ thread: f.thread, body: text }, f.member, { 'idempotency-key': key });
    assert.equal(retry.status, 201, retry.text);
    assert.equal(await postsWithBody(text), 1);
  });

  test("the handler's refusal of invalid input undoes its partial writes and keeps the key free for the corrected request", async () => {
    const key = `https://intranet.example.org/refused-${Date.now()}`;
    const headers = { 'idempotency-key': `refused-${Date.now()}` };
    // The thread for the new key is created before the reply target is checked and found wrong.
    const body = { key, community: f.grove.slug, title: 'Refused', body: 'Reply to nothing', replyTo: '1' };
    const first = await post(body, f.member, headers);
    assertProblem(first, 422, 'body.replyTo');
    const { rows } = await ctx.db.query('select 1 from threads where page_key = $1', [key]);
    assert.equal(rows.length, 0, 'the thread created before the refusal was rolled back');
    const again = await post(body, f.member, headers);
    assertProblem(again, 422, 'body.replyTo');
    assert.equal(again.headers.get('idempotent-replayed'), null, 'checked again, not replayed');
    const { replyTo: _wrong, ...corrected } = body;
    const fixed = await post(corrected, f.member, headers);
    assert.equal(fixed.status, 201, fixed.text);
    const replayed = await post(corrected, f.member, headers);
    assert.equal(replayed.headers.get('idempotent-replayed'), 'true');
  });

  test('a refusal the client cannot correct (forbidden) is stored and replayed', async () => {
    const headers = { 'idempotency-key': `forbidden-${Date.now()}` };
    const body = { key: `https://intranet.example.org/closed-${Date.now()}`, community: f.private.slug, title: 'Not mine', body: 'Hello' };
    const first = await post(body, f.outsider, headers);
    assert.ok(first.status === 403 || first.status === 404, first.text);
    const again = await post(body, f.outsider, headers);
    assert.equal(again.status, first.status);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
  });

  test('invalid input stores nothing: the corrected request may reuse the key', async () => {
    const headers = { 'idempotency-key': `corrected-${Date.now()}` };
    assertProblem(await post({ thread: f.thread, body: '' }, f.member, headers), 400, 'body.body');
    const text = `Corrected ${Date.now()}`;
    const fixed = await post({ thread: f.thread, body: text }, f.member, headers);
    assert.equal(fixed.status, 201, fixed.text);
    assert.equal(await postsWithBody(text), 1);
  });

  test('every POST of the contract requires an Idempotency-Key and names the header', async () => {
    // RFC 8058's one-click unsubscribe is POSTed by mail providers with no key; it is idempotent by nature.
    // An invitation's accept button is a plain HTML form on the page its mail links to: a second POST finds
    // the invitation used and changes nothing (decisions/0186-invitation-mail.md); an invited address's
    // page likewise (decisions/0190-email-invitations.md).
    const keyless = new Set(['unsubscribe', 'acceptInvitation', 'acceptAddressInvitation']);
    const posts = Object.entries(contract.paths).flatMap(([path, operations]) =>
      'post' in operations && !keyless.has(operations.post.operationId) ? [path] : [],
    );
    assert.ok(posts.length >= 8, `expected the contract's POST routes, found ${posts.length}`);
    for (const path of posts) {
      const concrete = path.replace(/\{[^}]+\}/g, (name) => (name === '{slug}' ? f.grove.slug : f.thread));
      const result = await call(ctx.grove, concrete, { method: 'POST', as: f.member, body: {}, headers: { 'idempotency-key': '' } });
      assertProblem(result, 400, 'header.idempotency-key');
    }
  });
});

describe('request bodies', () => {
  const big = (bytes: number) => JSON.stringify({ thread: f.thread, body: 'x'.repeat(bytes) });

  test('a body over the route limit is a 413 problem naming the body, declared or streamed', async () => {
    const token = await tokenFor(f.member);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `big-${Date.now()}` };
    const declared = await ctx.grove.app.request('/api/v1/posts', { method: 'POST', headers, body: big(300_000) });
    assert.equal(declared.status, 413);
    assert.match(declared.headers.get('content-type') ?? '', /problem\+json/);
    assert.equal(((await declared.json()) as { errors: { field: string }[] }).errors[0]?.field, 'body');

    // Without Content-Length the limit is counted while the body streams in.
    const chunks = [new TextEncoder().encode(big(300_000))];
    const stream = new ReadableStream({
      pull(controller) {
        const chunk = chunks.shift();
        if (chunk) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const streamed = await ctx.grove.app.request('/api/v1/posts', {
      method: 'POST',
      headers,
      body: stream,
      // @ts-expect-error: Node's fetch needs duplex for a streamed request body
      duplex: 'half',
    });
    assert.equal(streamed.status, 413);
  });

  test('a small write route takes less than a post', async () => {
    const reason = 'r'.repeat(20_000);
    const result = await call(ctx.grove, `/api/v1/posts/1/reports`, { method: 'POST', as: f.member, body: { reason } });
    assertProblem(result, 413, 'body');
  });

  test('an anonymous write to a signed-in route is refused before its body is read', async () => {
    const result = await ctx.grove.app.request('/api/v1/posts', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `anon-${Date.now()}` },
      body: big(300_000),
    });
    assert.equal(result.status, 401, 'sign-in is checked before the body limit and the idempotency hash');
  });
});
