import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { renderMarkdown } from '../../markdown.ts';
import { assertCanContribute, assertFacilitator, readableCommunity, requireViewer } from '../access.ts';
import { fetchPosts, loadThread, notifyPostChange, requirePost, requireThread, type LoadedThread } from '../discussion.ts';
import type { AppEnv, Viewer } from '../env.ts';
import { recordFacts } from '../facts.ts';
import { versionETag } from '../middleware/conditional.ts';
import { forbidden, HttpProblem, notFound } from '../problem.ts';
import { errorResponses, Id, IdempotencyHeaders, IfMatchHeaders, jsonBody, jsonContent } from '../schemas/common.ts';
import { Post, PostEdit, PostInput } from '../schemas/threads.ts';
import { checkIfMatch } from './threads.ts';
import type { Database } from '../../db/index.ts';

const createPostRoute = createRoute({
  method: 'post',
  path: '/api/v1/posts',
  tags: ['posts'],
  summary: 'Post into a thread, or into the thread of a page key (created on first post)',
  security: [{ bearerAuth: [] }],
  request: { headers: IdempotencyHeaders, body: jsonBody(PostInput) },
  responses: { 201: jsonContent(Post, 'The new post'), ...errorResponses(401, 403, 404, 409, 422) },
});

const getPostRoute = createRoute({
  method: 'get',
  path: '/api/v1/posts/{id}',
  tags: ['posts'],
  summary: 'One post (its ETag is its version)',
  request: { params: z.object({ id: Id }) },
  responses: { 200: jsonContent(Post, 'The post'), ...errorResponses(404) },
});

const editPostRoute = createRoute({
  method: 'patch',
  path: '/api/v1/posts/{id}',
  tags: ['posts'],
  summary: 'Edit your own post',
  security: [{ bearerAuth: [] }],
  request: { params: z.object({ id: Id }), headers: IfMatchHeaders, body: jsonBody(PostEdit) },
  responses: { 200: jsonContent(Post, 'The edited post'), ...errorResponses(401, 403, 404, 412, 428) },
});

const deletePostRoute = createRoute({
  method: 'delete',
  path: '/api/v1/posts/{id}',
  tags: ['posts'],
  summary: 'Delete your own post (facilitators may delete any); leaves a tombstone',
  security: [{ bearerAuth: [] }],
  request: { params: z.object({ id: Id }), headers: IfMatchHeaders },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404, 412, 428) },
});

const moderationRoute = (action: 'hide' | 'restore') =>
  createRoute({
    method: 'post',
    path: `/api/v1/posts/{id}/${action}`,
    tags: ['moderation'],
    summary: action === 'hide' ? 'Hide a post from everyone but facilitators' : 'Show a hidden post again',
    security: [{ bearerAuth: [] }],
    request: { params: z.object({ id: Id }), headers: IdempotencyHeaders },
    responses: { 200: jsonContent(Post, 'The post'), ...errorResponses(401, 403, 404) },
  });

async function resolveTarget(db: Database, input: z.infer<typeof PostInput>, viewer: Viewer): Promise<LoadedThread | { create: { communityId: string } }> {
  if (input.thread) return requireThread(db, { id: input.thread }, viewer);
  if (!input.key) {
    throw new HttpProblem(400, 'Give a thread, or a key with community and title', {
      type: 'validation',
      errors: [{ field: 'body.thread', message: 'Required when key is absent' }],
    });
  }
  const existing = await loadThread(db, { key: input.key }, viewer);
  if (existing) return existing;
  const missing = (['community', 'title'] as const).filter((field) => !input[field]);
  if (missing.length > 0) {
    throw new HttpProblem(400, 'A new thread needs a community and a title', {
      type: 'validation',
      errors: missing.map((field) => ({ field: `body.${field}`, message: 'Required to start a thread for this key' })),
    });
  }
  const access = await readableCommunity(db, { slug: input.community as string }, viewer);
  assertCanContribute(access);
  return { create: { communityId: access.id } };
}

export function registerPosts(app: OpenAPIHono<AppEnv>): void {
  app.openapi(createPostRoute, async (c) => {
    const viewer = requireViewer(c.var.viewer);
    const input = c.req.valid('json');
    const db = c.var.db;
    const target = await resolveTarget(db, input, viewer);
    if ('row' in target) {
      assertCanContribute(target.access);
      if (target.row.status === 'locked' && target.access.role !== 'facilitator') {
        throw new HttpProblem(403, 'This thread is locked', { type: 'thread-locked' });
      }
    }
    const bodyHtml = renderMarkdown(input.body);
    const { postId } = await db.transaction(async (tx) => {
      let threadId: string;
      if ('row' in target) {
        threadId = target.row.id;
      } else {
        // Two first posts on the same page may race: the unique page_key picks one thread for both.
        const created = await tx.query<{ id: string }>(
          `insert into threads (community_id, page_key, title, kind, created_by) values ($1, $2, $3, $4, $5)
           on conflict (page_key) do nothing returning id`,
          [target.create.communityId, input.key, input.title, input.kind ?? 'discussion', viewer.memberId],
        );
        const raced = created.rows[0] ? null : await tx.query<{ id: string; community_id: string }>(
          'select id, community_id from threads where page_key = $1', [input.key]);
        if (raced && raced.rows[0]?.community_id !== target.create.communityId) throw notFound('The thread');
        threadId = (created.rows[0] ?? raced?.rows[0])?.id as string;
      }
      if (input.replyTo) {
        const parent = await tx.query('select 1 from posts where id = $1 and thread_id = $2 and not deleted', [input.replyTo, threadId]);
        if (parent.rows.length === 0) {
          throw new HttpProblem(422, 'You can only reply to a post of the same thread', {
            errors: [{ field: 'body.replyTo', message: 'Not a post of this thread' }],
          });
        }
      }
      const inserted = await tx.query<{ id: string; community_id: string; kind: string; created_by: string | null }>(
        `with p as (insert into posts (thread_id, author_id, reply_to_id, body_md, body_html, language)
                    values ($1, $2, $3, $4, $5, $6) returning id, created_at)
         update threads t set post_count = post_count + 1, last_post_at = p.created_at from p where t.id = $1
         returning p.id, t.community_id, t.kind, t.created_by`,
        [threadId, viewer.memberId, input.replyTo ?? null, input.body, bodyHtml, input.language],
      );
      const row = inserted.rows[0];
      if (!row) throw new Error('post insert returned nothing');
      const isAnswer = row.kind === 'question' && row.created_by !== viewer.memberId;
      await recordFacts(tx, [{ memberId: viewer.memberId, communityId: row.community_id, kind: isAnswer ? 'answer' : 'post', subjectId: row.id }]);
      return { postId: row.id };
    });
    const { post, thread } = await requirePost(db, postId, viewer);
    await notifyPostChange(db, thread.row, 'post', postId);
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
    const edit = c.req.valid('json');
    const db = c.var.db;
    const { post, thread } = await requirePost(db, id, viewer);
    if (post.author.id !== viewer.memberId) throw forbidden('You can only edit your own posts');
    if (post.deleted) throw notFound('The post');
    if (thread.row.status === 'locked' && thread.access.role !== 'facilitator') {
      throw new HttpProblem(403, 'This thread is locked', { type: 'thread-locked' });
    }
    checkIfMatch(c.req.header('if-match'), post.version);
    // The version in WHERE closes the gap between the check above and the write.
    const { rows } = await db.query<{ id: string }>(
      `update posts set body_md = $3, body_html = $4, language = coalesce($5, language), edited_at = now(), version = version + 1
       where id = $1 and version = $2 returning id`,
      [id, post.version, edit.body, renderMarkdown(edit.body), edit.language ?? null],
    );
    if (rows.length === 0) throw new HttpProblem(412, 'This post was changed meanwhile; reload and retry');
    const [updated] = await fetchPosts(db, 'p.id = $2', [id], viewer);
    if (!updated) throw notFound('The post');
    await notifyPostChange(db, thread.row, 'post-updated', id);
    c.header('etag', versionETag(updated.version));
    return c.json(updated, 200);
  });

  app.openapi(deletePostRoute, async (c) => {
    const viewer = requireViewer(c.var.viewer);
    const { id } = c.req.valid('param');
    const db = c.var.db;
    const { post, thread } = await requirePost(db, id, viewer);
    if (post.deleted) throw notFound('The post');
    if (post.author.id !== viewer.memberId && thread.access.role !== 'facilitator') {
      throw forbidden('You can only delete your own posts');
    }
    checkIfMatch(c.req.header('if-match'), post.version);
    const { rows } = await db.query(
      `update posts set deleted = true, version = version + 1 where id = $1 and version = $2 returning id`,
      [id, post.version],
    );
    if (rows.length === 0) throw new HttpProblem(412, 'This post was changed meanwhile; reload and retry');
    await db.query(
      `update threads set post_count = greatest(post_count - 1, 0),
              accepted_post_id = nullif(accepted_post_id, $2),
              status = case when accepted_post_id = $2 and status = 'answered' then 'open' else status end
       where id = $1`,
      [thread.row.id, id],
    );
    await notifyPostChange(db, thread.row, 'post-updated', id);
    return c.body(null, 204);
  });

  for (const action of ['hide', 'restore'] as const) {
    app.openapi(moderationRoute(action), async (c) => {
      const viewer = requireViewer(c.var.viewer);
      const { id } = c.req.valid('param');
      const db = c.var.db;
      const { thread } = await requirePost(db, id, viewer);
      assertFacilitator(thread.access);
      await db.query('update posts set hidden = $2, version = version + 1 where id = $1 and hidden <> $2', [id, action === 'hide']);
      if (action === 'hide') {
        await db.query('update reports set resolved_at = now(), resolved_by = $2 where post_id = $1 and resolved_at is null', [id, viewer.memberId]);
      }
      const [post] = await fetchPosts(db, 'p.id = $2', [id], viewer);
      if (!post) throw notFound('The post');
      await notifyPostChange(db, thread.row, 'post-updated', id);
      return c.json(post, 200);
    });
  }
}
