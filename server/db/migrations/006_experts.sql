-- Read paths of the expert finder (server/experts, docs/decisions/0060-expert-finder-ranking.md).

-- Questions are matched against what members say of themselves (practice and biography). A stored
-- vector spares computing to_tsvector for thousands of profiles on every question: that was half the
-- ranking time at capacity4dev scale on PGlite. Name and organisation are left out: they say who
-- someone is, not what they know.
alter table members add column profile_vector tsvector generated always as (
  to_tsvector('simple', lower(grove_unaccent(practice || ' ' || bio)))
) stored;
create index members_profile_vector on members using gin (profile_vector);

-- The threads, and the endorsements, of the skills a question is about.
create index threads_topic_skill on threads (topic_skill_id) where topic_skill_id is not null;
create index endorsements_skill on endorsements (skill_id, member_id);
