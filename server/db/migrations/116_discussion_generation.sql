-- The discussion's read generation (docs/decisions/0120-serving-scale.md, "Thread first page"): bumped,
-- with a NOTIFY `grove_discussion`, by every statement that changes what an anonymous page of posts shows:
-- posts (bodies, moderation, reaction counts), threads (accepted answer, lock, title, a move), communities
-- (visibility, lifecycle), the authors' names, avatars and presence, and what an author's standing is made
-- of (a facilitator's membership; an expert's endorsements and declared skills). Servers cache anonymous
-- pages of posts until it moves (server/db/read-cache.ts), as they cache anonymous calendar pages until
-- `calendar_generation` moves.
create table discussion_generation (singleton boolean primary key default true check (singleton), value bigint not null);
insert into discussion_generation (value) values (1);

create function grove_discussion_changed() returns trigger
  language plpgsql as $$
begin
  update discussion_generation set value = value + 1;
  perform pg_notify('grove_discussion', '');
  return null;
end $$;

create trigger posts_discussion_generation after insert or update or delete on posts
  for each statement execute function grove_discussion_changed();
create trigger threads_discussion_generation after insert or update or delete on threads
  for each statement execute function grove_discussion_changed();
create trigger communities_discussion_generation after insert or update or delete on communities
  for each statement execute function grove_discussion_changed();
create trigger memberships_discussion_generation after insert or update or delete on memberships
  for each statement execute function grove_discussion_changed();
create trigger endorsements_discussion_generation after insert or update or delete on endorsements
  for each statement execute function grove_discussion_changed();
create trigger member_skills_discussion_generation after insert or update or delete on member_skills
  for each statement execute function grove_discussion_changed();
-- Only the author columns a post shows: a member's activity (last_active_at) moves nothing.
create trigger members_discussion_generation after update of name, avatar_url, directory_opt_out, deactivated_at on members
  for each statement execute function grove_discussion_changed();
