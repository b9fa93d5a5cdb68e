/**
 * Member badges, for one member or a page of them in one round of queries: the level and contributions
 * come from the monthly buckets and peak levels that migration 005 keeps up to date as facts arrive.
 */
import type { Queryable } from '../db/index.ts';
import type { FactKind } from './facts.ts';
import { readableCommunitySql } from '../communities/access.ts';
import { announceMemberChange } from '../communities/member-changes.ts';
import { memberShownSql } from '../communities/visibility.ts';
import type { z } from '@hono/zod-openapi';
import type { Contributions, MemberBadge } from '../contract/participation.ts';
import { LEVELS } from '../contract/participation.ts';
import { levelOf, levelRank, pointsOf, windowStart, type Rules } from './rules.ts';

export type Badge = z.infer<typeof MemberBadge>;

/** The fact kinds behind each contribution the badge shows. */
const CONTRIBUTION_KINDS: Record<keyof z.infer<typeof Contributions>, string> = {
  posts: 'post',
  answers: 'answer',
  acceptedAnswers: 'accepted-answer',
  eventsAttended: 'attendance',
  eventsHosted: 'event-hosted',
  endorsementsGiven: 'endorsement-given',
  endorsementsReceived: 'endorsement-received',
};

export const FACT_KINDS: readonly FactKind[] = [
  'post',
  'answer',
  'accepted-answer',
  'reaction-given',
  'reaction-received',
  'rsvp',
  'attendance',
  'event-hosted',
  'endorsement-given',
  'endorsement-received',
];

export interface BadgeQuery {
  memberIds: readonly string[];
  /** The community the badges are about, already checked readable; null for every readable community. */
  community: { id: string; slug: string } | null;
  viewerId: string | null;
  rules: Rules;
  now: Date;
}

/** Months travel as 'YYYY-MM' text: node-postgres would parse a date column at local midnight, a month early east of UTC. */
interface Bucket {
  member_id: string;
  kind: string;
  total: number;
  recent: number;
  last_month: string | null;
}
interface Earned {
  member_id: string;
  achievement: string;
  slug: string;
  earned_at: Date;
}

/** Badges in the order of `memberIds`; unknown members, those the viewer may not see and those hiding their badge are left out. */
export async function loadBadges(db: Queryable, query: BadgeQuery): Promise<Badge[]> {
  const { rules, now, community } = query;
  const from = windowStart(rules, now);
  const thisMonth = windowStart({ ...rules, windowMonths: 1 }, now);
  const scope = `${readableCommunitySql('c', '$1')} and ($3::bigint is null or c.id = $3)`;
  const params = [query.viewerId, [...new Set(query.memberIds)], community?.id ?? null];
  const [members, buckets, peaks, earned, memberships] = await Promise.all([
    db.query<{ id: string; name: string; badge_hidden: boolean }>(
      // Only members the viewer may see at all (communities/visibility.ts), and not those hiding their badge.
      `select m.id, m.name, m.badge_hidden from members m
       where m.id = any($2::bigint[]) and ${memberShownSql('m', '$1')} and (not m.badge_hidden or m.id = $1::bigint)`,
      params.slice(0, 2),
    ),
    db.query<Bucket>(
      `select pm.member_id, pm.kind, sum(pm.n)::int as total,
              coalesce(sum(pm.n) filter (where pm.month between $4::date and $5::date), 0)::int as recent,
              to_char(max(pm.month) filter (where pm.month <= $5::date), 'YYYY-MM') as last_month
       from participation_monthly pm join communities c on c.id = pm.community_id
       where pm.member_id = any($2::bigint[]) and ${scope}
       group by 1, 2`,
      [...params, from, thisMonth],
    ),
    db.query<{ member_id: string; peak: number }>(
      `select s.member_id, max(grove_level_rank(s.peak_level))::int as peak
       from participation_standing s join communities c on c.id = s.community_id
       where s.member_id = any($2::bigint[]) and ${scope} group by 1`,
      params,
    ),
    db.query<Earned>(
      `select a.member_id, a.achievement, c.slug, a.earned_at
       from participation_achievements a join communities c on c.id = a.community_id
       where a.member_id = any($2::bigint[]) and a.earned_at <= $4 and ${scope}
       union all
       select m.member_id, 'facilitator', c.slug, m.joined_at
       from memberships m join communities c on c.id = m.community_id
       where m.member_id = any($2::bigint[]) and m.role = 'facilitator' and ${scope}
       order by earned_at, slug`,
      [...params, now],
    ),
    community
      ? db.query<{ member_id: string }>('select member_id from memberships where community_id = $2 and member_id = any($1::bigint[])', [
          params[1],
          community.id,
        ])
      : Promise.resolve({ rows: [] }),
  ]);
  const membersOfScope = new Set(memberships.rows.map((row) => row.member_id));
  const byId = new Map(members.rows.map((row) => [row.id, row]));
  return query.memberIds.flatMap((id) => {
    const member = byId.get(id);
    if (!member) return [];
    const peakRank = peaks.rows.find((row) => row.member_id === id)?.peak ?? 0;
    const badge = badgeOf(
      buckets.rows.filter((row) => row.member_id === id),
      peakRank,
      rules,
    );
    const contributed = pointsOf(badge.counts, rules) > 0;
    return [
      {
        member: id,
        name: member.name,
        community: community?.slug ?? null,
        ...badge,
        // Someone who contributes to a community they have not joined is a guest there, whatever their points.
        level: community !== null && !membersOfScope.has(id) && contributed ? 'transactional' : badge.level,
        window: { months: rules.windowMonths, from },
        achievements: firstOfEach(earned.rows.filter((row) => row.member_id === id)),
        isViewer: id === query.viewerId,
        hidden: member.badge_hidden,
      },
    ];
  });
}

/**
 * The level shown is the higher of the window's own level and the peak held before (across communities:
 * the summed window against the best community peak), so a quieter member is never shown lower.
 */
function badgeOf(own: readonly Bucket[], peakRank: number, rules: Rules) {
  const recent = Object.fromEntries(own.map((row) => [row.kind, row.recent]));
  const current = levelOf(pointsOf(recent, rules), rules);
  const peak = LEVELS[peakRank] ?? 'peripheral';
  const level = levelRank(peak) > levelRank(current) ? peak : current;
  const lastMonths = own.flatMap((row) => ((rules.weights[row.kind] ?? 0) > 0 && row.last_month !== null ? [row.last_month] : []));
  return {
    level: level as Badge['level'],
    recentlyActive: levelRank(current) >= levelRank(level),
    lastActive: lastMonths.sort().at(-1) ?? null,
    contributions: Object.fromEntries(
      Object.entries(CONTRIBUTION_KINDS).map(([key, kind]) => [key, recent[kind] ?? 0]),
    ) as Badge['contributions'],
    counts: Object.fromEntries(FACT_KINDS.map((kind) => [kind, own.find((row) => row.kind === kind)?.total ?? 0])),
  };
}

/** One entry per achievement, the earliest, when the member earned it in several communities. */
function firstOfEach(rows: readonly Earned[]): Badge['achievements'] {
  const seen = new Set<string>();
  return rows.flatMap((row) => {
    if (seen.has(row.achievement)) return [];
    seen.add(row.achievement);
    return [{ id: row.achievement, community: row.slug, earnedAt: row.earned_at.toISOString() }];
  });
}

/** Hides a member's badge from everyone but themselves, or shows it again; false when no such member. */
export async function setBadgeHidden(db: Queryable, memberId: string, hidden: boolean): Promise<boolean> {
  const { rows } = await db.query<{ version: number }>(
    'update members set badge_hidden = $2, version = version + 1 where id = $1 returning version',
    [memberId, hidden],
  );
  const [row] = rows;
  if (row) await announceMemberChange(db, { member: memberId, version: row.version, hiding: false });
  return rows.length > 0;
}
