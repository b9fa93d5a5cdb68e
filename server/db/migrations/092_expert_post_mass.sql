-- The expert ranking reads its candidates' topic posts as a few rows each (docs/decisions/0120-serving-scale.md).
--
-- The ranking (server/experts/evidence-sql.ts) credited every post of every candidate in a thread on the
-- question's topics, one row per post with its decay at the request's clock: at 1.2 million members a few
-- hundred prolific candidates are tens of thousands of posts, 4.9 s per question. Decay is a factor per
-- post, 2^-(now - at)/half-life = 2^-(now - epoch)/half-life x 2^(at - epoch)/half-life, so the sum over
-- a member's posts is one stored number times one factor of the clock. expert_post_mass holds, per
-- (member, topic skill, community, kind of post), the count and that sum at the default half-life of 365
-- days, and the latest post's time (a post later than the request's clock decays as 1, so such a group
-- is read per post, as are groups under another half-life or a partly matched topic).
--
-- Kept current by statement-level triggers on posts and threads, per touched (member, skill) pair.

create function grove_expert_epoch() returns timestamptz
  language sql immutable parallel safe as $$ select '2025-01-01T00:00:00Z'::timestamptz $$;

create table expert_post_mass (
  member_id    bigint not null,
  skill_id     bigint not null,
  community_id bigint not null,
  kind         text not null, -- 'accepted-answer', 'answer' or 'post', as the ranking names them
  n            integer not null,
  mass         double precision not null, -- sum of 2^((created_at - epoch) / 365 days)
  latest_at    timestamptz not null,
  primary key (member_id, skill_id, community_id, kind)
);

-- The pairs' rows, recomputed from their posts.
create function grove_refresh_expert_post_mass(pair_members bigint[], pair_skills bigint[]) returns void
  language plpgsql as $$
begin
  if pair_members is null or cardinality(pair_members) = 0 then return; end if;
  delete from expert_post_mass x
  using (select distinct member_id, skill_id from unnest(pair_members, pair_skills) as p(member_id, skill_id)) pr
  where x.member_id = pr.member_id and x.skill_id = pr.skill_id;
  insert into expert_post_mass (member_id, skill_id, community_id, kind, n, mass, latest_at)
  select p.author_id, t.topic_skill_id, t.community_id,
         case when t.accepted_post_id = p.id then 'accepted-answer'
              when t.kind = 'question' and p.author_id is distinct from t.created_by then 'answer' else 'post' end,
         count(*), sum(power(2::float8, extract(epoch from p.created_at - grove_expert_epoch()) / 86400 / 365)), max(p.created_at)
  from (select distinct member_id, skill_id from unnest(pair_members, pair_skills) as p(member_id, skill_id)) pr
  join posts p on p.author_id = pr.member_id
  join threads t on t.id = p.thread_id and t.topic_skill_id = pr.skill_id
  where not p.hidden and not p.deleted
  group by 1, 2, 3, 4;
end $$;

create function grove_expert_mass_posts_inserted() returns trigger
  language plpgsql as $$
declare
  m bigint[];
  s bigint[];
begin
  select array_agg(p.author_id), array_agg(t.topic_skill_id) into m, s
  from new_rows p join threads t on t.id = p.thread_id where t.topic_skill_id is not null;
  perform grove_refresh_expert_post_mass(m, s);
  return null;
end $$;

create function grove_expert_mass_posts_updated() returns trigger
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
  perform grove_refresh_expert_post_mass(m, s);
  return null;
end $$;

create function grove_expert_mass_posts_deleted() returns trigger
  language plpgsql as $$
declare
  m bigint[];
  s bigint[];
begin
  select array_agg(p.author_id), array_agg(t.topic_skill_id) into m, s
  from old_rows p join threads t on t.id = p.thread_id where t.topic_skill_id is not null;
  perform grove_refresh_expert_post_mass(m, s);
  return null;
end $$;

create trigger posts_expert_mass_insert after insert on posts
  referencing new table as new_rows for each statement execute function grove_expert_mass_posts_inserted();
create trigger posts_expert_mass_update after update on posts
  referencing old table as old_rows new table as new_rows for each statement execute function grove_expert_mass_posts_updated();
create trigger posts_expert_mass_delete after delete on posts
  referencing old table as old_rows for each statement execute function grove_expert_mass_posts_deleted();

-- An accepted answer, a question's asker or kind, a topic or a community changes the rows of every
-- author of the thread, under its old and its new topic.
create function grove_expert_mass_threads_changed() returns trigger
  language plpgsql as $$
declare
  m bigint[];
  s bigint[];
begin
  select array_agg(p.author_id), array_agg(x.skill) into m, s
  from (select distinct n.id, unnest(array[n.topic_skill_id, o.topic_skill_id]) as skill from new_rows n join old_rows o on o.id = n.id
        where (n.accepted_post_id, n.topic_skill_id, n.created_by, n.kind, n.community_id)
              is distinct from (o.accepted_post_id, o.topic_skill_id, o.created_by, o.kind, o.community_id)) x
  join (select distinct thread_id, author_id from posts where thread_id in (select id from new_rows)) p on p.thread_id = x.id
  where x.skill is not null;
  perform grove_refresh_expert_post_mass(m, s);
  return null;
end $$;

create trigger threads_expert_mass_update after update on threads
  referencing old table as old_rows new table as new_rows for each statement execute function grove_expert_mass_threads_changed();

-- Every row at once, set-based (the backfill, and after a bulk load).
create function grove_rebuild_expert_post_mass() returns void
  language plpgsql as $$
begin
  truncate expert_post_mass;
  insert into expert_post_mass (member_id, skill_id, community_id, kind, n, mass, latest_at)
  select p.author_id, t.topic_skill_id, t.community_id,
         case when t.accepted_post_id = p.id then 'accepted-answer'
              when t.kind = 'question' and p.author_id is distinct from t.created_by then 'answer' else 'post' end,
         count(*), sum(power(2::float8, extract(epoch from p.created_at - grove_expert_epoch()) / 86400 / 365)), max(p.created_at)
  from posts p join threads t on t.id = p.thread_id
  where t.topic_skill_id is not null and not p.hidden and not p.deleted
  group by 1, 2, 3, 4;
end $$;

select grove_rebuild_expert_post_mass();

create or replace function grove_rebuild_hot_paths() returns void
  language plpgsql as $$
begin
  perform grove_rebuild_community_tree();
  perform grove_rebuild_reaction_counts();
  perform grove_rebuild_expert_post_mass();
end $$;
