-- A member's secret for calendar subscriptions (issue 14, docs/decisions/0144-calendar-feed-keys.md):
-- calendar clients cannot send a bearer token, so members-only events reach them through a URL carrying
-- this key. Only its SHA-256 is stored; a new key replaces the old one (reset).
create table calendar_feed_keys (
  member_id   bigint primary key references members(id) on delete cascade,
  secret_hash text not null,
  created_at  timestamptz not null default now()
);
