/**
 * The tables the generator writes, in foreign-key order, with the columns it fills. Search vectors are
 * computed in the insert itself (as migration 002's triggers would), since a bulk load runs without triggers.
 */
import type { RowWriter } from './writer.ts';

export function declareTables(writer: RowWriter): void {
  writer.table('skills', [
    ['id', 'bigint'],
    ['slug', 'text'],
    ['parent_id', 'bigint'],
    ['labels', 'jsonb'],
    ['synonyms', 'text[]'],
  ]);
  writer.table('communities', [
    ['id', 'bigint'],
    ['slug', 'text'],
    ['parent_id', 'bigint'],
    ['name', 'text'],
    ['description', 'text'],
    ['lifecycle', 'text'],
    ['visibility', 'text'],
    ['languages', 'text[]'],
    ['topic_skill_id', 'bigint'],
    ['created_at', 'timestamptz'],
    ['closed_at', 'timestamptz'],
  ]);
  writer.table('members', [
    ['id', 'bigint'],
    ['name', 'text'],
    ['practice', 'text'],
    ['organisation', 'text'],
    ['country', 'text'],
    ['languages', 'text[]'],
    ['time_zone', 'text'],
    ['bio', 'text'],
    ['availability', 'text'],
    ['directory_opt_out', 'boolean'],
    ['badge_hidden', 'boolean'],
    ['created_at', 'timestamptz'],
    ['last_active_at', 'timestamptz'],
    ['listed', 'boolean'],
  ]);
  writer.table('memberships', [
    ['community_id', 'bigint'],
    ['member_id', 'bigint'],
    ['role', 'text'],
    ['joined_at', 'timestamptz'],
  ]);
  writer.table('member_skills', [
    ['member_id', 'bigint'],
    ['skill_id', 'bigint'],
    ['level', 'smallint'],
  ]);
  writer.table('member_interests', [
    ['member_id', 'bigint'],
    ['skill_id', 'bigint'],
  ]);
  writer.table('contact_channels', [
    ['id', 'bigint'],
    ['member_id', 'bigint'],
    ['kind', 'text'],
    ['value', 'text'],
    ['visibility', 'text'],
    ['position', 'smallint'],
  ]);
  writer.table('endorsements', [
    ['id', 'bigint'],
    ['member_id', 'bigint'],
    ['skill_id', 'bigint'],
    ['endorser_id', 'bigint'],
    ['created_at', 'timestamptz'],
  ]);
  writer.table(
    'events',
    [
      ['id', 'bigint'],
      ['community_id', 'bigint'],
      ['organiser_id', 'bigint'],
      ['title', 'text'],
      ['description', 'text'],
      ['kind', 'text'],
      ['starts_at', 'timestamptz'],
      ['ends_at', 'timestamptz'],
      ['time_zone', 'text'],
      ['rrule', 'text'],
      ['exdates', 'timestamptz[]'],
      ['mode', 'text'],
      ['location', 'text'],
      ['join_url', 'text'],
      ['capacity', 'integer'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    [['search_vector', `to_tsvector('simple', grove_unaccent(lower(u.title || ' ' || u.description)))`]],
  );
  writer.table('rsvps', [
    ['event_id', 'bigint'],
    ['occurrence', 'timestamptz'],
    ['member_id', 'bigint'],
    ['status', 'text'],
    ['attended', 'boolean'],
    ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ]);
  writer.table('threads', [
    ['id', 'bigint'],
    ['community_id', 'bigint'],
    ['page_key', 'text'],
    ['title', 'text'],
    ['kind', 'text'],
    ['status', 'text'],
    ['pinned', 'boolean'],
    ['topic_skill_id', 'bigint'],
    ['created_by', 'bigint'],
    ['created_at', 'timestamptz'],
    ['last_post_at', 'timestamptz'],
    ['post_count', 'integer'],
  ]);
  writer.table(
    'posts',
    [
      ['id', 'bigint'],
      ['thread_id', 'bigint'],
      ['author_id', 'bigint'],
      ['reply_to_id', 'bigint'],
      ['body_md', 'text'],
      ['body_html', 'text'],
      ['language', 'text'],
      ['created_at', 'timestamptz'],
    ],
    [['search_vector', `to_tsvector('simple', grove_unaccent(lower(u.body_md)))`]],
  );
  writer.table('reactions', [
    ['post_id', 'bigint'],
    ['member_id', 'bigint'],
    ['kind', 'text'],
    ['created_at', 'timestamptz'],
  ]);
  writer.table('participation_facts', [
    ['id', 'bigint'],
    ['member_id', 'bigint'],
    ['community_id', 'bigint'],
    ['kind', 'text'],
    ['subject_id', 'bigint'],
    ['occurred_at', 'timestamptz'],
  ]);
}
