-- Facilitators' action list (issue 14, docs/decisions/0142-facilitator-actions.md): who was welcomed, by whom.
create table welcomes (
  community_id bigint not null references communities(id) on delete cascade,
  member_id    bigint not null references members(id) on delete cascade,
  welcomed_by  bigint not null references members(id),
  welcomed_at  timestamptz not null default now(),
  primary key (community_id, member_id)
);
