/** Page-key threads belong to their page: its sites, its community; facilitators retitle and move them. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertProblem, call, ORIGIN, setup, testDatabase, type Fixture } from './harness.ts';

let ctx: Awaited<ReturnType<typeof setup>>;
let f: Fixture;
before(async () => {
  ctx = await setup();
  f = ctx.fixture;
});
after(async () => (await testDatabase()).close());

let n = 0;
const pageKey = () => `${ORIGIN}/news/page-${process.pid}-${Date.now()}-${n++}`;
const post = (body: Record<string, unknown>, as: string) => call(ctx.grove, '/api/v1/posts', { method: 'POST', as, body });
const byKey = (key: string, community?: string, as: string | null = null) =>
  call(ctx.grove, `/api/v1/threads?key=${encodeURIComponent(key)}${community ? `&community=${community}` : ''}`, { as });

describe('page-key threads', () => {
  test("a URL key opens a thread only on the deployment's sites", async () => {
    const foreign = await post({ key: 'https://elsewhere.example.com/page', community: f.grove.slug, title: 'T', body: 'Hi' }, f.member);
    assertProblem(foreign, 403, 'body.key');
    const opaque = await post({ key: `cms-article-${Date.now()}`, community: f.grove.slug, title: 'T', body: 'Hi' }, f.member);
    assert.equal(opaque.status, 201, 'a key that is not a URL is the site’s own id');
    const ours = await post({ key: pageKey(), community: f.grove.slug, title: 'T', body: 'Hi' }, f.member);
    assert.equal(ours.status, 201, ours.text);
  });

  test("a thread squatted in another community never shows on the page nor takes the page's posts", async () => {
    const key = pageKey();
    const squat = await post({ key, community: f.other.slug, title: 'Buy cheap pumps', body: 'First!' }, f.outsider);
    assert.equal(squat.status, 201, squat.text);
    assert.equal((await byKey(key, f.grove.slug)).status, 204, 'the page has no thread in its own community yet');
    const real = await post({ key, community: f.grove.slug, title: 'Field notes', body: 'The real discussion' }, f.facilitator);
    assert.equal(real.status, 201, real.text);
    assert.notEqual(real.json?.thread, squat.json?.thread, 'the page’s post opened its own thread');
    const thread = await byKey(key, f.grove.slug);
    assert.equal(thread.json?.title, 'Field notes');
    assert.equal(thread.json.community, f.grove.slug);
    const counts = await call(ctx.grove, `/api/v1/threads/counts?key=${encodeURIComponent(key)}&community=${f.grove.slug}`);
    assert.deepEqual(counts.json?.counts, { [key]: 1 });
  });

  test('a facilitator retitles and moves a thread; others may not, and a move never merges two pages', async () => {
    const key = pageKey();
    const created = await post({ key, community: f.grove.slug, title: 'Wrong title', body: 'Hello' }, f.member);
    const threadId = String(created.json?.thread);
    const patch = (body: Record<string, unknown>, as: string, version: number) =>
      call(ctx.grove, `/api/v1/threads/${threadId}`, { method: 'PATCH', as, body, headers: { 'if-match': `"${version}"` } });
    assertProblem(await patch({ title: 'Mine now' }, f.member, 1), 403);
    const retitled = await patch({ title: 'Soil moisture: field notes' }, f.facilitator, 1);
    assert.equal(retitled.status, 200, retitled.text);
    assert.equal(retitled.json?.title, 'Soil moisture: field notes');

    // The facilitator facilitates grove and its members-only child, not `other`.
    assertProblem(await patch({ community: f.other.slug }, f.facilitator, 2), 403);
    const moved = await patch({ community: f.private.slug }, f.facilitator, 2);
    assert.equal(moved.status, 200, moved.text);
    assert.equal(moved.json?.community, f.private.slug);
    assert.equal((await byKey(key, f.grove.slug)).status, 204, 'the page has no thread in its own community yet');
    assert.equal((await byKey(key, f.private.slug, f.member)).json?.id, threadId);

    // Another discussion for the same page in grove: moving the first back would merge two pages' threads.
    await post({ key, community: f.grove.slug, title: 'Second', body: 'Again' }, f.member);
    assertProblem(await patch({ community: f.grove.slug }, f.facilitator, 3), 409, 'body.community');
  });
});

describe('ETags', () => {
  test('the ETag a GET sends is the If-Match a PATCH accepts, for threads and posts', async () => {
    const created = await post({ key: pageKey(), community: f.grove.slug, title: 'ETags', body: 'Hello' }, f.member);
    const threadUrl = `/api/v1/threads/${String(created.json?.thread)}`;
    const thread = await call(ctx.grove, threadUrl, { as: f.facilitator });
    const threadTag = thread.headers.get('etag') ?? '';
    assert.match(threadTag, /^W\/"1\.[\w-]+"$/);
    const pinned = await call(ctx.grove, threadUrl, {
      method: 'PATCH',
      as: f.facilitator,
      body: { pinned: true },
      headers: { 'if-match': threadTag },
    });
    assert.equal(pinned.status, 200, pinned.text);
    const stale = await call(ctx.grove, threadUrl, {
      method: 'PATCH',
      as: f.facilitator,
      body: { pinned: false },
      headers: { 'if-match': threadTag },
    });
    assertProblem(stale, 412);

    const postUrl = `/api/v1/posts/${String(created.json?.id)}`;
    const postTag = (await call(ctx.grove, postUrl, { as: f.member })).headers.get('etag') ?? '';
    assert.match(postTag, /^W\/"1\.[\w-]+"$/);
    const edited = await call(ctx.grove, postUrl, {
      method: 'PATCH',
      as: f.member,
      body: { body: 'Edited' },
      headers: { 'if-match': postTag },
    });
    assert.equal(edited.status, 200, edited.text);
    assertProblem(
      await call(ctx.grove, postUrl, { method: 'PATCH', as: f.member, body: { body: 'x' }, headers: { 'if-match': 'nonsense' } }),
      400,
      'header.if-match',
    );
  });

  test('revalidation is exact: a new post changes the thread’s ETag though its version stays', async () => {
    const created = await post({ key: pageKey(), community: f.grove.slug, title: 'Revalidate', body: 'One' }, f.member);
    const threadUrl = `/api/v1/threads/${String(created.json?.thread)}`;
    const first = await call(ctx.grove, threadUrl);
    const tag = first.headers.get('etag') ?? '';
    assert.equal((await call(ctx.grove, threadUrl, { headers: { 'if-none-match': tag } })).status, 304);
    await post({ thread: String(created.json?.thread), body: 'Two' }, f.facilitator);
    const after = await call(ctx.grove, threadUrl, { headers: { 'if-none-match': tag } });
    assert.equal(after.status, 200, 'the post count changed, so the representation did');
    assert.equal(after.json?.postCount, 2);
    assert.match(after.headers.get('etag') ?? '', /^W\/"1\./, 'same version');
  });
});
