-- Indexes for the read paths that run on every page view (see docs/decisions/database-layer.md).

-- Author standing: "has one of my posts been accepted?" joins an author's posts to the threads accepting them.
create index threads_accepted_post on threads (accepted_post_id) where accepted_post_id is not null;

-- The facilitators' queue lists a community's open reports; most reports end resolved, so index the open ones.
create index reports_open on reports (post_id) where resolved_at is null;

-- Search matches skill labels in every language; unaccenting the labels of every skill on every keystroke
-- cost ~40 ms on PGlite, so the normalised text is stored once.
alter table skills add column label_search text generated always as (grove_unaccent(lower(labels::text))) stored;
