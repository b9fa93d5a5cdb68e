-- A type-ahead narrowed by country, organisation or language (docs/decisions/0120-serving-scale.md, "A
-- narrow filter over a broad prefix"). Each country and each organisation holds 2-3% of the members at
-- x100, so "mar" in Kenya walked the "mar" range in order and read each member's row to test its country:
-- 29,000 random reads of the 900 MB members table to count 1,001 matches, 0.75 s warm and 2 s cold. The
-- token rows now carry the member's country, organisation and languages. The range indexes hold the
-- country and the organisation (INCLUDE), so those filters are tested on the index entry and the walk
-- reads no members row. The languages stay out of the indexes (an array per entry would grow both by
-- half): a walk filtered by language reads the token rows themselves, written in token order, instead of
-- the members table at random ("fé" among French speakers: 711 -> 43 ms).

alter table member_tokens add column country text, add column organisation text, add column languages text[] not null default '{}';

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
    insert into member_tokens (token, kind, name, member_id, listed, country, organisation, languages)
    select distinct on (t.token, m.id) t.token, t.kind, m.name, m.id, m.listed, m.country, m.organisation, m.languages
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

create or replace function grove_rebuild_directory_tokens() returns void
  language plpgsql as $$
begin
  perform set_config('grove.rebuilding', 'on', true);
  truncate member_tokens;
  insert into member_tokens (token, kind, name, member_id, listed, country, organisation, languages)
  select distinct on (token, id) token, kind, name, id, listed, country, organisation, languages from (
    select m.id, m.name, m.listed, m.country, m.organisation, m.languages, w.word, w.kind from members m
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

-- A member's token rows are written again when their country or languages change too (the other columns
-- they copy were already watched).
create or replace function grove_directory_members_changed() returns trigger
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
    where (n.name, n.organisation, n.practice, n.country, n.languages, n.listed, n.directory_opt_out)
      is distinct from (o.name, o.organisation, o.practice, o.country, o.languages, o.listed, o.directory_opt_out);
    perform grove_refresh_tokens(token_ids);
  end if;
  return null;
end $$;

drop index member_tokens_prefix;
drop index member_tokens_kind_prefix;
select grove_rebuild_directory_tokens();
create index member_tokens_prefix on member_tokens (token, name, member_id) include (kind, listed, country, organisation);
create index member_tokens_kind_prefix on member_tokens (kind, token, name, member_id) include (listed, country, organisation);
