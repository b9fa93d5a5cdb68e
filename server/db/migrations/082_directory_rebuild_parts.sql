-- The directory's full rebuild in three parts that may run side by side (the seed's bulk load runs them on
-- separate connections, server/seed/bulk.ts), and grove_rebuild_directory_tables() now made of them, so the
-- rebuild has one body: the seed used to hold a copy of migration 010's statements split in parts.
-- `grove.rebuilding` keeps the directory's own triggers from refreshing member by member meanwhile.

-- The listed flag: first, since the token and facet rows copy it.
create function grove_rebuild_directory_listed() returns void
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
  perform set_config('grove.rebuilding', 'off', true);
end $$;

-- Name and organisation words (grove_tokens() per member, spelled out set-based).
create function grove_rebuild_directory_tokens() returns void
  language plpgsql as $$
begin
  perform set_config('grove.rebuilding', 'on', true);
  truncate member_tokens;
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
  perform set_config('grove.rebuilding', 'off', true);
end $$;

-- Facet rows per member and their counts.
create function grove_rebuild_directory_facets() returns void
  language plpgsql as $$
begin
  perform set_config('grove.rebuilding', 'on', true);
  truncate directory_member_facets, directory_facet_counts;
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
end $$;

create or replace function grove_rebuild_directory_tables() returns void
  language plpgsql as $$
begin
  perform grove_rebuild_directory_listed();
  perform grove_rebuild_directory_tokens();
  perform grove_rebuild_directory_facets();
  update directory_generation set value = value + 1;
  perform pg_notify('grove_directory', '');
end $$;
