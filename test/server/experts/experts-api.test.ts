import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../../../server/http/app.ts';
import { readCache } from '../../../server/db/read-cache.ts';
import { expertAnswer } from '../../../server/experts/find.ts';
import { rankExperts } from '../../../server/experts/ranker.ts';
import { DEFAULT_WEIGHTS } from '../../../server/experts/weights.ts';
import { ExpertPage } from '../../../server/contract/experts.ts';
import { assertProblem, assertSchema, call, setup, testConfig, testDatabase, type Fixture } from '../http/harness.ts';

let ctx: Awaited<ReturnType<typeof setup>>;
let f: Fixture;
/** A made-up skill, so that only this file's rows are evidence for it. */
const TOPIC = `zeoponics${process.pid.toString(36)}`;
const people: Record<'answerer' | 'declarer' | 'optedOut' | 'unavailable' | 'privatePoster' | 'limited' | 'busy', string> = {
  answerer: '',
  declarer: '',
  optedOut: '',
  unavailable: '',
  privatePoster: '',
  limited: '',
  busy: '',
};

/** The question thread on the topic, for posts written through the API. */
let topicThread = '';

async function insertMember(name: string, extra: { optOut?: boolean; availability?: string } = {}): Promise<string> {
  const { rows } = await ctx.db.query<{ id: string }>(
    `insert into members (name, practice, languages, time_zone, availability, directory_opt_out)
     values ($1, 'Agronomist', '{fr,en}', 'Africa/Dakar', $2, $3) returning id`,
    [name, extra.availability ?? 'open', extra.optOut ?? false],
  );
  await ctx.db.query(`insert into memberships (community_id, member_id) values ($1, $2)`, [f.grove.id, rows[0]!.id]);
  return rows[0]!.id;
}

before(async () => {
  ctx = await setup();
  f = ctx.fixture;
  const { db } = ctx;
  const { rows: skills } = await db.query<{ id: string }>(`insert into skills (slug, labels, synonyms) values ($1, $2, $3) returning id`, [
    TOPIC,
    JSON.stringify({ en: `${TOPIC} systems`, fr: `Systèmes ${TOPIC}`, es: `Sistemas ${TOPIC}`, ar: `أنظمة ${TOPIC}` }),
    [`${TOPIC}-growing`],
  ]);
  const skill = skills[0]!.id;
  people.answerer = await insertMember('Awa Answerer');
  people.declarer = await insertMember('Dede Declarer');
  people.optedOut = await insertMember('Olu Optedout', { optOut: true });
  people.unavailable = await insertMember('Una Unavailable', { availability: 'unavailable' });
  people.privatePoster = await insertMember('Pia Private');
  people.limited = await insertMember('Lim Limited', { availability: 'limited' });
  people.busy = await insertMember('Bo Busy');
  await db.query(`insert into memberships (community_id, member_id) values ($1, $2)`, [f.private.id, people.privatePoster]);
  await db.query(`insert into member_skills (member_id, skill_id, level) select unnest($1::bigint[]), $2, 4`, [
    [people.declarer, people.optedOut, people.unavailable, people.limited, people.busy],
    skill,
  ]);
  // The answerer: an accepted answer on the topic in the public community.
  const { rows: threads } = await db.query<{ id: string }>(
    `insert into threads (community_id, title, kind, created_by, topic_skill_id) values ($1, $2, 'question', $3, $4) returning id`,
    [f.grove.id, `How do I start with ${TOPIC} systems?`, f.member, skill],
  );
  const thread = threads[0]!.id;
  topicThread = thread;
  const post = async (threadId: string, author: string, body: string) =>
    (
      await db.query<{ id: string }>(`insert into posts (thread_id, author_id, body_md, body_html) values ($1, $2, $3, $3) returning id`, [
        threadId,
        author,
        body,
      ])
    ).rows[0]!.id;
  await post(thread, f.member, `Any advice on ${TOPIC} systems?`);
  const answer = await post(thread, people.answerer, `Start small with ${TOPIC} systems and one site.`);
  await db.query('update threads set accepted_post_id = $1 where id = $2', [answer, thread]);
  // The opted-out member answers too, and is endorsed: still never listed.
  await post(thread, people.optedOut, `I have ten years of ${TOPIC} systems.`);
  await db.query(`insert into endorsements (member_id, skill_id, endorser_id) values ($1, $2, $3)`, [people.optedOut, skill, f.member]);
  // Evidence only in the members-only community.
  const { rows: hidden } = await db.query<{ id: string }>(
    `insert into threads (community_id, title, kind, created_by) values ($1, $2, 'discussion', $3) returning id`,
    [f.private.id, `Private notes on ${TOPIC} systems`, f.facilitator],
  );
  await post(hidden[0]!.id, people.privatePoster, `Our ${TOPIC} systems pilot, members only.`);
  // The answerer also wrote in the members-only thread: listed for everyone, that thread shown to members only.
  await db.query(`insert into memberships (community_id, member_id) values ($1, $2)`, [f.private.id, people.answerer]);
  await post(hidden[0]!.id, people.answerer, `Members-only detail on ${TOPIC} systems.`);
  // One declared expert has been very busy lately: 20 answers in the last ten days.
  await db.query(
    `insert into participation_facts (member_id, community_id, kind, occurred_at)
     select $1, $2, 'answer', now() - make_interval(days => n % 10, hours => 1) from generate_series(1, 20) n`,
    [people.busy, f.grove.id],
  );
});
after(async () => (await testDatabase()).close());

async function experts(query: string, as: string | null = null) {
  const result = await call(ctx.grove, `/api/v1/experts?${query}`, { as });
  assert.equal(result.status, 200, result.text);
  return assertSchema(ExpertPage, result.json);
}
const ids = (page: { items: { member: { id: string } }[] }) => page.items.map((item) => item.member.id);

describe('GET /v1/experts', () => {
  test('ranks the accepted answerer first and explains why, with the thread as evidence', async () => {
    const page = await experts(`q=${encodeURIComponent(`Who can help with ${TOPIC} systems?`)}`);
    assert.deepEqual(
      page.topics.map((t) => t.slug),
      [TOPIC],
    );
    assert.equal(ids(page)[0], people.answerer, `ranking: ${ids(page).join(', ')}`);
    const accepted = page.items[0]!.evidence.find((e) => e.kind === 'accepted-answer');
    assert.ok(accepted, 'the accepted answer is evidence');
    assert.equal(accepted.items[0]?.title, `How do I start with ${TOPIC} systems?`);
    assert.deepEqual(
      accepted.skills.map((s) => s.slug),
      [TOPIC],
    );
    const shares = page.items[0]!.evidence.reduce((sum, e) => sum + e.share, 0);
    assert.ok(Math.abs(shares - 1) < 1e-9, `evidence shares add up to the score: ${shares}`);
  });

  test('never recommends the asker to themselves', async () => {
    const question = `q=${encodeURIComponent(`Who can help with ${TOPIC} systems?`)}`;
    assert.equal(ids(await experts(question, f.member))[0], people.answerer, 'others are told of the answerer');
    const asked = ids(await experts(question, people.answerer));
    assert.ok(asked.length > 0, 'the answerer is told of others');
    assert.ok(!asked.includes(people.answerer), `the answerer is not their own expert: ${asked.join(', ')}`);
  });

  test('never lists opted-out or unavailable members, whatever their evidence', async () => {
    const listed = ids(await experts(`q=${TOPIC}&limit=50`));
    assert.ok(listed.includes(people.declarer), 'a declared expert is listed');
    assert.ok(!listed.includes(people.optedOut), 'opted out');
    assert.ok(!listed.includes(people.unavailable), 'unavailable');
  });

  test('tempers members of limited availability below equal open ones', async () => {
    const page = await experts(`q=${TOPIC}&limit=50`);
    const declarer = page.items.find((item) => item.member.id === people.declarer)!;
    const limited = page.items.find((item) => item.member.id === people.limited)!;
    assert.equal(limited.tempering.availability < 1, true);
    assert.ok(limited.score < declarer.score, `limited ${limited.score} < open ${declarer.score}`);
  });

  test('counts evidence from a members-only community only for its members', async () => {
    const anonymous = ids(await experts(`q=${TOPIC}&limit=50`));
    assert.ok(!anonymous.includes(people.privatePoster), 'outsiders do not see members-only evidence');
    const insider = await experts(`q=${TOPIC}&limit=50`, f.member);
    const poster = insider.items.find((item) => item.member.id === people.privatePoster);
    assert.ok(poster, 'a member of the private community sees the evidence');
    assert.equal(poster.evidence[0]?.items[0]?.title, `Private notes on ${TOPIC} systems`);
  });

  test('never shows a members-only thread as evidence to outsiders, even for a listed expert', async () => {
    const titles = (page: { items: { member: { id: string }; evidence: { items: { title: string }[] }[] }[] }) =>
      page.items.find((item) => item.member.id === people.answerer)?.evidence.flatMap((e) => e.items.map((i) => i.title)) ?? [];
    const anonymous = titles(await experts(`q=${TOPIC}&limit=50`));
    assert.ok(anonymous.length > 0);
    assert.ok(!anonymous.includes(`Private notes on ${TOPIC} systems`), `leaked: ${anonymous.join(' | ')}`);
    assert.ok(titles(await experts(`q=${TOPIC}&limit=50`, f.member)).includes(`Private notes on ${TOPIC} systems`));
  });

  test('tempers the busiest members and says how busy they are', async () => {
    const page = await experts(`q=${TOPIC}&limit=50`);
    const busy = page.items.find((item) => item.member.id === people.busy)!;
    const declarer = page.items.find((item) => item.member.id === people.declarer)!;
    assert.equal(busy.recentContributions, 20);
    assert.ok(busy.tempering.load < 1, `load factor ${busy.tempering.load}`);
    assert.ok(busy.score < declarer.score, 'below an equally qualified member with time');
  });

  test('answers an anonymous question from the cache until evidence or a member changes', async () => {
    const question = `q=${encodeURIComponent(`${TOPIC} systems`)}&limit=50`;
    const newcomer = await insertMember('Nia Newcomer');
    const listed = async () => ids(await experts(question));
    assert.ok(!(await listed()).includes(newcomer), 'no evidence yet');
    const cache = readCache(ctx.db, { channel: 'grove_experts', table: 'expert_generation' });
    const hits = cache.hits;
    assert.ok(!(await listed()).includes(newcomer));
    assert.equal(cache.hits, hits + 1, 'the same anonymous question is answered from memory');
    await ctx.db.query(`insert into posts (thread_id, author_id, body_md, body_html) values ($1, $2, $3, $3)`, [
      topicThread,
      newcomer,
      `We run ${TOPIC} systems on three farms.`,
    ]);
    assert.ok((await listed()).includes(newcomer), 'a new answer on the topic is ranked at once');
    await ctx.db.query(`update members set directory_opt_out = true where id = $1`, [newcomer]);
    assert.ok(!(await listed()).includes(newcomer), 'opting out is seen at once');
    const signedIn = ids(await experts(question, f.member));
    assert.ok(!signedIn.includes(newcomer), 'a signed-in answer is ranked as well');
  });

  test('takes its weights from GROVE_EXPERT_WEIGHTS', async () => {
    const previous = process.env.GROVE_EXPERT_WEIGHTS;
    process.env.GROVE_EXPERT_WEIGHTS = JSON.stringify({ declaredSkill: 0, profile: 0 });
    try {
      const grove = createApp({ db: ctx.db, config: testConfig() });
      const result = await call(grove, `/api/v1/experts?q=${TOPIC}&limit=50`);
      const listed = assertSchema(ExpertPage, result.json).items.map((item) => item.member.id);
      assert.ok(listed.includes(people.answerer));
      assert.ok(!listed.includes(people.declarer), 'a declaration weighing nothing makes no expert');
    } finally {
      if (previous === undefined) delete process.env.GROVE_EXPERT_WEIGHTS;
      else process.env.GROVE_EXPERT_WEIGHTS = previous;
    }
  });

  test('finds experts through a label in another language and labels topics in lang', async () => {
    const page = await experts(`q=${encodeURIComponent(`Qui connaît les systèmes ${TOPIC} ?`)}&lang=fr`);
    assert.equal(page.topics[0]?.label, `Systèmes ${TOPIC}`);
    assert.equal(ids(page)[0], people.answerer);
  });

  test('limits the experts to a community and its sub-communities', async () => {
    const inOther = await experts(`q=${TOPIC}&community=${f.other.slug}`);
    assert.deepEqual(ids(inOther), []);
    const inGrove = ids(await experts(`q=${TOPIC}&community=${f.grove.slug}&limit=50`));
    assert.ok(inGrove.includes(people.answerer));
  });

  test('offers a contact channel only as far as the viewer may see it', async () => {
    const page = await experts(`q=${encodeURIComponent('drip irrigation')}&limit=50`);
    for (const item of page.items) assert.notEqual(item.contact?.visibility, 'nobody');
    assert.ok(
      page.items.every((item) => item.contact === null || item.contact.visibility === 'public'),
      'anonymous: public channels only',
    );
  });

  test('finds the planted experts of the demo network', async () => {
    const page = await experts(`q=${encodeURIComponent('¿Quién puede ayudar con riego por goteo?')}`);
    const { rows } = await ctx.db.query<{ expected: string[] }>(
      `select array(select unnest(expected_member_ids)::text) as expected from seed_ground_truth where topic = 'drip-irrigation' and language = 'es'`,
    );
    const expected = rows[0]!.expected;
    assert.deepEqual(new Set(ids(page).slice(0, expected.length)), new Set(expected));
  });

  test('answers a question of stop words only with no one, not with everyone', async () => {
    const page = await experts(`q=${encodeURIComponent('Who can help?')}`);
    assert.deepEqual(page, { items: [], topics: [] });
  });

  test('answers a repeated question with 304 when nothing changed', async () => {
    const path = `/api/v1/experts?q=${TOPIC}`;
    const first = await call(ctx.grove, path);
    const etag = first.headers.get('etag');
    assert.ok(etag, 'a weak ETag');
    const again = await call(ctx.grove, path, { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
  });

  test('an answer written and then hidden through the API moves its author at once (stored topic masses)', async () => {
    const newcomer = await insertMember('Nia Newcomer');
    const question = `q=${encodeURIComponent(`Who can help with ${TOPIC} systems?`)}&limit=50`;
    assert.ok(!ids(await experts(question)).includes(newcomer), 'no evidence yet');
    const written = await call(ctx.grove, '/api/v1/posts', {
      method: 'POST',
      as: newcomer,
      body: { thread: topicThread, body: `We run ${TOPIC} systems in Thiès.` },
    });
    assert.equal(written.status, 201, written.text);
    const listed = (await experts(question)).items.find((item) => item.member.id === newcomer);
    assert.ok(listed, 'listed after one answer on the topic');
    assert.deepEqual(
      listed.evidence.map((evidence) => [evidence.kind, evidence.count, evidence.items[0]?.id]),
      [['answer', 1, topicThread]],
    );
    const hidden = await call(ctx.grove, `/api/v1/posts/${String(written.json?.id)}/hide`, { method: 'POST', as: f.facilitator });
    assert.equal(hidden.status, 200, hidden.text);
    assert.ok(!ids(await experts(question)).includes(newcomer), 'a hidden post is no evidence');
  });

  test('credits led events by the topic they name, or else by the share of the question’s words they hold', async () => {
    const word = `hydrolab${process.pid.toString(36)}`;
    const host = await insertMember('Hana Host');
    const neighbour = await insertMember('Nico Neighbour');
    const event = (organiser: string, title: string, cancelled = false) =>
      ctx.db.query(
        `insert into events (community_id, organiser_id, title, starts_at, ends_at, time_zone, cancelled)
         values ($1, $2, $3, now() - interval '3 days', now() - interval '3 days' + interval '1 hour', 'Africa/Dakar', $4)`,
        [f.grove.id, organiser, title, cancelled],
      );
    await event(host, `${TOPIC} systems open day`); // the topic's English label: relevance 1
    await event(host, `Visite des systèmes ${TOPIC}`); // its French label
    await event(host, `Field walk: ${word} trials`); // a word of the question only
    await event(host, `${TOPIC} systems, called off`, true); // cancelled: no evidence
    await event(neighbour, `Field walk: ${word} trials`);
    const page = await experts(`q=${encodeURIComponent(`${TOPIC} systems ${word}`)}&limit=50`);
    const led = (member: string) => {
      const item = page.items.find((candidate) => candidate.member.id === member);
      const evidence = item?.evidence.find((e) => e.kind === 'event-led');
      return {
        score: item?.score ?? 0,
        count: evidence?.count,
        skills: evidence?.skills.map((skill) => skill.slug),
        titles: evidence?.items.map((i) => i.title),
      };
    };
    const hosted = led(host);
    assert.equal(hosted.count, 3, 'both topic events and the word event, not the cancelled one');
    assert.deepEqual(hosted.skills, [TOPIC], 'the topic the events name');
    assert.equal(hosted.titles?.[2], `Field walk: ${word} trials`, 'the event that names the topic weighs more than one with a word');
    const walked = led(neighbour);
    assert.equal(walked.count, 1);
    assert.deepEqual(walked.skills, [], 'a word names no topic');
    assert.ok(walked.score > 0 && walked.score < hosted.score, `${walked.score} < ${hosted.score}`);
  });

  test('weighs the posts of a topic named in part by their own words, as when each is read', async () => {
    // A topic whose label the question names in half (strength 1/4): a post holding the question's word
    // weighs 1, one without it the strength. The stored masses (migration 092) give the second kind
    // exactly and only posts matching the question are read; a half-life other than the stored one reads
    // every post, so the two answers must agree.
    const part = `dripline${process.pid.toString(36)}`;
    const { rows: skills } = await ctx.db.query<{ id: string }>(
      `insert into skills (slug, labels, synonyms) values ($1, $2, '{}') returning id`,
      [`${part}-watering`, JSON.stringify({ en: `${part} watering`, fr: `Arrosage ${part}`, es: `Riego ${part}`, ar: `ري ${part}` })],
    );
    const { rows: threads } = await ctx.db.query<{ id: string }>(
      `insert into threads (community_id, title, kind, created_by, topic_skill_id) values ($1, 'Watering rows', 'question', $2, $3) returning id`,
      [f.grove.id, f.member, skills[0]!.id],
    );
    const worded = await insertMember('Wendy Worded');
    const plain = await insertMember('Paul Plain');
    const post = (author: string, body: string, daysAgo: number) =>
      ctx.db.query(
        `insert into posts (thread_id, author_id, body_md, body_html, created_at) values ($1, $2, $3, $3, now() - make_interval(days => $4))`,
        [threads[0]!.id, author, body, daysAgo],
      );
    await post(worded, `Our ${part} lines clog in the dry season.`, 40);
    await post(worded, 'Flush them every week with clean water.', 200);
    await post(plain, 'We tried the same and it worked.', 40);
    await post(plain, 'Agree, weekly flushing.', 200);
    const now = new Date();
    const rank = async (halfLifeDays: number) => {
      const { topics, experts } = await rankExperts(ctx.db, {
        q: part,
        viewerId: null,
        communityId: null,
        limit: 50,
        weights: { ...DEFAULT_WEIGHTS, halfLifeDays },
        now,
      });
      const member = (id: string) => experts.find((expert) => expert.id === id);
      return { strength: topics[0]?.strength, worded: member(worded), plain: member(plain) };
    };
    const stored = await rank(365);
    const read = await rank(365.000001);
    assert.equal(stored.strength, 0.25, 'the label named in half');
    assert.deepEqual(
      stored.worded?.evidence.map((e) => [e.kind, e.count]),
      [['answer', 2]],
    );
    assert.ok(stored.plain && read.worded && read.plain, 'both ranked both ways');
    const pairs = { worded: [stored.worded.raw, read.worded.raw], plain: [stored.plain.raw, read.plain.raw] } as const;
    for (const [who, [a, b]] of Object.entries(pairs)) {
      assert.ok(a > 0 && Math.abs(a - b) < 1e-6 * b, `${who}: ${a} from stored masses, ${b} read post by post`);
    }
    assert.ok(pairs.worded[0] > 2 * pairs.plain[0], 'the post holding the word weighs four times one without');
  });

  test('answers the next minute from the last one while ranking it once, and a change of data at once', async () => {
    const query = { q: `${TOPIC} systems`, limit: 50 };
    const weights = { ...DEFAULT_WEIGHTS };
    const cache = readCache(ctx.db, { channel: 'grove_experts', table: 'expert_generation' });
    let ms = Date.UTC(2031, 0, 1, 12, 0, 30);
    const clock = () => ms;
    const ranked = (minuteMs: number) =>
      cache.entries.get(JSON.stringify([query, weights, new Date(Math.floor(minuteMs / 60_000) * 60_000)]));
    const first = await expertAnswer(ctx.db, query, null, weights, clock);
    ms += 60_000;
    const { misses, hits } = cache;
    assert.equal(await expertAnswer(ctx.db, query, null, weights, clock), first, 'the last minute’s answer, at once');
    assert.equal(await expertAnswer(ctx.db, query, null, weights, clock), first, 'still, while the new one is ranked');
    assert.equal(cache.misses, misses + 1, 'the new minute ranked once');
    assert.equal(cache.hits, hits + 2, 'both answered from memory');
    await ranked(ms)!.value;
    const next = await expertAnswer(ctx.db, query, null, weights, clock);
    assert.notEqual(next, first, 'this minute’s answer once ranked');
    assert.deepEqual(ids(next), ids(first));

    const newcomer = await insertMember('Tim Turnover');
    await ctx.db.query(`insert into posts (thread_id, author_id, body_md, body_html) values ($1, $2, $3, $3)`, [
      topicThread,
      newcomer,
      `Our ${TOPIC} systems grew this year.`,
    ]);
    ms += 60_000;
    assert.ok(
      ids(await expertAnswer(ctx.db, query, null, weights, clock)).includes(newcomer),
      'a write is never answered from the last minute',
    );
    ms += 7 * 60_000;
    const later = await expertAnswer(ctx.db, query, null, weights, clock);
    assert.ok(ids(later).includes(newcomer), 'minutes later: ranked again, not served from an older minute');
  });

  test('refreshes the last minute’s answers two at a time, as background work', async () => {
    // Rankings in flight, counted through a handle of the database of its own (so also its own cache).
    // Unlimited, the six refreshes would run together, as the six first answers do.
    let inFlight = 0;
    let most = 0;
    const counted = new Proxy(ctx.db, {
      get(target, key, receiver) {
        if (key === 'query')
          return async (sql: string, params?: unknown[]) => {
            const ranking = sql.includes('top_items');
            if (ranking) most = Math.max(most, ++inFlight);
            try {
              // Each ranking held a moment, so that those started together are in flight together.
              if (ranking) await new Promise((resolve) => setTimeout(resolve, 50));
              return await target.query(sql, params);
            } finally {
              if (ranking) inFlight--;
            }
          };
        const value = Reflect.get(target, key, receiver) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const weights = { ...DEFAULT_WEIGHTS };
    let ms = Date.UTC(2032, 0, 1, 12, 0, 30);
    const clock = () => ms;
    const questions = ['systems', 'growing', 'start', 'advice', 'site', 'pilot'].map((word) => ({ q: `${TOPIC} ${word}`, limit: 5 }));
    const first = await Promise.all(questions.map((query) => expertAnswer(counted, query, null, weights, clock)));
    assert.ok(most > 2, `asked for the first time, all are ranked at once (${most})`);
    ms += 60_000;
    most = 0;
    const served = await Promise.all(questions.map((query) => expertAnswer(counted, query, null, weights, clock)));
    assert.deepEqual(served, first, 'the last minute’s answers, at once');
    const cache = readCache(counted, { channel: 'grove_experts', table: 'expert_generation' });
    await Promise.all([...cache.entries.values()].map((entry) => entry.value));
    assert.equal(most, 2, 'refreshed two at a time');
  });

  test('refuses bad input with problem+json naming the field', async () => {
    assertProblem(await call(ctx.grove, '/api/v1/experts'), 400, 'query.q');
    assertProblem(await call(ctx.grove, '/api/v1/experts?q=%20%20'), 400, 'query.q');
    assertProblem(await call(ctx.grove, `/api/v1/experts?q=x&limit=500`), 400, 'query.limit');
    assertProblem(await call(ctx.grove, `/api/v1/experts?q=x&community=Not%20A%20Slug`), 400, 'query.community');
    assertProblem(await call(ctx.grove, `/api/v1/experts?q=x&community=no-such-community`), 404);
    assertProblem(await call(ctx.grove, `/api/v1/experts?q=x&community=${f.private.slug}`), 404);
  });
});
