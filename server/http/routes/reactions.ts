import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { requireViewer } from '../../communities/access.ts';
import { errorResponses, Id, IdempotencyHeaders, jsonBody, jsonContent } from '../../contract/common.ts';
import { ReactionInput, ReactionKind, ReactionSummary, Report, ReportInput } from '../../contract/threads.ts';
import { addReaction, removeReaction, reportPost } from '../../discussion/reactions.ts';
import type { AppEnv } from '../env.ts';
import { signedIn } from '../route-policy.ts';

const addRoute = createRoute({
  method: 'post',
  path: '/api/v1/posts/{id}/reactions',
  operationId: 'addReaction',
  ...signedIn({ idempotent: true }),
  tags: ['posts'],
  summary: 'React to a post (not your own); reacting twice is harmless',
  request: { params: z.object({ id: Id }), headers: IdempotencyHeaders, body: jsonBody(ReactionInput) },
  responses: { 200: jsonContent(ReactionSummary, 'Reactions after the change'), ...errorResponses(401, 403, 404, 409, 413, 415, 422) },
});

const removeRoute = createRoute({
  method: 'delete',
  path: '/api/v1/posts/{id}/reactions/{kind}',
  operationId: 'removeReaction',
  ...signedIn(),
  tags: ['posts'],
  summary: 'Withdraw your reaction',
  request: { params: z.object({ id: Id, kind: ReactionKind }) },
  responses: { 200: jsonContent(ReactionSummary, 'Reactions after the change'), ...errorResponses(401, 404) },
});

const reportRoute = createRoute({
  method: 'post',
  path: '/api/v1/posts/{id}/reports',
  operationId: 'reportPost',
  ...signedIn({ idempotent: true }),
  tags: ['moderation'],
  summary: 'Report a post to the facilitators (once per member and post)',
  request: { params: z.object({ id: Id }), headers: IdempotencyHeaders, body: jsonBody(ReportInput) },
  responses: { 201: jsonContent(Report, 'Reported'), ...errorResponses(401, 404, 409, 413, 415, 422) },
});

export function registerReactions(app: OpenAPIHono<AppEnv>): void {
  app.openapi(addRoute, async (c) => {
    const viewer = requireViewer(c.var.viewer);
    return c.json(await addReaction(c.var.db, c.req.valid('param').id, viewer, c.req.valid('json').kind), 200);
  });

  app.openapi(removeRoute, async (c) => {
    const viewer = requireViewer(c.var.viewer);
    const { id, kind } = c.req.valid('param');
    return c.json(await removeReaction(c.var.db, id, viewer, kind), 200);
  });

  app.openapi(reportRoute, async (c) => {
    const viewer = requireViewer(c.var.viewer);
    return c.json(await reportPost(c.var.db, c.req.valid('param').id, viewer, c.req.valid('json').reason), 201);
  });
}
