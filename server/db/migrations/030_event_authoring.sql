-- Event authoring (issue 14, docs/decisions/0140-event-authoring.md).
-- The description's HTML, rendered once when a facilitator writes it (same sanitiser as posts); null for
-- rows written before authoring existed, which are rendered when read.
alter table events add column description_html text;
-- An occurrence edited on its own becomes an event of its own: the series gets an EXDATE for the
-- original start, and the detached event remembers which series and which start it replaced.
alter table events add column series_id bigint references events(id) on delete cascade;
alter table events add column recurrence_id timestamptz;
create index events_series on events (series_id) where series_id is not null;
