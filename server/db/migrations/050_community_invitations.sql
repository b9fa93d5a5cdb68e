-- A facilitator invites a member into a community (issue 14 part 3, docs/decisions/0151-invitations.md).
-- The invitation waits for the member: joining accepts it (also for a members-only community, whose
-- facilitator already said yes); leaving without being a member declines it. One per member and community.
create table community_invitations (
  community_id bigint not null references communities(id) on delete cascade,
  member_id    bigint not null references members(id) on delete cascade,
  invited_by   bigint references members(id) on delete set null,
  created_at   timestamptz not null default now(),
  primary key (community_id, member_id)
);
create index community_invitations_member on community_invitations (member_id);
