-- The calendar month as range reads (docs/decisions/0120-serving-scale.md, section 4).
--
-- Before: a community's calendar resolved its sub-communities with a recursive query (a scan of every
-- community per level), then read single events through (community_id, starts_at) with only an upper
-- bound, so each sub-community's whole past was read, filtered by ends_at and sorted by the all-day
-- expression; series were read the same way and their end decided by regular expressions per row. At
-- 1.2 million members the water community (4,600 sub-communities) took 1.3 s per month.
--
-- Now:
-- - community_tree holds every (ancestor, descendant) pair, self included, kept current by a trigger on
--   community insert and parent change: a scope is one index range.
-- - events.first_start (the first occurrence's start, local midnight for all-day events) and
--   events.series_until (a time after which a series certainly has no occurrence, infinity when that is
--   not decidable from the rule alone) are stored generated columns.
-- - A single event lasting at most a week starts within nine days before the range it overlaps, so the
--   month is a bounded range of (community_id, first_start); longer ones are few and read by ends_at.

create table community_tree (
  ancestor_id  bigint not null references communities(id) on delete cascade,
  community_id bigint not null references communities(id) on delete cascade,
  primary key (ancestor_id, community_id)
);
create index community_tree_descendant on community_tree (community_id);

-- Every pair at once, set-based (the migration's backfill, and after a bulk load).
create function grove_rebuild_community_tree() returns void
  language plpgsql as $$
begin
  truncate community_tree;
  insert into community_tree (ancestor_id, community_id)
  with recursive tree(ancestor_id, community_id) as (
    select id, id from communities
    union all
    select t.ancestor_id, c.id from tree t join communities c on c.parent_id = t.community_id
  )
  select ancestor_id, community_id from tree;
end $$;

create function grove_community_tree_changed() returns trigger
  language plpgsql as $$
begin
  if tg_op = 'UPDATE' then
    if new.parent_id is not distinct from old.parent_id then return null; end if;
    -- The moved subtree keeps its inner pairs and loses those with its former ancestors.
    delete from community_tree x
    where x.community_id in (select community_id from community_tree where ancestor_id = new.id)
      and x.ancestor_id not in (select community_id from community_tree where ancestor_id = new.id);
    insert into community_tree (ancestor_id, community_id)
    select a.ancestor_id, d.community_id
    from community_tree a cross join community_tree d
    where a.community_id = new.parent_id and d.ancestor_id = new.id
    on conflict do nothing;
  else
    insert into community_tree (ancestor_id, community_id)
    select ancestor_id, new.id from community_tree where community_id = new.parent_id
    union all select new.id, new.id
    on conflict do nothing;
  end if;
  return null;
end $$;

create trigger communities_tree_insert after insert on communities
  for each row execute function grove_community_tree_changed();
create trigger communities_tree_move after update of parent_id on communities
  for each row execute function grove_community_tree_changed();

select grove_rebuild_community_tree();

-- The decidable end of a series, as seriesEndedSql decided it per request before (calendar/event-store.ts):
-- - UNTIL: its day (read as UTC, a day earlier than any zone can make it) plus a day, plus the margin;
-- - COUNT with FREQ=DAILY or WEEKLY and no part that can skip whole weeks: COUNT x INTERVAL weeks after
--   the first start, plus the margin;
-- - otherwise infinity. The margin is the event's length and two days (zones, DST, all-day midnights),
-- and a day more here for reading UNTIL in UTC rather than the session's zone. Immutable: out-of-range
-- digits clamp rather than fail, so a hand-written rule cannot make an insert fail.
create function grove_series_until(rule text, starts_at timestamptz, ends_at timestamptz) returns timestamptz
  language sql immutable parallel safe as $$
  select case when rule is null then null else least(
    case when upper(rule) ~ 'UNTIL=\d{8}' then
      (make_date(greatest(substring(upper(rule) from 'UNTIL=(\d{4})')::int, 1),
                 least(greatest(substring(upper(rule) from 'UNTIL=\d{4}(\d{2})')::int, 1), 12), 1)::timestamp
        + make_interval(days => substring(upper(rule) from 'UNTIL=\d{6}(\d{2})')::int - 1)
        + interval '4 days' + (ends_at - starts_at)) at time zone 'UTC'
    end,
    case when upper(rule) ~ 'FREQ=(DAILY|WEEKLY)' and upper(rule) ~ 'COUNT=\d+'
      and upper(rule) !~ 'BY(MONTH|MONTHDAY|YEARDAY|WEEKNO|SETPOS)=' and upper(rule) !~ 'BYDAY=[^;]*[0-9+-]' then
      ((starts_at at time zone 'UTC')
        + make_interval(days => least(7::numeric * substring(upper(rule) from 'COUNT=(\d+)')::numeric
                                      * coalesce(substring(upper(rule) from 'INTERVAL=(\d+)')::numeric, 1), 36500)::int)
        + interval '2 days' + (ends_at - starts_at)) at time zone 'UTC'
    end,
    'infinity'::timestamptz) end
$$;

alter table events
  add column first_start timestamptz generated always as (
    case when all_day then date_trunc('day', starts_at at time zone time_zone) at time zone time_zone else starts_at end) stored,
  add column series_until timestamptz generated always as (grove_series_until(rrule, starts_at, ends_at)) stored;

create index events_single_start on events (community_id, first_start, id)
  where rrule is null and ends_at - starts_at <= interval '7 days';
create index events_single_start_all on events (first_start, id)
  where rrule is null and ends_at - starts_at <= interval '7 days';
create index events_single_long on events (community_id, ends_at)
  where rrule is null and ends_at - starts_at > interval '7 days';
create index events_series_until on events (community_id, series_until) where rrule is not null;

-- Set-based rebuilds after a bulk load (server/seed/bulk.ts); later migrations add theirs here.
create function grove_rebuild_hot_paths() returns void
  language plpgsql as $$
begin
  perform grove_rebuild_community_tree();
end $$;
