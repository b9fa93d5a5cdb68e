-- Participation levels and durable achievements, folded incrementally from participation_facts.
--
-- Every insert into participation_facts (one row from a route, or a batch of thousands from the seed)
-- fires one statement-level trigger that adds the new facts to monthly buckets and re-evaluates only the
-- (member, community) pairs they touch. Requests then read a few bucket rows per member instead of
-- rescanning the ledger. See docs/decisions/0080-participation-badge.md for the levels and thresholds.

-- The documented, configurable rules. One row; change it with UPDATE, then
-- `select grove_rebuild_participation()` to re-evaluate every peak level under the new thresholds.
create table participation_rules (
  singleton     boolean primary key default true check (singleton),
  -- The window: the current calendar month (UTC) and the months before it.
  window_months smallint not null default 12 check (window_months between 1 and 60),
  -- Points per fact kind; kinds not named count 0 (a reaction or an RSVP alone is not a contribution).
  weights       jsonb not null default '{"post": 1, "answer": 2, "accepted-answer": 3, "attendance": 1,
                                         "event-hosted": 5, "endorsement-given": 1, "endorsement-received": 1}',
  -- Minimum points in the window for each level; below `occasional` a member is `peripheral`.
  occasional    integer not null default 2,
  active        integer not null default 12,
  core          integer not null default 50,
  check (0 < occasional and occasional < active and active < core)
);
insert into participation_rules default values;

-- Durable achievements: earned once when a running count reaches `threshold`: of facts of the listed
-- kinds (`facts`), or of the different members who asked the questions those facts answered (`askers`:
-- "helped 10 members" means ten people, not one person's ten questions).
create table participation_achievement_rules (
  achievement text primary key check (achievement ~ '^[a-z0-9-]+$'),
  kinds       text[] not null,
  threshold   integer not null check (threshold > 0),
  counts      text not null default 'facts' check (counts in ('facts', 'askers'))
);
insert into participation_achievement_rules (achievement, kinds, threshold, counts) values
  ('first-post', '{post,answer}', 1, 'facts'),
  ('first-accepted-answer', '{accepted-answer}', 1, 'facts'),
  ('helped-10', '{accepted-answer}', 10, 'askers'),
  ('event-host', '{event-hosted}', 1, 'facts'),
  ('regular-attendee', '{attendance}', 5, 'facts');

create table participation_monthly (
  member_id    bigint not null references members(id) on delete cascade,
  community_id bigint not null references communities(id) on delete cascade,
  month        date not null,                   -- first day of the UTC month
  kind         text not null,
  n            integer not null,
  primary key (member_id, community_id, month, kind)
);
create index participation_monthly_community on participation_monthly (community_id, month);

create table participation_standing (
  member_id    bigint not null references members(id) on delete cascade,
  community_id bigint not null references communities(id) on delete cascade,
  first_at     timestamptz not null,
  last_at      timestamptz not null,
  -- The highest level the member has held over any window: shown publicly, so nobody is demoted.
  peak_level   text not null default 'peripheral' check (peak_level in ('peripheral', 'occasional', 'active', 'core')),
  peak_month   date,
  primary key (member_id, community_id)
);
create index participation_standing_community on participation_standing (community_id);

create table participation_achievements (
  member_id    bigint not null references members(id) on delete cascade,
  community_id bigint not null references communities(id) on delete cascade,
  achievement  text not null references participation_achievement_rules(achievement),
  earned_at    timestamptz not null,
  primary key (member_id, community_id, achievement)
);

-- 0 peripheral .. 3 core, for comparing levels.
create function grove_level_rank(level text) returns integer
  language sql immutable parallel safe
  as $$ select coalesce(array_position(array['peripheral', 'occasional', 'active', 'core'], level) - 1, 0) $$;

create function grove_level_of(points numeric, r participation_rules) returns text
  language sql immutable parallel safe
  as $$ select case when points >= r.core then 'core' when points >= r.active then 'active'
                    when points >= r.occasional then 'occasional' else 'peripheral' end $$;

-- Re-evaluates peak levels and achievements of the given (member, community) pairs from their buckets.
create function grove_refresh_participation(pair_members bigint[], pair_communities bigint[]) returns void
  language plpgsql as $$
declare
  r participation_rules;
begin
  select * into r from participation_rules;

  -- The peak of a rolling window can only rise in a month with activity, so evaluating the window
  -- ending at each active month finds it. Months after the current one (an event hosted next month)
  -- wait until they have happened. peak_month is the first month the peak level was reached, the same
  -- whether the facts arrive one by one, in unordered batches, or all at once in a rebuild.
  with pairs as (
    select distinct p.member_id, p.community_id from unnest(pair_members, pair_communities) as p(member_id, community_id)
  ), points as (
    select m.member_id, m.community_id, m.month, sum(m.n * coalesce((r.weights ->> m.kind)::numeric, 0)) as points
    from participation_monthly m join pairs p on p.member_id = m.member_id and p.community_id = m.community_id
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
  update participation_standing s set peak_level = b.level, peak_month = b.month
  from best b
  where s.member_id = b.member_id and s.community_id = b.community_id
    and (grove_level_rank(b.level) > grove_level_rank(s.peak_level)
         or (b.level = s.peak_level and b.month < s.peak_month));

  -- An achievement is dated by the fact that reached its threshold (the Nth in time order; for `askers`,
  -- the first help given to the Nth different asker). Totals are one join over the pairs' buckets (a
  -- lookup per pair and rule let the planner pick the community index and read every bucket of a busy
  -- community thousands of times).
  with pairs as (
    select distinct p.member_id, p.community_id from unnest(pair_members, pair_communities) as p(member_id, community_id)
  ), totals as (
    select m.member_id, m.community_id, a.achievement, a.kinds, a.threshold, a.counts, sum(m.n) as total
    from participation_monthly m
    join pairs p on p.member_id = m.member_id and p.community_id = m.community_id
    join participation_achievement_rules a on a.counts = 'facts' and m.kind = any(a.kinds)
    group by 1, 2, 3, 4, 5, 6
    union all
    select f.member_id, f.community_id, a.achievement, a.kinds, a.threshold, a.counts, count(distinct t.created_by) as total
    from participation_facts f
    join pairs p on p.member_id = f.member_id and p.community_id = f.community_id
    join participation_achievement_rules a on a.counts = 'askers' and f.kind = any(a.kinds)
    join posts po on po.id = f.subject_id
    join threads t on t.id = po.thread_id and t.created_by <> f.member_id
    group by 1, 2, 3, 4, 5, 6
  ), reached as (
    select t.member_id, t.community_id, t.achievement, t.kinds, t.threshold, t.counts
    from totals t
    where t.total >= t.threshold
      and not exists (select 1 from participation_achievements e
                      where e.member_id = t.member_id and e.community_id = t.community_id and e.achievement = t.achievement)
  )
  insert into participation_achievements (member_id, community_id, achievement, earned_at)
  select x.member_id, x.community_id, x.achievement,
         case when x.counts = 'facts' then
           (select f.occurred_at from participation_facts f
            where f.member_id = x.member_id and f.community_id = x.community_id and f.kind = any(x.kinds)
            order by f.occurred_at offset x.threshold - 1 limit 1)
         else
           (select min(f.occurred_at) as first_help from participation_facts f
            join posts po on po.id = f.subject_id
            join threads t on t.id = po.thread_id and t.created_by <> f.member_id
            where f.member_id = x.member_id and f.community_id = x.community_id and f.kind = any(x.kinds)
            group by t.created_by order by first_help offset x.threshold - 1 limit 1)
         end
  from reached x
  on conflict do nothing;
end $$;

-- Adds a set of facts (the trigger's transition table, or the whole ledger on rebuild) to the buckets.
create function grove_fold_participation_facts() returns trigger
  language plpgsql as $$
declare
  touched_members bigint[];
  touched_communities bigint[];
begin
  insert into participation_monthly (member_id, community_id, month, kind, n)
  select member_id, community_id, date_trunc('month', occurred_at at time zone 'UTC')::date, kind, count(*)::int
  from new_facts group by 1, 2, 3, 4
  on conflict (member_id, community_id, month, kind) do update set n = participation_monthly.n + excluded.n;

  insert into participation_standing (member_id, community_id, first_at, last_at)
  select member_id, community_id, min(occurred_at), max(occurred_at) from new_facts group by 1, 2
  on conflict (member_id, community_id) do update
    set first_at = least(participation_standing.first_at, excluded.first_at),
        last_at = greatest(participation_standing.last_at, excluded.last_at);

  select array_agg(member_id), array_agg(community_id) into touched_members, touched_communities
  from (select distinct member_id, community_id from new_facts) t;
  perform grove_refresh_participation(touched_members, touched_communities);
  return null;
end $$;

create trigger participation_facts_fold after insert on participation_facts
  referencing new table as new_facts for each statement execute function grove_fold_participation_facts();

-- Recomputes buckets and peak levels from the ledger (after changing the rules, and for facts written
-- before this migration). Achievements already earned are kept: they are durable, and may have been
-- exported as credentials. Returns the number of (member, community) pairs evaluated.
create function grove_rebuild_participation() returns integer
  language plpgsql as $$
declare
  pair_count integer;
  all_members bigint[];
  all_communities bigint[];
begin
  delete from participation_standing;
  delete from participation_monthly;
  insert into participation_monthly (member_id, community_id, month, kind, n)
  select member_id, community_id, date_trunc('month', occurred_at at time zone 'UTC')::date, kind, count(*)::int
  from participation_facts group by 1, 2, 3, 4;
  insert into participation_standing (member_id, community_id, first_at, last_at)
  select member_id, community_id, min(occurred_at), max(occurred_at) from participation_facts group by 1, 2;
  select array_agg(member_id), array_agg(community_id), count(*) into all_members, all_communities, pair_count
  from participation_standing;
  perform grove_refresh_participation(all_members, all_communities);
  return coalesce(pair_count, 0);
end $$;

select grove_rebuild_participation();
