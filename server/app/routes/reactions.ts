import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Queryable } from '../../db/index.ts';
import { assertCanContribute, requireViewer } from '../access.ts';
import { notifyPostChange, requirePost } from '../discussion.ts';
import type { AppEnv } from '../env.ts';
import { recordFacts } from '../facts.ts';
import { forbidden, HttpProblem } from '../problem.ts';
import { errorResponses, Id, IdempotencyHeaders, jsonBody, jsonContent } from '../schemas/common.ts';
import { ReactionInput, ReactionKind, ReactionSummary, Report, ReportInput } from '../schemas/threads.ts';

const addRoute = createRoute({
  method: 'post',
  path: '/api/v1/posts/{id}/reactions',
  tags: ['posts'],
  summary: 'React to a post (not your own); reacting twice is harmless',
  security: [{ bearerAuth: [] }],
  request: { params: z.object({ id: Id }), headers: IdempotencyHeaders, body: jsonBody(ReactionInput) },
  responses: { 200: jsonContent(ReactionSummary, 'Reactions after the change'), ...errorResponses(401, 403, 404) },
});

const removeRoute = createRoute({
  method: 'delete',
  path: '/api/v1/posts/{id}/reactions/{kind}',
  tags: ['posts'],
  summary: 'Withdraw your reaction',
  security: [{ bearerAuth: [] }],
  request: { params: z.object({ id: Id, kind: ReactionKind }) },
  responses: { 200: jsonContent(ReactionSummary, 'Reactions after the change'), ...errorResponses(401, 404) },
});

const reportRoute = createRoute({
  method: 'post',
  path: '/api/v1/posts/{id}/reports',
  tags: ['moderation'],
  summary: 'Report a post to the facilitators (once per member and post)',
  security: [{ bearerAuth: [] }],
  request: { params: z.object({ id: Id }), headers: IdempotencyHeaders, body: jsonBody(ReportInput) },
  responses: { 201: jsonContent(Report, 'Reported'), ...errorResponses(401, 404, 409) },
});

async function summary(db: Queryable, postId: string, memberId: string) {
  const { rows } = await db.query<{ kind: z.infer<typeof ReactionKind>; n: number; mine: boolean }>(
    `select kind, count(*)::int as n, bool_or(member_id = $2) as mine from reactions where post_id = $1 group by kind order by kind`,
    [postId, memberId],
  );
  return {
    post: postId,
    reactions: Object.fromEntries(rows.map((r) => [r.kind, r.n])),
    viewerReactions: rows.filter((r) => r.mine).map((r) => r.kind),
  };
}

export function registerReactions(app: OpenAPIHono<AppEnv>): void {
  app.openapi(addRoute, async (c) => {
    const viewer = requireViewer(c.var.viewer);
    const { id } = c.req.valid('param');
    const { kind } = c.req.valid('json');
    const db = c.var.db;
    const { post, thread } = await requirePost(db, id, viewer);
    assertCanContribute(thread.access);
    if (post.author.id === viewer.memberId) throw forbidden('You cannot react to your own post');
    if (post.deleted) throw new HttpProblem(404, 'The post was deleted');
    await db.transaction(async (tx) => {
      const added = await tx.query(
        'insert into reactions (post_id, member_id, kind) values ($1, $2, $3) on conflict do nothing returning post_id',
        [id, viewer.memberId, kind],
      );
      if (added.rows.length > 0) {
        const communityId = thread.row.community_id;
        await recordFacts(tx, [
          { memberId: viewer.memberId, communityId, kind: 'reaction-given', subjectId: id },
          { memberId: post.author.id, communityId, kind: 'reaction-received', subjectId: id },
        ]);
      }
    });
    await notifyPostChange(db, thread.row, 'post-updated', id);
    return c.json(await summary(db, id, viewer.memberId), 200);
  });

  app.openapi(removeRoute, async (c) => {
    const viewer = requireViewer(c.var.viewer);
    const { id, kind } = c.req.valid('param');
    const db = c.var.db;
    const { thread } = await requirePost(db, id, viewer);
    await db.query('delete from reactions where post_id = $1 and member_id = $2 and kind = $3', [id, viewer.memberId, kind]);
    await notifyPostChange(db, thread.row, 'post-updated', id);
    return c.json(await summary(db, id, viewer.memberId), 200);
  });

  app.openapi(reportRoute, async (c) => {
    const viewer = requireViewer(c.var.viewer);
    const { id } = c.req.valid('param');
    const { reason } = c.req.valid('json');
    await requirePost(c.var.db, id, viewer);
    const { rows } = await c.var.db.query<{ id: string; created_at: Date }>(
      `insert into reports (post_id, reporter_id, reason) values ($1, $2, $3)
       on conflict (post_id, reporter_id) do nothing returning id, created_at`,
      [id, viewer.memberId, reason],
    );
    const report = rows[0];
    if (!report) throw new HttpProblem(409, 'You already reported this post', { type: 'already-reported' });
    return c.json({ id: report.id, post: id, reason, createdAt: report.created_at.toISOString() }, 201);
  });
}
