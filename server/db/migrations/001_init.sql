-- Grove reference schema, v1. Runs unchanged on PGlite (embedded) and PostgreSQL >= 15.
-- Identifiers are bigint identities exposed as strings in the API; communities and skills also have slugs
-- because site editors paste them into attributes.

-- Extensions live in public so every schema (one per test process on a shared server) finds them.
create extension if not exists pg_trgm schema public;
create extension if not exists unaccent schema public;

-- unaccent() is only STABLE; an IMMUTABLE wrapper lets it be used in indexes and generated columns.
create or replace function grove_unaccent(text) returns text
  language sql immutable parallel safe strict
  as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

create table communities (
  id           bigint generated always as identity primary key,
  slug         text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  parent_id    bigint references communities(id),
  name         text not null,
  description  text not null default '',
  lifecycle    text not null default 'active' check (lifecycle in ('forming', 'active', 'dormant', 'closed')),
  visibility   text not null default 'public' check (visibility in ('public', 'members')),
  languages    text[] not null default '{}',
  topic_skill_id bigint,
  created_at   timestamptz not null default now(),
  closed_at    timestamptz
);
create index communities_parent on communities (parent_id);

create table skills (
  id        bigint generated always as identity primary key,
  slug      text not null unique,
  parent_id bigint references skills(id),
  -- {"en": "Drip irrigation", "fr": "Irrigation goutte-à-goutte", ...}
  labels    jsonb not null,
  -- lower-case synonyms in any language, used by search and the expert finder
  synonyms  text[] not null default '{}'
);

alter table communities add constraint communities_topic_skill foreign key (topic_skill_id) references skills(id);

create table members (
  id             bigint generated always as identity primary key,
  name           text not null,
  avatar_url     text,
  practice       text not null default '',      -- "I am a ..." (extension officer, project manager)
  organisation   text not null default '',
  country        text check (country ~ '^[A-Z]{2}$'),  -- ISO 3166-1 alpha-2
  languages      text[] not null default '{}',  -- BCP 47 primary tags, most fluent first
  time_zone      text not null default 'UTC',   -- IANA
  bio            text not null default '',
  availability   text not null default 'open' check (availability in ('open', 'limited', 'unavailable')),
  directory_opt_out boolean not null default false,
  badge_hidden   boolean not null default false,
  created_at     timestamptz not null default now(),
  last_active_at timestamptz,
  search_text    text generated always as (
    lower(grove_unaccent(name || ' ' || practice || ' ' || organisation || ' ' || bio))
  ) stored
);
create index members_name_trgm on members using gin (lower(grove_unaccent(name)) gin_trgm_ops);
create index members_search_trgm on members using gin (search_text gin_trgm_ops);
create index members_search_fts on members using gin (to_tsvector('simple', search_text));
create index members_name_id on members (name, id);

create table memberships (
  community_id bigint not null references communities(id) on delete cascade,
  member_id    bigint not null references members(id) on delete cascade,
  role         text not null default 'member' check (role in ('member', 'facilitator')),
  joined_at    timestamptz not null default now(),
  primary key (community_id, member_id)
);
create index memberships_member on memberships (member_id);

create table member_skills (
  member_id bigint not null references members(id) on delete cascade,
  skill_id  bigint not null references skills(id),
  level     smallint not null check (level between 1 and 4),  -- 1 basic, 2 working, 3 advanced, 4 expert (self-declared)
  primary key (member_id, skill_id)
);
create index member_skills_skill on member_skills (skill_id, member_id);

create table member_interests (  -- "wants to learn"
  member_id bigint not null references members(id) on delete cascade,
  skill_id  bigint not null references skills(id),
  primary key (member_id, skill_id)
);

create table endorsements (
  id          bigint generated always as identity primary key,
  member_id   bigint not null references members(id) on delete cascade,  -- endorsed
  skill_id    bigint not null references skills(id),
  endorser_id bigint not null references members(id) on delete cascade,
  created_at  timestamptz not null default now(),
  unique (member_id, skill_id, endorser_id),
  check (member_id <> endorser_id)
);
create index endorsements_endorser on endorsements (endorser_id);

create table contact_channels (
  id         bigint generated always as identity primary key,
  member_id  bigint not null references members(id) on delete cascade,
  kind       text not null check (kind in ('email', 'phone', 'website', 'linkedin', 'chat', 'other')),
  value      text not null,
  visibility text not null default 'members' check (visibility in ('public', 'members', 'nobody')),
  position   smallint not null default 0
);
create index contact_channels_member on contact_channels (member_id, position);

create table threads (
  id             bigint generated always as identity primary key,
  community_id   bigint not null references communities(id),
  page_key       text unique,                    -- e.g. the canonical URL of the CMS page
  title          text not null,
  kind           text not null default 'discussion' check (kind in ('discussion', 'question')),
  status         text not null default 'open' check (status in ('open', 'answered', 'locked')),
  pinned         boolean not null default false,
  topic_skill_id bigint references skills(id),
  event_id       bigint,                          -- the discussion of an event, if any
  created_by     bigint references members(id),
  created_at     timestamptz not null default now(),
  last_post_at   timestamptz,
  post_count     integer not null default 0,
  accepted_post_id bigint,
  version        integer not null default 1
);
create index threads_community on threads (community_id, pinned desc, last_post_at desc, id desc);

create table posts (
  id          bigint generated always as identity primary key,
  thread_id   bigint not null references threads(id) on delete cascade,
  author_id   bigint not null references members(id),
  reply_to_id bigint references posts(id),
  body_md     text not null,
  body_html   text not null,                     -- sanitised on the server, never trusted from the client
  language    text not null default 'en',
  created_at  timestamptz not null default now(),
  edited_at   timestamptz,
  hidden      boolean not null default false,
  deleted     boolean not null default false,
  version     integer not null default 1,
  search_vector tsvector
);
create index posts_thread_created on posts (thread_id, created_at, id);
create index posts_author on posts (author_id, created_at desc);
create index posts_search on posts using gin (search_vector);

alter table threads add constraint threads_accepted_post foreign key (accepted_post_id) references posts(id);

create table reactions (
  post_id    bigint not null references posts(id) on delete cascade,
  member_id  bigint not null references members(id) on delete cascade,
  kind       text not null check (kind in ('helpful', 'thanks', 'agree', 'insightful')),
  created_at timestamptz not null default now(),
  primary key (post_id, member_id, kind)
);

create table reports (
  id          bigint generated always as identity primary key,
  post_id     bigint not null references posts(id) on delete cascade,
  reporter_id bigint not null references members(id),
  reason      text not null,
  created_at  timestamptz not null default now(),
  resolved_at timestamptz,
  resolved_by bigint references members(id),
  unique (post_id, reporter_id)
);

create table events (
  id           bigint generated always as identity primary key,
  community_id bigint not null references communities(id),
  organiser_id bigint not null references members(id),
  title        text not null,
  description  text not null default '',
  kind         text not null default 'webinar' check (kind in ('webinar', 'workshop', 'meeting', 'learning-event', 'other')),
  starts_at    timestamptz not null,            -- UTC instant of the first occurrence
  ends_at      timestamptz not null,
  time_zone    text not null,                   -- organiser's IANA zone; recurrence expands in it
  all_day      boolean not null default false,
  rrule        text,                            -- RFC 5545 RRULE value, without the "RRULE:" prefix
  exdates      timestamptz[] not null default '{}',
  mode         text not null default 'online' check (mode in ('in-person', 'online', 'hybrid')),
  location     text,
  join_url     text,
  capacity     integer check (capacity > 0),
  cancelled    boolean not null default false,
  sequence     integer not null default 0,      -- iCalendar SEQUENCE, bumped on every update
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  search_vector tsvector,
  check (ends_at >= starts_at)
);
create index events_community_start on events (community_id, starts_at);
create index events_organiser on events (organiser_id);

alter table threads add constraint threads_event foreign key (event_id) references events(id);

create table rsvps (
  event_id     bigint not null references events(id) on delete cascade,
  occurrence   timestamptz not null,            -- start instant of the occurrence
  member_id    bigint not null references members(id) on delete cascade,
  status       text not null check (status in ('going', 'maybe', 'not-going')),
  attended     boolean,
  created_at   timestamptz not null default now(), -- waitlist order
  updated_at   timestamptz not null default now(),
  primary key (event_id, occurrence, member_id)
);

-- Every contribution, appended once; levels and achievements are computed from these.
create table participation_facts (
  id           bigint generated always as identity primary key,
  member_id    bigint not null references members(id) on delete cascade,
  community_id bigint not null references communities(id),
  kind         text not null check (kind in (
                 'post', 'answer', 'accepted-answer', 'reaction-given', 'reaction-received',
                 'rsvp', 'attendance', 'event-hosted', 'endorsement-given', 'endorsement-received')),
  subject_id   bigint,                          -- the post, event or endorsement it is about
  occurred_at  timestamptz not null default now()
);
create index participation_member on participation_facts (member_id, community_id, occurred_at);
create index participation_community on participation_facts (community_id, occurred_at);

create table idempotency_keys (
  principal     text not null,                  -- member id or client address
  key           text not null,
  request_hash  text not null,
  state         text not null check (state in ('pending', 'done')),
  status        integer,
  headers       jsonb,
  body          text,
  created_at    timestamptz not null default now(),
  primary key (principal, key)
);
