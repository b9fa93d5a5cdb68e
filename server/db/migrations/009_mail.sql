-- The inbox as a channel (issue 15): an outbox written in the transaction of the event that causes a
-- message, what members follow, their mail settings, and what arrived by mail.

-- The address Grove writes to: set by the member or their identity provider; when null, the member's
-- first e-mail contact channel (whatever its visibility: it is never shown by this use).
alter table members add column email text check (email is null or email ~ '^[^@\s]+@[^@\s]+$');

create table mail_outbox (
  id              bigint generated always as identity primary key,
  message_id      text not null unique,            -- the Message-ID header, without <>: one per message, kept on retries
  recipient_id    bigint references members(id) on delete cascade,
  to_address      text not null,
  kind            text not null,
  subject         text not null,
  text_body       text not null,
  html_body       text,
  headers         jsonb not null default '{}',     -- List-Id, threading, Auto-Submitted, unsubscribe...
  calendar        text,                            -- an iCalendar part (METHOD:REQUEST or CANCEL), if any
  state           text not null default 'queued' check (state in ('queued', 'sending', 'sent', 'failed')),
  attempts        integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  lease_until     timestamptz,                     -- a 'sending' row whose lease ran out is retried
  last_error      text,
  created_at      timestamptz not null default now(),
  sent_at         timestamptz
);
create index mail_outbox_due on mail_outbox (next_attempt_at, id) where state in ('queued', 'sending');

create table mail_settings (
  member_id       bigint primary key references members(id) on delete cascade,
  digest          text not null default 'weekly' check (digest in ('daily', 'weekly', 'off')),
  -- kinds of notification switched off, e.g. {"reply": false}
  off_kinds       text[] not null default '{}',
  last_digest_at  timestamptz,
  hard_bounces    integer not null default 0,
  failing_since   timestamptz
);

create table follows (
  member_id    bigint not null references members(id) on delete cascade,
  thread_id    bigint references threads(id) on delete cascade,
  community_id bigint references communities(id) on delete cascade,
  created_at   timestamptz not null default now(),
  check ((thread_id is null) <> (community_id is null))
);
create unique index follows_thread on follows (thread_id, member_id) where thread_id is not null;
create unique index follows_community on follows (community_id, member_id) where community_id is not null;
create index follows_member on follows (member_id);

-- Mailing-list mode: every new post of the community by mail, and new topics by writing to its address.
create table list_subscriptions (
  member_id    bigint not null references members(id) on delete cascade,
  community_id bigint not null references communities(id) on delete cascade,
  created_at   timestamptz not null default now(),
  primary key (community_id, member_id)
);

-- Inbound mail, once per Message-ID: a re-delivered message is recognised and never posts twice.
create table inbound_mail (
  message_id  text primary key,
  received_at timestamptz not null default now(),
  member_id   bigint references members(id) on delete set null,
  outcome     text not null,                       -- posted, refused:<reason>, bounce
  post_id     bigint references posts(id) on delete set null
);

-- Keys the server signs with (reply addresses, unsubscribe links), made once and shared by every instance.
create table server_keys (
  name       text primary key,
  secret     text not null,
  created_at timestamptz not null default now()
);
