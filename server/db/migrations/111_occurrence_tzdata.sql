-- The time-zone rules stored occurrences were computed with (docs/decisions/0200-materialised-occurrences.md).
-- An occurrence is a wall-clock time in the event's zone turned into an instant with the rules of the tzdata
-- the writing server carried (`process.versions.tz`). When a server starts with other rules (a Node upgrade
-- bringing a new tzdata: a country dropping daylight saving time), the rows of events in a zone with
-- offsets may be an hour off. The server then drops those rows and marks the events pending: the listing
-- expands them on read until housekeeping writes them again (server/calendar/occurrence-store.ts,
-- `forgetOccurrencesOfOtherRules`). No row yet: the rows were written by this server's rules.
create table occurrence_tzdata (singleton boolean primary key default true check (singleton), version text not null);
