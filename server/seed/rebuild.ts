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
 * - The directory (migrations 010 and 080): the statements of `grove_rebuild_directory_tables()`, the
 *   token and facet tables filled at the same time instead of one after the other; bulk.ts then calls
 *   `grove_rebuild_prefix_counts()` after the tokens, as `grove_rebuild_directory()` does.
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

/**
 * The directory's listed flag: first, since the token and facet rows copy it. `grove.rebuilding` keeps
 * the directory's triggers (on when the load could not turn them off) from refreshing member by member.
 */
export const DIRECTORY_LISTED_SQL = `
  set local grove.rebuilding = 'on';
  update members m set listed = x.listed
  from (
    select m2.id, not m2.directory_opt_out and exists (
      select 1 from memberships f join communities c on c.id = f.community_id
      where f.member_id = m2.id and c.visibility = 'public') as listed
    from members m2
  ) x
  where m.id = x.id and m.listed is distinct from x.listed`;

/** Name and organisation tokens (grove_tokens() per member, spelled out set-based); prefix counts come from them. */
export const DIRECTORY_TOKENS_SQL = `
  set local grove.rebuilding = 'on';
  truncate member_tokens;
  insert into member_tokens (token, kind, name, member_id, listed)
  select distinct on (token, id) token, kind, name, id, listed from (
    select m.id, m.name, m.listed, w.word, w.kind from members m
    cross join lateral (
      select regexp_split_to_table(grove_fold(m.name), '[^[:alnum:]]+') as word, 0::smallint as kind
      union all select regexp_split_to_table(grove_fold(m.organisation || ' ' || m.practice), '[^[:alnum:]]+'), 1::smallint
    ) w
    where not m.directory_opt_out and w.word <> ''
  ) words
  cross join lateral (
    select word as token union all select substr(word, 3) where word like 'ال%' and char_length(word) > 3
  ) t
  order by token, id, kind`;

/** Facet rows per member and their counts; the generation moves on as after grove_rebuild_directory_tables(). */
export const DIRECTORY_FACETS_SQL = `
  set local grove.rebuilding = 'on';
  truncate directory_member_facets, directory_facet_counts;
  insert into directory_member_facets (member_id, facet, value, listed)
  select m.id, 'all', '', m.listed from members m where not m.directory_opt_out
  union all select m.id, 'country', m.country, m.listed from members m where not m.directory_opt_out and m.country is not null
  union all select m.id, 'organisation', m.organisation, m.listed from members m where not m.directory_opt_out and m.organisation <> ''
  union all select distinct m.id, 'language', l, m.listed from members m, unnest(m.languages) l where not m.directory_opt_out
  union all select m.id, 'skill', ms.skill_id::text, m.listed from members m join member_skills ms on ms.member_id = m.id where not m.directory_opt_out
  union all select m.id, 'community', f.community_id::text, m.listed from members m join memberships f on f.member_id = m.id
              join communities c on c.id = f.community_id where not m.directory_opt_out and c.visibility = 'public'
  union all select distinct m.id, 'role', f.role, m.listed from members m join memberships f on f.member_id = m.id
              join communities c on c.id = f.community_id where not m.directory_opt_out and c.visibility = 'public';
  insert into directory_facet_counts (facet, value, count)
  select facet, value, count(*)::int from directory_member_facets where listed group by facet, value;
  update directory_generation set value = value + 1;
  select pg_notify('grove_directory', '')`;
