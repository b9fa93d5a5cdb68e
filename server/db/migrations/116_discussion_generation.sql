-- The discussion's read generation (docs/decisions/0120-serving-scale.md, "Thread first page"): bumped,
-- with a NOTIFY `grove_discussion`, by every statement that changes what an anonymous page of posts shows:
-- posts (bodies, moderation, reaction counts), threads (accepted answer, lock, title, a move), communities
-- (visibility, lifecycle), the authors' names, avatars and presence, and what an author's standing is made
-- of (a facilitator's membership; an expert's endorsements and declared skills). Servers cache anonymous
-- pages of posts until it moves (server/db/read-cache.ts), as they cache anonymous calendar pages until
-- `calendar_generation` moves.
create table discussion_generation (singleton boolean primary key default true check (singleton), value bigint not null);
insert into discussion_generation (value) values (1);

-- One trigger function for every read generation from here on: its arguments name the generation table
-- and the channel (081 and 106 each wrote their own, and applied migrations are not rewritten).
create function grove_bump_generation() returns trigger
  language plpgsql as $$
begin
  execute format('update %I set value = value + 1', tg_argv[0]);
  perform pg_notify(tg_argv[1], '');
  return null;
end $$;

-- Every change to these tables, one statement at a time.
do $$
declare
  source text;
begin
  foreach source in array array['posts', 'threads', 'communities', 'memberships', 'endorsements', 'member_skills'] loop
    execute format('create trigger %I after insert or update or delete on %I for each statement
                    execute function grove_bump_generation(%L, %L)',
                   source || '_discussion_generation', source, 'discussion_generation', 'grove_discussion');
  end loop;
end $$;
-- Only the author columns a post shows: a member's activity (last_active_at) moves nothing.
create trigger members_discussion_generation after update of name, avatar_url, directory_opt_out, deactivated_at on members
  for each statement execute function grove_bump_generation('discussion_generation', 'grove_discussion');
