-- The expert ranking reads its candidates' stored topic masses (migration 092) from the index alone
-- (docs/decisions/0195-expert-query-at-scale.md).
--
-- A question reads every (candidate, topic) pair's rows: at 1.2 million members ~6,800 rows for ~380
-- candidates, each in its own heap page (the table is in the order the rows were written), ~5,300 page
-- reads. With the read columns in the index, the rows of a pair sit together in one leaf page and the heap
-- is not visited (once the visibility map is set, which vacuum does after a bulk load).
create index expert_post_mass_read on expert_post_mass (member_id, skill_id) include (community_id, kind, n, mass, latest_at);

-- Evidence counts when its community is not hidden from the viewer: the non-public communities, read from
-- this index (3,300 of 32,500 at x100) rather than a probe of communities per row of evidence.
create index communities_not_public on communities (id) where visibility <> 'public';
