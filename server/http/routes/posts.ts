import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requireViewer } from '../../communities/access.ts';
import { errorResponses, Id, IdempotencyHeaders, IfMatchHeaders, jsonBody, jsonContent } from '../../contract/common.ts';
import { Post, PostEdit, PostInput } from '../../contract/threads.ts';
import { createPost, deletePost, editPost, setPostHidden } from '../../discussion/posts.ts';
import { fetchPosts, requirePost } from '../../discussion/threads.ts';
import { notFound } from '../../shared/problem.ts';
import type { AppEnv } from '../env.ts';
import { checkIfMatch, versionETag } from '../middleware/conditional.ts';
import { POST_BODY_BYTES } from '../middleware/body-limit.ts';
import { anyone, signedIn } from '../route-policy.ts';

const createPostRoute = createRoute({
  method: 'post',
  path: '/api/v1/posts',
  operationId: 'createPost',
  ...signedIn({ idempotent: true, body: POST_BODY_BYTES }),
  tags: ['posts'],
  summary: 'Post into a thread, or into the thread of a page key (created on first post)',
  request: { headers: IdempotencyHeaders, body: jsonBody(PostInput) },
  responses: { 201: jsonContent(Post, 'The new post'), ...errorResponses(401, 403, 404, 409, 413, 415, 422) },
});

const getPostRoute = createRoute({
  method: 'get',
  path: '/api/v1/posts/{id}',
  operationId: 'getPost',
  ...anyone(),
  tags: ['posts'],
  summary: 'One post (its ETag is its version)',
  request: { params: z.object({ id: Id }) },
  responses: { 200: jsonContent(Post, 'The post'), ...errorResponses(404) },
});

const editPostRoute = createRoute({
  method: 'patch',
  path: '/api/v1/posts/{id}',
  operationId: 'editPost',
  ...signedIn({ body: POST_BODY_BYTES }),
  tags: ['posts'],
  summary: 'Edit your own post',
  request: { params: z.object({ id: Id }), headers: IfMatchHeaders, body: jsonBody(PostEdit) },
  responses: { 200: jsonContent(Post, 'The edited post'), ...errorResponses(401, 403, 404, 412, 428, 413, 415) },
});

const deletePostRoute = createRoute({
  method: 'delete',
  path: '/api/v1/posts/{id}',
  operationId: 'deletePost',
  ...signedIn(),
  tags: ['posts'],
  summary: 'Delete your own post (facilitators may delete any); leaves a tombstone',
  request: { params: z.object({ id: Id }), headers: IfMatchHeaders },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404, 412, 428) },
});

const moderationRoute = (action: 'hide' | 'restore') =>
  createRoute({
    method: 'post',
    path: `/api/v1/posts/{id}/${action}`,
    operationId: `${action}Post`,
    ...signedIn({ idempotent: true }),
    tags: ['moderation'],
    summary: action === 'hide' ? 'Hide a post from everyone but facilitators' : 'Show a hidden post again',
    request: { params: z.object({ id: Id }), headers: IdempotencyHeaders },
    responses: { 200: jsonContent(Post, 'The post'), ...errorResponses(401, 403, 404, 409, 413, 422) },
  });

/** The sites whose pages may open discussions: the CORS origins, GROVE_PAGE_ORIGINS and this server's own pages. */
function pageOrigins(c: Context<AppEnv>): ReadonlySet<string> {
  const { corsOrigins, pageOrigins: extra } = c.var.config;
  return new Set([...corsOrigins, ...extra, new URL(c.req.url).origin]);
}

export function registerPosts(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createPostRoute, async (c) => {
    const viewer = requireViewer(c.var.viewer);
    const postId = await createPost(c.var.db, c.req.valid('json'), viewer, {
      pageOrigins: pageOrigins(c),
      mail: c.var.mail,
      newAccountPostsPer10Minutes: c.var.config.rateLimit.newAccountPostsPer10Minutes,
    });
    const { post } = await requirePost(c.var.db, postId, viewer);
    c.header('location', `/api/v1/posts/${postId}`);
    c.header('etag', versionETag(post.version));
    return c.json(post, 201);
  });

  app.openapi(getPostRoute, async (c) => {
    const { post } = await requirePost(c.var.db, c.req.valid('param').id, c.var.viewer);
    c.header('etag', versionETag(post.version));
    return c.json(post, 200);
  });

  app.openapi(editPostRoute, async (c) => {
    const viewer = requireViewer(c.var.viewer);
    const { id } = c.req.valid('param');
    await editPost(c.var.db, id, viewer, c.req.valid('json'), (current) => checkIfMatch(c.req.header('if-match'), current));
    const [updated] = await fetchPosts(c.var.db, 'p.id = $2', [id], viewer);
    if (!updated) throw notFound('The post');
    c.header('etag', versionETag(updated.version));
    return c.json(updated, 200);
  });

  app.openapi(deletePostRoute, async (c) => {
    const viewer = requireViewer(c.var.viewer);
    await deletePost(c.var.db, c.req.valid('param').id, viewer, (current) => checkIfMatch(c.req.header('if-match'), current));
    return c.body(null, 204);
  });

  for (const action of ['hide', 'restore'] as const) {
    app.openapi(moderationRoute(action), async (c) => {
      const viewer = requireViewer(c.var.viewer);
      return c.json(await setPostHidden(c.var.db, c.req.valid('param').id, viewer, action === 'hide', c.var.mail), 200);
    });
  }
}
