import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Post, Thread, ThreadCounts } from '../../../server/contract/threads.ts';
import { page } from '../../../server/contract/common.ts';
import { readCache } from '../../../server/db/read-cache.ts';
import { assertProblem, assertSchema, call, setup, testDatabase, type Fixture } from './harness.ts';

let ctx: Awaited<ReturnType<typeof setup>>;
let f: Fixture;
before(async () => {
  ctx = await setup();
  f = ctx.fixture;
});
after(async () => (await testDatabase()).close());

const post = (body: unknown, as: string | null, headers: Record<string, string> = {}) =>
  call(ctx.grove, '/api/v1/posts', { method: 'POST', as, body, headers });

describe('threads and posts', () => {
  test('a thread is found by page key and matches the contract', async () => {
    const thread = await call(ctx.grove, `/api/v1/threads/${f.thread}`);
    const parsed = assertSchema(Thread, thread.json);
    const byKey = await call(ctx.grove, `/api/v1/threads?key=${encodeURIComponent(parsed.key ?? '')}`);
    assert.equal(byKey.json?.id, f.thread);
    assert.equal(parsed.viewer.canPost, false, 'anonymous viewers cannot post');
  });

  test('the first post on a new page key creates its thread', async () => {
    const key = `https://intranet.example.org/page-${Date.now()}`;
    const none = await call(ctx.grove, `/api/v1/threads?key=${encodeURIComponent(key)}`);
    assert.equal(none.status, 204, 'a page whose conversation has not started is not an error');
    assert.equal(none.text, '');
    assertProblem(await call(ctx.grove, `/api/v1/threads?key=${encodeURIComponent(key)}&community=watr`), 404);
    const created = await post(
      { key, community: f.grove.slug, title: 'Page comments', body: 'First **comment**', language: 'fr' },
      f.member,
    );
    assert.equal(created.status, 201, created.text);
    const body = assertSchema(Post, created.json);
    assert.equal(body.bodyHtml, '<p>First <strong>comment</strong></p>');
    assert.equal(created.headers.get('location'), `/api/v1/posts/${body.id}`);
    const thread = await call(ctx.grove, `/api/v1/threads?key=${encodeURIComponent(key)}`);
    assert.equal(thread.json?.postCount, 1);
    const counts = await call(ctx.grove, `/api/v1/threads/counts?key=${encodeURIComponent(key)}&key=unknown-page`);
    assert.deepEqual(assertSchema(ThreadCounts, counts.json).counts, { [key]: 1, 'unknown-page': 0 });
  });

  test('a new key without community and title names both fields', async () => {
    assertProblem(await post({ key: `k-${Date.now()}`, body: 'x' }, f.member), 400, 'body.community');
  });

  test('bad post input is a problem naming the field', async () => {
    assertProblem(await post({ thread: f.thread, body: '' }, f.member), 400, 'body.body');
    assertProblem(await post({ thread: 'abc', body: 'hi' }, f.member), 400, 'body.thread');
    assertProblem(await post({ thread: f.thread, body: 'hi', language: 'not a tag' }, f.member), 400, 'body.language');
    assertProblem(await call(ctx.grove, `/api/v1/threads/${f.thread}/posts?order=sideways`), 400, 'query.order');
    // 2^63 is a string of digits but no bigint: once a 500 from the database's cast.
    assertProblem(await call(ctx.grove, '/api/v1/posts/9223372036854775808'), 400, 'path.id');
    assertProblem(await post({ thread: f.thread, body: 'hi', replyTo: '9223372036854775808' }, f.member), 400, 'body.replyTo');
  });

  test('Markdown is sanitised on the server', async () => {
    const created = await post(
      { thread: f.thread, body: '<script>alert(1)</script> [x](javascript:alert(1)) [y](https://a.example)' },
      f.member,
    );
    const html = String(created.json?.bodyHtml);
    assert.doesNotMatch(html, /<script|href="javascript:/, 'no script element and no javascript: link');
    assert.match(html, /rel="nofollow ugc noopener"/);
  });

  test('posting: anonymous 401, outsider in members-only 404, member allowed', async () => {
    assertProblem(await post({ thread: f.thread, body: 'hi' }, null), 401);
    assertProblem(await post({ thread: f.privateThread, body: 'hi' }, f.outsider), 404);
    assert.equal((await post({ thread: f.privateThread, body: 'hi' }, f.member)).status, 201);
    assertProblem(await call(ctx.grove, `/api/v1/threads/${f.privateThread}/posts`), 404);
    assert.equal((await call(ctx.grove, `/api/v1/threads/${f.privateThread}/posts`, { as: f.member })).status, 200);
  });

  test('an idempotent retry replays the first response and creates nothing new', async () => {
    const headers = { 'idempotency-key': `retry-${Date.now()}` };
    const first = await post({ thread: f.thread, body: 'Only once' }, f.member, headers);
    const again = await post({ thread: f.thread, body: 'Only once' }, f.member, headers);
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(again.json?.id, first.json?.id);
    const { rows } = await ctx.db.query<{ n: number }>(
      "select count(*)::int as n from posts where thread_id = $1 and body_md = 'Only once'",
      [f.thread],
    );
    assert.equal(rows[0]?.n, 1);
    assertProblem(await post({ thread: f.thread, body: 'Something else' }, f.member, headers), 422);
    assertProblem(await post({ thread: f.thread, body: 'No key' }, f.member, { 'idempotency-key': '' }), 400, 'header.idempotency-key');
  });

  test('edit needs If-Match: 428 without, 412 when stale, 200 and a new version when current', async () => {
    const created = await post({ thread: f.thread, body: 'Draft' }, f.member);
    const id = String(created.json?.id);
    const edit = (headers: Record<string, string>, as = f.member) =>
      call(ctx.grove, `/api/v1/posts/${id}`, { method: 'PATCH', as, body: { body: 'Edited' }, headers });
    assertProblem(await edit({}), 428, 'header.if-match');
    assertProblem(await edit({ 'if-match': '"7"' }), 412);
    assertProblem(await edit({ 'if-match': '"1"' }, f.facilitator), 403);
    const ok = await edit({ 'if-match': 'W/"1"' });
    assert.equal(ok.status, 200, ok.text);
    assert.equal(ok.json?.version, 2);
    assert.ok(ok.json.editedAt, 'narrowed by the version assertion above');
    assertProblem(await call(ctx.grove, `/api/v1/posts/${id}`, { method: 'DELETE', as: f.member, headers: { 'if-match': '"1"' } }), 412);
    const deleted = await call(ctx.grove, `/api/v1/posts/${id}`, { method: 'DELETE', as: f.member, headers: { 'if-match': '"2"' } });
    assert.equal(deleted.status, 204);
    const tombstone = await call(ctx.grove, `/api/v1/posts/${id}`);
    assert.equal(tombstone.json?.deleted, true);
    assert.equal(tombstone.json.bodyMd, '');
  });

  test('hidden posts reach facilitators only; members cannot hide', async () => {
    const created = await post({ thread: f.thread, body: 'Off topic' }, f.outsider);
    const id = String(created.json?.id);
    assertProblem(await call(ctx.grove, `/api/v1/posts/${id}/hide`, { method: 'POST', as: f.member }), 403);
    assert.equal((await call(ctx.grove, `/api/v1/posts/${id}/hide`, { method: 'POST', as: f.facilitator })).status, 200);
    const ids = async (as: string | null) => {
      const list = await call(ctx.grove, `/api/v1/threads/${f.thread}/posts?limit=100`, { as });
      return assertSchema(page(Post, 'PostPage'), list.json).items.map((p) => p.id);
    };
    assert.ok(!(await ids(null)).includes(id), 'anonymous must not see a hidden post');
    assert.ok(!(await ids(f.member)).includes(id), 'members must not see a hidden post');
    assert.ok((await ids(f.facilitator)).includes(id), 'facilitators see hidden posts');
    await call(ctx.grove, `/api/v1/posts/${id}/restore`, { method: 'POST', as: f.facilitator });
    assert.ok((await ids(null)).includes(id));
  });

  test('reactions: not on your own post, counted once per kind', async () => {
    const created = await post({ thread: f.thread, body: 'Useful tip' }, f.member);
    const id = String(created.json?.id);
    assertProblem(await call(ctx.grove, `/api/v1/posts/${id}/reactions`, { method: 'POST', as: f.member, body: { kind: 'helpful' } }), 403);
    assertProblem(
      await call(ctx.grove, `/api/v1/posts/${id}/reactions`, { method: 'POST', as: f.outsider, body: { kind: 'love' } }),
      400,
      'body.kind',
    );
    await call(ctx.grove, `/api/v1/posts/${id}/reactions`, { method: 'POST', as: f.outsider, body: { kind: 'helpful' } });
    const twice = await call(ctx.grove, `/api/v1/posts/${id}/reactions`, { method: 'POST', as: f.outsider, body: { kind: 'helpful' } });
    assert.deepEqual(twice.json?.reactions, { helpful: 1 });
    // The thread page reads the counts stored on the post (migration 091), kept by the reactions' triggers.
    await call(ctx.grove, `/api/v1/posts/${id}/reactions`, { method: 'POST', as: f.facilitator, body: { kind: 'helpful' } });
    await call(ctx.grove, `/api/v1/posts/${id}/reactions`, { method: 'POST', as: f.facilitator, body: { kind: 'thanks' } });
    const onPage = async (as: string | null) => {
      const list = await call(ctx.grove, `/api/v1/threads/${f.thread}/posts?limit=100`, { as });
      const found = assertSchema(page(Post, 'PostPage'), list.json).items.find((p) => p.id === id);
      return { reactions: found?.reactions, mine: found?.viewerReactions };
    };
    assert.deepEqual(await onPage(null), { reactions: { helpful: 2, thanks: 1 }, mine: [] });
    assert.deepEqual(await onPage(f.facilitator), { reactions: { helpful: 2, thanks: 1 }, mine: ['helpful', 'thanks'] });
    const removed = await call(ctx.grove, `/api/v1/posts/${id}/reactions/helpful`, { method: 'DELETE', as: f.outsider });
    assert.deepEqual(removed.json?.reactions, { helpful: 1, thanks: 1 });
    await call(ctx.grove, `/api/v1/posts/${id}/reactions/helpful`, { method: 'DELETE', as: f.facilitator });
    await call(ctx.grove, `/api/v1/posts/${id}/reactions/thanks`, { method: 'DELETE', as: f.facilitator });
    assert.deepEqual(await onPage(f.outsider), { reactions: {}, mine: [] });
  });

  test('reports: once per member', async () => {
    const created = await post({ thread: f.thread, body: 'Spam?' }, f.member);
    const id = String(created.json?.id);
    assertProblem(
      await call(ctx.grove, `/api/v1/posts/${id}/reports`, { method: 'POST', as: f.outsider, body: { reason: '' } }),
      400,
      'body.reason',
    );
    assert.equal(
      (await call(ctx.grove, `/api/v1/posts/${id}/reports`, { method: 'POST', as: f.outsider, body: { reason: 'Looks like spam' } }))
        .status,
      201,
    );
    assertProblem(await call(ctx.grove, `/api/v1/posts/${id}/reports`, { method: 'POST', as: f.outsider, body: { reason: 'Again' } }), 409);
  });

  test('lock, pin and accept: facilitators moderate, the asker accepts, others are refused', async () => {
    const answer = await post({ thread: f.question, body: 'Try mulching' }, f.outsider);
    const patch = (as: string, body: unknown, version: number) =>
      call(ctx.grove, `/api/v1/threads/${f.question}`, { method: 'PATCH', as, body, headers: { 'if-match': `"${version}"` } });
    assertProblem(await patch(f.outsider, { pinned: true }, 1), 403);
    assertProblem(await patch(f.member, { pinned: true }, 1), 403);
    const accepted = await patch(f.member, { acceptedPost: answer.json?.id }, 1);
    assert.equal(accepted.status, 200, accepted.text);
    assert.equal(accepted.json?.status, 'answered');
    const locked = await patch(f.facilitator, { locked: true, pinned: true }, 2);
    assert.equal(locked.json?.status, 'locked');
    assertProblem(await post({ thread: f.question, body: 'Late reply' }, f.outsider), 403);
    assert.equal((await post({ thread: f.question, body: 'Facilitator note' }, f.facilitator)).status, 201);
  });

  test('keyset paging visits every post once, in order', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const result = await call(ctx.grove, `/api/v1/threads/${f.thread}/posts?limit=2&order=newest${cursor ? `&cursor=${cursor}` : ''}`);
      const body = assertSchema(page(Post, 'PostPage'), result.json);
      seen.push(...body.items.map((p) => p.id));
      cursor = body.next;
    } while (cursor);
    assert.equal(new Set(seen).size, seen.length);
    assert.deepEqual(
      seen,
      [...seen].sort((a, b) => Number(b) - Number(a)),
    );
    assertProblem(await call(ctx.grove, `/api/v1/threads/${f.thread}/posts?cursor=garbage`), 400, 'query.cursor');
  });

  test('an anonymous page of posts is answered from memory until what it shows changes', async () => {
    const cache = readCache(ctx.db, { channel: 'grove_discussion', table: 'discussion_generation' });
    const anonymous = async () => {
      const result = await call(ctx.grove, `/api/v1/threads/${f.thread}/posts?limit=100&order=newest`);
      assert.equal(result.status, 200, result.text);
      return assertSchema(page(Post, 'PostPage'), result.json).items;
    };
    const before = await anonymous();
    const { hits } = cache;
    assert.deepEqual(await anonymous(), before);
    assert.equal(cache.hits, hits + 1, 'the same page again, from memory');

    const created = await post({ thread: f.thread, body: 'Fresh from the field' }, f.member);
    const id = String(created.json?.id);
    assert.equal((await anonymous())[0]?.id, id, 'a new post shows at once');
    const reacted = await call(ctx.grove, `/api/v1/posts/${id}/reactions`, {
      method: 'POST',
      as: f.facilitator,
      body: { kind: 'helpful' },
    });
    assert.ok(reacted.status < 300, reacted.text);
    assert.deepEqual((await anonymous())[0]?.reactions, { helpful: 1 }, 'a reaction counts at once');
    await ctx.db.query('update members set name = $2 where id = $1', [f.member, 'Émile Renamed']);
    try {
      assert.equal((await anonymous())[0]?.author.name, 'Émile Renamed', "an author's new name shows at once");
    } finally {
      await ctx.db.query(`update members set name = $2 where id = $1`, [
        f.member,
        before.find((p) => p.author.id === f.member)?.author.name ?? 'Émile',
      ]);
    }
    const hidden = await call(ctx.grove, `/api/v1/posts/${id}/hide`, { method: 'POST', as: f.facilitator });
    assert.equal(hidden.status, 200, hidden.text);
    assert.ok(!(await anonymous()).some((p) => p.id === id), 'a hidden post leaves at once');
    const signedIn = await call(ctx.grove, `/api/v1/threads/${f.thread}/posts?limit=100&order=newest`, { as: f.facilitator });
    assert.equal(
      (signedIn.json as { items: { id: string }[] }).items[0]?.id,
      id,
      'a facilitator still sees it: signed-in pages are never shared',
    );
  });

  test('the thread stream delivers a new post and resumes after Last-Event-ID', async () => {
    const response = await ctx.grove.app.request(`/api/v1/threads/${f.thread}/stream`);
    assert.equal(response.headers.get('content-type'), 'text/event-stream');
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    const readUntil = async (pattern: RegExp) => {
      let text = '';
      while (!pattern.test(text)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += value;
      }
      return text;
    };
    await readUntil(/retry: 3000/);
    const created = await post({ thread: f.thread, body: 'Live!' }, f.member);
    const text = await readUntil(/event: post\n/);
    assert.match(text, new RegExp(`id: ${String(created.json?.id)}\\n`));
    await reader.cancel();

    const resumed = await ctx.grove.app.request(`/api/v1/threads/${f.thread}/stream`, {
      headers: { 'last-event-id': String(Number(created.json?.id) - 1) },
    });
    const resumedReader = resumed.body!.pipeThrough(new TextDecoderStream()).getReader();
    let replay = '';
    while (!replay.includes('Live!')) replay += (await resumedReader.read()).value ?? '';
    await resumedReader.cancel();
  });
});

describe('following a thread', () => {
  test('posting follows the thread; PUT and DELETE …/follow switch it; anonymous viewers follow nothing', async () => {
    const key = `https://intranet.example.org/follow-${Date.now()}`;
    const created = await post({ key, community: f.grove.slug, title: 'Follow me', body: 'Opening' }, f.member);
    const threadId = String(created.json?.thread);
    const viewerState = async (as: string | null) =>
      ((await call(ctx.grove, `/api/v1/threads/${threadId}`, { as })).json?.viewer as { following: boolean }).following;
    assert.equal(await viewerState(f.member), true, 'the author follows what they wrote in');
    assert.equal(await viewerState(f.facilitator), false);
    assert.equal((await call(ctx.grove, `/api/v1/threads/${threadId}/follow`, { method: 'PUT', as: f.facilitator })).status, 200);
    assert.equal(await viewerState(f.facilitator), true);
    assert.equal((await call(ctx.grove, `/api/v1/threads/${threadId}/follow`, { method: 'DELETE', as: f.member })).json?.following, false);
    assert.equal(await viewerState(f.member), false);
    assert.equal(await viewerState(null), false);
    assertProblem(await call(ctx.grove, `/api/v1/threads/${threadId}/follow`, { method: 'PUT' }), 401);
    assertProblem(await call(ctx.grove, `/api/v1/threads/${f.privateThread}/follow`, { method: 'PUT', as: f.outsider }), 404);
  });
});
