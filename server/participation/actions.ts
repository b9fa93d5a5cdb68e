/**
 * The facilitators' action list (docs/decisions/0142-facilitator-actions.md): not how many, but which
 * questions wait, which newcomers nobody welcomed, who went quiet, which reports are open and which
 * events lost their host, each with what a facilitator needs to act. Facilitators of the community only:
 * it names people. The public keeps the aggregate (profile.ts).
 */
import type { z } from '@hono/zod-openapi';
import { assertFacilitator, readableCommunity } from '../communities/access.ts';
import { memberRef, presenceSql, type Presence } from '../communities/visibility.ts';
import type { FacilitatorActions } from '../contract/participation.ts';
import type { Queryable } from '../db/index.ts';
import { HttpProblem } from '../shared/problem.ts';
import type { Viewer } from '../shared/viewer.ts';

/** Each list is capped: the list is for acting on now, the aggregate says how many there are. */
const LIMIT = 25;
const NEWCOMER_DAYS = 30;
const QUIET_DAYS = 60;
const ACTIVE_BEFORE_DAYS = 180;
const ACTIVE_CONTRIBUTIONS = 3;
const HOSTLESS_AHEAD_DAYS = 30;

/** A thread's page key is where it is read when it is a web address (hosts may key threads by anything else). */
const pageUrl = (key: string | null): string | null => (key && /^https?:\/\//i.test(key) ? key : null);

async function facilitated(db: Queryable, slug: string, viewer: Viewer) {
  const community = await readableCommunity(db, { slug }, viewer);
  assertFacilitator(community);
  return community;
}

export async function facilitatorActions(db: Queryable, slug: string, viewer: Viewer): Promise<z.infer<typeof FacilitatorActions>> {
  const community = await facilitated(db, slug, viewer);
  const [questions, newcomers, quiet, reports, hostless] = await Promise.all([
    db.query<{
      id: string;
      title: string;
      page_key: string | null;
      author_id: string | null;
      author_name: string | null;
      author_avatar: string | null;
      author_presence: Presence | null;
      created_at: Date;
    }>(
      `select t.id, t.title, t.page_key, a.id as author_id, a.name as author_name, grove_avatar_path(a.id, a.avatar_url) as author_avatar, ${presenceSql('a')} as author_presence, t.created_at
       from threads t left join members a on a.id = t.created_by
       where t.community_id = $1 and t.kind = 'question' and t.status = 'open'
         and not exists (select 1 from posts p where p.thread_id = t.id and p.author_id is distinct from t.created_by and not p.deleted and not p.hidden)
         and not coalesce((select p.held from posts p where p.thread_id = t.id order by p.id limit 1), false)
       order by t.created_at, t.id limit $2`,
      [community.id, LIMIT],
    ),
    // Members who opted out of the directory (or were deactivated) are named to nobody (communities/visibility.ts).
    db.query<{ id: string; name: string; avatar: string | null; joined_at: Date }>(
      `select m.id, m.name, grove_avatar_path(m.id, m.avatar_url) as avatar, ms.joined_at
       from memberships ms join members m on m.id = ms.member_id
       where ms.community_id = $1 and ms.role = 'member' and not m.directory_opt_out and ms.joined_at > now() - make_interval(days => $2)
         and not exists (select 1 from welcomes w where w.community_id = ms.community_id and w.member_id = ms.member_id)
       order by ms.joined_at, m.id limit $3`,
      [community.id, NEWCOMER_DAYS, LIMIT],
    ),
    db.query<{ id: string; name: string; avatar: string | null; last_active: Date; contributions: number }>(
      `select m.id, m.name, grove_avatar_path(m.id, m.avatar_url) as avatar, max(f.occurred_at) as last_active, count(*)::int as contributions
       from participation_facts f join members m on m.id = f.member_id
       join memberships ms on ms.community_id = f.community_id and ms.member_id = f.member_id
       where f.community_id = $1 and f.kind in ('post', 'answer') and f.occurred_at > now() - make_interval(days => $3) and not m.directory_opt_out
       group by m.id, m.name, m.avatar_url
       having max(f.occurred_at) <= now() - make_interval(days => $2) and count(*) >= $4
       order by max(f.occurred_at) desc, m.id limit $5`,
      [community.id, QUIET_DAYS, ACTIVE_BEFORE_DAYS, ACTIVE_CONTRIBUTIONS, LIMIT],
    ),
    db.query<{ id: string; post_id: string; thread_id: string; title: string; page_key: string | null; reason: string; created_at: Date }>(
      `select r.id, r.post_id, t.id as thread_id, t.title, t.page_key, r.reason, r.created_at
       from reports r join posts p on p.id = r.post_id join threads t on t.id = p.thread_id
       where t.community_id = $1 and r.resolved_at is null order by r.created_at, r.id limit $2`,
      [community.id, LIMIT],
    ),
    db.query<{ id: string; title: string; starts_at: Date }>(
      `select e.id, e.title, e.starts_at from events e
       where e.community_id = $1 and not e.cancelled and e.starts_at > now() and e.starts_at < now() + make_interval(days => $2)
         and not exists (select 1 from memberships ms where ms.community_id = e.community_id and ms.member_id = e.organiser_id)
       order by e.starts_at, e.id limit $3`,
      [community.id, HOSTLESS_AHEAD_DAYS, LIMIT],
    ),
  ]);
  const now = Date.now();
  return {
    community: community.slug,
    unansweredQuestions: questions.rows.map((row) => ({
      thread: row.id,
      title: row.title,
      url: pageUrl(row.page_key),
      askedBy: row.author_id ? memberRef(row.author_id, row.author_name ?? '', row.author_avatar, row.author_presence ?? 'listed') : null,
      askedAt: row.created_at.toISOString(),
      ageHours: Math.floor((now - row.created_at.getTime()) / 3_600_000),
    })),
    newcomers: newcomers.rows.map((row) => ({
      member: memberRef(row.id, row.name, row.avatar, 'listed'),
      joinedAt: row.joined_at.toISOString(),
    })),
    quietMembers: quiet.rows.map((row) => ({
      member: memberRef(row.id, row.name, row.avatar, 'listed'),
      lastActiveAt: row.last_active.toISOString(),
      contributions: row.contributions,
    })),
    openReports: reports.rows.map((row) => ({
      report: row.id,
      post: row.post_id,
      thread: row.thread_id,
      title: row.title,
      url: pageUrl(row.page_key),
      reason: row.reason,
      reportedAt: row.created_at.toISOString(),
    })),
    eventsWithoutHost: hostless.rows.map((row) => ({ event: row.id, title: row.title, startsAt: row.starts_at.toISOString() })),
  };
}

/** A facilitator marks a member welcomed (the newcomer leaves the list); welcoming twice keeps the first. */
export async function welcomeMember(db: Queryable, slug: string, memberId: string, viewer: Viewer) {
  const community = await facilitated(db, slug, viewer);
  const { rows: member } = await db.query('select 1 from memberships where community_id = $1 and member_id = $2', [community.id, memberId]);
  if (member.length === 0) {
    throw new HttpProblem(422, 'Only a member of this community can be welcomed in it', {
      errors: [{ field: 'body.member', message: 'Not a member of this community' }],
    });
  }
  const { rows } = await db.query<{ welcomed_at: Date; welcomed_by: string }>(
    `with added as (
       insert into welcomes (community_id, member_id, welcomed_by) values ($1, $2, $3) on conflict do nothing returning welcomed_at, welcomed_by
     ) select welcomed_at, welcomed_by from added
       union all select welcomed_at, welcomed_by from welcomes where community_id = $1 and member_id = $2 and not exists (select 1 from added)`,
    [community.id, memberId, viewer.memberId],
  );
  const row = rows[0];
  if (!row) throw new Error('welcome vanished');
  return { member: memberId, welcomedAt: row.welcomed_at.toISOString(), welcomedBy: row.welcomed_by };
}
