/**
 * The community list as `grove-community-list` reads it (decision 0150), against the real app and
 * database: who sees which sub-group with which fields (every kind of viewer), facilitators through the
 * one visibility rule, activity, the viewer's own state, the archive filter, paging, and one statement
 * per page whatever its size.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Community } from '../../../server/contract/communities.ts';
import { page } from '../../../server/contract/common.ts';
import { assertProblem, assertSchema, call, setup, testDatabase, type Fixture } from './harness.ts';

let ctx: Awaited<ReturnType<typeof setup>>;
let f: Fixture;
let requester: string;
let archive: { id: string; slug: string };
const CommunityPage = page(Community, 'CommunityPage');

before(async () => {
  ctx = await setup();
  f = ctx.fixture;
  const { db } = ctx;
  // Someone outside the mother community who knows the members-only sub-group's slug and asked to join.
  const { rows } = await db.query<{ id: string }>(`insert into members (name, languages) values ('Rita Requester', '{en}') returning id`);
  requester = rows[0]!.id;
  const asked = await call(ctx.grove, `/api/v1/communities/${f.private.slug}/join`, {
    method: 'POST',
    as: requester,
    body: { message: 'Please' },
  });
  assert.equal(asked.status, 202, asked.text);
  // The opted-out member facilitates the public mother community too: never named in the list.
  await db.query(`update memberships set role = 'facilitator' where community_id = $1 and member_id = $2`, [f.grove.id, f.optedOut]);
  // A closed sub-group with a little history, and some recent writing in the mother community.
  const closed = await db.query<{ id: string; slug: string }>(
    `insert into communities (slug, name, description, parent_id, lifecycle, closed_at) values ($1, 'Archive', 'Ended', $2, 'closed', now()) returning id, slug`,
    [`t-archive-${process.pid}`, f.grove.id],
  );
  archive = closed.rows[0]!;
  await db.query(
    `insert into participation_facts (member_id, community_id, kind, occurred_at) values
       ($1, $2, 'post', now() - interval '2 days'), ($1, $2, 'answer', now() - interval '40 days'), ($1, $2, 'reaction-given', now())`,
    [f.member, f.private.id],
  );
});
after(async () => (await testDatabase()).close());

async function list(query: string, as: string | null = null) {
  const result = await call(ctx.grove, `/api/v1/communities?${query}`, { as });
  assert.equal(result.status, 200, result.text);
  return assertSchema(CommunityPage, result.json);
}
const slugs = (items: { slug: string }[]) => items.map((item) => item.slug).sort();

describe('who sees which sub-group', () => {
  test("members-only sub-groups: anonymous and outsiders never; the mother community's members and requesters as not readable; members in full", async () => {
    const sub = `parent=${f.grove.slug}&closed=exclude`;
    assert.deepEqual(slugs((await list(sub)).items), []);
    assert.deepEqual(slugs((await list(sub, f.outsider)).items), []);
    // The opted-out member belongs to the mother community but not to the sub-group.
    const discovered = (await list(sub, f.optedOut)).items[0]!;
    assert.equal(discovered.slug, f.private.slug);
    assert.deepEqual(
      [discovered.readable, discovered.lastActivityAt, discovered.postsLast30Days, discovered.pendingJoinRequests, discovered.viewerRole],
      [false, null, null, null, null],
      'name, purpose, state and size only',
    );
    const requested = (await list(`all=true&closed=exclude`, requester)).items.find((item) => item.slug === f.private.slug);
    assert.deepEqual([requested?.readable, requested?.viewerJoinRequested], [false, true]);
    // The sub-group itself stays unreadable to them (404), as before.
    assertProblem(await call(ctx.grove, `/api/v1/communities/${f.private.slug}`, { as: f.optedOut }), 404);
    const asMember = (await list(sub, f.member)).items[0]!;
    assert.deepEqual(
      [asMember.readable, asMember.viewerRole, asMember.viewerCanManage, asMember.pendingJoinRequests],
      [true, 'member', false, null],
    );
  });

  test('activity counts posts and answers only, for readers; a facilitator sees the pending requests and may manage', async () => {
    const item = (await list(`parent=${f.grove.slug}&closed=exclude`, f.facilitator)).items[0]!;
    assert.equal(item.postsLast30Days, 1, 'the post of 2 days ago; not the 40-day-old answer nor the reaction');
    assert.ok(item.lastActivityAt && Date.now() - Date.parse(item.lastActivityAt) > 86_400_000, 'the reaction is not activity');
    assert.deepEqual(
      [item.viewerRole, item.viewerCanManage, item.pendingJoinRequests, item.viewerJoinRequested],
      ['facilitator', true, 1, false],
    );
    assert.deepEqual(
      item.facilitators.map((ref) => ref.id),
      [f.facilitator],
    );
    assert.equal(item.facilitators[0]!.presence, 'listed');
  });

  test('the opted-out facilitator is named to nobody but themselves', async () => {
    for (const viewer of [null, f.outsider, f.member, f.facilitator]) {
      const grove = (await list('closed=exclude&limit=100', viewer)).items.find((item) => item.slug === f.grove.slug);
      assert.ok(grove, 'the public community is listed');
      assert.deepEqual(
        grove.facilitators.map((ref) => ref.id),
        [f.facilitator],
        `viewer ${viewer}`,
      );
      const text = JSON.stringify(grove);
      assert.doesNotMatch(text, /Hidden Person/);
    }
    const self = (await list('closed=exclude&limit=100', f.optedOut)).items.find((item) => item.slug === f.grove.slug);
    assert.ok(self?.facilitators.some((ref) => ref.id === f.optedOut));
  });
});

describe('archive and paging', () => {
  test('closed ones: listed by default, left out with exclude, alone with only', async () => {
    assert.ok(slugs((await list(`parent=${f.grove.slug}`)).items).includes(archive.slug));
    assert.ok(!slugs((await list(`parent=${f.grove.slug}&closed=exclude`)).items).includes(archive.slug));
    const only = await list(`parent=${f.grove.slug}&closed=only`, f.member);
    assert.deepEqual(slugs(only.items), [archive.slug]);
    assert.equal(only.items[0]!.lifecycle, 'closed');
    assertProblem(await call(ctx.grove, `/api/v1/communities?closed=sometimes`), 400, 'query.closed');
    assertProblem(await call(ctx.grove, `/api/v1/communities?parent=no-such-community-${process.pid}`), 404);
  });

  test('pages follow each other without gaps; a page is one statement whatever its size', async () => {
    const first = await list(`parent=${f.grove.slug}&limit=1`, f.member);
    assert.equal(first.items.length, 1);
    assert.ok(first.next);
    const second = await list(`parent=${f.grove.slug}&limit=1&cursor=${first.next}`, f.member);
    assert.deepEqual(slugs([...first.items, ...second.items]), slugs((await list(`parent=${f.grove.slug}`, f.member)).items));
    const statements: string[] = [];
    const original = ctx.db.query.bind(ctx.db);
    ctx.db.query = (sql: string, params?: unknown[]) => {
      statements.push(sql);
      return original(sql, params);
    };
    try {
      await list('all=true&limit=100', f.facilitator);
    } finally {
      ctx.db.query = original;
    }
    assert.equal(statements.filter((sql) => sql.includes('from communities c')).length, 1, statements.join('\n---\n'));
  });
});
