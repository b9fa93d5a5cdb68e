-- Typo tolerance from a dictionary of the words in names (docs/decisions/0120-serving-scale.md, "Typos
-- looked up in the words, not the names"). A four-letter search that matched nobody ("máto") looked for
-- names close to it through the trigram index on members: at x100, 13,000 candidate names read and
-- compared, 140 ms on three processes (350-530 ms on one), the costliest type-ahead request left among
-- random prefixes. The names of 1.2 million members are made of 444 distinct words there (a real network
-- has more, but far fewer words than members): the close words are found among those, then their
-- members are read in name order from member_tokens, like any other word.

create table directory_words (
  word    text collate "C" primary key,
  members integer not null            -- name token rows (kind 0) holding it, listed or not
);

-- Kept current from the token rows: grove_refresh_tokens deletes and inserts a member's rows (one
-- statement each), and a rebuild (grove.rebuilding on) is followed by grove_rebuild_directory_words().
create function grove_directory_words_changed() returns trigger
  language plpgsql as $$
begin
  if current_setting('grove.rebuilding', true) = 'on' then return null; end if;
  if tg_op = 'INSERT' then
    insert into directory_words as w (word, members)
    select token, count(*)::int from new_rows where kind = 0 group by token
    on conflict (word) do update set members = w.members + excluded.members;
  else
    with gone as (select token, count(*)::int as n from old_rows where kind = 0 group by token)
    update directory_words w set members = w.members - gone.n from gone where w.word = gone.token;
    delete from directory_words w where w.members <= 0 and w.word in (select token from old_rows where kind = 0);
  end if;
  return null;
end $$;

create trigger member_tokens_words_insert after insert on member_tokens
  referencing new table as new_rows for each statement execute function grove_directory_words_changed();
create trigger member_tokens_words_delete after delete on member_tokens
  referencing old table as old_rows for each statement execute function grove_directory_words_changed();

create function grove_rebuild_directory_words() returns void
  language plpgsql as $$
begin
  truncate directory_words;
  insert into directory_words (word, members)
  select token, count(*)::int from member_tokens where kind = 0 group by token;
end $$;

-- The full rebuild (a repair, and what the seed's bulk load is compared with) includes the words and
-- the skill holders (migration 118).
create or replace function grove_rebuild_directory_tables() returns void
  language plpgsql as $$
begin
  perform grove_rebuild_directory_listed();
  perform grove_rebuild_directory_tokens();
  perform grove_rebuild_directory_words();
  perform grove_rebuild_skill_holders();
  perform grove_rebuild_directory_facets();
  update directory_generation set value = value + 1;
  perform pg_notify('grove_directory', '');
end $$;

select grove_rebuild_directory_words();
create index directory_words_trgm on directory_words using gin (word gin_trgm_ops);
