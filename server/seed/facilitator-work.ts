/**
 * Something of every kind for the facilitators of `water` to act on (issue 14): the generated network
 * answers every question, has nobody who joined this month and no report, so the action list
 * (docs/decisions/0142-facilitator-actions.md) would be empty in the demo. Small and deterministic: the
 * members are chosen by id among `water`'s silent members, times are placed from the anchor.
 */
import type { Queryable } from '../db/index.ts';
import { renderMarkdown } from '../discussion/markdown.ts';

const DAY = 86_400_000;

/** The id an insert returned (each of these inserts returns one row). */
function idOf(rows: { id: string }[]): string {
  const row = rows[0];
  if (!row) throw new Error('seed: an insert returned no row');
  return row.id;
}

export async function seedFacilitatorWork(db: Queryable, anchor: Date): Promise<void> {
  const { rows: communities } = await db.query<{ id: string }>(`select id from communities where slug = 'water'`);
  const water = communities[0]?.id;
  if (!water) return;
  const at = (days: number) => new Date(anchor.getTime() + days * DAY);
  // Members of water who never wrote anything (most of them: 2:18:80), past the well-known ids 1-9.
  const { rows: silent } = await db.query<{ id: string }>(
    `select m.id from memberships ms join members m on m.id = ms.member_id
     where ms.community_id = $1 and ms.role = 'member' and m.id > 9 and not m.directory_opt_out and m.deactivated_at is null
       and not exists (select 1 from participation_facts f where f.member_id = m.id and f.kind in ('post', 'answer'))
     order by m.id limit 6`,
    [water],
  );
  const [newcomerA, newcomerB, askerA, askerB, quiet, reporter] = silent.map((row) => row.id);
  if (!newcomerA || !newcomerB || !askerA || !askerB || !quiet || !reporter) return;

  // Two newcomers nobody welcomed yet.
  await db.query(`update memberships set joined_at = $3 where community_id = $1 and member_id = $2`, [water, newcomerA, at(-3)]);
  await db.query(`update memberships set joined_at = $3 where community_id = $1 and member_id = $2`, [water, newcomerB, at(-12)]);

  interface Post {
    body: string;
    at: Date;
  }
  const thread = async (
    kind: 'question' | 'discussion',
    title: string,
    author: string,
    posts: [Post, ...Post[]],
    pageKey: string | null,
  ) => {
    const first = posts[0].at;
    const last = posts[posts.length - 1]?.at ?? first;
    const { rows } = await db.query<{ id: string }>(
      `insert into threads (community_id, page_key, title, kind, status, created_by, created_at, last_post_at, post_count)
       values ($1, $2, $3, $4, 'open', $5, $6, $7, $8) returning id`,
      [water, pageKey, title, kind, author, first, last, posts.length],
    );
    const threadId = idOf(rows);
    for (const post of posts) {
      const { rows: added } = await db.query<{ id: string }>(
        `insert into posts (thread_id, author_id, body_md, body_html, language, created_at) values ($1, $2, $3, $4, 'en', $5) returning id`,
        [threadId, author, post.body, renderMarkdown(post.body), post.at],
      );
      await db.query(
        `insert into participation_facts (member_id, community_id, kind, subject_id, occurred_at) values ($1, $2, 'post', $3, $4)`,
        [author, water, idOf(added), post.at],
      );
    }
    return threadId;
  };

  // Two questions nobody has answered, one on a page the facilitator can open.
  const asked = await thread(
    'question',
    'Which chlorine dose for household rainwater tanks?',
    askerA,
    [{ body: 'Our tanks hold 2,000 litres. What dose of chlorine keeps the water safe without the taste putting people off?', at: at(-4) }],
    null,
  );
  // Keyed by its page like the generated stories (`https://www.example.org/<community>/stories/<id>`).
  await db.query(`update threads set page_key = $2 where id = $1`, [asked, `https://www.example.org/water/stories/${asked}`]);
  await thread(
    'question',
    'Any data on how long hand pumps last after repair?',
    askerB,
    [{ body: 'We repair hand pumps in three districts. Has anyone measured how long they keep working afterwards?', at: at(-1) }],
    null,
  );

  // Someone who wrote regularly three to four months ago and has been quiet since.
  const story = await thread(
    'discussion',
    'Notes from our borehole rehabilitation',
    quiet,
    [
      { body: 'We rehabilitated six boreholes this quarter. Notes follow.', at: at(-120) },
      { body: 'Second site: the casing had collapsed at 30 m.', at: at(-110) },
      { body: 'Last update: all six deliver water again.', at: at(-95) },
    ],
    null,
  );

  // An open report on one of those posts.
  const { rows: reported } = await db.query<{ id: string }>(`select id from posts where thread_id = $1 order by id limit 1`, [story]);
  await db.query(`insert into reports (post_id, reporter_id, reason, created_at) values ($1, $2, $3, $4)`, [
    idOf(reported),
    reporter,
    'Names a contractor: is this advertising?',
    at(-2),
  ]);

  // An event whose organiser is not (or no longer) a member of water: it needs a host.
  const { rows: outsiders } = await db.query<{ id: string }>(
    `select m.id from members m where m.id > 9 and m.deactivated_at is null
       and not exists (select 1 from memberships ms where ms.community_id = $1 and ms.member_id = m.id) order by m.id limit 1`,
    [water],
  );
  if (outsiders[0]) {
    const starts = at(10 + 14 / 24);
    const { rows: events } = await db.query<{ id: string }>(
      `insert into events (community_id, organiser_id, title, description, starts_at, ends_at, time_zone, mode, join_url)
       values ($1, $2, 'Hand pump maintenance clinic', 'Bring your questions about hand pump repairs.', $3, $4, 'UTC', 'online', 'https://meet.example.org/handpumps')
       returning id`,
      [water, outsiders[0].id, starts, at(10 + 15 / 24)],
    );
    await db.query(
      `insert into participation_facts (member_id, community_id, kind, subject_id, occurred_at) values ($1, $2, 'event-hosted', $3, $4)`,
      [outsiders[0].id, water, idOf(events), starts],
    );
  }
}

/**
 * Pre-moderation on `soil-health` (the community of the demo's CMS page): a member's first post waits for
 * its facilitators, and one newcomer's post already waits in the demo page's discussion. Its members'
 * earlier posts are published, so only people new to it are held.
 */
export async function seedPremoderation(db: Queryable, anchor: Date): Promise<void> {
  const { rows: communities } = await db.query<{ id: string }>(
    `update communities set premoderate_first_posts = 1 where slug = 'soil-health' returning id`,
  );
  const soil = communities[0]?.id;
  if (!soil) return;
  const { rows: threads } = await db.query<{ id: string }>(`select id from threads where community_id = $1 and page_key = $2`, [
    soil,
    'https://intranet.example.org/news/soil-health-field-notes',
  ]);
  const { rows: silent } = await db.query<{ id: string }>(
    `select m.id from memberships ms join members m on m.id = ms.member_id
     where ms.community_id = $1 and ms.role = 'member' and m.id > 9 and not m.directory_opt_out and m.deactivated_at is null
       and not exists (select 1 from posts p where p.author_id = m.id)
     order by m.id limit 1`,
    [soil],
  );
  const thread = threads[0]?.id;
  const author = silent[0]?.id;
  if (!thread || !author) return;
  const body = 'New here: we mulch with rice straw in the dry season. Does anyone measure soil moisture under it?';
  await db.query(
    `insert into posts (thread_id, author_id, body_md, body_html, language, created_at, held, hidden) values ($1, $2, $3, $4, 'en', $5, true, true)`,
    [thread, author, body, renderMarkdown(body), new Date(anchor.getTime() - DAY / 2)],
  );
}
