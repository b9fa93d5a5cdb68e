/**
 * The moderation log (docs/decisions/0182-moderation-log.md): every moderation act in a community, who
 * did it and to what, readable by the community's facilitators. Written with the act (in its transaction where it has one),
 * so the log neither claims what did not happen nor misses what did.
 */
import type { z } from '@hono/zod-openapi';
import type { ModerationAction, ModerationLogEntry } from '../contract/moderation.ts';
import type { Queryable } from '../db/index.ts';
import { decodeCursor, encodeCursor } from '../shared/cursor.ts';
import type { Viewer } from '../shared/viewer.ts';
import { assertFacilitator, readableCommunity } from './access.ts';
import { memberRef, presenceSql, type Presence } from './visibility.ts';

export interface ModerationRecord {
  communityId: string;
  actorId: string;
  action: z.infer<typeof ModerationAction>;
  postId?: string | null | undefined;
  threadId?: string | null | undefined;
  /** The member acted on; for a post, its author when not given. */
  memberId?: string | null | undefined;
  detail?: string | undefined;
}

export async function recordModeration(db: Queryable, entry: ModerationRecord): Promise<void> {
  await db.query(
    `insert into moderation_log (community_id, actor_id, action, post_id, thread_id, member_id, detail)
     select $1, $2, $3, $4::bigint, coalesce($5::bigint, p.thread_id), coalesce($6::bigint, p.author_id), $7
     from (select 1) one left join posts p on p.id = $4::bigint`,
    [
      entry.communityId,
      entry.actorId,
      entry.action,
      entry.postId ?? null,
      entry.threadId ?? null,
      entry.memberId ?? null,
      entry.detail ?? '',
    ],
  );
}

interface LogRow {
  id: string;
  action: z.infer<typeof ModerationAction>;
  actor_id: string | null;
  actor_name: string | null;
  actor_avatar: string | null;
  actor_presence: Presence | null;
  member_id: string | null;
  member_name: string | null;
  member_avatar: string | null;
  member_presence: Presence | null;
  post_id: string | null;
  thread_id: string | null;
  thread_title: string | null;
  detail: string;
  created_at: Date;
}

/** A page of the community's log, newest first; facilitators of the community only. */
export async function listModerationLog(
  db: Queryable,
  slug: string,
  viewer: Viewer,
  query: { cursor?: string | undefined; limit: number },
): Promise<{ items: z.infer<typeof ModerationLogEntry>[]; next: string | null }> {
  const community = await readableCommunity(db, { slug }, viewer);
  assertFacilitator(community);
  const before = decodeCursor(query.cursor, ['id'])?.[0] ?? null;
  const { rows } = await db.query<LogRow>(
    `select l.id, l.action, l.post_id, l.thread_id, t.title as thread_title, l.detail, l.created_at,
            a.id as actor_id, a.name as actor_name, grove_avatar_path(a.id, a.avatar_url) as actor_avatar, ${presenceSql('a')} as actor_presence,
            m.id as member_id, m.name as member_name, grove_avatar_path(m.id, m.avatar_url) as member_avatar, ${presenceSql('m')} as member_presence
     from moderation_log l left join members a on a.id = l.actor_id left join members m on m.id = l.member_id
     left join threads t on t.id = l.thread_id
     where l.community_id = $1 and ($2::bigint is null or l.id < $2::bigint)
     order by l.id desc limit $3`,
    [community.id, before, query.limit + 1],
  );
  const ref = (id: string | null, name: string | null, avatar: string | null, presence: Presence | null) =>
    id ? memberRef(id, name ?? '', avatar, presence ?? 'listed') : null;
  const items = rows.slice(0, query.limit).map((row) => ({
    id: row.id,
    action: row.action,
    actor: ref(row.actor_id, row.actor_name, row.actor_avatar, row.actor_presence),
    member: ref(row.member_id, row.member_name, row.member_avatar, row.member_presence),
    post: row.post_id,
    thread: row.thread_id,
    threadTitle: row.thread_title,
    detail: row.detail,
    at: row.created_at.toISOString(),
  }));
  const last = items.at(-1);
  return { items, next: rows.length > query.limit && last ? encodeCursor([last.id]) : null };
}
