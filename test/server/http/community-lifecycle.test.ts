/**
 * Sub-groups' life cycle against the real app and database: who may open and close them (every role),
 * the read-only archive a closed one becomes, and its members returned to the mother community.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Community, LifecycleResult } from '../../../server/contract/communities.ts';
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

const open = (body: Record<string, unknown>, as: string | null = f.facilitator) =>
  call(ctx.grove, '/api/v1/communities', { method: 'POST', as, body });
const lifecycle = (slug: string, body: Record<string, unknown>, as: string | null = f.facilitator) =>
  call(ctx.grove, `/api/v1/communities/${slug}/lifecycle`, { method: 'POST', as, body });

async function subGroup(extra: Record<string, unknown> = {}) {
  const slug = `trees-${process.pid}-${sequence++}`;
  const result = await open({ parent: f.grove.slug, slug, name: 'Trees', description: 'Agroforestry for a season', ...extra });
  assert.equal(result.status, 201, result.text);
  return assertSchema(Community, result.json);
}

describe('opening a sub-group', () => {
  test("anonymous 401, a member 403, another community's facilitator 403, an outsider of a members-only mother 404; the facilitator 201", async () => {
    const body = { parent: f.grove.slug, slug: `t-open-${process.pid}`, name: 'Seeds' };
    assertProblem(await open(body, null), 401);
    assertProblem(await open(body, f.member), 403);
    assertProblem(await open(body, otherFacilitator), 403);
    assertProblem(await open({ ...body, parent: f.private.slug }, f.outsider), 404);
    const result = await open(body);
    assert.equal(result.status, 201, result.text);
    const community = assertSchema(Community, result.json);
    assert.deepEqual(
      [community.parent, community.lifecycle, community.viewerRole, community.memberCount],
      [f.grove.slug, 'forming', 'facilitator', 1],
    );
    assertProblem(await open(body), 409, 'body.slug');
    assertProblem(await open({ ...body, slug: 'Not A Slug' }), 400, 'body.slug');
  });
});

describe('changing the life cycle', () => {
  test('only facilitators of the sub-group or of its mother may; others are refused and nothing changes', async () => {
    const trees = await subGroup();
    assertProblem(await lifecycle(trees.slug, { state: 'active' }, null), 401);
    assertProblem(await lifecycle(trees.slug, { state: 'active' }, f.member), 403);
    assertProblem(await lifecycle(trees.slug, { state: 'active' }, otherFacilitator), 403);
    assertProblem(await lifecycle(trees.slug, { state: 'archived' }), 400, 'body.state');
    assert.equal(assertSchema(Community, (await call(ctx.grove, `/api/v1/communities/${trees.slug}`)).json).lifecycle, 'forming');
    const active = assertSchema(LifecycleResult, (await lifecycle(trees.slug, { state: 'active' })).json);
    assert.equal(active.community.lifecycle, 'active');
    // The mother community's facilitator may manage it without being a member of the sub-group.
    await ctx.db.query('delete from memberships where community_id = $1', [trees.id]);
    assert.equal(assertSchema(LifecycleResult, (await lifecycle(trees.slug, { state: 'dormant' })).json).community.lifecycle, 'dormant');
  });

  test('closing keeps a findable read-only archive and returns its members to the mother community', async () => {
    const trees = await subGroup();
    const { rows } = await ctx.db.query<{ id: string }>(
      `insert into members (name, languages) values ('Newcomer via trees', '{fr}') returning id`,
    );
    const newcomer = rows[0]!.id;
    await ctx.db.query(`insert into memberships (community_id, member_id) values ($1, $2), ($1, $3)`, [trees.id, newcomer, f.member]);
    const closed = await lifecycle(trees.slug, { state: 'closed' });
    assert.equal(closed.status, 200, closed.text);
    const result = assertSchema(LifecycleResult, closed.json);
    assert.equal(result.community.lifecycle, 'closed');
    assert.ok(result.community.closedAt);
    assert.equal(result.returnedMembers, 1, 'the newcomer; Émile already belongs to the mother community');
    const { rows: membership } = await ctx.db.query('select role from memberships where community_id = $1 and member_id = $2', [
      f.grove.id,
      newcomer,
    ]);
    assert.deepEqual(membership, [{ role: 'member' }]);
    const listed = await call(ctx.grove, `/api/v1/communities?parent=${f.grove.slug}`);
    assert.ok(
      (listed.json as { items: { slug: string }[] }).items.some((item) => item.slug === trees.slug),
      'still findable',
    );
    // Read-only: no new thread, no new event.
    assertProblem(
      await call(ctx.grove, '/api/v1/posts', {
        method: 'POST',
        as: f.member,
        body: { key: `https://example.org/${trees.slug}`, community: trees.slug, title: 'Late', body: 'Anyone?', language: 'en' },
      }),
      403,
    );
    assertProblem(
      await call(ctx.grove, '/api/v1/events', {
        method: 'POST',
        as: f.facilitator,
        body: {
          community: trees.slug,
          title: 'x',
          startsAt: '2027-01-01T10:00:00Z',
          endsAt: '2027-01-01T11:00:00Z',
          timeZone: 'UTC',
          mode: 'online',
          joinUrl: 'https://meet.example.org/x',
        },
      }),
      403,
    );
    // Reopened, it takes writes again and forgets when it closed.
    const reopened = assertSchema(LifecycleResult, (await lifecycle(trees.slug, { state: 'active' })).json);
    assert.deepEqual([reopened.community.lifecycle, reopened.community.closedAt], ['active', null]);
    const log = await call(ctx.grove, `/api/v1/communities/${trees.slug}/moderation-log`, { as: f.facilitator });
    const entries = (log.json as { items: { action: string; detail: string; actor: { id: string } | null }[] }).items;
    assert.deepEqual(
      entries.map((entry) => [entry.action, entry.detail, entry.actor?.id]),
      [
        ['lifecycle', 'active', f.facilitator],
        ['lifecycle', 'closed', f.facilitator],
      ],
    );
  });

  test('a community with open sub-groups cannot close; the answer names them', async () => {
    const trees = await subGroup();
    const { rows } = await ctx.db.query<{ slug: string }>(
      `insert into communities (slug, parent_id, name) values ($1, $2, 'Seedlings') returning slug`,
      [`${trees.slug}-seedlings`, trees.id],
    );
    const refused = await lifecycle(trees.slug, { state: 'closed' });
    assertProblem(refused, 409, 'body.state');
    assert.match(String(refused.json?.detail), new RegExp(rows[0]!.slug));
    assert.equal((await lifecycle(trees.slug, { state: 'closed', returnMembers: false })).status, 409);
  });

  test('closing without returning members leaves the mother community as it was', async () => {
    const trees = await subGroup();
    const { rows } = await ctx.db.query<{ id: string }>(`insert into members (name, languages) values ('Stays out', '{fr}') returning id`);
    await ctx.db.query(`insert into memberships (community_id, member_id) values ($1, $2)`, [trees.id, rows[0]!.id]);
    const result = assertSchema(LifecycleResult, (await lifecycle(trees.slug, { state: 'closed', returnMembers: false })).json);
    assert.equal(result.returnedMembers, 0);
    const { rows: membership } = await ctx.db.query('select 1 from memberships where community_id = $1 and member_id = $2', [
      f.grove.id,
      rows[0]!.id,
    ]);
    assert.equal(membership.length, 0);
  });
});
