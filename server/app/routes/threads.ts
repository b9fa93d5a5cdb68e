import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { assertFacilitator, readableCommunitySql, requireViewer } from '../access.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { fetchPosts, requireThread, toThread } from '../discussion.ts';
import type { AppEnv } from '../env.ts';
import { recordFacts } from '../facts.ts';
import { versionETag, versionFromIfMatch } from '../middleware/conditional.ts';
import { HttpProblem } from '../problem.ts';
import { Cursor, errorResponses, Id, IfMatchHeaders, jsonBody, jsonContent, Limit, page, Text } from '../schemas/common.ts';
import { Post, Thread, ThreadCounts, ThreadModeration } from '../schemas/threads.ts';

const countsRoute = createRoute({
  method: 'get',
  path: '/api/v1/threads/counts',
  tags: ['threads'],
  summary: 'Visible post counts for several page keys at once (the comment-count element)',
  request: {
    query: z.object({
      key: z.union([Text().min(1).max(500), z.array(Text().min(1).max(500)).min(1).max(100)]).openapi({
        description: 'Repeat for each page key (up to 100)',
      }),
    }),
  },
  responses: { 200: jsonContent(ThreadCounts, 'Counts by key'), ...errorResponses() },
});

const byKeyRoute = createRoute({
  method: 'get',
  path: '/api/v1/threads',
  tags: ['threads'],
  summary: 'The thread attached to a page key (404 until its first post)',
  request: { query: z.object({ key: Text().min(1).max(500) }) },
  responses: { 200: jsonContent(Thread, 'The thread'), ...errorResponses(404) },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/threads/{id}',
  tags: ['threads'],
  summary: 'One thread',
  request: { params: z.object({ id: Id }) },
  responses: { 200: jsonContent(Thread, 'The thread'), ...errorResponses(404) },
});

const postsRoute = createRoute({
  method: 'get',
  path: '/api/v1/threads/{id}/posts',
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
  tags: ['moderation'],
  summary: 'Pin, lock, or accept an answer (facilitators; the asker may accept)',
  security: [{ bearerAuth: [] }],
  request: { params: z.object({ id: Id }), headers: IfMatchHeaders, body: jsonBody(ThreadModeration) },
  responses: { 200: jsonContent(Thread, 'The updated thread'), ...errorResponses(401, 403, 404, 412, 422, 428) },
});

/** 428 without If-Match, 412 when it names another version. */
export function checkIfMatch(header: string | undefined, current: number): void {
  const expected = versionFromIfMatch(header);
  if (expected === undefined) {
    throw new HttpProblem(428, 'Send If-Match with the version you edited', {
      errors: [{ field: 'header.if-match', message: 'Required' }],
    });
  }
  if (expected !== current) {
    throw new HttpProblem(412, `This was changed meanwhile (now version ${current}); reload and retry`, {
      headers: { etag: versionETag(current) },
    });
  }
}

export function registerThreads(app: OpenAPIHono<AppEnv>): void {
  app.openapi(countsRoute, async (c) => {
    const raw = c.req.valid('query').key;
    const keys = [...new Set(Array.isArray(raw) ? raw : [raw])];
    const { rows } = await c.var.db.query<{ page_key: string; n: number }>(
      `select t.page_key, (select count(*)::int from posts p where p.thread_id = t.id and not p.hidden and not p.deleted) as n
       from threads t join communities c on c.id = t.community_id
       where t.page_key = any($2::text[]) and ${readableCommunitySql('c', '$1')}`,
      [c.var.viewer?.memberId ?? null, keys],
    );
    const counts = Object.fromEntries(keys.map((key) => [key, rows.find((r) => r.page_key === key)?.n ?? 0]));
    return c.json({ counts }, 200);
  });

  app.openapi(byKeyRoute, async (c) => {
    const thread = await requireThread(c.var.db, { key: c.req.valid('query').key }, c.var.viewer);
    return c.json(toThread(thread, c.var.viewer), 200);
  });

  app.openapi(getRoute, async (c) => {
    const thread = await requireThread(c.var.db, { id: c.req.valid('param').id }, c.var.viewer);
    return c.json(toThread(thread, c.var.viewer), 200);
  });

  app.openapi(postsRoute, async (c) => {
    const viewer = c.var.viewer;
    const { id } = c.req.valid('param');
    const { order, cursor, limit } = c.req.valid('query');
    const thread = await requireThread(c.var.db, { id }, viewer);
    const after = decodeCursor(cursor, ['string', 'string']);
    const where = ['p.thread_id = $2'];
    const params: unknown[] = [id];
    if (thread.access.role !== 'facilitator') where.push('not p.hidden');
    if (after) {
      const op = order === 'oldest' ? '>' : '<';
      where.push(`(p.created_at, p.id) ${op} ($${params.push(after[0]) + 1}::timestamptz, $${params.push(after[1]) + 1}::bigint)`);
    }
    const dir = order === 'oldest' ? 'asc' : 'desc';
    const rows = await fetchPosts(
      c.var.db,
      where.join(' and '),
      [...params, limit + 1],
      viewer,
      `order by p.created_at ${dir}, p.id ${dir} limit $${params.length + 2}`,
    );
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return c.json({ items, next: rows.length > limit && last ? encodeCursor([last.createdAt, last.id]) : null }, 200);
  });

  app.openapi(moderateRoute, async (c) => {
    const viewer = requireViewer(c.var.viewer);
    const { id } = c.req.valid('param');
    const change = c.req.valid('json');
    const db = c.var.db;
    const thread = await requireThread(db, { id }, viewer);
    const onlyAccepting = change.pinned === undefined && change.locked === undefined;
    const isAsker = thread.row.created_by === viewer.memberId && thread.row.kind === 'question';
    if (!(onlyAccepting && isAsker)) assertFacilitator(thread.access);
    checkIfMatch(c.req.header('if-match'), thread.row.version);
    if (change.acceptedPost !== undefined && thread.row.kind !== 'question') {
      throw new HttpProblem(422, 'Only questions have an accepted answer', {
        errors: [{ field: 'body.acceptedPost', message: 'The thread is a discussion' }],
      });
    }
    await db.transaction(async (tx) => {
      let accepted = thread.row.accepted_post_id;
      if (change.acceptedPost !== undefined && change.acceptedPost !== null) {
        const { rows } = await tx.query<{ author_id: string }>(
          'select author_id from posts where id = $1 and thread_id = $2 and not deleted and not hidden',
          [change.acceptedPost, id],
        );
        const author = rows[0]?.author_id;
        if (!author) {
          throw new HttpProblem(422, 'That post is not a visible post of this thread', {
            errors: [{ field: 'body.acceptedPost', message: 'Not in this thread' }],
          });
        }
        if (change.acceptedPost !== accepted) {
          await recordFacts(tx, [
            { memberId: author, communityId: thread.row.community_id, kind: 'accepted-answer', subjectId: change.acceptedPost },
          ]);
        }
        accepted = change.acceptedPost;
      } else if (change.acceptedPost === null) {
        accepted = null;
      }
      const locked = change.locked ?? thread.row.status === 'locked';
      const status = locked ? 'locked' : accepted ? 'answered' : 'open';
      await tx.query(
        `update threads set pinned = $2, status = $3, accepted_post_id = $4, version = version + 1 where id = $1`,
        [id, change.pinned ?? thread.row.pinned, status, accepted],
      );
    });
    const updated = await requireThread(db, { id }, viewer);
    c.header('etag', versionETag(updated.row.version));
    return c.json(toThread(updated, viewer), 200);
  });
}
