-- Materialised occurrences (docs/decisions/0200-materialised-occurrences.md).
--
-- Before: a calendar month read every unfinished series of the community's scope and expanded each in Node
-- (water at 1.2 million members: ~960 series, a 107 ms statement, then their expansion) plus a bounded
-- range of single events (129-238 ms at that scale). Now each event's occurrences are rows, written by the
-- server with the same expansion the listing used (server/calendar/occurrence-store.ts), and a month is a
-- keyset read of `limit + 1` of them.
--
-- `events.occurrences_until`: every occurrence of the event starting before it is in event_occurrences.
-- 'infinity' once all are there (single events, series that end before the horizon); the horizon for
-- series without a decidable end (extended by the server's housekeeping); '-infinity' for an event not
-- materialised yet (new, bulk-loaded, or edited in a way that moves its occurrences). A listing expands
-- events whose value is before the end of its range on the fly, as before, so the rows are only ever a
-- shortcut: a writer that never materialises (a hand-written insert) makes reads slower, never wrong.

create table event_occurrences (
  event_id     bigint not null references events(id) on delete cascade,
  -- The event's community, kept by the trigger below: a scope is read without the events table.
  community_id bigint not null,
  starts_at    timestamptz not null,
  ends_at      timestamptz not null,
  -- All-day occurrences: the first day and the day after the last, in no zone.
  start_date   date,
  end_date     date,
  primary key (event_id, starts_at)
);

-- An occurrence lasting at most a day (nearly all) overlaps a range only if it starts at most a day before
-- it, so a month is a range of starts read in order, with a day's margin; longer ones (an event lasts at most
-- 31 days) by their end. Each read from the whole network in order (filtered by scope: a big scope) or per
-- community (a small one), as the planner prefers; index-only, the columns a page needs included. The same
-- literal in the queries (calendar/events.ts) so the planner matches these partial indexes.
create index event_occurrences_start on event_occurrences (starts_at, event_id) include (community_id, ends_at, start_date, end_date)
  where ends_at - starts_at <= interval '1 day';
create index event_occurrences_scope_start on event_occurrences (community_id, starts_at, event_id) include (ends_at, start_date, end_date)
  where ends_at - starts_at <= interval '1 day';
create index event_occurrences_end on event_occurrences (ends_at) include (community_id, starts_at, event_id, start_date, end_date)
  where ends_at - starts_at > interval '1 day';
create index event_occurrences_scope_end on event_occurrences (community_id, ends_at) include (starts_at, event_id, start_date, end_date)
  where ends_at - starts_at > interval '1 day';
-- How many occurrences last more than a day (few): without it the planner guessed a fifth of the table
-- for the long ones and read them with parallel workers, 90 ms of start-up for no row.
create statistics event_occurrences_length on (ends_at - starts_at) from event_occurrences;

alter table events add column occurrences_until timestamptz not null default '-infinity';
-- What is not (fully) materialised: few once the server has caught up (series without an end), read whole
-- by a listing, and in id order by the server catching up.
create index events_occurrences_pending on events (id) where occurrences_until < 'infinity';

-- A change to what the expansion reads drops the event's rows and marks it pending; the server writes
-- them again in the same transaction (authoring) or on its next pass (housekeeping). A move to another
-- community carries the rows along.
create function grove_event_occurrences_changed() returns trigger
  language plpgsql as $$
begin
  if new.starts_at is distinct from old.starts_at or new.ends_at is distinct from old.ends_at
     or new.time_zone is distinct from old.time_zone or new.all_day is distinct from old.all_day
     or new.rrule is distinct from old.rrule or new.exdates is distinct from old.exdates then
    delete from event_occurrences where event_id = old.id;
    new.occurrences_until := '-infinity';
  elsif new.community_id is distinct from old.community_id then
    update event_occurrences set community_id = new.community_id where event_id = old.id;
  end if;
  return new;
end $$;

create trigger events_occurrences_changed before update of starts_at, ends_at, time_zone, all_day, rrule, exdates, community_id
  on events for each row execute function grove_event_occurrences_changed();

-- Writing occurrences_until is the server catching up, not a change anyone sees: the calendar cache
-- (migration 081) is not invalidated by it. Every other column of events is listed (first_start and
-- series_until follow from them, search_vector is not shown); a column added later must be added here.
drop trigger events_calendar_generation on events;
create trigger events_calendar_generation after insert or delete or update of community_id, organiser_id, title, description,
  description_html, kind, starts_at, ends_at, time_zone, all_day, rrule, exdates, mode, location, join_url, capacity,
  cancelled, sequence, series_id, recurrence_id, created_at, updated_at on events
  for each statement execute function grove_calendar_changed();
