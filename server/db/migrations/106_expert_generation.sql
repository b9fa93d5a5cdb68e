-- The expert finder's read generation (docs/decisions/0195-expert-query-at-scale.md): bumped, with a NOTIFY
-- `grove_experts`, by every statement that changes what an anonymous expert answer shows or how it ranks:
-- posts and threads (evidence, titles), events led, endorsements and declared skills, the members' cards,
-- profiles, availability and opt-out, memberships and communities (who may be listed, what evidence an
-- anonymous viewer may read), recent participation (load), contact channels and the taxonomy. Servers
-- cache anonymous answers until it moves (server/db/read-cache.ts), as they cache anonymous calendar
-- pages until `calendar_generation` moves.
create table expert_generation (singleton boolean primary key default true check (singleton), value bigint not null);
insert into expert_generation (value) values (1);

create function grove_experts_changed() returns trigger
  language plpgsql as $$
begin
  update expert_generation set value = value + 1;
  perform pg_notify('grove_experts', '');
  return null;
end $$;

create trigger posts_expert_generation after insert or delete on posts
  for each statement execute function grove_experts_changed();
-- Not reaction counts (migration 091) nor other bookkeeping: only what the ranking or an explanation reads.
create trigger posts_expert_generation_update
  after update of author_id, thread_id, hidden, deleted, held, created_at, body_md, body_html, search_vector on posts
  for each statement execute function grove_experts_changed();
create trigger threads_expert_generation after insert or update or delete on threads
  for each statement execute function grove_experts_changed();
create trigger events_expert_generation after insert or update or delete on events
  for each statement execute function grove_experts_changed();
create trigger endorsements_expert_generation after insert or update or delete on endorsements
  for each statement execute function grove_experts_changed();
create trigger member_skills_expert_generation after insert or update or delete on member_skills
  for each statement execute function grove_experts_changed();
create trigger members_expert_generation after insert or delete on members
  for each statement execute function grove_experts_changed();
-- A member's activity (last_active_at) moves nothing.
create trigger members_expert_generation_update
  after update of name, avatar_url, practice, organisation, country, languages, time_zone, bio, availability,
    directory_opt_out, search_text, profile_vector, listed, deactivated_at, removed_at on members
  for each statement execute function grove_experts_changed();
create trigger memberships_expert_generation after insert or update or delete on memberships
  for each statement execute function grove_experts_changed();
create trigger communities_expert_generation after insert or update or delete on communities
  for each statement execute function grove_experts_changed();
create trigger participation_facts_expert_generation after insert or update or delete on participation_facts
  for each statement execute function grove_experts_changed();
create trigger contact_channels_expert_generation after insert or update or delete on contact_channels
  for each statement execute function grove_experts_changed();
create trigger skills_expert_generation after insert or update or delete on skills
  for each statement execute function grove_experts_changed();
