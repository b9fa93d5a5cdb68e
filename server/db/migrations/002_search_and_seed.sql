-- Full-text vectors kept up to date by the database, so the seed, the HTTP layer and manual edits agree.
-- 'simple' configuration plus unaccent: the network writes in en, fr, es and ar; stemming for one language
-- would hurt the others.
create or replace function grove_posts_search_vector() returns trigger language plpgsql as $$
begin
  new.search_vector := to_tsvector('simple', grove_unaccent(lower(new.body_md)));
  return new;
end $$;
create trigger posts_search_vector before insert or update of body_md on posts
  for each row execute function grove_posts_search_vector();

create or replace function grove_events_search_vector() returns trigger language plpgsql as $$
begin
  new.search_vector := to_tsvector('simple', grove_unaccent(lower(new.title || ' ' || new.description)));
  return new;
end $$;
create trigger events_search_vector before insert or update of title, description on events
  for each row execute function grove_events_search_vector();
create index events_search on events using gin (search_vector);

-- What the seed generator built, and the expert-finder ground truth it planted (see server/seed/README.md).
create table seed_runs (
  id         bigint generated always as identity primary key,
  preset     text not null,
  seed       integer not null,
  anchor     timestamptz not null,
  counts     jsonb not null,
  created_at timestamptz not null default now()
);

create table seed_ground_truth (
  topic        text not null references skills(slug),
  language     text not null check (language in ('en', 'fr', 'es', 'ar')),
  query        text not null,
  expected_member_ids bigint[] not null,
  primary key (topic, language)
);
