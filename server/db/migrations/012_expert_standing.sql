-- Expert candidates from precomputed member x skill evidence (docs/decisions/0120-serving-scale.md).
--
-- The ranking (server/experts/evidence-sql.ts) gathered every post of every thread on a question's
-- topics and every declared skill before keeping the best 60: at 1.2 million members "monitoring and
-- evaluation" alone is 750,000 declared skills and 200,000 posts, seconds per question. Now each
-- (member, skill) pair has a standing score, the same formula with the default weights (accepted
-- answers 3, answers 1.5, other posts 0.5 in threads on the skill; endorsements 1; declared skill 1 x
-- level / 4; ln(1 + decayed mass) per kind), and the question reads the best pairs of its skills from
-- an index. Only those candidates (and the few whose words match) are ranked with the full model.
--
-- Kept current by triggers on posts, threads, endorsements and member_skills, per touched pair. Decay
-- moves every score slowly and alike, so the order used to pick candidates holds; the ranking itself
-- decays exactly, at the request's time.

create table expert_standing (
  member_id bigint not null,
  skill_id  bigint not null,
  score     double precision not null,
  primary key (member_id, skill_id)
);

-- The standing of the given pairs, recomputed from their evidence.
create function grove_refresh_expert_standing(pair_members bigint[], pair_skills bigint[]) returns void
  language plpgsql as $$
begin
  if pair_members is null or cardinality(pair_members) = 0 then return; end if;
  with pairs as (
    select distinct p.member_id, p.skill_id from unnest(pair_members, pair_skills) as p(member_id, skill_id)
  ), masses as (
    select pr.member_id, pr.skill_id, e.kind, max(e.weight) as weight, sum(e.mass) as mass
    from pairs pr
    cross join lateral (
      select case when t.accepted_post_id = p.id then 'accepted-answer'
                  when t.kind = 'question' and p.author_id is distinct from t.created_by then 'answer' else 'post' end as kind,
             case when t.accepted_post_id = p.id then 3.0
                  when t.kind = 'question' and p.author_id is distinct from t.created_by then 1.5 else 0.5 end as weight,
             exp(-ln(2) * greatest(0, extract(epoch from now() - p.created_at) / 86400) / 365) as mass
      from posts p join threads t on t.id = p.thread_id
      where p.author_id = pr.member_id and t.topic_skill_id = pr.skill_id and not p.hidden and not p.deleted
      union all
      select 'endorsement', 1.0, exp(-ln(2) * greatest(0, extract(epoch from now() - en.created_at) / 86400) / 730)
      from endorsements en where en.member_id = pr.member_id and en.skill_id = pr.skill_id
      union all
      select 'declared-skill', 1.0, ms.level / 4.0 from member_skills ms where ms.member_id = pr.member_id and ms.skill_id = pr.skill_id
    ) e
    group by 1, 2, 3
  ), scored as (
    select pr.member_id, pr.skill_id, coalesce(sum(m.weight * ln(1 + m.mass)), 0) as score
    from pairs pr left join masses m on m.member_id = pr.member_id and m.skill_id = pr.skill_id
    group by 1, 2
  ), gone as (
    delete from expert_standing s using scored x
    where s.member_id = x.member_id and s.skill_id = x.skill_id and x.score <= 0
  )
  insert into expert_standing (member_id, skill_id, score)
  select member_id, skill_id, score from scored where score > 0
  on conflict (member_id, skill_id) do update set score = excluded.score;
end $$;

create function grove_expert_posts_changed() returns trigger
  language plpgsql as $$
declare
  m bigint[];
  s bigint[];
begin
  select array_agg(p.author_id), array_agg(t.topic_skill_id) into m, s
  from (select author_id, thread_id from new_rows) p join threads t on t.id = p.thread_id where t.topic_skill_id is not null;
  perform grove_refresh_expert_standing(m, s);
  return null;
end $$;

create trigger posts_expert_insert after insert on posts
  referencing new table as new_rows for each statement execute function grove_expert_posts_changed();
create trigger posts_expert_update after update on posts
  referencing new table as new_rows for each statement execute function grove_expert_posts_changed();

-- An accepted answer (or a thread's topic) changes the kind of every post of the thread.
create function grove_expert_threads_changed() returns trigger
  language plpgsql as $$
declare
  m bigint[];
  s bigint[];
begin
  select array_agg(p.author_id), array_agg(x.skill) into m, s
  from (select n.id, unnest(array[n.topic_skill_id, o.topic_skill_id]) as skill from new_rows n join old_rows o on o.id = n.id
        where (n.accepted_post_id, n.topic_skill_id, n.created_by) is distinct from (o.accepted_post_id, o.topic_skill_id, o.created_by)) x
  join posts p on p.thread_id = x.id where x.skill is not null;
  perform grove_refresh_expert_standing(m, s);
  return null;
end $$;

create trigger threads_expert_update after update on threads
  referencing old table as old_rows new table as new_rows for each statement execute function grove_expert_threads_changed();

create function grove_expert_links_changed() returns trigger
  language plpgsql as $$
declare
  m bigint[];
  s bigint[];
begin
  if tg_op = 'DELETE' then
    select array_agg(member_id), array_agg(skill_id) into m, s from old_rows;
  else
    select array_agg(member_id), array_agg(skill_id) into m, s from new_rows;
  end if;
  perform grove_refresh_expert_standing(m, s);
  return null;
end $$;

create trigger endorsements_expert_insert after insert on endorsements
  referencing new table as new_rows for each statement execute function grove_expert_links_changed();
create trigger endorsements_expert_delete after delete on endorsements
  referencing old table as old_rows for each statement execute function grove_expert_links_changed();
create trigger member_skills_expert_insert after insert on member_skills
  referencing new table as new_rows for each statement execute function grove_expert_links_changed();
create trigger member_skills_expert_update after update on member_skills
  referencing new table as new_rows for each statement execute function grove_expert_links_changed();
create trigger member_skills_expert_delete after delete on member_skills
  referencing old table as old_rows for each statement execute function grove_expert_links_changed();

-- Every pair at once, set-based (after a bulk load, or to move every score to today's decay).
create function grove_rebuild_expert_standing() returns void
  language plpgsql as $$
begin
  truncate expert_standing;
  insert into expert_standing (member_id, skill_id, score)
  select member_id, skill_id, sum(weight * ln(1 + mass)) from (
    select member_id, skill_id, weight, sum(mass) as mass from (
      select p.author_id as member_id, t.topic_skill_id as skill_id,
             case when t.accepted_post_id = p.id then 3.0
                  when t.kind = 'question' and p.author_id is distinct from t.created_by then 1.5 else 0.5 end as weight,
             exp(-ln(2) * greatest(0, extract(epoch from now() - p.created_at) / 86400) / 365) as mass
      from posts p join threads t on t.id = p.thread_id
      where t.topic_skill_id is not null and not p.hidden and not p.deleted
      union all
      select member_id, skill_id, 1.0, exp(-ln(2) * greatest(0, extract(epoch from now() - created_at) / 86400) / 730) from endorsements
    ) items group by 1, 2, 3
    union all
    select member_id, skill_id, 1.0, level / 4.0 from member_skills
  ) kinds
  group by 1, 2
  having sum(weight * ln(1 + mass)) > 0;
end $$;

select grove_rebuild_expert_standing();
create index expert_standing_best on expert_standing (skill_id, score desc, member_id);
