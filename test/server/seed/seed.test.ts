import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Database, QueryResult } from '../../../server/db/index.ts';
import { facilitatorActions } from '../../../server/participation/actions.ts';
import type { Viewer } from '../../../server/shared/viewer.ts';
import { openTestDatabase } from '../../../server/seed/testing.ts';
import { renderMarkdown } from '../../../server/discussion/markdown.ts';
import { seed } from '../../../server/seed/index.ts';

/** A database that records every statement and its parameters: enough to compare two generator runs. */
function recordingDatabase(): Database & { digest(): string } {
  const hash = createHash('sha256');
  const record = <T>(sql: string, params?: unknown[]): Promise<QueryResult<T>> => {
    hash.update(sql).update(JSON.stringify(params ?? []));
    // The generator's only read is "is the database empty?".
    return Promise.resolve({ rows: (sql.includes('count(*)') ? [{ n: 0 }] : []) as T[] });
  };
  const exec = (sql: string): Promise<void> => {
    hash.update(sql);
    return Promise.resolve();
  };
  const done = (): Promise<void> => Promise.resolve();
  return {
    kind: 'pglite',
    query: record,
    exec,
    transaction: (fn) => fn({ query: record, exec }),
    listen: () => Promise.resolve(done),
    notify: done,
    close: done,
    withRequest: (_scope, fn) => fn(),
    stats: () => ({ kind: 'pglite', slots: 1, busy: 0, waiting: 0, serviceMs: 0, refused: 0, abandoned: 0 }),
    ping: () => Promise.resolve(true),
    lastWriteAt: () => -Infinity,
    digest: () => hash.digest('hex'),
  };
}

describe('seed generator', () => {
  const anchor = new Date('2025-03-03T00:00:00Z');

  test('is deterministic: same seed and anchor, same rows; another seed, other rows', async () => {
    const runs = await Promise.all(
      [1, 1, 2].map(async (value) => {
        const db = recordingDatabase();
        await seed(db, { preset: 'demo', seed: value, anchor });
        return db.digest();
      }),
    );
    assert.equal(runs[0], runs[1]);
    assert.notEqual(runs[0], runs[2]);
  });

  test('refuses to seed a database that already holds members', async () => {
    const db = recordingDatabase();
    const full: Database = { ...db, query: (() => Promise.resolve({ rows: [{ n: 3 }] })) as Database['query'] };
    await assert.rejects(seed(full, { preset: 'demo' }), /already holds members/);
  });
});

describe('demo network', () => {
  let db: Database;
  const one = async <T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T> =>
    (await db.query<T>(sql, params)).rows[0] as T;

  before(async () => {
    db = await openTestDatabase();
  });
  after(async () => {
    await db.close();
  });

  test('has the demo size', async () => {
    const counts = await one<Record<string, number>>(`select
      (select count(*)::int from members) as members, (select count(*)::int from communities) as communities,
      (select count(*)::int from posts) as posts, (select count(*)::int from events) as events,
      (select count(*)::int from threads) as threads`);
    assert.deepEqual(
      { members: counts.members, communities: counts.communities, posts: counts.posts, events: counts.events },
      // The preset's 8 communities, 600 posts and 40 events; the 5 events that show every state of an event
      // (#eventStates in server/seed/generate.ts); the facilitators' work (server/seed/facilitator-work.ts):
      // 5 posts and 1 event in water, 1 post awaiting approval in soil-health; the two sub-groups of
      // demo-extras.ts with the archive's 6 posts.
      { members: 300, communities: 10, posts: 612, events: 46 },
    );
    assert.ok((counts.threads ?? 0) >= 40 && (counts.threads ?? 0) <= 90, `threads: ${counts.threads}`);
  });

  test('participation is unequal: most members never post, a few write most posts', async () => {
    const row = await one<{ silent: number; top_share: number }>(`
      with per_member as (
        select m.id, count(p.id) as posts from members m left join posts p on p.author_id = m.id group by m.id
      ), ranked as (select posts, ntile(10) over (order by posts desc) as decile from per_member)
      select avg((posts = 0)::int)::float8 as silent,
             (sum(posts) filter (where decile = 1))::float8 / sum(posts) as top_share
      from ranked`);
    assert.ok(row.silent >= 0.7, `share of members with no post: ${row.silent}`);
    assert.ok(row.top_share >= 0.5, `share of posts by the top 10%: ${row.top_share}`);
  });

  test('keeps the well-known identities and nested communities', async () => {
    const amina = await one<{ id: string; role: string }>(
      `select m.id, ms.role from members m join memberships ms on ms.member_id = m.id
       join communities c on c.id = ms.community_id where m.name = 'Amina Diallo' and c.slug = 'water'`,
    );
    assert.deepEqual(amina, { id: '1', role: 'facilitator' });
    const sub = await one<{ parent: string }>(
      `select p.slug as parent from communities c join communities p on p.id = c.parent_id where c.slug = 'drip-irrigation'`,
    );
    assert.equal(sub.parent, 'water');
    const omar = await one<{ directory_opt_out: boolean }>(`select directory_opt_out from members where name = 'Omar Haddad'`);
    assert.equal(omar.directory_opt_out, true);
    // The community list's states (demo-extras.ts): a closed archive with threads, a pending request to join.
    const archive = await one<{ lifecycle: string; threads: number; parent: string }>(
      `select c.lifecycle, p.slug as parent, (select count(*)::int from threads t where t.community_id = c.id) as threads
       from communities c join communities p on p.id = c.parent_id where c.slug = 'rainwater-pilots'`,
    );
    assert.deepEqual(archive, { lifecycle: 'closed', parent: 'water', threads: 3 });
    const pending = await one<{ member_id: string; visibility: string }>(
      `select r.member_id, c.visibility from community_join_requests r join communities c on c.id = r.community_id
       where c.slug = 'utilities-peer-review' and r.status = 'pending'`,
    );
    assert.deepEqual(pending, { member_id: '4', visibility: 'members' });
  });

  test('has members opted out of the directory and mixed contact visibility', async () => {
    const row = await one<{ opted_out: number; visibilities: string[] }>(`select
      (select count(*)::int from members where directory_opt_out) as opted_out,
      (select array_agg(distinct visibility order by visibility) from contact_channels) as visibilities`);
    assert.ok(row.opted_out >= 2, `opted out: ${row.opted_out}`);
    assert.deepEqual(row.visibilities, ['members', 'nobody', 'public']);
  });

  test('labels every skill in en, fr, es and ar', async () => {
    const row = await one<{ missing: number; total: number }>(`select
      count(*) filter (where not (labels ?& array['en', 'fr', 'es', 'ar']))::int as missing, count(*)::int as total from skills`);
    assert.equal(row.missing, 0);
    assert.ok(row.total >= 40 && row.total <= 80);
  });

  test('stores post HTML exactly as the shared renderer makes it, and search vectors', async () => {
    const { rows } = await db.query<{ body_md: string; body_html: string; indexed: boolean }>(
      'select body_md, body_html, search_vector is not null as indexed from posts order by id limit 80',
    );
    for (const post of rows) {
      assert.equal(post.body_html, renderMarkdown(post.body_md));
      assert.ok(post.indexed);
    }
    const links = await one<{ bad: number }>(`select count(*)::int as bad from posts
      where body_html like '%<a %' and body_html not like '%rel="nofollow ugc noopener"%'`);
    assert.equal(links.bad, 0);
  });

  test("gives water's facilitator something of every kind to act on", async () => {
    const actions = await facilitatorActions(db, 'water', { memberId: '1' } satisfies Viewer);
    assert.deepEqual(
      [
        actions.unansweredQuestions.length,
        actions.newcomers.length,
        actions.quietMembers.length,
        actions.openReports.length,
        actions.eventsWithoutHost.length,
      ],
      [2, 2, 1, 1, 1],
    );
    assert.ok(actions.unansweredQuestions.some((question) => question.url?.startsWith('https://www.example.org/water/stories/')));
  });

  test('holds the first post of newcomers to soil-health, and one already waits on the demo page', async () => {
    const row = await one<{ first_posts: number; held: number; page_key: string }>(`select c.premoderate_first_posts as first_posts,
      (select count(*)::int from posts p join threads t on t.id = p.thread_id where t.community_id = c.id and p.held) as held,
      (select t.page_key from posts p join threads t on t.id = p.thread_id where t.community_id = c.id and p.held limit 1) as page_key
      from communities c where c.slug = 'soil-health'`);
    assert.deepEqual(row, { first_posts: 1, held: 1, page_key: 'https://intranet.example.org/news/soil-health-field-notes' });
    const others = await one<{ n: number }>(
      `select count(*)::int as n from communities where slug <> 'soil-health' and premoderate_first_posts > 0`,
    );
    assert.equal(others.n, 0, 'only soil-health is pre-moderated');
  });

  test('records a participation fact for every post, acceptance and RSVP', async () => {
    const row = await one<Record<string, number>>(`select
      (select count(*)::int from posts p where not p.held and not exists (select 1 from participation_facts f
         where f.subject_id = p.id and f.member_id = p.author_id and f.kind in ('post', 'answer'))) as posts_without_fact,
      (select count(*)::int from threads t where t.accepted_post_id is not null and not exists (select 1 from participation_facts f
         where f.subject_id = t.accepted_post_id and f.kind = 'accepted-answer')) as accepted_without_fact,
      (select count(*)::int from threads where accepted_post_id is not null) as accepted,
      (select count(*)::int from rsvps) - (select count(*)::int from participation_facts where kind = 'rsvp') as rsvp_gap,
      (select count(*)::int from events) - (select count(*)::int from participation_facts where kind = 'event-hosted') as hosted_gap`);
    assert.deepEqual(
      { posts: row.posts_without_fact, accepted: row.accepted_without_fact, rsvp: row.rsvp_gap, hosted: row.hosted_gap },
      { posts: 0, accepted: 0, rsvp: 0, hosted: 0 },
    );
    assert.ok((row.accepted ?? 0) > 5, `accepted answers: ${row.accepted}`);
  });

  test('has recurring events with an exception, in several zones and modes', async () => {
    const row = await one<{ recurring: number; zones: number; modes: string[]; keyed: number }>(`select
      (select count(*)::int from events where rrule like 'FREQ=WEEKLY;BYDAY=%;COUNT=8' and cardinality(exdates) = 1) as recurring,
      (select count(distinct time_zone)::int from events) as zones,
      (select array_agg(distinct mode order by mode) from events) as modes,
      (select count(*)::int from threads where page_key is not null) as keyed`);
    assert.ok(row.recurring >= 1, `recurring: ${row.recurring}`);
    assert.ok(row.zones >= 4, `zones: ${row.zones}`);
    assert.deepEqual(row.modes, ['hybrid', 'in-person', 'online']);
    assert.ok(row.keyed >= 1, 'some threads are keyed by page URL');
  });

  test('has events that are full, waitlisted, cancelled, and a series with a cancelled and a moved occurrence', async () => {
    const row = await one<Record<string, number>>(`
      with going as (select event_id, occurrence, count(*) filter (where status = 'going')::int as going from rsvps group by 1, 2)
      select
        (select count(*)::int from events e join going g on g.event_id = e.id where g.going = e.capacity) as full,
        (select count(*)::int from events e join going g on g.event_id = e.id where g.going > e.capacity) as waitlisted,
        (select count(*)::int from events where cancelled) as cancelled,
        (select count(*)::int from events s join events d on d.series_id = s.id
           where d.recurrence_id = any(s.exdates) and cardinality(s.exdates) = 2 and d.rrule is null) as moved`);
    assert.ok(row.full! >= 1, `full: ${row.full}`);
    assert.ok(row.waitlisted! >= 1, `waitlisted: ${row.waitlisted}`);
    assert.ok(row.cancelled! >= 1, `cancelled: ${row.cancelled}`);
    assert.equal(row.moved, 1);
  });

  test('plants expert ground truth in four languages, backed by evidence', async () => {
    const { rows } = await db.query<{ topic: string; languages: string[]; expected: string[] }>(`
      select topic, array_agg(language order by language) as languages, min(expected_member_ids::text)::bigint[] as expected
      from seed_ground_truth group by topic`);
    assert.ok(rows.length >= 6, `topics: ${rows.length}`);
    for (const truth of rows) {
      assert.deepEqual(truth.languages, ['ar', 'en', 'es', 'fr'], truth.topic);
      const evidence = await one<{ declared: number; opted_out: number; accepted: number; endorsed: number }>(
        `select
        (select count(*)::int from member_skills ms join skills s on s.id = ms.skill_id
           where s.slug = $1 and ms.level = 4 and ms.member_id = any($2::bigint[])) as declared,
        (select count(*)::int from members where directory_opt_out and id = any($2::bigint[])) as opted_out,
        (select count(*)::int from threads t join skills s on s.id = t.topic_skill_id join posts p on p.id = t.accepted_post_id
           where s.slug = $1 and p.author_id = any($2::bigint[])) as accepted,
        (select count(*)::int from endorsements e join skills s on s.id = e.skill_id
           where s.slug = $1 and e.member_id = any($2::bigint[])) as endorsed`,
        [truth.topic, truth.expected],
      );
      assert.equal(evidence.declared, truth.expected.length, `${truth.topic}: every expert declares the skill`);
      assert.equal(evidence.opted_out, 0, `${truth.topic}: no opted-out expert`);
      assert.ok(evidence.endorsed >= truth.expected.length * 3, `${truth.topic}: endorsed ${evidence.endorsed}`);
      assert.ok(evidence.accepted >= 1, `${truth.topic}: accepted answers ${evidence.accepted}`);
    }
  });
});
