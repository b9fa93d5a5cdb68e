-- Members edit their own presence (issue 13; docs/decisions/0130-profile-editing.md).
--
-- * members.version: optimistic concurrency for PATCH /api/v1/me (If-Match), like posts and threads.
-- * contact_channels.visibility gains 'facilitators': the facilitators of the communities the member
--   belongs to (not every facilitator of the network).
-- * community_join_requests: a request to join a members-only community, decided by its facilitators.

alter table members add column version integer not null default 1;

alter table contact_channels drop constraint if exists contact_channels_visibility_check;
alter table contact_channels add constraint contact_channels_visibility_check
  check (visibility in ('public', 'members', 'facilitators', 'nobody'));

create table community_join_requests (
  id           bigint generated always as identity primary key,
  community_id bigint not null references communities(id) on delete cascade,
  member_id    bigint not null references members(id) on delete cascade,
  message      text not null default '',
  status       text not null default 'pending' check (status in ('pending', 'approved', 'declined')),
  created_at   timestamptz not null default now(),
  decided_at   timestamptz,
  decided_by   bigint references members(id) on delete set null
);
-- One open request per member and community; decided ones stay as a record.
create unique index community_join_requests_pending on community_join_requests (community_id, member_id) where status = 'pending';
create index community_join_requests_member on community_join_requests (member_id);
