/** Reactions to posts and reports of posts to the facilitators. */
import type { z } from '@hono/zod-openapi';
import { assertCanContribute } from '../communities/access.ts';
import type { ReactionKind } from '../contract/threads.ts';
import type { Database, Queryable } from '../db/index.ts';
import { recordFacts } from '../participation/facts.ts';
import { forbidden, HttpProblem } from '../shared/problem.ts';
import type { Viewer } from '../shared/viewer.ts';
import { notifyPostChange, requirePost } from './threads.ts';

type Kind = z.infer<typeof ReactionKind>;

async function reactionSummary(db: Queryable, postId: string, memberId: string) {
  const { rows } = await db.query<{ kind: Kind; n: number; mine: boolean }>(
    `select kind, count(*)::int as n, bool_or(member_id = $2) as mine from reactions where post_id = $1 group by kind order by kind`,
    [postId, memberId],
  );
  return {
    post: postId,
    reactions: Object.fromEntries(rows.map((r) => [r.kind, r.n])),
    viewerReactions: rows.filter((r) => r.mine).map((r) => r.kind),
  };
}

/** Reacts to someone else's post; reacting twice changes nothing. */
export async function addReaction(db: Database, postId: string, viewer: Viewer, kind: Kind) {
  const { post, thread } = await requirePost(db, postId, viewer);
  assertCanContribute(thread.access);
  if (post.author.id === viewer.memberId) throw forbidden('You cannot react to your own post');
  if (post.deleted) throw new HttpProblem(404, 'The post was deleted');
  await db.transaction(async (tx) => {
    const added = await tx.query(
      'insert into reactions (post_id, member_id, kind) values ($1, $2, $3) on conflict do nothing returning post_id',
      [postId, viewer.memberId, kind],
    );
    if (added.rows.length > 0) {
      const communityId = thread.row.community_id;
      await recordFacts(tx, [
        { memberId: viewer.memberId, communityId, kind: 'reaction-given', subjectId: postId },
        { memberId: post.author.id, communityId, kind: 'reaction-received', subjectId: postId },
      ]);
    }
  });
  await notifyPostChange(db, thread.row, 'post-updated', postId);
  return reactionSummary(db, postId, viewer.memberId);
}

export async function removeReaction(db: Database, postId: string, viewer: Viewer, kind: Kind) {
  const { thread } = await requirePost(db, postId, viewer);
  await db.query('delete from reactions where post_id = $1 and member_id = $2 and kind = $3', [postId, viewer.memberId, kind]);
  await notifyPostChange(db, thread.row, 'post-updated', postId);
  return reactionSummary(db, postId, viewer.memberId);
}

/** Reports a post to its community's facilitators, once per member and post (409 the second time). */
export async function reportPost(db: Database, postId: string, viewer: Viewer, reason: string) {
  await requirePost(db, postId, viewer);
  const { rows } = await db.query<{ id: string; created_at: Date }>(
    `insert into reports (post_id, reporter_id, reason) values ($1, $2, $3)
     on conflict (post_id, reporter_id) do nothing returning id, created_at`,
    [postId, viewer.memberId, reason],
  );
  const report = rows[0];
  if (!report) throw new HttpProblem(409, 'You already reported this post', { type: 'already-reported' });
  return { id: report.id, post: postId, reason, createdAt: report.created_at.toISOString() };
}
