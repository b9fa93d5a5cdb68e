/**
 * Moderation that scales (issue 14): pre-moderation of a member's first posts, the held-post queue with
 * approve and reject, and the moderation log. Facilitators of the community only; members-only
 * communities stay a 404 to outsiders.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { requireViewer } from '../../communities/access.ts';
import { listModerationLog } from '../../communities/moderation-log.ts';
import { Cursor, errorResponses, Id, IdempotencyHeaders, jsonBody, jsonContent, Limit, page, Slug } from '../../contract/common.ts';
import { HeldPostQueue, HeldPostRejection, ModerationLogEntry, Premoderation, PremoderationInput } from '../../contract/moderation.ts';
import { Post } from '../../contract/threads.ts';
import { approveHeldPost, listHeldPosts, rejectHeldPost, setPremoderation } from '../../discussion/premoderation.ts';
import type { AppEnv } from '../env.ts';
import { signedIn } from '../route-policy.ts';

const premoderationRoute = createRoute({
  method: 'post',
  path: '/api/v1/communities/{slug}/premoderation',
  operationId: 'setPremoderation',
  ...signedIn({ idempotent: true }),
  tags: ['moderation'],
  summary: "Facilitators only: how many of a member's first posts in this community wait for approval (0 turns it off)",
  request: { params: z.object({ slug: Slug }), headers: IdempotencyHeaders, body: jsonBody(PremoderationInput) },
  responses: { 200: jsonContent(Premoderation, 'The setting now'), ...errorResponses(401, 403, 404, 409, 413, 415, 422) },
});

const heldPostsRoute = createRoute({
  method: 'get',
  path: '/api/v1/communities/{slug}/held-posts',
  operationId: 'listHeldPosts',
  ...signedIn(),
  tags: ['moderation'],
  summary: 'Facilitators only: posts awaiting approval in this community, oldest first, and the pre-moderation setting',
  request: { params: z.object({ slug: Slug }), query: z.object({ cursor: Cursor, limit: Limit }) },
  responses: { 200: jsonContent(HeldPostQueue, 'A page of held posts'), ...errorResponses(401, 403, 404) },
});

const approveRoute = createRoute({
  method: 'post',
  path: '/api/v1/posts/{id}/approval',
  operationId: 'approveHeldPost',
  ...signedIn({ idempotent: true }),
  tags: ['moderation'],
  summary: 'Facilitators only: publish a held post (counted, mailed and streamed as a new post)',
  request: { params: z.object({ id: Id }), headers: IdempotencyHeaders },
  responses: { 200: jsonContent(Post, 'The published post'), ...errorResponses(401, 403, 404, 409, 413, 422) },
});

const rejectRoute = createRoute({
  method: 'post',
  path: '/api/v1/posts/{id}/rejection',
  operationId: 'rejectHeldPost',
  ...signedIn({ idempotent: true }),
  tags: ['moderation'],
  summary: 'Facilitators only: keep a held post from being published (it stays hidden; its author is told)',
  request: { params: z.object({ id: Id }), headers: IdempotencyHeaders, body: jsonBody(HeldPostRejection) },
  responses: { 200: jsonContent(Post, 'The rejected post, hidden'), ...errorResponses(401, 403, 404, 409, 413, 415, 422) },
});

const logRoute = createRoute({
  method: 'get',
  path: '/api/v1/communities/{slug}/moderation-log',
  operationId: 'listModerationLog',
  ...signedIn(),
  tags: ['moderation'],
  summary: 'Facilitators only: moderation acts in this community, newest first (hide, lock, pin, reports, silences, approvals, life cycle)',
  request: { params: z.object({ slug: Slug }), query: z.object({ cursor: Cursor, limit: Limit }) },
  responses: { 200: jsonContent(page(ModerationLogEntry, 'ModerationLog'), 'A page of the log'), ...errorResponses(401, 403, 404) },
});

export function registerModeration(app: OpenAPIHono<AppEnv>): void {
  app.openapi(premoderationRoute, async (c) => {
    const setting = await setPremoderation(
      c.var.db,
      c.req.valid('param').slug,
      c.req.valid('json').firstPosts,
      requireViewer(c.var.viewer),
    );
    return c.json(setting, 200);
  });

  app.openapi(heldPostsRoute, async (c) => {
    const queue = await listHeldPosts(c.var.db, c.req.valid('param').slug, requireViewer(c.var.viewer), c.req.valid('query'));
    c.header('cache-control', 'private, no-cache');
    return c.json(queue, 200);
  });

  app.openapi(approveRoute, async (c) => {
    return c.json(await approveHeldPost(c.var.db, c.req.valid('param').id, requireViewer(c.var.viewer), c.var.mail), 200);
  });

  app.openapi(rejectRoute, async (c) => {
    const viewer = requireViewer(c.var.viewer);
    return c.json(await rejectHeldPost(c.var.db, c.req.valid('param').id, viewer, c.req.valid('json').reason, c.var.mail), 200);
  });

  app.openapi(logRoute, async (c) => {
    const log = await listModerationLog(c.var.db, c.req.valid('param').slug, requireViewer(c.var.viewer), c.req.valid('query'));
    c.header('cache-control', 'private, no-cache');
    return c.json(log, 200);
  });
}
