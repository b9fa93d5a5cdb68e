-- Moderation that scales (issue 14, docs/decisions/0181-premoderation.md, 0182-moderation-log.md).
-- Pre-moderation: a member's first N posts in a community wait for a facilitator (0 = off).
alter table communities add column premoderate_first_posts integer not null default 0
  check (premoderate_first_posts between 0 and 100);
-- A held post is also hidden, so everything that already leaves hidden posts out (counts, search, mail,
-- facts, other readers) leaves it out too; `held` tells its author and facilitators why.
alter table posts add column held boolean not null default false;
create index posts_held on posts (thread_id, id) where held;

-- Who did what, for the community's facilitators.
create table moderation_log (
  id           bigint generated always as identity primary key,
  community_id bigint not null references communities(id) on delete cascade,
  actor_id     bigint references members(id) on delete set null,
  action       text not null,
  post_id      bigint references posts(id) on delete set null,
  thread_id    bigint references threads(id) on delete set null,
  member_id    bigint references members(id) on delete set null,
  detail       text not null default '',
  created_at   timestamptz not null default now()
);
create index moderation_log_community on moderation_log (community_id, id desc);
