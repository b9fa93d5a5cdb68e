/**
 * Invitations (decision 0151) against the real app and database: who may invite (every role), whom (only
 * members the facilitator can see), and the invitee's side: the group appears in their list, joining
 * accepts (a members-only one too), leaving declines.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Community, InvitationResult } from '../../../server/contract/communities.ts';
import { page } from '../../../server/contract/common.ts';
import { assertProblem, assertSchema, call, setup, testDatabase, type Fixture } from './harness.ts';

let ctx: Awaited<ReturnType<typeof setup>>;
let f: Fixture;
let otherFacilitator: string;
let sequence = 0;

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

const invite = (slug: string, member: string, as: string | null = f.facilitator) =>
  call(ctx.grove, `/api/v1/communities/${slug}/invitations`, { method: 'POST', as, body: { member } });

/** A member of the public mother community only (so the facilitator can see them), not of the members-only sub-group. */
async function newcomer(): Promise<string> {
  const { rows } = await ctx.db.query<{ id: string }>(`insert into members (name, languages) values ($1, '{fr}') returning id`, [
    `Invitee ${sequence++}`,
  ]);
  await ctx.db.query('insert into memberships (community_id, member_id) values ($1, $2)', [f.grove.id, rows[0]!.id]);
  return rows[0]!.id;
}

describe('inviting', () => {
  test("anonymous 401, a member 403, another community's facilitator 403, an outsider 404; the facilitator 201, then 200", async () => {
    const invitee = await newcomer();
    assertProblem(await invite(f.private.slug, invitee, null), 401);
    assertProblem(await invite(f.private.slug, invitee, f.member), 403);
    assertProblem(await invite(f.grove.slug, invitee, otherFacilitator), 403);
    assertProblem(await invite(f.private.slug, invitee, f.outsider), 404);
    const first = await invite(f.private.slug, invitee);
    assert.equal(first.status, 201, first.text);
    assert.equal(assertSchema(InvitationResult, first.json).status, 'invited');
    const again = await invite(f.private.slug, invitee);
    assert.deepEqual([again.status, again.json?.status], [200, 'invited']);
    assertProblem(await invite(f.private.slug, 'x'), 400, 'body.member');
  });

  test('only members the facilitator can see: the opted-out and unknown alike are 422 naming body.member', async () => {
    assertProblem(await invite(f.private.slug, f.optedOut), 422, 'body.member');
    assertProblem(await invite(f.private.slug, '999999999'), 422, 'body.member');
    const member = await invite(f.private.slug, f.member);
    assert.deepEqual([member.status, member.json?.status], [200, 'member']);
  });

  test('someone who asked to join is let in at once; a closed group takes no invitation', async () => {
    const asker = await newcomer();
    assert.equal(
      (await call(ctx.grove, `/api/v1/communities/${f.private.slug}/join`, { method: 'POST', as: asker, body: {} })).status,
      202,
    );
    const result = await invite(f.private.slug, asker);
    assert.deepEqual([result.status, result.json?.status], [201, 'joined']);
    const { rows } = await ctx.db.query(`select status from community_join_requests where member_id = $1`, [asker]);
    assert.deepEqual(rows, [{ status: 'approved' }]);
    const { rows: closed } = await ctx.db.query<{ slug: string }>(
      `insert into communities (slug, name, parent_id, lifecycle) values ($1, 'Closed', $2, 'closed') returning slug`,
      [`t-closed-invite-${process.pid}`, f.grove.id],
    );
    await ctx.db.query(
      `insert into memberships (community_id, member_id, role) select id, $1, 'facilitator' from communities where slug = $2`,
      [f.facilitator, closed[0]!.slug],
    );
    assertProblem(await invite(closed[0]!.slug, await newcomer()), 403);
  });
});

describe('the invitee', () => {
  test('finds the members-only group in their list, joins it (accepting) or leaves it (declining)', async () => {
    const accepting = await newcomer();
    const outsider = f.outsider;
    await invite(f.private.slug, accepting);
    await invite(f.private.slug, outsider);
    // The outsider is not in the mother community: the invitation alone lists the group to them.
    const listed = await call(ctx.grove, '/api/v1/communities?all=true&closed=exclude&limit=100', { as: outsider });
    const item = assertSchema(page(Community, 'CommunityPage'), listed.json).items.find((c) => c.slug === f.private.slug);
    assert.deepEqual([item?.readable, item?.viewerInvited], [false, true]);
    assertProblem(await call(ctx.grove, `/api/v1/communities/${f.private.slug}`, { as: outsider }), 404);
    // Joining a members-only group with an invitation: in at once.
    const joined = await call(ctx.grove, `/api/v1/communities/${f.private.slug}/join`, { method: 'POST', as: accepting, body: {} });
    assert.deepEqual([joined.status, joined.json?.status], [201, 'member']);
    const seen = assertSchema(Community, (await call(ctx.grove, `/api/v1/communities/${f.private.slug}`, { as: accepting })).json);
    assert.deepEqual([seen.viewerRole, seen.viewerInvited], ['member', false]);
    // Declining: leaving before joining removes the invitation, and the group from their list.
    assert.equal(
      (await call(ctx.grove, `/api/v1/communities/${f.private.slug}/membership`, { method: 'DELETE', as: outsider })).status,
      204,
    );
    const after = await call(ctx.grove, '/api/v1/communities?all=true&closed=exclude&limit=100', { as: outsider });
    assert.ok(!assertSchema(page(Community, 'CommunityPage'), after.json).items.some((c) => c.slug === f.private.slug));
    assertProblem(await call(ctx.grove, `/api/v1/communities/${f.private.slug}/membership`, { method: 'DELETE', as: outsider }), 404);
  });
});
