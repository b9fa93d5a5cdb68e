-- Facts retracted by moderation (docs/decisions/0080-participation-badge.md, "Moderated posts").
--
-- A post that moderators hide, or that is deleted, stops counting: its `post`, `answer` and
-- `accepted-answer` facts leave the ledger (server/participation/facts.ts, `retractPostFacts`), and this
-- trigger takes them out of the monthly buckets and evaluates the pairs' peak levels again from what is
-- left. The peak is durable against time (a quieter member is not demoted) but not against moderation:
-- a level reached with posts that were hidden as spam is not kept. Achievements already earned stay (they
-- may have been exported as credentials). Restoring a post records its fact again, dated as the post.
create function grove_unfold_participation_facts() returns trigger
  language plpgsql as $$
declare
  touched_members bigint[];
  touched_communities bigint[];
begin
  update participation_monthly m set n = m.n - o.n
  from (select member_id, community_id, date_trunc('month', occurred_at at time zone 'UTC')::date as month, kind, count(*)::int as n
        from old_facts group by 1, 2, 3, 4) o
  where m.member_id = o.member_id and m.community_id = o.community_id and m.month = o.month and m.kind = o.kind;
  delete from participation_monthly m using old_facts o
  where m.member_id = o.member_id and m.community_id = o.community_id and m.n <= 0;

  select array_agg(member_id), array_agg(community_id) into touched_members, touched_communities
  from (select distinct member_id, community_id from old_facts) t;
  -- Peaks from the remaining buckets: reset, then raised again by the ordinary evaluation.
  update participation_standing s set peak_level = 'peripheral', peak_month = null
  from unnest(touched_members, touched_communities) as p(member_id, community_id)
  where s.member_id = p.member_id and s.community_id = p.community_id;
  perform grove_refresh_participation(touched_members, touched_communities);
  return null;
end $$;

create trigger participation_facts_unfold after delete on participation_facts
  referencing old table as old_facts for each statement execute function grove_unfold_participation_facts();

create index participation_facts_subject on participation_facts (subject_id) where kind in ('post', 'answer', 'accepted-answer');
