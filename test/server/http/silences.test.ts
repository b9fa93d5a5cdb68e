/**
 * Silencing a member in one community, against the real app and database: who may (every role), what a
 * silenced member can no longer do (post, edit) and can still do (read), and lifting it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Silence } from '../../../server/contract/communities.ts';
import { assertProblem, assertSchema, call, setup, testDatabase, type Fixture } from './harness.ts';

let ctx: Awaited<ReturnType<typeof setup>>;
let f: Fixture;
let otherFacilitator: string;

before(async () => {
  ctx = await setup();
  f = ctx.fixture;
  const { rows } = await ctx.db.query<{ id: string }>(`insert into members (name, languages) values ('Olga Other', '{en}') returning id`);
  otherFacilitator = rows[0]!.id;
  await ctx.db.query(`insert into memberships (community_id, member_id, role) values ($1, $2, 'facilitator')`, [
    f.other.id,
    otherFacilitator,
  ]);
});
after(async () => (await testDatabase()).close());

const silence = (body: Record<string, unknown>, as: string | null = f.facilitator, slug = f.grove.slug) =>
  call(ctx.grove, `/api/v1/communities/${slug}/silences`, { method: 'POST', as, body });
const post = (as: string, body = 'Hello again') =>
  call(ctx.grove, '/api/v1/posts', { method: 'POST', as, body: { thread: f.thread, body, language: 'en' } });

describe('silencing a member', () => {
  test("facilitators only: anonymous 401, member 403, another community's facilitator 403, outsider of members-only 404", async () => {
    const body = { member: f.member, hours: 24 };
    assertProblem(await silence(body, null), 401);
    assertProblem(await silence(body, f.member), 403);
    assertProblem(await silence(body, otherFacilitator), 403);
    assertProblem(await silence(body, f.outsider, f.private.slug), 404);
    assertProblem(await silence({ member: f.facilitator, hours: 1 }), 422, 'body.member');
    assertProblem(await silence({ member: f.outsider, hours: 1 }, f.facilitator, f.private.slug), 422, 'body.member');
    assertProblem(await silence({ member: f.member, hours: -1 }), 400, 'body.hours');
    assert.equal((await post(f.member)).status, 201, 'nobody was silenced by the refused calls');
  });

  test('a silenced member cannot post or edit in that community, still reads it, and may post elsewhere; lifting restores it', async () => {
    const written = await post(f.member, 'Before the silence');
    assert.equal(written.status, 201, written.text);
    const postId = (written.json as { id: string }).id;
    const result = await silence({ member: f.member, hours: 48, reason: 'Repeated off-topic adverts' });
    assert.equal(result.status, 200, result.text);
    const until = assertSchema(Silence, result.json).until!;
    assert.ok(Date.parse(until) > Date.now() + 47 * 3_600_000);
    const refused = await post(f.member);
    assertProblem(refused, 403);
    assert.match(String(refused.json?.type), /silenced$/);
    assertProblem(
      await call(ctx.grove, `/api/v1/posts/${postId}`, {
        method: 'PATCH',
        as: f.member,
        body: { body: 'Edited' },
        headers: { 'if-match': '"1"' },
      }),
      403,
    );
    assert.equal((await call(ctx.grove, `/api/v1/threads/${f.thread}/posts`, { as: f.member })).status, 200, 'still reads');
    assert.equal(
      (
        await call(ctx.grove, '/api/v1/posts', {
          method: 'POST',
          as: f.member,
          body: { thread: f.privateThread, body: 'Elsewhere', language: 'en' },
        })
      ).status,
      201,
    );
    assert.deepEqual(assertSchema(Silence, (await silence({ member: f.member, hours: 0 })).json).until, null);
    assert.equal((await post(f.member, 'After the silence')).status, 201);
  });

  test('the silence and its log entry are one write: when the log cannot be written, nobody is silenced', async () => {
    await ctx.db.query(`alter table moderation_log add constraint test_refuses_silences check (action <> 'silence') not valid`);
    try {
      const result = await silence({ member: f.member, hours: 5, reason: 'Rolled back' });
      assert.equal(result.status, 500, result.text);
    } finally {
      await ctx.db.query('alter table moderation_log drop constraint test_refuses_silences');
    }
    const { rows } = await ctx.db.query('select 1 from silences where community_id = $1 and member_id = $2 and reason = $3', [
      f.grove.id,
      f.member,
      'Rolled back',
    ]);
    assert.equal(rows.length, 0, 'the silence rolled back with its log entry');
    assert.equal((await post(f.member, 'Still allowed')).status, 201);
  });
});
