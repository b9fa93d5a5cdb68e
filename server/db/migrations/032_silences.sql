-- Silencing a member in one community for a period (issue 14, docs/decisions/0143-silencing.md).
create table silences (
  community_id bigint not null references communities(id) on delete cascade,
  member_id    bigint not null references members(id) on delete cascade,
  until        timestamptz not null,
  reason       text not null default '',
  silenced_by  bigint not null references members(id),
  created_at   timestamptz not null default now(),
  primary key (community_id, member_id)
);
