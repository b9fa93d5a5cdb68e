import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { readableCommunity, requireViewer } from '../../communities/access.ts';
import { loadThread, moderateThread, postsPage, requireThread, threadCounts, toThread } from '../../discussion/threads.ts';
import type { AppEnv } from '../env.ts';
import { checkIfMatch, versionETag } from '../middleware/conditional.ts';
import { Cursor, errorResponses, Id, IfMatchHeaders, jsonBody, jsonContent, Limit, page, Slug, Text } from '../../contract/common.ts';
import { Post, Thread, ThreadCounts, ThreadModeration } from '../../contract/threads.ts';
import { SMALL_BODY_BYTES } from '../middleware/body-limit.ts';
import { anyone, signedIn } from '../route-policy.ts';

const PageCommunity = Slug.optional().openapi({
  description: "The community the page declares; without it, the key's oldest thread in any community",
});

const countsRoute = createRoute({
  method: 'get',
  path: '/api/v1/threads/counts',
  operationId: 'countThreadPosts',
  ...anyone(),
  tags: ['threads'],
  summary: 'Visible post counts for several page keys at once (the comment-count element)',
  request: {
    query: z.object({
      key: z.union([Text().min(1).max(500), z.array(Text().min(1).max(500)).min(1).max(100)]).openapi({
        description: 'Repeat for each page key (up to 100)',
      }),
      community: PageCommunity,
    }),
  },
  responses: { 200: jsonContent(ThreadCounts, 'Counts by key'), ...errorResponses() },
});

const byKeyRoute = createRoute({
  method: 'get',
  path: '/api/v1/threads',
  operationId: 'getThreadByKey',
  ...anyone(),
  tags: ['threads'],
  summary: 'The thread attached to a page key in the community the page declares (204 until its first post)',
  description:
    'A page whose conversation has not started yet is the normal case for an embedded thread, so it is answered 204 ' +
    'No Content, not 404: pages make no failing request. 404 means the declared `community` does not exist or ' +
    'is not visible to the viewer.',
  request: { query: z.object({ key: Text().min(1).max(500), community: PageCommunity }) },
  responses: {
    200: jsonContent(Thread, 'The thread'),
    204: { description: 'No thread on this key yet (its first post creates it)' },
    ...errorResponses(404),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/threads/{id}',
  operationId: 'getThread',
  ...anyone(),
  tags: ['threads'],
  summary: 'One thread',
  request: { params: z.object({ id: Id }) },
  responses: { 200: jsonContent(Thread, 'The thread'), ...errorResponses(404) },
});

const postsRoute = createRoute({
  method: 'get',
  path: '/api/v1/threads/{id}/posts',
  operationId: 'listThreadPosts',
  ...anyone(),
  tags: ['threads'],
  summary: 'Posts of a thread, oldest or newest first, keyset paged',
  request: {
    params: z.object({ id: Id }),
    query: z.object({ order: z.enum(['oldest', 'newest']).default('oldest'), cursor: Cursor, limit: Limit }),
  },
  responses: { 200: jsonContent(page(Post, 'PostPage'), 'A page of posts'), ...errorResponses(404) },
});

const moderateRoute = createRoute({
  method: 'patch',
  path: '/api/v1/threads/{id}',
  operationId: 'moderateThread',
  ...signedIn({ body: SMALL_BODY_BYTES }),
  tags: ['moderation'],
  summary: 'Pin, lock, or accept an answer (facilitators; the asker may accept)',
  request: { params: z.object({ id: Id }), headers: IfMatchHeaders, body: jsonBody(ThreadModeration) },
  responses: { 200: jsonContent(Thread, 'The updated thread'), ...errorResponses(401, 403, 404, 409, 412, 413, 415, 422, 428) },
});

export function registerThreads(app: OpenAPIHono<AppEnv>): void {
  app.openapi(countsRoute, async (c) => {
    const raw = c.req.valid('query').key;
    const keys = [...new Set(Array.isArray(raw) ? raw : [raw])];
    return c.json({ counts: await threadCounts(c.var.db, keys, c.req.valid('query').community, c.var.viewer) }, 200);
  });

  app.openapi(byKeyRoute, async (c) => {
    const query = c.req.valid('query');
    const thread = await loadThread(c.var.db, query, c.var.viewer);
    if (!thread) {
      // Unknown (or unreadable) community: a 404 that names it, so the widget can tell the site editor.
      if (query.community) await readableCommunity(c.var.db, { slug: query.community }, c.var.viewer);
      return c.body(null, 204);
    }
    c.header('etag', versionETag(thread.row.version));
    return c.json(toThread(thread, c.var.viewer), 200);
  });

  app.openapi(getRoute, async (c) => {
    const thread = await requireThread(c.var.db, { id: c.req.valid('param').id }, c.var.viewer);
    c.header('etag', versionETag(thread.row.version));
    return c.json(toThread(thread, c.var.viewer), 200);
  });

  app.openapi(postsRoute, async (c) => {
    return c.json(await postsPage(c.var.db, c.req.valid('param').id, c.var.viewer, c.req.valid('query')), 200);
  });

  app.openapi(moderateRoute, async (c) => {
    const viewer = requireViewer(c.var.viewer);
    const { id } = c.req.valid('param');
    const thread = await requireThread(c.var.db, { id }, viewer);
    checkIfMatch(c.req.header('if-match'), thread.row.version);
    await moderateThread(c.var.db, thread, viewer, c.req.valid('json'), c.var.mail);
    const updated = await requireThread(c.var.db, { id }, viewer);
    c.header('etag', versionETag(updated.row.version));
    return c.json(toThread(updated, viewer), 200);
  });
}
