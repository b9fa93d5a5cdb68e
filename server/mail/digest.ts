/**
 * Digests: daily or weekly (the member's choice, weekly by default), in the morning of their own time
 * zone, only to members who have not visited since the last one, with what is new in their communities:
 * new threads, unanswered questions in their skills, upcoming events, and for facilitators the newcomers
 * to welcome. Nothing is sent when nothing is new. `runDigests` is called on a timer by the server and
 * handles at most `limit` members a round, so a large network is served over several rounds.
 */
import type { Database, Queryable } from '../db/index.ts';
import { digestMail, type DigestItem, type MailContext, type Recipient } from './compose.ts';
import { mailLanguage } from './messages.ts';
import { ADDRESS_SQL, enqueue } from './outbox.ts';

/** Local hours in which digests go out: read with the morning's first coffee. */
const MORNING = [7, 10] as const;

interface DueRow {
  member_id: string;
  name: string;
  address: string;
  languages: string[];
  time_zone: string;
  digest: 'daily' | 'weekly';
  since: Date;
  visited: boolean;
}

const pageUrl = (key: string | null) => (key && /^https?:\/\//i.test(key) ? key : null);

/** Members whose digest is due now: an address, not failing, in their morning, a period since the last. */
async function dueMembers(db: Queryable, now: Date, limit: number): Promise<DueRow[]> {
  const { rows } = await db.query<DueRow>(
    `select m.id as member_id, m.name, ${ADDRESS_SQL} as address, m.languages, m.time_zone,
            coalesce(s.digest, 'weekly') as digest,
            coalesce(s.last_digest_at, $1::timestamptz - case when coalesce(s.digest, 'weekly') = 'daily' then interval '1 day' else interval '7 days' end) as since,
            coalesce(m.last_active_at > s.last_digest_at, false) as visited
     from members m left join mail_settings s on s.member_id = m.id
     where coalesce(s.digest, 'weekly') <> 'off' and s.failing_since is null and m.deactivated_at is null
       and extract(hour from $1::timestamptz at time zone m.time_zone) between $2 and $3
       and (s.last_digest_at is null or s.last_digest_at <= $1::timestamptz
            - case when coalesce(s.digest, 'weekly') = 'daily' then interval '20 hours' else interval '6 days 20 hours' end)
       and ${ADDRESS_SQL} is not null
     order by s.last_digest_at nulls first, m.id
     limit $4`,
    [now, MORNING[0], MORNING[1] - 1, limit],
  );
  return rows;
}

async function contents(db: Queryable, member: DueRow, now: Date) {
  const since = member.since;
  const readable = `(c.visibility = 'public' or exists (select 1 from memberships v where v.community_id = c.id and v.member_id = $1))`;
  const mine = `exists (select 1 from memberships mm where mm.community_id = c.id and mm.member_id = $1)`;
  const [threads, unanswered, events, newcomers] = await Promise.all([
    db.query<{ title: string; community: string; page_key: string | null }>(
      `select t.title, c.name as community, t.page_key from threads t join communities c on c.id = t.community_id
       where ${mine} and t.created_at > $2::timestamptz and t.created_by <> $1 and t.post_count > 0 order by t.created_at desc limit 10`,
      [member.member_id, since],
    ),
    db.query<{ title: string; community: string; page_key: string | null }>(
      `select t.title, c.name as community, t.page_key from threads t join communities c on c.id = t.community_id
       where ${readable} and t.kind = 'question' and t.status = 'open' and t.post_count = 1 and t.created_by <> $1
         and t.created_at > $2::timestamptz - interval '30 days'
         and coalesce(t.topic_skill_id, c.topic_skill_id) in (select skill_id from member_skills where member_id = $1)
       order by t.created_at desc limit 5`,
      [member.member_id, since],
    ),
    db.query<{ title: string; starts_at: Date; community: string }>(
      `select e.title, e.starts_at, c.name as community from events e join communities c on c.id = e.community_id
       where ${mine} and not e.cancelled and e.starts_at between $2::timestamptz and $2::timestamptz + interval '14 days'
       order by e.starts_at limit 5`,
      [member.member_id, now],
    ),
    db.query<{ name: string; community: string }>(
      `select n.name, c.name as community from memberships j join members n on n.id = j.member_id join communities c on c.id = j.community_id
       where j.joined_at > $2::timestamptz and j.member_id <> $1 and not n.directory_opt_out
         and exists (select 1 from memberships f where f.community_id = j.community_id and f.member_id = $1 and f.role = 'facilitator')
       order by j.joined_at desc limit 10`,
      [member.member_id, since],
    ),
  ]);
  const when = new Intl.DateTimeFormat(mailLanguage(member.languages), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: member.time_zone,
  });
  const item = (text: string, url: string | null): DigestItem => ({ text, url });
  return {
    threads: threads.rows.map((t) => item(`${t.title} (${t.community})`, pageUrl(t.page_key))),
    unanswered: unanswered.rows.map((t) => item(`${t.title} (${t.community})`, pageUrl(t.page_key))),
    events: events.rows.map((e) => item(`${when.format(e.starts_at)}: ${e.title} (${e.community})`, null)),
    newcomers: newcomers.rows.map((n) => item(`${n.name} (${n.community})`, null)),
  };
}

/** Queues the digests due at `now`; returns how many were queued and how many members were looked at. */
export async function runDigests(
  db: Database,
  context: MailContext,
  now = new Date(),
  limit = 200,
): Promise<{ queued: number; considered: number }> {
  const due = await dueMembers(db, now, limit);
  let queued = 0;
  for (const member of due) {
    const content = member.visited ? null : await contents(db, member, now);
    const news = content && Object.values(content).some((items) => items.length > 0) ? content : null;
    await db.transaction(async (tx) => {
      // The window moves on whether or not a digest goes: a visit or a quiet period has nothing to repeat.
      await tx.query(
        `insert into mail_settings (member_id, last_digest_at) values ($1, $2)
         on conflict (member_id) do update set last_digest_at = $2`,
        [member.member_id, now],
      );
      if (!news) return;
      const recipient: Recipient = {
        memberId: member.member_id,
        name: member.name,
        address: member.address,
        lang: mailLanguage(member.languages),
      };
      await enqueue(tx, [digestMail(context, { recipient, since: member.since, frequency: member.digest, ...news })]);
      queued++;
    });
  }
  return { queued, considered: due.length };
}
