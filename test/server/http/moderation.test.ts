/**
 * Moderation that scales, against the real app and database: pre-moderation of a member's first posts
 * (who sees a held post, approving publishes it, rejecting keeps it hidden), the held-post queue, the
 * slower post rate of new accounts and the moderation log; every new route for every role.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { HeldPostQueue, ModerationLogEntry, Premoderation } from '../../../server/contract/moderation.ts';
import { Post } from '../../../server/contract/threads.ts';
import { ORIGIN, assertProblem, assertSchema, call, setup, testDatabase, type Fixture } from './harness.ts';

let ctx: Awaited<ReturnType<typeof setup>>;
let f: Fixture;
let otherFacilitator: string;
let newcomer: string;

const newMember = async (name: string, communityId: string, role = 'member', created = 'now()') => {
  const { rows } = await ctx.db.query<{ id: string }>(
    `insert into members (name, languages, created_at) values ($1, '{en}', ${created}) returning id`,
    [name],
  );
  await ctx.db.query('insert into memberships (community_id, member_id, role) values ($1, $2, $3)', [communityId, rows[0]!.id, role]);
  return rows[0]!.id;
};

before(async () => {
  ctx = await setup();
  f = ctx.fixture;
  otherFacilitator = await newMember('Olga Other', f.other.id, 'facilitator');
  newcomer = await newMember('Nina Newcomer', f.grove.id);
});
after(async () => (await testDatabase()).close());

const premoderate = (firstPosts: unknown, as: string | null = f.facilitator, slug = f.grove.slug) =>
  call(ctx.grove, `/api/v1/communities/${slug}/premoderation`, { method: 'POST', as, body: { firstPosts } });
const post = async (as: string, body: string) => {
  const result = await call(ctx.grove, '/api/v1/posts', { method: 'POST', as, body: { thread: f.thread, body, language: 'en' } });
  assert.equal(result.status, 201, result.text);
  return assertSchema(Post, result.json);
};
/** A post by page key in the fixture community: the first on a page opens its thread. */
const postOnPage = async (as: string, key: string, fields: { title: string; body: string; kind?: 'question' }) => {
  const result = await call(ctx.grove, '/api/v1/posts', {
    method: 'POST',
    as,
    body: { key, community: f.grove.slug, language: 'en', ...fields },
  });
  assert.equal(result.status, 201, result.text);
  return assertSchema(Post, result.json);
};
const held = (as: string | null = f.facilitator, slug = f.grove.slug) => call(ctx.grove, `/api/v1/communities/${slug}/held-posts`, { as });
const decide = (
  id: string,
  decision: 'approval' | 'rejection',
  as: string | null = f.facilitator,
  body: unknown = decision === 'rejection' ? {} : undefined,
) => call(ctx.grove, `/api/v1/posts/${id}/${decision}`, { method: 'POST', as, body });
const threadPosts = async (as: string | null) => {
  const result = await call(ctx.grove, `/api/v1/threads/${f.thread}/posts?limit=100`, { as });
  return (result.json as { items: { id: string; held: boolean }[] }).items;
};
const log = (as: string | null = f.facilitator, slug = f.grove.slug) =>
  call(ctx.grove, `/api/v1/communities/${slug}/moderation-log?limit=50`, { as });

describe('pre-moderation of first posts', () => {
  test("every route is for the community's facilitators: anonymous 401, member 403, another community's facilitator 403, outsider of members-only 404", async () => {
    assertProblem(await premoderate(2, null), 401);
    assertProblem(await premoderate(2, f.member), 403);
    assertProblem(await premoderate(2, otherFacilitator), 403);
    assertProblem(await premoderate(2, f.outsider, f.private.slug), 404);
    assertProblem(await premoderate(-1), 400, 'body.firstPosts');
    assertProblem(await premoderate(101), 400, 'body.firstPosts');
    assertProblem(await premoderate('two'), 400, 'body.firstPosts');
    assertProblem(await held(null), 401);
    assertProblem(await held(f.member), 403);
    assertProblem(await held(otherFacilitator), 403);
    assertProblem(await held(f.outsider, f.private.slug), 404);
    assertProblem(await log(null), 401);
    assertProblem(await log(f.member), 403);
    assertProblem(await log(otherFacilitator), 403);
    assertProblem(await log(f.outsider, f.private.slug), 404);
    const queue = assertSchema(HeldPostQueue, (await held()).json);
    assert.equal(queue.firstPosts, 0, 'the refused calls changed nothing');
  });

  test("holds a member's first N posts for their author and facilitators; approving publishes, rejecting keeps it hidden; 0 turns it off", async () => {
    assert.deepEqual(assertSchema(Premoderation, (await premoderate(2)).json), { community: f.grove.slug, firstPosts: 2 });
    const first = await post(newcomer, 'My first post here');
    assert.deepEqual([first.held, first.hidden], [true, false], 'held, not hidden by anyone');
    assert.ok(
      (await threadPosts(newcomer)).some((p) => p.id === first.id && p.held),
      'its author sees it, marked',
    );
    assert.ok(
      (await threadPosts(f.facilitator)).some((p) => p.id === first.id),
      'facilitators see it',
    );
    assert.ok(!(await threadPosts(f.member)).some((p) => p.id === first.id), 'other members do not');
    assert.ok(!(await threadPosts(null)).some((p) => p.id === first.id), 'nor does the public');
    assertProblem(await call(ctx.grove, `/api/v1/posts/${first.id}`, { as: f.member }), 404);
    const facts = async () =>
      (
        await ctx.db.query<{ n: number }>(
          `select count(*)::int as n from participation_facts where member_id = $1 and kind in ('post', 'answer')`,
          [newcomer],
        )
      ).rows[0]!.n;
    assert.equal(await facts(), 0, 'a held post counts for nothing yet');
    const fromFacilitator = await post(f.facilitator, 'Facilitators are never held');
    assert.equal(fromFacilitator.held, false);

    const queue = assertSchema(HeldPostQueue, (await held()).json);
    assert.deepEqual(
      queue.items.map((item) => item.id),
      [first.id],
    );
    assert.equal(queue.items[0]!.author.name, 'Nina Newcomer');
    assert.equal(queue.firstPosts, 2);

    assertProblem(await decide(first.id, 'approval', null), 401);
    assertProblem(await decide(first.id, 'approval', f.member), 404, undefined);
    assertProblem(await decide(first.id, 'approval', otherFacilitator), 404);
    const approved = assertSchema(Post, (await decide(first.id, 'approval')).json);
    assert.deepEqual([approved.held, approved.hidden], [false, false]);
    assertProblem(await decide(first.id, 'approval'), 409);
    assert.ok(
      (await threadPosts(f.member)).some((p) => p.id === first.id),
      'published to everyone',
    );
    assert.equal(await facts(), 1, 'counted once approved');

    const second = await post(newcomer, 'Buy cheap pumps');
    assert.equal(second.held, true, 'one published post of two: still held');
    assertProblem(await decide(second.id, 'rejection', f.facilitator, { reason: 'x'.repeat(501) }), 400, 'body.reason');
    const rejected = assertSchema(Post, (await decide(second.id, 'rejection', f.facilitator, { reason: 'Advertising' })).json);
    assert.deepEqual([rejected.held, rejected.hidden], [false, true]);
    assert.ok(!(await threadPosts(newcomer)).some((p) => p.id === second.id), "a rejected post leaves its author's view too");
    assertProblem(await decide(second.id, 'approval'), 409);

    const third = await post(newcomer, 'A real question about pumps');
    assert.equal(third.held, true, 'a rejected post does not count');
    await decide(third.id, 'approval');
    assert.equal((await post(newcomer, 'Now trusted')).held, false, 'two published posts: no longer held');
    assert.equal(assertSchema(HeldPostQueue, (await held()).json).items.length, 0);

    const other = await newMember('Otto Other Newcomer', f.grove.id);
    await premoderate(0);
    assert.equal((await post(other, 'Pre-moderation is off')).held, false);
  });

  test("a reader's live stream gets nothing while a post is held, and the post once it is approved", async () => {
    await premoderate(1);
    const member = await newMember('Stella Stream', f.grove.id);
    const response = await ctx.grove.app.request(`/api/v1/threads/${f.thread}/stream`);
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(text)) {
        const { value, done } = await reader.read();
        if (done) break;
        text += value;
      }
    };
    await readUntil(/retry: 3000/);
    const held = await post(member, 'Streamed only once approved');
    const marker = await post(f.facilitator, 'A facilitator writes meanwhile');
    await readUntil(new RegExp(`id: ${marker.id}\\n`));
    assert.ok(!text.includes('Streamed only once approved'), 'the held post did not reach an anonymous reader');
    await decide(held.id, 'approval');
    await readUntil(/Streamed only once approved/);
    assert.match(text, /event: post\ndata: \{"id":"\d+"[^\n]*Streamed only once approved/);
    await reader.cancel();
    await premoderate(0);
  });

  test('restoring a held post approves it and hiding it rejects it', async () => {
    await premoderate(1);
    const member = await newMember('Rita Restore', f.grove.id);
    const first = await post(member, 'Waiting');
    const restored = await call(ctx.grove, `/api/v1/posts/${first.id}/restore`, { method: 'POST', as: f.facilitator });
    assert.deepEqual([restored.json?.held, restored.json?.hidden], [false, false]);
    await premoderate(5);
    const second = await post(member, 'Waiting again');
    const hidden = await call(ctx.grove, `/api/v1/posts/${second.id}/hide`, { method: 'POST', as: f.facilitator });
    assert.deepEqual([hidden.json?.held, hidden.json?.hidden], [false, true]);
    await premoderate(0);
  });
});

describe('a thread opened by a held post', () => {
  test('keeps its title from everyone but its author and the facilitators until approved, and is no unanswered question yet', async () => {
    await premoderate(1);
    const asker = await newMember('Quentin Question', f.grove.id);
    const key = `${ORIGIN}/held-question`;
    const first = await postOnPage(asker, key, { title: 'Secret pump prices', kind: 'question', body: 'Who sells pumps?' });
    assert.equal(first.held, true);
    const title = async (as: string | null) => {
      const byId = await call(ctx.grove, `/api/v1/threads/${first.thread}`, { as });
      const byKey = await call(ctx.grove, `/api/v1/threads?key=${encodeURIComponent(key)}&community=${f.grove.slug}`, { as });
      assert.equal(byId.status, 200, byId.text);
      assert.equal(byKey.json?.title, byId.json?.title, 'by key as by id');
      return byId.json?.title;
    };
    assert.equal(await title(null), '', 'the public does not read it');
    assert.equal(await title(f.member), '', 'nor do other members');
    assert.equal(await title(asker), 'Secret pump prices', 'its author does');
    assert.equal(await title(f.facilitator), 'Secret pump prices', 'facilitators do');
    const actions = await call(ctx.grove, `/api/v1/participation/communities/${f.grove.slug}/actions`, { as: f.facilitator });
    assert.equal(actions.status, 200, actions.text);
    const unanswered = (actions.json as { unansweredQuestions: { thread: string }[] }).unansweredQuestions;
    assert.ok(!unanswered.some((q) => q.thread === first.thread), 'a held question is not waiting for an answer yet');

    await decide(first.id, 'approval');
    assert.equal(await title(f.member), 'Secret pump prices', 'published with its post');
    assert.equal(await title(null), 'Secret pump prices');
    const after = await call(ctx.grove, `/api/v1/participation/communities/${f.grove.slug}/actions`, { as: f.facilitator });
    assert.ok(
      (after.json as { unansweredQuestions: { thread: string }[] }).unansweredQuestions.some((q) => q.thread === first.thread),
      'once approved it waits for an answer',
    );
    await premoderate(0);
  });

  test("a rejected opening post's title never shows: the first published post on the page opens the thread with its own", async () => {
    await premoderate(1);
    const spammer = await newMember('Sam Spam', f.grove.id);
    const key = `${ORIGIN}/rejected-opening`;
    const first = await postOnPage(spammer, key, { title: 'Cheap pills here', kind: 'question', body: 'Buy now' });
    assert.equal((await decide(first.id, 'rejection')).status, 200);
    await premoderate(0);
    const reply = await postOnPage(f.member, key, { title: 'Pump maintenance guide', body: 'Thanks for this guide' });
    assert.equal(reply.thread, first.thread, 'the post joins the thread of its page');
    const thread = await call(ctx.grove, `/api/v1/threads/${first.thread}`, { as: null });
    assert.equal(thread.json?.title, 'Pump maintenance guide');
    // The published post opened it: it is not an answer to the rejected question.
    const { rows } = await ctx.db.query<{ created_by: string }>('select created_by from threads where id = $1', [first.thread]);
    assert.equal(rows[0]?.created_by, f.member);
    await postOnPage(spammer, key, { title: 'Cheap pills again', body: 'Buy now' });
    assert.equal(
      (await call(ctx.grove, `/api/v1/threads/${first.thread}`, { as: null })).json?.title,
      'Pump maintenance guide',
      'a published thread keeps its title',
    );
  });
});

describe('new accounts post more slowly', () => {
  test('an account younger than a day, or with fewer than 3 published posts, gets 429 with Retry-After past the limit', async () => {
    const limited = await setup({ rateLimit: { anonymousPerMinute: 0, memberPerMinute: 0, newAccountPostsPer10Minutes: 2 } });
    const write = (as: string) =>
      call(limited.grove, '/api/v1/posts', { method: 'POST', as, body: { thread: limited.fixture.thread, body: 'Hello', language: 'en' } });
    const fresh = await newMember('Fred Fresh', limited.fixture.grove.id);
    assert.equal((await write(fresh)).status, 201);
    assert.equal((await write(fresh)).status, 201);
    const refused = await write(fresh);
    assertProblem(refused, 429);
    assert.match(String(refused.json?.type), /new-account-rate-limited$/);
    const retry = Number(refused.headers.get('retry-after'));
    assert.ok(retry > 500 && retry <= 600, `retry-after ${retry}`);

    const veteran = await newMember('Vera Veteran', limited.fixture.grove.id, 'member', "now() - interval '2 years'");
    await limited.db.query(
      `insert into posts (thread_id, author_id, body_md, body_html, created_at) select $1, $2, 'Old', '<p>Old</p>', now() - interval '1 year' from generate_series(1, 3)`,
      [limited.fixture.thread, veteran],
    );
    for (let i = 0; i < 3; i++) assert.equal((await write(veteran)).status, 201, 'an established account is not slowed');
    const lurker = await newMember('Luc Lurker', limited.fixture.grove.id, 'member', "now() - interval '2 years'");
    assert.equal((await write(lurker)).status, 201);
    assert.equal((await write(lurker)).status, 201);
    assertProblem(await write(lurker), 429);
  });
});

describe('the moderation log', () => {
  test('records hide, restore, lock, pin, report resolution, silence, approvals and the setting, newest first, with who did it', async () => {
    const target = await post(f.member, 'To be moderated');
    await call(ctx.grove, `/api/v1/posts/${target.id}/hide`, { method: 'POST', as: f.facilitator });
    await call(ctx.grove, `/api/v1/posts/${target.id}/restore`, { method: 'POST', as: f.facilitator });
    const thread = await call(ctx.grove, `/api/v1/threads/${f.thread}`, { as: f.facilitator });
    const etag = thread.headers.get('etag')!;
    const locked = await call(ctx.grove, `/api/v1/threads/${f.thread}`, {
      method: 'PATCH',
      as: f.facilitator,
      body: { locked: true, pinned: true },
      headers: { 'if-match': etag },
    });
    assert.equal(locked.status, 200, locked.text);
    const reported = await call(ctx.grove, `/api/v1/posts/${target.id}/reports`, {
      method: 'POST',
      as: f.optedOut,
      body: { reason: 'Spam' },
    });
    assert.equal(reported.status, 201, reported.text);
    const { rows } = await ctx.db.query<{ id: string }>('select id from reports where post_id = $1', [target.id]);
    await call(ctx.grove, `/api/v1/reports/${rows[0]!.id}/resolution`, { method: 'POST', as: f.facilitator, body: { action: 'dismiss' } });
    await call(ctx.grove, `/api/v1/communities/${f.grove.slug}/silences`, {
      method: 'POST',
      as: f.facilitator,
      body: { member: f.member, hours: 2, reason: 'Cool down' },
    });
    await call(ctx.grove, `/api/v1/communities/${f.grove.slug}/silences`, {
      method: 'POST',
      as: f.facilitator,
      body: { member: f.member, hours: 0 },
    });

    const result = await log();
    assert.equal(result.status, 200, result.text);
    const entries = assertSchema(ModerationLogEntry.array(), (result.json as { items: unknown[] }).items);
    const actions = entries.map((entry) => entry.action);
    for (const action of [
      'approve-post',
      'reject-post',
      'premoderation',
      'hide-post',
      'restore-post',
      'lock-thread',
      'pin-thread',
      'resolve-report',
      'silence',
      'lift-silence',
    ] as const) {
      assert.ok(actions.includes(action), `${action} in ${actions.join(', ')}`);
    }
    assert.equal(actions[0], 'lift-silence', 'newest first');
    const silence = entries.find((entry) => entry.action === 'silence')!;
    assert.equal(silence.actor?.id, f.facilitator);
    assert.equal(silence.member?.id, f.member);
    assert.equal(silence.detail, '2 h: Cool down');
    const hide = entries.find((entry) => entry.action === 'hide-post')!;
    assert.deepEqual([hide.post, hide.thread, hide.member?.id], [target.id, f.thread, f.member]);
    assert.equal(entries.find((entry) => entry.action === 'resolve-report')?.detail, 'dismiss');
    const paged = await call(ctx.grove, `/api/v1/communities/${f.grove.slug}/moderation-log?limit=2`, { as: f.facilitator });
    const next = (paged.json as { next: string }).next;
    const second = await call(ctx.grove, `/api/v1/communities/${f.grove.slug}/moderation-log?limit=2&cursor=${next}`, {
      as: f.facilitator,
    });
    assert.deepEqual(
      (second.json as { items: { id: string }[] }).items.map((entry) => entry.id),
      entries.slice(2, 4).map((entry) => entry.id),
    );
    assertProblem(
      await call(ctx.grove, `/api/v1/communities/${f.grove.slug}/moderation-log?cursor=nonsense`, { as: f.facilitator }),
      400,
      'query.cursor',
    );
  });
});
