-- The member directory's read model (docs/decisions/0120-serving-scale.md): what type-ahead search and
-- facet counts read instead of scanning members, memberships and skills on every keystroke.
--
-- * members.listed: not opted out and a member of at least one public community. Anonymous viewers see
--   exactly the listed members; a signed-in viewer also sees the (not opted-out) members of the
--   members-only communities they belong to. Replaces an EXISTS over memberships per row.
-- * member_tokens: one row per word of a member's name (kind 0), organisation and practice (kind 1),
--   folded (case, accents, Arabic letter variants and diacritics). Prefix search is a range scan of
--   (token, name, member_id): the first page comes in that order, without scoring every hit.
-- * directory_member_facets: the facet values of each member as the public sees them (public
--   communities and roles there, skills, country, organisation, languages), and directory_facet_counts
--   their counts over listed members, kept current by the triggers below. Facets of any result set are
--   one join over the first; the unfiltered facets are a read of the second.
--
-- Every write to members, memberships, member_skills or a community's visibility refreshes the touched
-- members (statement-level triggers, so a batch costs one pass) and NOTIFYs `grove_directory`, which
-- invalidates the servers' in-memory caches of directory pages and facets, on every instance.

-- Lower case, no accents, one form per Arabic letter (alef with hamza or madda, alef maqsura, teh marbuta),
-- no Arabic diacritics or tatweel: what a search box and a stored name are both reduced to.
create or replace function grove_fold(value text) returns text
  language sql immutable parallel safe strict
  as $$ select translate(regexp_replace(lower(grove_unaccent(value)), '[\u0610-\u061A\u064B-\u065F\u0670\u0640]', '', 'g'), 'أإآٱىة', 'اااايه') $$;

-- The distinct words of a text, folded; Arabic words starting with the article also without it.
create or replace function grove_tokens(value text) returns text[]
  language sql immutable parallel safe strict
  as $$
    select coalesce(array_agg(distinct token), '{}') from (
      select word as token from regexp_split_to_table(grove_fold(value), '[^[:alnum:]]+') as word where word <> ''
      union all
      select substr(word, 3) from regexp_split_to_table(grove_fold(value), '[^[:alnum:]]+') as word
      where word like 'ال%' and char_length(word) > 3
    ) words
  $$;

alter table members add column listed boolean not null default false;

-- Bumped by every change to the read model: servers compare it to decide whether a cached directory
-- page or facet count is still current (one row read instead of the query; correct across instances).
create table directory_generation (singleton boolean primary key default true check (singleton), value bigint not null);
insert into directory_generation (value) values (1);

create table member_tokens (
  token     text collate "C" not null,
  kind      smallint not null,          -- 0 name, 1 organisation or practice
  name      text not null,              -- the member's name: the order of members sharing a token
  member_id bigint not null,            -- no foreign key: the members trigger removes the rows
  listed    boolean not null
);

create table directory_member_facets (
  member_id bigint not null,
  facet     text not null,               -- community, role, skill, country, organisation, language
  value     text not null,               -- community and skill ids, codes, names
  listed    boolean not null,
  primary key (member_id, facet, value)
);

create table directory_facet_counts (
  facet text not null,
  value text not null,
  count integer not null,
  primary key (facet, value)
);

-- Listed flag, facet rows and counts of the given members, from their current rows.
create function grove_refresh_directory(ids bigint[]) returns void
  language plpgsql as $$
begin
  if ids is null or cardinality(ids) = 0 then return; end if;
  update members m set listed = x.listed
  from (
    select m2.id, not m2.directory_opt_out and exists (
      select 1 from memberships f join communities c on c.id = f.community_id
      where f.member_id = m2.id and c.visibility = 'public') as listed
    from members m2 where m2.id = any(ids)
  ) x
  where m.id = x.id and m.listed is distinct from x.listed;

  with old as (
    delete from directory_member_facets where member_id = any(ids) returning facet, value, listed
  )
  insert into directory_facet_counts as c (facet, value, count)
  select facet, value, -count(*)::int from old where listed group by facet, value
  on conflict (facet, value) do update set count = c.count + excluded.count;

  with fresh as (
    insert into directory_member_facets (member_id, facet, value, listed)
    select distinct member_id, facet, value, listed from (
      select m.id as member_id, v.facet, v.value, m.listed
      from members m
      cross join lateral (
        select 'all' as facet, '' as value
        union all select 'country', m.country where m.country is not null
        union all select 'organisation', m.organisation where m.organisation <> ''
        union all select 'language', l from unnest(m.languages) l
        union all select 'skill', ms.skill_id::text from member_skills ms where ms.member_id = m.id
        union all select 'community', f.community_id::text from memberships f join communities c on c.id = f.community_id
                  where f.member_id = m.id and c.visibility = 'public'
        union all select 'role', f.role from memberships f join communities c on c.id = f.community_id
                  where f.member_id = m.id and c.visibility = 'public'
      ) v
      where m.id = any(ids) and not m.directory_opt_out
    ) rows_of_members
    returning facet, value, listed
  )
  insert into directory_facet_counts as c (facet, value, count)
  select facet, value, count(*)::int from fresh where listed group by facet, value
  on conflict (facet, value) do update set count = c.count + excluded.count;

  update directory_generation set value = value + 1;
  perform pg_notify('grove_directory', '');
end $$;

create function grove_refresh_tokens(ids bigint[]) returns void
  language plpgsql as $$
begin
  if ids is null or cardinality(ids) = 0 then return; end if;
  delete from member_tokens where member_id = any(ids);
  insert into member_tokens (token, kind, name, member_id, listed)
  select distinct on (t.token, m.id) t.token, t.kind, m.name, m.id, m.listed
  from members m
  cross join lateral (
    select unnest(grove_tokens(m.name)) as token, 0::smallint as kind
    union all select unnest(grove_tokens(m.organisation || ' ' || m.practice)), 1::smallint
  ) t
  where m.id = any(ids) and not m.directory_opt_out
  order by t.token, m.id, t.kind;
  update directory_generation set value = value + 1;
  perform pg_notify('grove_directory', '');
end $$;

create function grove_directory_members_changed() returns trigger
  language plpgsql as $$
declare
  facet_ids bigint[];
  token_ids bigint[];
begin
  -- grove_rebuild_directory rewrites everything itself.
  if current_setting('grove.rebuilding', true) = 'on' then return null; end if;
  if tg_op = 'INSERT' then
    select array_agg(id) into facet_ids from new_rows;
    perform grove_refresh_directory(facet_ids);
    perform grove_refresh_tokens(facet_ids);
  elsif tg_op = 'DELETE' then
    select array_agg(id) into facet_ids from old_rows;
    perform grove_refresh_directory(facet_ids);
    perform grove_refresh_tokens(facet_ids);
  else
    select array_agg(n.id) into facet_ids from new_rows n join old_rows o on o.id = n.id
    where (n.directory_opt_out, n.country, n.organisation, n.languages) is distinct from (o.directory_opt_out, o.country, o.organisation, o.languages);
    perform grove_refresh_directory(facet_ids);
    select array_agg(n.id) into token_ids from new_rows n join old_rows o on o.id = n.id
    where (n.name, n.organisation, n.practice, n.listed, n.directory_opt_out) is distinct from (o.name, o.organisation, o.practice, o.listed, o.directory_opt_out);
    perform grove_refresh_tokens(token_ids);
  end if;
  return null;
end $$;

create trigger members_directory_insert after insert on members
  referencing new table as new_rows for each statement execute function grove_directory_members_changed();
create trigger members_directory_update after update on members
  referencing old table as old_rows new table as new_rows for each statement execute function grove_directory_members_changed();
create trigger members_directory_delete after delete on members
  referencing old table as old_rows for each statement execute function grove_directory_members_changed();

-- Memberships and skills: the members they touch.
create function grove_directory_links_changed() returns trigger
  language plpgsql as $$
declare
  ids bigint[];
begin
  if tg_op = 'INSERT' then
    select array_agg(distinct member_id) into ids from new_rows;
  elsif tg_op = 'DELETE' then
    select array_agg(distinct member_id) into ids from old_rows;
  else
    select array_agg(distinct member_id) into ids from (select member_id from new_rows union select member_id from old_rows) t;
  end if;
  perform grove_refresh_directory(ids);
  return null;
end $$;

create trigger memberships_directory_insert after insert on memberships
  referencing new table as new_rows for each statement execute function grove_directory_links_changed();
create trigger memberships_directory_update after update on memberships
  referencing old table as old_rows new table as new_rows for each statement execute function grove_directory_links_changed();
create trigger memberships_directory_delete after delete on memberships
  referencing old table as old_rows for each statement execute function grove_directory_links_changed();
create trigger member_skills_directory_insert after insert on member_skills
  referencing new table as new_rows for each statement execute function grove_directory_links_changed();
create trigger member_skills_directory_update after update on member_skills
  referencing old table as old_rows new table as new_rows for each statement execute function grove_directory_links_changed();
create trigger member_skills_directory_delete after delete on member_skills
  referencing old table as old_rows for each statement execute function grove_directory_links_changed();

-- A community turning public or members-only changes who is listed and what its members' facets hold.
create function grove_directory_community_changed() returns trigger
  language plpgsql as $$
declare
  ids bigint[];
begin
  select array_agg(distinct f.member_id) into ids from memberships f
  join new_rows n on n.id = f.community_id join old_rows o on o.id = n.id
  where n.visibility is distinct from o.visibility;
  perform grove_refresh_directory(ids);
  return null;
end $$;

create trigger communities_directory_update after update on communities
  referencing old table as old_rows new table as new_rows for each statement execute function grove_directory_community_changed();

-- The whole read model from scratch, set-based: after a bulk load with triggers off (the seed), or to repair.
create function grove_rebuild_directory() returns void
  language plpgsql as $$
begin
  perform set_config('grove.rebuilding', 'on', true);
  update members m set listed = x.listed
  from (
    select m2.id, not m2.directory_opt_out and exists (
      select 1 from memberships f join communities c on c.id = f.community_id
      where f.member_id = m2.id and c.visibility = 'public') as listed
    from members m2
  ) x
  where m.id = x.id and m.listed is distinct from x.listed;

  truncate member_tokens, directory_member_facets, directory_facet_counts;
  -- grove_tokens() per member, spelled out set-based (an aggregate per call is not inlined).
  insert into member_tokens (token, kind, name, member_id, listed)
  select distinct on (token, id) token, kind, name, id, listed from (
    select m.id, m.name, m.listed, w.word, w.kind from members m
    cross join lateral (
      select regexp_split_to_table(grove_fold(m.name), '[^[:alnum:]]+') as word, 0::smallint as kind
      union all select regexp_split_to_table(grove_fold(m.organisation || ' ' || m.practice), '[^[:alnum:]]+'), 1::smallint
    ) w
    where not m.directory_opt_out and w.word <> ''
  ) words
  cross join lateral (
    select word as token union all select substr(word, 3) where word like 'ال%' and char_length(word) > 3
  ) t
  order by token, id, kind;

  insert into directory_member_facets (member_id, facet, value, listed)
  select m.id, 'all', '', m.listed from members m where not m.directory_opt_out
  union all select m.id, 'country', m.country, m.listed from members m where not m.directory_opt_out and m.country is not null
  union all select m.id, 'organisation', m.organisation, m.listed from members m where not m.directory_opt_out and m.organisation <> ''
  union all select distinct m.id, 'language', l, m.listed from members m, unnest(m.languages) l where not m.directory_opt_out
  union all select m.id, 'skill', ms.skill_id::text, m.listed from members m join member_skills ms on ms.member_id = m.id where not m.directory_opt_out
  union all select m.id, 'community', f.community_id::text, m.listed from members m join memberships f on f.member_id = m.id
              join communities c on c.id = f.community_id where not m.directory_opt_out and c.visibility = 'public'
  union all select distinct m.id, 'role', f.role, m.listed from members m join memberships f on f.member_id = m.id
              join communities c on c.id = f.community_id where not m.directory_opt_out and c.visibility = 'public';

  insert into directory_facet_counts (facet, value, count)
  select facet, value, count(*)::int from directory_member_facets where listed group by facet, value;
  perform set_config('grove.rebuilding', 'off', true);
  update directory_generation set value = value + 1;
  perform pg_notify('grove_directory', '');
end $$;

select grove_rebuild_directory();

create index member_tokens_prefix on member_tokens (token, name, member_id) include (kind, listed);
create index member_tokens_member on member_tokens (member_id, kind, token);
create index directory_member_facets_value on directory_member_facets (facet, value);
-- Directory pages without a search: listed members by name (anonymous viewers) or by recent activity.
create index members_listed_name on members (name, id) where listed;
create index members_listed_recent on members ((coalesce(last_active_at, created_at)) desc, id) where listed;
-- "Facilitators only" across the network reads the few facilitator memberships first.
create index memberships_facilitators on memberships (member_id) where role = 'facilitator';
