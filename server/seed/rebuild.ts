/**
 * The read models that triggers maintain outside a bulk load, rebuilt after one in independent
 * set-based statements that bulk.ts runs side by side on separate connections. Each gives the rows of
 * the migrations' own rebuild functions, which stay the definition (test/server/seed/bulk-load.test.ts
 * compares the two on a seeded database):
 *
 * - Participation (migration 005): `grove_rebuild_participation()` re-evaluates achievements through
 *   `grove_refresh_participation`, which looks up each reaching (member, community, achievement) in
 *   its own subquery: 85 % of the rebuild's time at x100. Here the Nth fact (or the first help to the
 *   Nth different asker) is read with one window over the whole ledger instead. Equal to the function's
 *   result when participation_achievements starts empty, which is what a bulk load leaves.
 *
 * The directory needs nothing here: its rebuild is three SQL functions (migration 082) that bulk.ts
 * calls side by side and `grove_rebuild_directory_tables()` calls in turn.
 */

/** Buckets, standings and peak levels. */
export const PARTICIPATION_LEVELS_SQL = `do $rebuild$
declare
  r participation_rules;
begin
  select * into r from participation_rules;
  delete from participation_standing;
  delete from participation_monthly;
  insert into participation_monthly (member_id, community_id, month, kind, n)
  select member_id, community_id, date_trunc('month', occurred_at at time zone 'UTC')::date, kind, count(*)::int
  from participation_facts group by 1, 2, 3, 4 order by 1, 2, 3, 4;

  -- grove_refresh_participation's peak levels, computed before the standing rows are written rather
  -- than updated into them: its update sets a pair's peak only when the best level is above
  -- peripheral (peak_month starts null), so a pair without one keeps 'peripheral' and no month.
  -- In key order: the primary keys' b-trees then grow at their right edge instead of page by page.
  insert into participation_standing (member_id, community_id, first_at, last_at, peak_level, peak_month)
  with pairs as (
    select member_id, community_id, min(occurred_at) as first_at, max(occurred_at) as last_at
    from participation_facts group by 1, 2
  ), points as (
    select m.member_id, m.community_id, m.month, sum(m.n * coalesce((r.weights ->> m.kind)::numeric, 0)) as points
    from participation_monthly m
    where m.month <= date_trunc('month', now() at time zone 'UTC')::date
    group by 1, 2, 3
  ), windows as (
    select member_id, community_id, month,
           sum(points) over (partition by member_id, community_id order by month
                             range between make_interval(months => r.window_months - 1) preceding and current row) as points
    from points
  ), best as (
    select distinct on (member_id, community_id) member_id, community_id, month, level
    from (select member_id, community_id, month, grove_level_of(points, r) as level from windows) w
    order by member_id, community_id, grove_level_rank(level) desc, month
  )
  select p.member_id, p.community_id, p.first_at, p.last_at,
         case when grove_level_rank(b.level) > 0 then b.level else 'peripheral' end,
         case when grove_level_rank(b.level) > 0 then b.month end
  from pairs p left join best b on b.member_id = p.member_id and b.community_id = p.community_id
  order by 1, 2;
end
$rebuild$`;

/** Durable achievements, dated by the fact that reached each threshold. */
export const PARTICIPATION_ACHIEVEMENTS_SQL = `
  -- An achievement is dated by the fact that reached its threshold: the Nth of the listed kinds in time
  -- order, or for 'askers' the first help to the Nth different asker (what the function's subqueries
  -- read with ORDER BY ... OFFSET N - 1 LIMIT 1; ties give the same date whichever row is Nth).
  insert into participation_achievements (member_id, community_id, achievement, earned_at)
  select member_id, community_id, achievement, at from (
    select f.member_id, f.community_id, a.achievement, a.threshold, f.occurred_at as at,
           row_number() over (partition by f.member_id, f.community_id, a.achievement order by f.occurred_at) as nth
    from participation_facts f
    join participation_achievement_rules a on a.counts = 'facts' and f.kind = any(a.kinds)
  ) facts
  where nth = threshold
  union all
  select member_id, community_id, achievement, at from (
    select member_id, community_id, achievement, threshold, first_help as at,
           row_number() over (partition by member_id, community_id, achievement order by first_help) as nth
    from (
      select f.member_id, f.community_id, a.achievement, a.threshold, t.created_by, min(f.occurred_at) as first_help
      from participation_facts f
      join participation_achievement_rules a on a.counts = 'askers' and f.kind = any(a.kinds)
      join posts po on po.id = f.subject_id
      join threads t on t.id = po.thread_id and t.created_by <> f.member_id
      group by 1, 2, 3, 4, 5
    ) helps
  ) askers
  where nth = threshold
  on conflict do nothing`;
