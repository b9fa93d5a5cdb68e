-- The calendar's read generation (docs/decisions/0120-serving-scale.md, "Calendar month"): bumped, with a
-- NOTIFY `grove_calendar`, by every statement that changes what an anonymous calendar page shows: events,
-- RSVPs (the counts), communities (names, visibility, the sub-community tree) and the organiser's name,
-- avatar and presence. Servers cache anonymous calendar pages until it moves, as they cache directory
-- pages until `directory_generation` moves (server/shared/read-cache.ts).
create table calendar_generation (singleton boolean primary key default true check (singleton), value bigint not null);
insert into calendar_generation (value) values (1);

create function grove_calendar_changed() returns trigger
  language plpgsql as $$
begin
  update calendar_generation set value = value + 1;
  perform pg_notify('grove_calendar', '');
  return null;
end $$;

create trigger events_calendar_generation after insert or update or delete on events
  for each statement execute function grove_calendar_changed();
create trigger rsvps_calendar_generation after insert or update or delete on rsvps
  for each statement execute function grove_calendar_changed();
create trigger communities_calendar_generation after insert or update or delete on communities
  for each statement execute function grove_calendar_changed();
-- Only the organiser columns a page shows: a member's activity (last_active_at) moves nothing.
create trigger members_calendar_generation after update of name, avatar_url, directory_opt_out, deactivated_at on members
  for each statement execute function grove_calendar_changed();
