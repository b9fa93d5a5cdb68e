import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createLocalJWKSet, decodeJwt, jwtVerify } from 'jose';
import { createApp } from '../../../server/http/app.ts';
import { recordFacts, type FactKind } from '../../../server/participation/facts.ts';
import { communityProfile, profilesComputed } from '../../../server/participation/profile.ts';
import { loadRules } from '../../../server/participation/rules.ts';
import {
  CommunityParticipation,
  IssuerProfile,
  JsonWebKeySet,
  MemberBadge,
  MemberBadges,
  ParticipationRules,
} from '../../../server/contract/participation.ts';
import { assertProblem, assertSchema, call, setup, testConfig, testDatabase, type Fixture } from '../http/harness.ts';

let ctx: Awaited<ReturnType<typeof setup>>;
let f: Fixture;
before(async () => {
  ctx = await setup();
  f = ctx.fixture;
});
after(async () => (await testDatabase()).close());

const DAY_MS = 86_400_000;

/** Facts at a given time (recordFacts stamps now(); old facts test the window). */
async function factsAt(member: string, community: string, kind: FactKind, count: number, at: Date): Promise<void> {
  await ctx.db.query(
    `insert into participation_facts (member_id, community_id, kind, occurred_at)
     select $1, $2, $3, $4::timestamptz + make_interval(secs => n) from generate_series(1, $5) as n`,
    [member, community, kind, at.toISOString(), count],
  );
}

async function badge(member: string, query = '', as: string | null = null) {
  const result = await call(ctx.grove, `/api/v1/participation/members/${member}${query}`, { as });
  assert.equal(result.status, 200, result.text);
  return assertSchema(MemberBadge, result.json);
}

describe('participation levels', () => {
  test('fold facts as they are recorded: a level rises with contributions and achievements are dated by the fact that earned them', async () => {
    const community = f.grove.slug;
    const before = await badge(f.member, `?community=${community}`);
    assert.equal(before.level, 'peripheral');
    assert.deepEqual(before.achievements, []);

    await recordFacts(ctx.db, [{ memberId: f.member, communityId: f.grove.id, kind: 'post', subjectId: null }]);
    const afterPost = await badge(f.member, `?community=${community}`);
    assert.equal(afterPost.level, 'peripheral', 'one post is 1 point, below occasional (2)');
    assert.equal(afterPost.contributions.posts, 1);
    const firstPost = afterPost.achievements.find((a) => a.id === 'first-post');
    assert.ok(firstPost, 'first-post is earned at once');
    assert.ok(Date.now() - Date.parse(firstPost.earnedAt) < 60_000);

    const answers = Array.from({ length: 6 }, () => ({
      memberId: f.member,
      communityId: f.grove.id,
      kind: 'answer' as const,
      subjectId: null,
    }));
    await recordFacts(ctx.db, answers);
    const afterAnswers = await badge(f.member, `?community=${community}`);
    assert.equal(afterAnswers.level, 'active', '1 + 6 × 2 = 13 points reaches active (12)');
    assert.equal(afterAnswers.recentlyActive, true);
    assert.equal(afterAnswers.contributions.answers, 6);
    assert.equal(afterAnswers.lastActive, new Date().toISOString().slice(0, 7));
  });

  test('never demotes: a member active two years ago keeps the level, with "last active" and no recent contributions', async () => {
    const twoYearsAgo = new Date(Date.now() - 730 * DAY_MS);
    await factsAt(f.facilitator, f.other.id, 'answer', 30, twoYearsAgo);
    const result = await badge(f.facilitator, `?community=${f.other.slug}`);
    assert.equal(result.level, 'transactional', 'not a member of that community: a guest contributor');
    await factsAt(f.member, f.other.id, 'reaction-given', 5, new Date());
    assert.equal((await badge(f.member, `?community=${f.other.slug}`)).level, 'peripheral', 'reacting alone is not contributing');
    await ctx.db.query('insert into memberships (community_id, member_id) values ($1, $2)', [f.other.id, f.facilitator]);
    const held = await badge(f.facilitator, `?community=${f.other.slug}`);
    assert.equal(held.level, 'core', '60 points in one window two years ago');
    assert.equal(held.recentlyActive, false);
    assert.equal(held.lastActive, twoYearsAgo.toISOString().slice(0, 7));
    assert.equal(held.contributions.answers, 0, 'contributions are counted over the window only');
    assert.equal(held.counts.answer, 30, 'counts are all-time');
  });

  test('"helped 10 members" counts different askers, and is dated by the tenth', async () => {
    const helper = f.outsider;
    const askers: string[] = [];
    for (let n = 0; n < 10; n++) {
      const { rows } = await ctx.db.query<{ id: string }>(`insert into members (name) values ($1) returning id`, [`Asker ${n} ${helper}`]);
      askers.push(rows[0]!.id);
    }
    /** A question by `asker` in the fixture community, answered by the helper, the answer accepted at `at`. */
    const acceptedAnswer = async (asker: string, at: Date) => {
      const thread = await ctx.db.query<{ id: string }>(
        `insert into threads (community_id, title, kind, created_by) values ($1, 'A question', 'question', $2) returning id`,
        [f.grove.id, asker],
      );
      const post = await ctx.db.query<{ id: string }>(
        `insert into posts (thread_id, author_id, body_md, body_html) values ($1, $2, 'An answer', '<p>An answer</p>') returning id`,
        [thread.rows[0]!.id, helper],
      );
      await ctx.db.query(
        `insert into participation_facts (member_id, community_id, kind, subject_id, occurred_at) values ($1, $2, 'accepted-answer', $3, $4)`,
        [helper, f.grove.id, post.rows[0]!.id, at.toISOString()],
      );
    };
    const start = Date.now() - 40 * DAY_MS;
    const day = (n: number) => new Date(start + n * DAY_MS);
    for (let n = 0; n < 9; n++) await acceptedAnswer(askers[n]!, day(n));
    for (let n = 0; n < 3; n++) await acceptedAnswer(askers[0]!, day(10 + n));
    const nine = await badge(helper, `?community=${f.grove.slug}`);
    assert.equal(nine.contributions.acceptedAnswers, 12);
    assert.ok(!nine.achievements.some((a) => a.id === 'helped-10'), 'twelve accepted answers, but from nine people');
    await acceptedAnswer(askers[9]!, day(20));
    const ten = await badge(helper, `?community=${f.grove.slug}`);
    assert.equal(ten.achievements.find((a) => a.id === 'helped-10')?.earnedAt, day(20).toISOString());
  });

  test('the incremental fold agrees with a full rebuild from the ledger', async () => {
    const snapshot = async () =>
      (
        await ctx.db.query(
          `select json_build_object(
             'monthly', (select json_agg(m order by member_id, community_id, month, kind) from participation_monthly m),
             'standing', (select json_agg(s order by member_id, community_id) from participation_standing s),
             'achievements', (select json_agg(a order by member_id, community_id, achievement) from participation_achievements a)) as state`,
        )
      ).rows[0];
    const incremental = await snapshot();
    const { rows } = await ctx.db.query<{ pairs: number }>('select grove_rebuild_participation() as pairs');
    assert.ok((rows[0]?.pairs ?? 0) > 100, 'the demo seed has hundreds of member-community pairs');
    assert.deepEqual(await snapshot(), incremental);
  });
});

describe('moderated posts', () => {
  test('a post moderators hide, or that is deleted, stops counting, level included; shown again it counts again', async () => {
    const { rows } = await ctx.db.query<{ id: string }>(`insert into members (name, languages) values ('Pat Poster', '{en}') returning id`);
    const poster = rows[0]!.id;
    await ctx.db.query('insert into memberships (community_id, member_id) values ($1, $2)', [f.grove.id, poster]);
    const write = async (body: string) => {
      const result = await call(ctx.grove, '/api/v1/posts', {
        method: 'POST',
        as: poster,
        body: { thread: f.thread, body, language: 'en' },
      });
      assert.equal(result.status, 201, result.text);
      return (result.json as { id: string }).id;
    };
    const first = await write('Buy cheap pumps at my shop');
    const second = await write('Cheap pumps again');
    const community = `?community=${f.grove.slug}`;
    const posted = await badge(poster, community);
    assert.equal(posted.contributions.posts, 2);
    assert.equal(posted.level, 'occasional', 'two posts are 2 points');

    const hide = await call(ctx.grove, `/api/v1/posts/${first}/hide`, { method: 'POST', as: f.facilitator });
    assert.equal(hide.status, 200, hide.text);
    const hidden = await badge(poster, community);
    assert.equal(hidden.contributions.posts, 1);
    assert.equal(hidden.level, 'peripheral', 'a level reached with a hidden post is not kept');

    const restore = await call(ctx.grove, `/api/v1/posts/${first}/restore`, { method: 'POST', as: f.facilitator });
    assert.equal(restore.status, 200, restore.text);
    assert.equal((await badge(poster, community)).contributions.posts, 2);
    assert.equal((await badge(poster, community)).level, 'occasional');

    const removed = await call(ctx.grove, `/api/v1/posts/${second}`, { method: 'DELETE', as: poster, headers: { 'if-match': '"1"' } });
    assert.ok(removed.status === 204 || removed.status === 200, removed.text);
    assert.equal((await badge(poster, community)).contributions.posts, 1);
    const { rows: facts } = await ctx.db.query<{ n: number }>('select count(*)::int as n from participation_facts where member_id = $1', [
      poster,
    ]);
    assert.equal(facts[0]!.n, 1, 'the ledger holds what counts');
  });
});

describe('accepted answers', () => {
  test('an answer no longer accepted stops counting as accepted; the one accepted instead counts', async () => {
    const { rows } = await ctx.db.query<{ id: string }>(
      `insert into threads (community_id, page_key, title, kind, created_by) values ($1, 'https://example.org/accepting', 'Which pump?', 'question', $2) returning id`,
      [f.grove.id, f.member],
    );
    const question = rows[0]!.id;
    const answer = async (as: string, body: string) => {
      const result = await call(ctx.grove, '/api/v1/posts', { method: 'POST', as, body: { thread: question, body, language: 'en' } });
      assert.equal(result.status, 201, result.text);
      return (result.json as { id: string }).id;
    };
    const first = await answer(f.facilitator, 'A treadle pump');
    const second = await answer(f.optedOut, 'A solar pump');
    let version = 1;
    const accept = async (acceptedPost: string | null) => {
      const result = await call(ctx.grove, `/api/v1/threads/${question}`, {
        method: 'PATCH',
        as: f.member,
        body: { acceptedPost },
        headers: { 'if-match': `"${version}"` },
      });
      assert.equal(result.status, 200, result.text);
      version++;
    };
    const accepted = async (member: string) => {
      const { rows: facts } = await ctx.db.query<{ n: number }>(
        `select count(*)::int as n from participation_facts where member_id = $1 and kind = 'accepted-answer' and subject_id in ($2, $3)`,
        [member, first, second],
      );
      return facts[0]!.n;
    };
    await accept(first);
    assert.deepEqual([await accepted(f.facilitator), await accepted(f.optedOut)], [1, 0]);
    await accept(second);
    assert.deepEqual([await accepted(f.facilitator), await accepted(f.optedOut)], [0, 1], 'the first answer is no longer the accepted one');
    await accept(null);
    assert.deepEqual([await accepted(f.facilitator), await accepted(f.optedOut)], [0, 0]);
    await accept(first);
    assert.deepEqual([await accepted(f.facilitator), await accepted(f.optedOut)], [1, 0], 'accepted again, it counts again');
    const { rows: answers } = await ctx.db.query<{ n: number }>(
      `select count(*)::int as n from participation_facts where kind = 'answer' and subject_id in ($1, $2)`,
      [first, second],
    );
    assert.equal(answers[0]!.n, 2, 'both still count as answers');
  });
});

describe('badges: visibility and batching', () => {
  test('a page of badges in one request, in the order asked, without unknown members', async () => {
    const result = await call(ctx.grove, `/api/v1/participation/badges?member=${f.member}&member=999999&member=1&member=${f.member}`);
    assert.equal(result.status, 200, result.text);
    const { items } = assertSchema(MemberBadges, result.json);
    assert.deepEqual(
      items.map((item) => item.member),
      [f.member, '1'],
    );
  });

  test('a member hides their badge through the API; it is then shown to them alone', async () => {
    const visibility = (hidden: unknown, as: string | null = f.outsider, member = f.outsider) =>
      call(ctx.grove, `/api/v1/participation/members/${member}/visibility`, { method: 'POST', as, body: { hidden } });
    assertProblem(await visibility(true, null), 401);
    assertProblem(await visibility(true, f.member), 403);
    assertProblem(await visibility('yes'), 400, 'body.hidden');
    assert.deepEqual((await visibility(true)).json, { hidden: true });
    try {
      assertProblem(await call(ctx.grove, `/api/v1/participation/members/${f.outsider}`), 404);
      assertProblem(await call(ctx.grove, `/api/v1/participation/members/${f.outsider}`, { as: f.member }), 404);
      const batch = await call(ctx.grove, `/api/v1/participation/badges?member=${f.outsider}&member=${f.member}`);
      assert.deepEqual(
        (batch.json?.items as { member: string }[]).map((item) => item.member),
        [f.member],
      );
      const own = await badge(f.outsider, '', f.outsider);
      assert.deepEqual([own.member, own.hidden, own.isViewer], [f.outsider, true, true]);
    } finally {
      assert.deepEqual((await visibility(false)).json, { hidden: false });
    }
    assert.equal((await badge(f.outsider)).hidden, false);
  });

  test('contributions in a members-only community count only for viewers who may read it', async () => {
    await factsAt(f.facilitator, f.private.id, 'post', 3, new Date());
    assert.equal((await badge(f.facilitator)).contributions.posts, 0, 'anonymous viewers do not see the private community');
    assert.equal((await badge(f.facilitator, '', f.member)).contributions.posts, 3, 'a member of it does');
    assertProblem(await call(ctx.grove, `/api/v1/participation/badges?member=${f.facilitator}&community=${f.private.slug}`), 404);
    assertProblem(await call(ctx.grove, `/api/v1/participation/communities/${f.private.slug}`, { as: f.outsider }), 404);
  });

  test('a member who opted out of the directory has no badge for anyone but themselves', async () => {
    await factsAt(f.optedOut, f.grove.id, 'post', 2, new Date());
    assertProblem(await call(ctx.grove, `/api/v1/participation/members/${f.optedOut}`), 404);
    assertProblem(await call(ctx.grove, `/api/v1/participation/members/${f.optedOut}`, { as: f.member }), 404);
    const batch = await call(ctx.grove, `/api/v1/participation/badges?member=${f.optedOut}&member=${f.member}`, { as: f.facilitator });
    assert.deepEqual(
      (batch.json?.items as { member: string }[]).map((item) => item.member),
      [f.member],
    );
    assert.equal((await badge(f.optedOut, '', f.optedOut)).contributions.posts, 2);
  });

  test('bad input is a problem naming the field', async () => {
    assertProblem(await call(ctx.grove, '/api/v1/participation/badges'), 400, 'query.member');
    assertProblem(await call(ctx.grove, '/api/v1/participation/badges?member=abc'), 400, 'query.member');
    const tooMany = Array.from({ length: 101 }, (_, index) => `member=${index + 1}`).join('&');
    assertProblem(await call(ctx.grove, `/api/v1/participation/badges?${tooMany}`), 400, 'query.member');
    assertProblem(await call(ctx.grove, '/api/v1/participation/badges?member=1&community=Not_A_Slug'), 400, 'query.community');
    assertProblem(await call(ctx.grove, '/api/v1/participation/members/0'), 400, 'path.id');
  });
});

describe('community profile and rules', () => {
  test('a slow profile is kept, served while the next one is computed, and then replaced', async () => {
    const rules = await loadRules(ctx.db);
    const community = { id: f.grove.id, slug: f.grove.slug };
    // Every computation counts as slow here; nothing is ever fresh enough to be served without a refresh.
    const options = { slowMs: 0, keepMs: 0 };
    const first = await communityProfile(ctx.db, community, rules, new Date(), options);
    await ctx.db.query(
      `with m as (insert into members (name, languages) values ('Pia Profile', '{en}') returning id)
       insert into memberships (community_id, member_id) select $1, id from m`,
      [f.grove.id],
    );
    const { rows } = await ctx.db.query<{ n: number }>('select count(*)::int as n from memberships where community_id = $1', [f.grove.id]);
    assert.equal(rows[0]!.n, first.members + 1);
    const stale = await communityProfile(ctx.db, community, rules, new Date(), options);
    assert.equal(stale, first, 'the kept profile, at once, while the next is computed');
    await profilesComputed(ctx.db);
    const fresh = await communityProfile(ctx.db, community, rules, new Date(), { slowMs: 0, keepMs: 60_000 });
    assert.equal(fresh.members, rows[0]!.n, 'then the new one');
    // Computed again, now fast enough not to be kept: from then on every request computes its own.
    await communityProfile(ctx.db, community, rules, new Date(), { slowMs: 60_000, keepMs: 0 });
    await profilesComputed(ctx.db);
    const once = await communityProfile(ctx.db, community, rules, new Date(), { slowMs: 60_000 });
    assert.equal(once.members, rows[0]!.n);
    assert.notEqual(await communityProfile(ctx.db, community, rules, new Date(), { slowMs: 60_000 }), once, 'a fast profile is not kept');
  });

  test('every member has one level, the trend covers 12 months, unanswered questions are counted', async () => {
    const result = await call(ctx.grove, `/api/v1/participation/communities/${f.grove.slug}`);
    assert.equal(result.status, 200, result.text);
    assert.equal(result.headers.get('cache-control'), 'public, max-age=300', 'aggregates of a public community are shareable');
    const signedIn = await call(ctx.grove, `/api/v1/participation/communities/${f.grove.slug}`, { as: f.member });
    assert.equal(signedIn.headers.get('cache-control'), 'private, no-cache');
    const profile = assertSchema(CommunityParticipation, result.json);
    const members = profile.levels.filter((share) => share.level !== 'transactional').reduce((sum, share) => sum + share.members, 0);
    assert.equal(members, profile.members);
    assert.equal(profile.trend.length, 12);
    assert.deepEqual(profile.trend.at(-1)?.levels, profile.levels);
    assert.ok(profile.newcomersThisMonth >= 2, 'the fixture members joined today');
    assert.equal(profile.unansweredQuestions, 1, 'the fixture question has no reply');
  });

  test('the seeded network shows the unequal participation it was built with', async () => {
    const profile = assertSchema(CommunityParticipation, (await call(ctx.grove, '/api/v1/participation/communities/water')).json);
    const share = (level: string) => (profile.levels.find((s) => s.level === level)?.members ?? 0) / profile.members;
    assert.ok(share('peripheral') > 0.5, `most members follow rather than post (${share('peripheral')})`);
    assert.ok(share('core') + share('active') < 0.25, 'a small core and active group');
    assert.ok(profile.medianFirstReplyHours !== null && profile.medianFirstReplyHours > 0);
  });

  test('operators change the thresholds with SQL; a rebuild applies them to every peak', async () => {
    const level = async () => (await badge(f.member, `?community=${f.grove.slug}`)).level;
    const before = await level();
    try {
      await ctx.db.query('update participation_rules set occasional = 100, active = 200, core = 300');
      await ctx.db.query('select grove_rebuild_participation()');
      assert.equal(await level(), 'peripheral', `under thresholds nobody reaches, ${before} becomes peripheral`);
      const rules = assertSchema(ParticipationRules, (await call(ctx.grove, '/api/v1/participation/rules')).json);
      assert.deepEqual(rules.thresholds, { occasional: 100, active: 200, core: 300 });
    } finally {
      await ctx.db.query('update participation_rules set occasional = 2, active = 12, core = 50');
      await ctx.db.query('select grove_rebuild_participation()');
    }
    assert.equal(await level(), before);
  });

  test('the rules are published', async () => {
    const rules = assertSchema(ParticipationRules, (await call(ctx.grove, '/api/v1/participation/rules')).json);
    assert.deepEqual(rules.thresholds, { occasional: 2, active: 12, core: 50 });
    assert.equal(rules.window.months, 12);
    assert.ok(rules.achievements.some((a) => a.id === 'helped-10' && a.threshold === 10 && a.counts === 'askers'));
  });
});

describe('Open Badges 3.0 credentials', () => {
  test('a member exports an achievement as a VC-JWT that verifies against the issuer’s published key', async () => {
    const path = `/api/v1/participation/members/${f.facilitator}/credentials/facilitator?community=${f.grove.slug}`;
    const result = await call(ctx.grove, path, { as: f.facilitator });
    assert.equal(result.status, 200, result.text);
    assert.equal(result.headers.get('content-type'), 'application/vc+jwt');
    const issuer = assertSchema(IssuerProfile, (await call(ctx.grove, '/api/v1/participation/issuer')).json);
    const jwks = assertSchema(JsonWebKeySet, (await call(ctx.grove, '/api/v1/participation/issuer/jwks')).json);
    const { payload, protectedHeader } = await jwtVerify(result.text, createLocalJWKSet(jwks), { issuer: issuer.id });
    assert.equal(protectedHeader.alg, 'RS256');
    assert.ok(protectedHeader.jwk, 'the public key travels in the header (OB 3.0 §8.2)');
    assert.deepEqual(payload.type, ['VerifiableCredential', 'OpenBadgeCredential']);
    assert.deepEqual(payload['@context'], [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ]);
    assert.equal((payload.issuer as { id: string }).id, issuer.id);
    assert.equal(payload.jti, payload.id);
    const subject = payload.credentialSubject as { id: string; achievement: { id: string; type: string[] } };
    assert.equal(payload.sub, subject.id);
    assert.match(subject.id, new RegExp(`/api/v1/members/${f.facilitator}$`));
    assert.deepEqual(subject.achievement.type, ['Achievement']);
    assert.equal(payload.nbf, Math.floor(Date.parse(payload.validFrom as string) / 1000));
    const definition = await call(ctx.grove, new URL(subject.achievement.id).pathname);
    assert.equal(definition.json?.name, 'Facilitator', 'the achievement id resolves to its definition');
    const again = await call(ctx.grove, path, { as: f.facilitator });
    assert.equal(decodeJwt(again.text).id, payload.id, 'the same achievement keeps the same credential id');
  });

  test('only the member exports, only what they earned, and bad input names the field', async () => {
    const path = (achievement: string, community = f.grove.slug) =>
      `/api/v1/participation/members/${f.facilitator}/credentials/${achievement}?community=${community}`;
    assertProblem(await call(ctx.grove, path('facilitator')), 401);
    assertProblem(await call(ctx.grove, path('facilitator'), { as: f.member }), 403);
    assertProblem(await call(ctx.grove, path('helped-10'), { as: f.facilitator }), 404);
    assertProblem(await call(ctx.grove, path('no-such-thing'), { as: f.facilitator }), 404);
    assertProblem(await call(ctx.grove, path('facilitator', 'Bad Slug'), { as: f.facilitator }), 400, 'query.community');
    assertProblem(await call(ctx.grove, path('Facilitator!'), { as: f.facilitator }), 400, 'path.achievement');
  });

  test('a server outside demo mode without a signing key says export is not configured', async () => {
    const production = createApp({ db: ctx.db, config: testConfig({ demoMode: false }) });
    const result = await call(production, '/api/v1/participation/issuer');
    assertProblem(result, 404);
    assert.match(String(result.json?.detail), /GROVE_BADGE_SIGNING_KEY/);
  });

  test('a badge tells the viewer when it is their own, so the card can offer the export', async () => {
    assert.equal((await badge(f.facilitator, '', f.facilitator)).isViewer, true);
    assert.equal((await badge(f.facilitator, '', f.member)).isViewer, false);
    assert.equal((await badge(f.facilitator)).isViewer, false);
  });
});
