-- A facilitator invites an e-mail address that is not a member yet (issue 14 part 3, decision 0190).
-- The row waits until an account with that address appears (SCIM provisioning sets members.email);
-- then it is claimed: an ordinary member invitation is made for that account, remembering the row, so
-- the facilitators' list keeps showing the address they typed. Addresses are stored normalised
-- (trimmed, lowercase). One pending or claimed row per community and address.
create table community_email_invitations (
  id           bigint generated always as identity primary key,
  community_id bigint not null references communities(id) on delete cascade,
  address      text not null check (address = lower(address) and address ~ '^[^@\s]+@[^@\s]+$'),
  invited_by   bigint references members(id) on delete set null,
  created_at   timestamptz not null default now(),
  expires_at   timestamptz not null default now() + interval '30 days',
  state        text not null default 'pending' check (state in ('pending', 'claimed', 'accepted', 'declined', 'withdrawn', 'expired')),
  claimed_by   bigint references members(id) on delete set null,
  closed_at    timestamptz
);
create unique index community_email_invitations_open on community_email_invitations (community_id, address)
  where state in ('pending', 'claimed');
create index community_email_invitations_address on community_email_invitations (address) where state = 'pending';
create index community_email_invitations_inviter on community_email_invitations (invited_by, created_at);

-- The e-mail invitation a member invitation came from, if any: accepting or declining closes it too.
alter table community_invitations add column email_invitation_id bigint references community_email_invitations(id) on delete set null;
