import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { MemberPage } from '../../../server/contract/members.ts';
import { countFacets } from '../../../server/members/directory-facets.ts';
import { directoryViewer } from '../../../server/members/directory.ts';
import { assertSchema, call, setup, testDatabase, type Fixture } from './harness.ts';

let ctx: Awaited<ReturnType<typeof setup>>;
let f: Fixture;
/** Scopes network-wide queries to this file's rows: the demo seed has Kenyan facilitators too. */
const ORG = `Facets Test Org ${process.pid}`;
before(async () => {
  ctx = await setup();
  f = ctx.fixture;
  // Two Kenyans join the fixture's public community; one of them facilitates another community.
  const { rows } = await ctx.db.query<{ id: string }>(
    `insert into members (name, organisation, country, languages, time_zone) values ('Wanjiru Kamau', $1, 'KE', '{en,sw}', 'Africa/Nairobi'),
     ('Otieno Ouma', $1, 'KE', '{en}', 'Africa/Nairobi') returning id`,
    [ORG],
  );
  for (const { id } of rows) {
    await ctx.db.query(`insert into memberships (community_id, member_id, role) values ($1, $2, 'member')`, [f.grove.id, id]);
  }
  await ctx.db.query(`insert into memberships (community_id, member_id, role) values ($1, $2, 'facilitator')`, [f.other.id, rows[1]!.id]);
});
after(async () => (await testDatabase()).close());

async function directory(query: string) {
  const result = await call(ctx.grove, `/api/v1/members?facets=true&${query}`);
  assert.equal(result.status, 200, result.text);
  const body = assertSchema(MemberPage, result.json);
  const counts = (facet: keyof NonNullable<typeof body.facets>) =>
    Object.fromEntries((body.facets?.[facet] ?? []).map((v) => [v.value, v.count]));
  return { body, counts };
}

describe('directory facets', () => {
  test('a facet is counted without its own filter, under every other one', async () => {
    const { body, counts } = await directory(`community=${f.grove.slug}&country=SN`);
    assert.equal(body.total, 2, 'the facilitator and the member from Senegal (the opted-out one never counts)');
    assert.deepEqual(counts('country'), { SN: 2, KE: 2 }, 'other countries stay visible to switch to');
    assert.equal(counts('language').sw, undefined, 'other facets narrow to Senegal');
    // Senegalese members per community, across the network: the outsider in the other community included.
    assert.equal(counts('community')[f.grove.slug], 2);
    assert.equal(counts('community')[f.other.slug], 1);
  });

  test("a skill's member count is what filtering the directory by it finds, and follows a new holder", async () => {
    const skills = async () => {
      const result = await call(ctx.grove, '/api/v1/skills?limit=100');
      assert.equal(result.status, 200, result.text);
      return (result.json as { items: { slug: string; memberCount: number }[] }).items;
    };
    const listed = await skills();
    const skill = listed.find((s) => s.memberCount > 0) ?? listed[0]!;
    const total = async (slug: string) => {
      const result = await call(ctx.grove, `/api/v1/members?skill=${slug}&limit=1`);
      return (result.json as { total: number }).total;
    };
    assert.equal(skill.memberCount, await total(skill.slug));
    const { rows } = await ctx.db.query<{ id: string }>(
      `insert into members (name, organisation, languages) values ('Skilled Newcomer', $1, '{en}') returning id`,
      [`Skill Count Org ${process.pid}`],
    );
    await ctx.db.query('insert into memberships (community_id, member_id) values ($1, $2)', [f.grove.id, rows[0]!.id]);
    await ctx.db.query('insert into member_skills (member_id, skill_id, level) select $1, id, 2 from skills where slug = $2', [
      rows[0]!.id,
      skill.slug,
    ]);
    const after = (await skills()).find((s) => s.slug === skill.slug)!;
    assert.equal(after.memberCount, skill.memberCount + 1);
    assert.equal(after.memberCount, await total(skill.slug));
  });

  test('GET /members/facets counts every match of a search up to its cap, and says when there were more', async () => {
    const all = await call(ctx.grove, `/api/v1/members/facets?q=${encodeURIComponent(ORG)}`);
    assert.equal(all.status, 200, all.text);
    const body = all.json as { exact: boolean; facets: { country: { value: string; count: number }[] } };
    assert.equal(body.exact, true);
    assert.equal(body.facets.country.find((c) => c.value === 'KE')?.count, 2);
    const viewer = await directoryViewer(ctx.db, null);
    const capped = await countFacets(ctx.db, { q: ORG, lang: 'en', limit: 20 }, viewer, null, { countCap: 1 });
    assert.equal(capped.exact, false, 'two matches, one counted');
    assert.equal(capped.facets.country.find((c) => c.value === 'KE')?.count, 1);
    const enough = await countFacets(ctx.db, { q: ORG, lang: 'en', limit: 20 }, viewer, null, { countCap: 2 });
    assert.equal(enough.exact, true, 'as many matches as the cap: every one counted');
    assert.equal(enough.facets.country.find((c) => c.value === 'KE')?.count, 2);
  });

  test('choosing a community keeps the other communities in the community facet', async () => {
    const { counts } = await directory(`community=${f.other.slug}&country=KE`);
    assert.equal(counts('community')[f.other.slug], 1);
    assert.equal(counts('community')[f.grove.slug], 2);
  });

  test('the role facet counts roles in the chosen community', async () => {
    const inGrove = await directory(`community=${f.grove.slug}&country=KE`);
    assert.deepEqual(inGrove.counts('role'), { member: 2 }, 'facilitating elsewhere does not count here');
    const network = await directory(`organisation=${encodeURIComponent(ORG)}`);
    assert.deepEqual(network.counts('role'), { member: 2, facilitator: 1 }, 'roles held anywhere visible');
  });

  test('the community facet respects a role filter', async () => {
    const { body, counts } = await directory(`role=facilitator&organisation=${encodeURIComponent(ORG)}`);
    assert.equal(body.total, 1);
    assert.deepEqual(counts('community'), { [f.other.slug]: 1 });
    assert.deepEqual(counts('role'), { member: 2, facilitator: 1 }, 'its own filter set aside');
  });
});
