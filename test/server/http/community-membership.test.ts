import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { JoinRequestPage, JoinResult } from '../../../server/contract/communities.ts';
import { assertProblem, assertSchema, call, setup, testDatabase, type Fixture } from './harness.ts';

let ctx: Awaited<ReturnType<typeof setup>>;
let f: Fixture;
before(async () => {
  ctx = await setup();
  f = ctx.fixture;
});
after(async () => (await testDatabase()).close());

const join = (slug: string, as: string | null, body: unknown = {}) =>
  call(ctx.grove, `/api/v1/communities/${slug}/join`, { method: 'POST', as, body });
const leave = (slug: string, as: string | null) => call(ctx.grove, `/api/v1/communities/${slug}/membership`, { method: 'DELETE', as });
const role = async (slug: string, as: string) => (await call(ctx.grove, `/api/v1/communities/${slug}`, { as })).json?.viewerRole;

describe('joining and leaving communities', () => {
  test('anonymous: 401', async () => {
    assertProblem(await join(f.grove.slug, null), 401);
    assertProblem(await leave(f.grove.slug, null), 401);
    assertProblem(await call(ctx.grove, `/api/v1/communities/${f.grove.slug}/join-requests`), 401);
  });

  test('a public community is joined at once, again harmlessly, and left', async () => {
    const joined = await join(f.grove.slug, f.outsider);
    assert.equal(joined.status, 201, joined.text);
    assert.deepEqual(assertSchema(JoinResult, joined.json), { community: f.grove.slug, status: 'member' });
    assert.equal(await role(f.grove.slug, f.outsider), 'member');
    assert.equal((await join(f.grove.slug, f.outsider)).status, 200);
    assert.equal((await leave(f.grove.slug, f.outsider)).status, 204);
    assert.equal(await role(f.grove.slug, f.outsider), null);
    assertProblem(await leave(f.grove.slug, f.outsider), 404);
  });

  test('a members-only community takes a request; a facilitator approves it', async () => {
    assertProblem(await call(ctx.grove, `/api/v1/communities/${f.private.slug}`, { as: f.outsider }), 404);
    const requested = await join(f.private.slug, f.outsider, { message: 'I run irrigation trials in Thiès' });
    assert.equal(requested.status, 202, requested.text);
    assert.equal(assertSchema(JoinResult, requested.json).status, 'pending');
    assert.equal((await join(f.private.slug, f.outsider)).status, 200, 'one pending request per member');
    assertProblem(await call(ctx.grove, `/api/v1/communities/${f.private.slug}`, { as: f.outsider }), 404, undefined);

    assertProblem(await call(ctx.grove, `/api/v1/communities/${f.private.slug}/join-requests`, { as: f.member }), 403);
    const list = await call(ctx.grove, `/api/v1/communities/${f.private.slug}/join-requests`, { as: f.facilitator });
    const pending = assertSchema(JoinRequestPage, list.json).items.find((r) => r.member.id === f.outsider);
    assert.ok(pending, list.text);
    assert.equal(pending.message, 'I run irrigation trials in Thiès');

    const approve = (as: string) =>
      call(ctx.grove, `/api/v1/communities/${f.private.slug}/join-requests/${pending.id}/approve`, { method: 'POST', as });
    assertProblem(await approve(f.member), 403);
    const approved = await approve(f.facilitator);
    assert.deepEqual(approved.json, { id: pending.id, status: 'approved' });
    assert.equal((await approve(f.facilitator)).status, 200, 'approving again is harmless');
    assertProblem(
      await call(ctx.grove, `/api/v1/communities/${f.private.slug}/join-requests/${pending.id}/decline`, {
        method: 'POST',
        as: f.facilitator,
      }),
      409,
    );
    assert.equal(await role(f.private.slug, f.outsider), 'member');
    assert.equal((await leave(f.private.slug, f.outsider)).status, 204);
  });

  test('a declined request does not join; a pending one can be withdrawn', async () => {
    await join(f.private.slug, f.optedOut);
    const list = await call(ctx.grove, `/api/v1/communities/${f.private.slug}/join-requests`, { as: f.facilitator });
    const pending = assertSchema(JoinRequestPage, list.json).items.find((r) => r.member.id === f.optedOut);
    assert.ok(pending);
    const declined = await call(ctx.grove, `/api/v1/communities/${f.private.slug}/join-requests/${pending.id}/decline`, {
      method: 'POST',
      as: f.facilitator,
    });
    assert.equal(declined.json?.status, 'declined');
    assertProblem(await call(ctx.grove, `/api/v1/communities/${f.private.slug}`, { as: f.optedOut }), 404);
    assert.equal((await join(f.private.slug, f.optedOut)).status, 202, 'asking again after a decline is a new request');
    assert.equal((await leave(f.private.slug, f.optedOut)).status, 204, 'withdraws the request');
    const after = await call(ctx.grove, `/api/v1/communities/${f.private.slug}/join-requests`, { as: f.facilitator });
    assert.ok(!assertSchema(JoinRequestPage, after.json).items.some((r) => r.member.id === f.optedOut));
  });

  test('the last facilitator cannot leave; unknown and closed communities are refused', async () => {
    assertProblem(await leave(f.private.slug, f.facilitator), 409);
    assertProblem(await join('no-such-community-here', f.member), 404);
    await ctx.db.query(`update communities set lifecycle = 'closed' where id = $1`, [f.other.id]);
    assertProblem(await join(f.other.slug, f.member), 403);
    await ctx.db.query(`update communities set lifecycle = 'active' where id = $1`, [f.other.id]);
    assertProblem(await join(f.grove.slug, f.member, { message: 'x'.repeat(501) }), 400, 'body.message');
  });
});
