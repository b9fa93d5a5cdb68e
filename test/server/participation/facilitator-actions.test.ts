/**
 * The facilitators' action list against the real app and database: who may read it (every role), and
 * that each list names the right people and things, and the welcome action takes a newcomer off it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FacilitatorActions, Welcome } from '../../../server/contract/participation.ts';
import { assertProblem, assertSchema, call, setup, testDatabase, type Fixture } from '../http/harness.ts';

let ctx: Awaited<ReturnType<typeof setup>>;
let f: Fixture;
let otherFacilitator: string;
let quiet: string;
let busy: string;
let report: string;
let hostless: string;

before(async () => {
  ctx = await setup();
  f = ctx.fixture;
  const member = async (name: string, community: string, role = 'member', joined = 'now()') => {
    const { rows } = await ctx.db.query<{ id: string }>(`insert into members (name, languages) values ($1, '{en}') returning id`, [name]);
    await ctx.db.query(`insert into memberships (community_id, member_id, role, joined_at) values ($1, $2, $3, ${joined})`, [
      community,
      rows[0]!.id,
      role,
    ]);
    return rows[0]!.id;
  };
  otherFacilitator = await member('Olga Other', f.other.id, 'facilitator');
  quiet = await member('Quentin Quiet', f.grove.id, 'member', "now() - interval '1 year'");
  busy = await member('Bella Busy', f.grove.id, 'member', "now() - interval '1 year'");
  const facts = (who: string, daysAgo: number, n: number) =>
    ctx.db.query(
      `insert into participation_facts (member_id, community_id, kind, occurred_at)
       select $1, $2, 'post', now() - make_interval(days => $3) from generate_series(1, $4)`,
      [who, f.grove.id, daysAgo, n],
    );
  await facts(quiet, 100, 4);
  await facts(busy, 100, 4);
  await facts(busy, 5, 1);
  const { rows: posts } = await ctx.db.query<{ id: string }>(
    `insert into posts (thread_id, author_id, body_md, body_html) values ($1, $2, 'Buy now', '<p>Buy now</p>') returning id`,
    [f.thread, f.member],
  );
  const { rows: reports } = await ctx.db.query<{ id: string }>(
    `insert into reports (post_id, reporter_id, reason) values ($1, $2, 'spam') returning id`,
    [posts[0]!.id, f.facilitator],
  );
  report = reports[0]!.id;
  const { rows: events } = await ctx.db.query<{ id: string }>(
    `insert into events (community_id, organiser_id, title, starts_at, ends_at, time_zone)
     values ($1, $2, 'Orphaned webinar', now() + interval '5 days', now() + interval '5 days 1 hour', 'UTC') returning id`,
    [f.grove.id, f.outsider],
  );
  hostless = events[0]!.id;
});
after(async () => (await testDatabase()).close());

const actions = (as: string | null, slug = f.grove.slug) => call(ctx.grove, `/api/v1/participation/communities/${slug}/actions`, { as });
const welcome = (member: string, as: string | null = f.facilitator) =>
  call(ctx.grove, `/api/v1/participation/communities/${f.grove.slug}/welcomes`, { method: 'POST', as, body: { member } });

describe("the facilitators' action list", () => {
  test("is for the community's facilitators only: anonymous 401, member 403, another community's facilitator 403, outsider of members-only 404", async () => {
    assertProblem(await actions(null), 401);
    assertProblem(await actions(f.member), 403);
    assertProblem(await actions(otherFacilitator), 403);
    assertProblem(await actions(f.outsider, f.private.slug), 404);
    assertProblem(await welcome(f.member, f.member), 403);
    assertProblem(await welcome(f.member, null), 401);
    assert.equal((await actions(f.facilitator)).status, 200);
  });

  test('names the unanswered question, the newcomers, who went quiet, the open report and the event without a host', async () => {
    const body = assertSchema(FacilitatorActions, (await actions(f.facilitator)).json);
    const question = body.unansweredQuestions.find((item) => item.thread === f.question);
    assert.ok(question, JSON.stringify(body.unansweredQuestions));
    assert.equal(question.askedBy?.id, f.member);
    assert.ok(question.url?.startsWith('https://example.org/'));
    assert.ok(!body.unansweredQuestions.some((item) => item.thread === f.thread), 'a discussion is not a question');
    const newcomers = body.newcomers.map((item) => item.member.id);
    assert.ok(newcomers.includes(f.member), JSON.stringify(newcomers));
    assert.ok(!newcomers.includes(f.optedOut), 'a member who opted out of the directory is named to nobody, facilitators included');
    assert.ok(!newcomers.includes(f.facilitator) && !newcomers.includes(quiet), 'not facilitators, not members of a year');
    assert.deepEqual(
      body.quietMembers.map((item) => [item.member.id, item.contributions]),
      [[quiet, 4]],
    );
    assert.deepEqual(
      body.openReports.map((item) => [item.report, item.reason, item.thread]),
      [[report, 'spam', f.thread]],
    );
    assert.deepEqual(
      body.eventsWithoutHost.map((item) => item.event),
      [hostless],
    );
  });

  test('welcoming takes a newcomer off the list, once; only members of the community can be welcomed', async () => {
    const first = assertSchema(Welcome, (await welcome(f.member)).json);
    assert.equal(first.welcomedBy, f.facilitator);
    const again = assertSchema(Welcome, (await welcome(f.member)).json);
    assert.equal(again.welcomedAt, first.welcomedAt, 'the first welcome stands');
    const body = assertSchema(FacilitatorActions, (await actions(f.facilitator)).json);
    assert.ok(!body.newcomers.some((item) => item.member.id === f.member));
    assertProblem(await welcome(f.outsider), 422, 'body.member');
  });
});
