-- How many listed members have a word starting with each folded prefix of one to three characters
-- (docs/decisions/0120-serving-scale.md, "Counting"). A type-ahead of one short word ("ma", "mar") matches
-- thousands of members at x100: its first page is an index range read, but its total was a count of up to
-- 10,000 index entries per keystroke (77 ms for "mar" at x100). The total of the public's unfiltered
-- search for such a prefix is now one row read. Longer words match few enough members to count quickly.
--
-- Kept current where member_tokens is: grove_refresh_tokens subtracts the prefixes of the rows it
-- deletes and adds those of the rows it inserts (each member counted once per prefix).

create table directory_prefix_counts (
  prefix  text collate "C" primary key,
  members integer not null
);

-- The distinct (member, prefix) pairs of listed token rows, as a set-returning helper for both paths.
create function grove_token_prefixes(of_member bigint, word text, is_listed boolean)
  returns table (member_id bigint, prefix text)
  language sql immutable parallel safe
  as $$ select of_member, left(word, n) from generate_series(1, least(3, char_length(word))) n where is_listed $$;

create or replace function grove_refresh_tokens(ids bigint[]) returns void
  language plpgsql as $$
begin
  if ids is null or cardinality(ids) = 0 then return; end if;
  with old as (
    delete from member_tokens where member_id = any(ids) returning member_id, token, listed
  ), prefixes as (
    select distinct p.member_id, p.prefix from old cross join lateral grove_token_prefixes(old.member_id, old.token, old.listed) p
  )
  insert into directory_prefix_counts as c (prefix, members)
  select prefix, -count(*)::int from prefixes group by prefix
  on conflict (prefix) do update set members = c.members + excluded.members;

  with fresh as (
    insert into member_tokens (token, kind, name, member_id, listed)
    select distinct on (t.token, m.id) t.token, t.kind, m.name, m.id, m.listed
    from members m
    cross join lateral (
      select unnest(grove_tokens(m.name)) as token, 0::smallint as kind
      union all select unnest(grove_tokens(m.organisation || ' ' || m.practice)), 1::smallint
    ) t
    where m.id = any(ids) and not m.directory_opt_out
    order by t.token, m.id, t.kind
    returning member_id, token, listed
  ), prefixes as (
    select distinct p.member_id, p.prefix from fresh cross join lateral grove_token_prefixes(fresh.member_id, fresh.token, fresh.listed) p
  )
  insert into directory_prefix_counts as c (prefix, members)
  select prefix, count(*)::int from prefixes group by prefix
  on conflict (prefix) do update set members = c.members + excluded.members;

  update directory_generation set value = value + 1;
  perform pg_notify('grove_directory', '');
end $$;

-- From scratch, after a bulk load or grove_rebuild_directory (which fills member_tokens).
create function grove_rebuild_prefix_counts() returns void
  language sql as $$
  truncate directory_prefix_counts;
  insert into directory_prefix_counts (prefix, members)
  select prefix, count(*)::int from (
    select distinct p.member_id, p.prefix from member_tokens t cross join lateral grove_token_prefixes(t.member_id, t.token, t.listed) p
  ) pairs
  group by prefix;
$$;

-- The directory's full rebuild now ends with the prefix counts (renamed, not copied: one body to keep).
alter function grove_rebuild_directory() rename to grove_rebuild_directory_tables;
create function grove_rebuild_directory() returns void
  language plpgsql as $$
begin
  perform grove_rebuild_directory_tables();
  perform grove_rebuild_prefix_counts();
end $$;

select grove_rebuild_prefix_counts();
