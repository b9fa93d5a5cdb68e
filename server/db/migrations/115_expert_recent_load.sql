-- The recent load the expert ranking tempers by (docs/decisions/0195-expert-query-at-scale.md), read from
-- an index alone.
--
-- The ranking counts, for each of the pool's 60 members, their posts and answers of the last 30 days
-- (participation_facts, kinds 'post' and 'answer'). Through `participation_member` (member, community,
-- time) that read every fact of the member in every community and fetched each row to check its kind:
-- at 1.2 million members ~155 rows and ~74 pages per member, 4,400 page reads per question. Indexed by
-- member and time for those two kinds only, the count is an index-only range scan of a page or two. An
-- index rather than a stored count: the window slides with the clock, so a stored number would go stale
-- without any write, and an index is kept current by every insert without a trigger.
create index participation_member_recent_posts on participation_facts (member_id, occurred_at)
  where kind in ('post', 'answer');
