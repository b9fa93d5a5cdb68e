import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Post } from '../../../server/contract/threads.ts';
import { page } from '../../../server/contract/common.ts';
import { assertSchema, call, setup, testDatabase, type Fixture } from './harness.ts';

let ctx: Awaited<ReturnType<typeof setup>>;
let f: Fixture;
let skillId: string;
before(async () => {
  ctx = await setup();
  f = ctx.fixture;
  // The fixture member declared level 4 on the two first skills; the topic is the first of them.
  const { rows } = await ctx.db.query<{ id: string }>('select id from skills order by id limit 1');
  skillId = rows[0]!.id;
});
after(async () => (await testDatabase()).close());

async function authors(threadId: string) {
  const result = await call(ctx.grove, `/api/v1/threads/${threadId}/posts?limit=100`, { as: f.member });
  const items = assertSchema(page(Post, 'PostPage'), result.json).items;
  return new Map(items.map((p) => [p.author.id, p.author]));
}

async function postIn(threadId: string, as: string): Promise<string> {
  const created = await call(ctx.grove, '/api/v1/posts', { method: 'POST', as, body: { thread: threadId, body: 'An answer' } });
  assert.equal(created.status, 201, created.text);
  return String(created.json?.id);
}

describe('post author role and expertise', () => {
  test("role is the author's role in the thread's community", async () => {
    await postIn(f.thread, f.facilitator);
    await postIn(f.thread, f.member);
    const byId = await authors(f.thread);
    assert.equal(byId.get(f.facilitator)?.role, 'facilitator');
    assert.equal(byId.get(f.member)?.role, 'member');
    assert.equal(byId.get(f.member)?.expert, false, 'a thread without topic skill has no experts');
  });

  test('declared level 4 makes an expert only once an answer on the topic was accepted', async () => {
    await ctx.db.query('update threads set topic_skill_id = $1 where id = $2', [skillId, f.question]);
    const answer = await postIn(f.question, f.member);
    assert.equal((await authors(f.question)).get(f.member)?.expert, false, 'a self-declaration alone is not enough');
    await ctx.db.query(`update threads set accepted_post_id = $1, status = 'answered' where id = $2`, [answer, f.question]);
    assert.equal((await authors(f.question)).get(f.member)?.expert, true);
  });

  test('three endorsements for the topic skill make an expert, two do not', async () => {
    const { rows } = await ctx.db.query<{ id: string }>(
      `insert into threads (community_id, title, kind, topic_skill_id, created_by) values ($1, 'Topic', 'discussion', $2, $3) returning id`,
      [f.grove.id, skillId, f.facilitator],
    );
    const threadId = rows[0]!.id;
    await postIn(threadId, f.facilitator);
    const endorse = (by: string) =>
      ctx.db.query('insert into endorsements (member_id, skill_id, endorser_id) values ($1, $2, $3)', [f.facilitator, skillId, by]);
    await endorse(f.member);
    await endorse(f.outsider);
    assert.equal((await authors(threadId)).get(f.facilitator)?.expert, false);
    await endorse(f.optedOut);
    assert.equal((await authors(threadId)).get(f.facilitator)?.expert, true);
  });
});
