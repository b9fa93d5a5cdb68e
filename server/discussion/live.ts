/**
 * What a live stream reads: a thread's or a community's posts after a given id, as the viewer may see
 * them. The channel names are the ones `notifyPostChange` writes to.
 */
import type { z } from '@hono/zod-openapi';
import type { CommunityAccess } from '../communities/access.ts';
import type { Post } from '../contract/threads.ts';
import type { Queryable } from '../db/index.ts';
import type { Viewer } from '../shared/viewer.ts';
import { fetchPosts, VISIBLE_TO_READER } from './threads.ts';

const REPLAY_LIMIT = 200;

export interface LiveScope {
  channel: string;
  access: CommunityAccess;
  /** SQL restricting posts to this scope; `$2` is its id. */
  where: string;
  id: string;
}

export const threadScope = (threadId: string, access: CommunityAccess): LiveScope => ({
  channel: `grove_thread_${threadId}`,
  access,
  where: 'p.thread_id = $2',
  id: threadId,
});

export const communityScope = (access: CommunityAccess): LiveScope => ({
  channel: `grove_community_${access.id}`,
  access,
  where: 't.community_id = $2',
  id: access.id,
});

/** The newest post id in the scope ('0' when empty): a stream without Last-Event-ID starts after it. */
export async function latestPostId(db: Queryable, scope: LiveScope): Promise<string> {
  const { rows } = await db.query<{ max: string | null }>(
    `select max(p.id) as max from posts p join threads t on t.id = p.thread_id where ${scope.where.replace('$2', '$1')}`,
    [scope.id],
  );
  return rows[0]?.max ?? '0';
}

/** Posts after `afterId` in id order (at most a replay's worth), hidden ones for facilitators only. */
export function postsAfter(db: Queryable, scope: LiveScope, afterId: string, viewer: Viewer | null): Promise<z.infer<typeof Post>[]> {
  const visible = scope.access.role === 'facilitator' ? '' : ` and ${VISIBLE_TO_READER}`;
  return fetchPosts(db, `${scope.where} and p.id > $3${visible}`, [scope.id, afterId, REPLAY_LIMIT], viewer, 'order by p.id limit $4');
}

/** One post of the scope as the viewer would receive it (hidden ones included, for the caller to judge). */
export async function postInScope(db: Queryable, scope: LiveScope, postId: string, viewer: Viewer | null) {
  const [post] = await fetchPosts(db, `${scope.where} and p.id = $3`, [scope.id, postId], viewer);
  return post;
}
