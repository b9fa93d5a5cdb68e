-- A type-ahead whose words name a skill, narrowed by a filter (docs/decisions/0120-serving-scale.md,
-- "Skill holders in name order"). The holders of the named skills are matches too; they were read by
-- walking every visible member in name order and probing member_skills and the filters per member, so a
-- search finding few of them ("éxt" in Senegal at x100: 46,000 holders of Extension services, 1,200 of them
-- in Senegal) walked the whole network: 0.3-1 s alone, up to 12 s under ten clients. Here each holding is
-- a row carrying the member's name, listed flag, country, organisation and languages, kept current like
-- the token rows, and indexed by (skill, name, member) with the country and organisation included: the
-- skill branch reads each named skill's holders in name order and tests those filters on the index entry.

create table directory_skill_holders (
  skill_id     bigint not null,
  member_id    bigint not null,
  name         text not null,
  listed       boolean not null,
  country      text,
  organisation text,
  languages    text[] not null default '{}'
);

-- A member's holdings again from their member_skills rows; none for a member out of the directory.
create function grove_refresh_skill_holders(ids bigint[]) returns void
  language plpgsql as $$
begin
  if ids is null or cardinality(ids) = 0 then return; end if;
  delete from directory_skill_holders where member_id = any(ids);
  insert into directory_skill_holders (skill_id, member_id, name, listed, country, organisation, languages)
  select ms.skill_id, m.id, m.name, m.listed, m.country, m.organisation, m.languages
  from members m join member_skills ms on ms.member_id = m.id
  where m.id = any(ids) and not m.directory_opt_out;
end $$;

create function grove_rebuild_skill_holders() returns void
  language plpgsql as $$
begin
  truncate directory_skill_holders;
  insert into directory_skill_holders (skill_id, member_id, name, listed, country, organisation, languages)
  select ms.skill_id, m.id, m.name, m.listed, m.country, m.organisation, m.languages
  from member_skills ms join members m on m.id = ms.member_id
  where not m.directory_opt_out
  order by ms.skill_id, m.name, m.id;
end $$;

-- A member's copies change with what they copy: an update of members (the listed flag included:
-- grove_refresh_directory writes it with an UPDATE of members, which comes through here too), or their
-- member_skills rows. A new member holds no skill yet, and a deleted one's member_skills rows go with it
-- (cascade), so members need no insert or delete trigger.
create function grove_skill_holders_changed() returns trigger
  language plpgsql as $$
declare
  ids bigint[];
begin
  if current_setting('grove.rebuilding', true) = 'on' then return null; end if;
  if tg_table_name = 'members' then
    select array_agg(n.id) into ids from new_rows n join old_rows o on o.id = n.id
    where (n.name, n.country, n.organisation, n.languages, n.listed, n.directory_opt_out)
      is distinct from (o.name, o.country, o.organisation, o.languages, o.listed, o.directory_opt_out);
  elsif tg_op = 'INSERT' then
    select array_agg(distinct member_id) into ids from new_rows;
  elsif tg_op = 'DELETE' then
    select array_agg(distinct member_id) into ids from old_rows;
  else
    select array_agg(distinct member_id) into ids from (select member_id from new_rows union select member_id from old_rows) t;
  end if;
  perform grove_refresh_skill_holders(ids);
  return null;
end $$;

-- Transition tables allow one event per trigger.
create trigger members_skill_holders after update on members
  referencing old table as old_rows new table as new_rows for each statement execute function grove_skill_holders_changed();
create trigger member_skills_holders_insert after insert on member_skills
  referencing new table as new_rows for each statement execute function grove_skill_holders_changed();
create trigger member_skills_holders_update after update on member_skills
  referencing old table as old_rows new table as new_rows for each statement execute function grove_skill_holders_changed();
create trigger member_skills_holders_delete after delete on member_skills
  referencing old table as old_rows for each statement execute function grove_skill_holders_changed();

-- The full rebuild (grove_rebuild_directory_tables) calls grove_rebuild_skill_holders() since migration 119.
select grove_rebuild_skill_holders();
-- The skill branch: a named skill's holders in name order, the country and organisation on the entry.
create index directory_skill_holders_by_name on directory_skill_holders (skill_id, name, member_id) include (listed, country, organisation);
-- A member's holdings: the refresh's delete, and "is this the member's first named skill" per row.
create index directory_skill_holders_member on directory_skill_holders (member_id, skill_id);
