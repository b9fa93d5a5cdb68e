/**
 * A community's participation profile for its facilitators: how many members hold each level now and
 * at the end of each of the last 12 months (the 2:18:80 picture and its trend), newcomers, unanswered
 * questions and the median time to a first reply. Aggregates only: no member is named.
 */
import type { z } from '@hono/zod-openapi';
import type { Database, Queryable } from '../db/index.ts';
import { LEVELS, type CommunityParticipation, type LevelShare } from '../contract/participation.ts';
import { FACT_KINDS } from './badges.ts';
import { windowStart, type Rules } from './rules.ts';

export type Profile = z.infer<typeof CommunityParticipation>;
type Share = z.infer<typeof LevelShare>;

const TREND_MONTHS = 12;

/** Months as 'YYYY-MM' text (see badges.ts). */
interface LevelRow {
  month: string;
  level: string;
  members: number;
  guests: number;
}

/** A profile that took longer than this to compute is kept, and served while a newer one is computed. */
const SLOW_MS = 500;
/** How long a kept profile is served before it is computed again (the HTTP answer allows 300 s). */
const KEEP_MS = 60_000;
/** Profiles kept per process; the oldest goes first past it. */
const MAX_KEPT = 1_000;

interface Kept {
  at: number;
  value: Profile;
  refreshing: boolean;
}

const kept = new WeakMap<Database, Map<string, Kept>>();
const computing = new WeakMap<Database, Map<string, Promise<Profile>>>();

/**
 * `loadProfile`, kept in memory when it is slow. A small community's profile costs milliseconds and is
 * computed for every request; a large one's (87,000 members and 360,000 monthly rows: 5-6.5 s at x100)
 * is kept for a minute, then served as it is while the next one is computed, once, in the background.
 * Requests for a profile being computed wait for that computation instead of starting their own. Facts
 * arrive all the time, so a change-driven cache would rarely hold; these are monthly aggregates, and a
 * minute is below the 300 s the answer already allows HTTP caches.
 */
export async function communityProfile(
  db: Database,
  community: { id: string; slug: string },
  rules: Rules,
  now: Date,
  { slowMs = SLOW_MS, keepMs = KEEP_MS }: { slowMs?: number; keepMs?: number } = {},
): Promise<Profile> {
  const key = JSON.stringify([community.id, rules, windowStart({ ...rules, windowMonths: 1 }, now)]);
  const byKey = kept.get(db) ?? new Map<string, Kept>();
  kept.set(db, byKey);
  const inFlight = computing.get(db) ?? new Map<string, Promise<Profile>>();
  computing.set(db, inFlight);
  // In the background (a refresh while the kept profile is served) it waits its turn for the database
  // instead of being refused: nobody waits for it.
  const compute = (background = false): Promise<Profile> => {
    const running = inFlight.get(key);
    if (running) return running;
    const started = performance.now();
    const value = db
      .withRequest({ readOnly: true, background }, () => loadProfile(db, community, rules, now))
      .then((profile) => {
        if (performance.now() - started >= slowMs) {
          byKey.delete(key);
          byKey.set(key, { at: Date.now(), value: profile, refreshing: false });
          if (byKey.size > MAX_KEPT) byKey.delete(byKey.keys().next().value ?? key);
        } else byKey.delete(key);
        return profile;
      })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, value);
    return value;
  };
  const entry = byKey.get(key);
  if (!entry) return compute();
  if (Date.now() - entry.at >= keepMs && !entry.refreshing) {
    entry.refreshing = true;
    compute(true).catch(() => (entry.refreshing = false));
  }
  return entry.value;
}

/** Settles when the profiles being computed on `db` (in the background included) are done. */
export async function profilesComputed(db: Database): Promise<void> {
  await Promise.allSettled([...(computing.get(db)?.values() ?? [])]);
}

export async function loadProfile(db: Queryable, community: { id: string; slug: string }, rules: Rules, now: Date): Promise<Profile> {
  const thisMonth = windowStart({ ...rules, windowMonths: 1 }, now);
  const trendFrom = windowStart({ ...rules, windowMonths: TREND_MONTHS }, now);
  const span = rules.windowMonths - 1;
  const since90Days = new Date(now.getTime() - 90 * 86_400_000);
  const [levels, joined, kinds, summary] = await Promise.all([
    // Each member's points in the window ending at each trend month, classified by the SQL twin of levelOf.
    db.query<LevelRow>(
      `with months as (
         select generate_series($2::date, $3::date, interval '1 month')::date as month
       ), points as (
         select m.member_id, m.month, sum(m.n * coalesce((r.weights ->> m.kind)::numeric, 0)) as points
         from participation_monthly m cross join participation_rules r
         where m.community_id = $1 and m.month between ($2::date - make_interval(months => $4)) and $3::date
         group by 1, 2
       ), scored as (
         select mo.month, p.member_id, sum(p.points) as points
         from months mo join points p on p.month between mo.month - make_interval(months => $4) and mo.month
         group by 1, 2
       )
       select to_char(s.month, 'YYYY-MM') as month, grove_level_of(s.points, r) as level,
              count(ms.member_id)::int as members, (count(*) - count(ms.member_id))::int as guests
       from scored s cross join participation_rules r
       left join memberships ms on ms.community_id = $1 and ms.member_id = s.member_id
                               and ms.joined_at < s.month + interval '1 month'
       group by 1, 2`,
      [community.id, trendFrom, thisMonth, span],
    ),
    db.query<{ month: string; members: number }>(
      `select to_char(mo.month, 'YYYY-MM') as month, (select count(*)::int from memberships m
                         where m.community_id = $1 and m.joined_at < mo.month + interval '1 month') as members
       from generate_series($2::date, $3::date, interval '1 month') as mo(month)`,
      [community.id, trendFrom, thisMonth],
    ),
    db.query<{ kind: string; n: number }>(
      'select kind, sum(n)::int as n from participation_monthly where community_id = $1 group by kind',
      [community.id],
    ),
    db.query<{
      name: string;
      members: number;
      newcomers: number;
      contributors: number;
      recent: number;
      unanswered: number;
      median_hours: number | null;
    }>(
      `select (select name from communities where id = $1) as name,
              (select count(*)::int from memberships where community_id = $1) as members,
              (select count(*)::int from memberships where community_id = $1 and joined_at >= $2::date) as newcomers,
              (select count(distinct member_id)::int from participation_monthly
                where community_id = $1 and kind in ('post', 'answer')) as contributors,
              (select count(distinct member_id)::int from participation_facts
                where community_id = $1 and kind in ('post', 'answer') and occurred_at > $3 and occurred_at <= $4) as recent,
              (select count(*)::int from threads t
                where t.community_id = $1 and t.kind = 'question' and t.status = 'open'
                  and not exists (select 1 from posts p where p.thread_id = t.id and p.author_id is distinct from t.created_by
                                  and not p.deleted and not p.hidden)) as unanswered,
              (select percentile_cont(0.5) within group (order by extract(epoch from first_reply - created_at) / 3600)
                 from (select t.created_at,
                              (select min(p.created_at) from posts p where p.thread_id = t.id
                                and p.author_id is distinct from t.created_by and not p.deleted) as first_reply
                       from threads t where t.community_id = $1 and t.created_at > $3 and t.created_at <= $4) replies
                where first_reply is not null) as median_hours`,
      [community.id, thisMonth, since90Days, now],
    ),
  ]);
  const membersAt = new Map(joined.rows.map((row) => [row.month, row.members]));
  const trend = [...membersAt.keys()].map((month) => ({
    month,
    levels: shares(
      levels.rows.filter((row) => row.month === month),
      membersAt.get(month) ?? 0,
    ),
  }));
  const totals = summary.rows[0];
  return {
    community: community.slug,
    name: totals?.name ?? community.slug,
    members: totals?.members ?? 0,
    contributors: totals?.contributors ?? 0,
    contributors90Days: totals?.recent ?? 0,
    counts: Object.fromEntries(FACT_KINDS.map((kind) => [kind, kinds.rows.find((row) => row.kind === kind)?.n ?? 0])),
    window: { months: rules.windowMonths, from: windowStart(rules, now) },
    levels: trend.at(-1)?.levels ?? [],
    trend,
    newcomersThisMonth: totals?.newcomers ?? 0,
    unansweredQuestions: totals?.unanswered ?? 0,
    medianFirstReplyHours: typeof totals?.median_hours === 'number' ? round1(totals.median_hours) : null,
  };
}

const round1 = (value: number): number => Math.round(value * 10) / 10;

/** Members per level, core first; every member without enough points (or none) is peripheral. */
function shares(rows: readonly LevelRow[], members: number): Share[] {
  const count = (level: string) => rows.find((row) => row.level === level)?.members ?? 0;
  const contributing = count('occasional') + count('active') + count('core');
  return [
    { level: 'core', members: count('core') },
    { level: 'active', members: count('active') },
    { level: 'occasional', members: count('occasional') },
    { level: 'peripheral', members: Math.max(0, members - contributing) },
    { level: 'transactional', members: rows.reduce((sum, row) => sum + (row.level === LEVELS[0] ? 0 : row.guests), 0) },
  ];
}
