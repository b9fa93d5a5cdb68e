-- A thread's first page without a reactions query per post (docs/decisions/0120-serving-scale.md, section 4).
--
-- posts.reaction_counts is the post's reactions counted by kind ({"helpful": 3, ...}; null when none),
-- recomputed for the touched posts by statement-level triggers on reactions, so a page reads its counts
-- with its rows. Only the viewer's own reactions are still read per post, and only for a signed-in viewer.

alter table posts add column reaction_counts jsonb;

create function grove_post_reaction_counts(post_ids bigint[]) returns void
  language sql as $$
  update posts p set reaction_counts = k.counts
  from (
    select x.id, (select jsonb_object_agg(kind, n) from (
                    select r.kind, count(*)::int as n from reactions r where r.post_id = x.id group by r.kind) c) as counts
    from (select distinct unnest(post_ids) as id) x
  ) k
  where p.id = k.id and p.reaction_counts is distinct from k.counts
$$;

create function grove_reactions_changed() returns trigger
  language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    perform grove_post_reaction_counts(array(select post_id from old_rows));
  else
    perform grove_post_reaction_counts(array(select post_id from new_rows));
  end if;
  return null;
end $$;

create trigger reactions_counts_insert after insert on reactions
  referencing new table as new_rows for each statement execute function grove_reactions_changed();
create trigger reactions_counts_delete after delete on reactions
  referencing old table as old_rows for each statement execute function grove_reactions_changed();

-- Every post at once, set-based (the backfill, and after a bulk load).
create function grove_rebuild_reaction_counts() returns void
  language sql as $$
  update posts p set reaction_counts = k.counts
  from (select post_id, jsonb_object_agg(kind, n) as counts
        from (select post_id, kind, count(*)::int as n from reactions group by post_id, kind) c group by post_id) k
  where p.id = k.post_id and p.reaction_counts is distinct from k.counts
$$;

-- Writing the counts updates posts: the expert standing's update trigger (migration 012) refreshed the
-- author's standing on every post update. Now only updates that change what the standing reads do.
drop trigger posts_expert_update on posts;

create function grove_expert_posts_updated() returns trigger
  language plpgsql as $$
declare
  m bigint[];
  s bigint[];
begin
  select array_agg(x.author_id), array_agg(t.topic_skill_id) into m, s
  from (
    select n.author_id, n.thread_id from new_rows n join old_rows o on o.id = n.id
    where (n.author_id, n.thread_id, n.hidden, n.deleted, n.created_at) is distinct from (o.author_id, o.thread_id, o.hidden, o.deleted, o.created_at)
    union all
    select o.author_id, o.thread_id from new_rows n join old_rows o on o.id = n.id
    where (n.author_id, n.thread_id) is distinct from (o.author_id, o.thread_id)
  ) x join threads t on t.id = x.thread_id where t.topic_skill_id is not null;
  perform grove_refresh_expert_standing(m, s);
  return null;
end $$;

create trigger posts_expert_update after update on posts
  referencing old table as old_rows new table as new_rows for each statement execute function grove_expert_posts_updated();

select grove_rebuild_reaction_counts();

create or replace function grove_rebuild_hot_paths() returns void
  language plpgsql as $$
begin
  perform grove_rebuild_community_tree();
  perform grove_rebuild_reaction_counts();
end $$;
