/**
 * Two sub-groups of `water` that show the community list's states in every preset (issue 14 part 6):
 * - `rainwater-pilots`, closed: a read-only archive of three short threads from before it closed, whose
 *   members returned to `water`;
 * - `utilities-peer-review`, members-only and forming, facilitated by Amina Diallo (1), with a pending
 *   request to join from Priya Raman (4), so a facilitator has a request to decide in the demo.
 * Written after the generated network with ordinary inserts, so the generator's draws and ids stay as
 * they were; fixed text and dates relative to the anchor keep it deterministic.
 */
import type { Queryable } from '../db/index.ts';
import { renderMarkdown } from '../discussion/markdown.ts';
import { DAY_MS } from './time.ts';

const ARCHIVE_THREADS: { title: string; kind: 'discussion' | 'question'; posts: [author: number, body: string][] }[] = [
  {
    title: 'First-flush diverters: worth the cost in school tanks?',
    kind: 'question',
    posts: [
      [
        5,
        'Our pilot schools lose **a third** of the first rain to dust and leaves. Has anyone measured the gain from a first-flush diverter?',
      ],
      [
        1,
        'In Thiès we fitted simple ball diverters on 12 tanks: turbidity fell by half in the first month. The caretaker must empty them weekly.',
      ],
      [4, 'We tracked the same with a monthly checklist; I can share the template.'],
    ],
  },
  {
    title: 'Lessons from three years of rooftop tanks',
    kind: 'discussion',
    posts: [
      [
        1,
        'As the pilots end, a summary: tanks last when a **school committee** owns the maintenance budget. Those run by the project did not.',
      ],
      [5, 'Agreed. Girls used the latrines more where handwashing water came from the tank all year.'],
    ],
  },
  {
    title: 'Closing the group: where to continue',
    kind: 'discussion',
    posts: [[1, 'The pilots are over and this group closes. Everyone continues in **Water**; the threads stay here to read.']],
  },
];

/** The id a `returning id` insert gave. */
function idOf(result: { rows: { id: string }[] }): string {
  const id = result.rows[0]?.id;
  if (id === undefined) throw new Error('demo extras: an insert returned no id');
  return id;
}

export async function addDemoExtras(db: Queryable, anchor: Date): Promise<void> {
  const at = (days: number) => new Date(anchor.getTime() - days * DAY_MS);
  const { rows } = await db.query<{ id: string }>(`select id from communities where slug = 'water'`);
  const water = rows[0]?.id;
  if (!water) return;
  const members = [1, 4, 5];

  const archive = await db.query<{ id: string }>(
    `insert into communities (slug, parent_id, name, description, lifecycle, visibility, languages, created_at, closed_at)
     values ('rainwater-pilots', $1, 'Rainwater harvesting pilots (2021–2023)',
             'Rooftop rainwater tanks in schools: siting, first-flush, maintenance by school committees. Closed when the pilots ended.',
             'closed', 'public', '{en,fr}', $2, $3) returning id`,
    [water, at(1100), at(400)],
  );
  const archiveId = idOf(archive);
  for (const member of members) {
    await db.query(`insert into memberships (community_id, member_id, role, joined_at) values ($1, $2, $3, $4)`, [
      archiveId,
      member,
      member === 1 ? 'facilitator' : 'member',
      at(1100),
    ]);
  }
  for (const [index, thread] of ARCHIVE_THREADS.entries()) {
    const opened = 700 - index * 120;
    const last = opened - (thread.posts.length - 1) * 2;
    const [opener] = thread.posts[0] ?? [1];
    const threadId = idOf(
      await db.query<{ id: string }>(
        `insert into threads (community_id, title, kind, status, created_by, created_at, last_post_at, post_count)
       values ($1, $2, $3, 'open', $4, $5, $6, $7) returning id`,
        [archiveId, thread.title, thread.kind, opener, at(opened), at(last), thread.posts.length],
      ),
    );
    for (const [position, [author, body]] of thread.posts.entries()) {
      const postId = idOf(
        await db.query<{ id: string }>(
          `insert into posts (thread_id, author_id, body_md, body_html, language, created_at) values ($1, $2, $3, $4, 'en', $5) returning id`,
          [threadId, author, body, renderMarkdown(body), at(opened - position * 2)],
        ),
      );
      const kind = thread.kind === 'question' && position > 0 ? 'answer' : 'post';
      await db.query(
        `insert into participation_facts (member_id, community_id, kind, subject_id, occurred_at) values ($1, $2, $3, $4, $5)`,
        [author, archiveId, kind, postId, at(opened - position * 2)],
      );
    }
  }

  const review = await db.query<{ id: string }>(
    `insert into communities (slug, parent_id, name, description, lifecycle, visibility, languages, created_at)
     values ('utilities-peer-review', $1, 'Utilities peer review',
             'Water utilities reviewing each other’s non-revenue water plans, in confidence.', 'forming', 'members', '{en,fr}', $2) returning id`,
    [water, at(20)],
  );
  const reviewId = idOf(review);
  await db.query(
    `insert into memberships (community_id, member_id, role, joined_at) values ($1, 1, 'facilitator', $2), ($1, 5, 'member', $2)`,
    [reviewId, at(20)],
  );
  await db.query(`insert into community_join_requests (community_id, member_id, message, created_at) values ($1, 4, $2, $3)`, [
    reviewId,
    'I review utilities’ M&E plans; may I join?',
    at(3),
  ]);
  // An address Amina invited that no account has yet: the facilitators' list of invitations shows it (decision 0190).
  await db.query(
    `insert into community_email_invitations (community_id, address, invited_by, created_at, expires_at)
     values ($1, 'regulator.liaison@example.org', 1, $2, $2::timestamptz + interval '30 days')`,
    [reviewId, at(2)],
  );
}
