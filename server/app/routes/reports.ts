/**
 * The facilitators' moderation queue: reports on posts in their community, and resolving them.
 * Only facilitators of the post's community see or resolve reports; a members-only community stays a
 * 404 to outsiders, as everywhere else.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Queryable } from '../../db/index.ts';
import { assertFacilitator, readableCommunity, requireViewer } from '../access.ts';
import { decodeCursor, encodeCursor } from '../cursor.ts';
import { notifyPostChange, requireThread } from '../discussion.ts';
import type { AppEnv } from '../env.ts';
import { HttpProblem, notFound } from '../problem.ts';
import { Cursor, errorResponses, Id, IdempotencyHeaders, jsonBody, jsonContent, Limit, page, Slug } from '../schemas/common.ts';
import { QueuedReport, ReportResolution } from '../schemas/reports.ts';

const queueRoute = createRoute({
  method: 'get',
  path: '/api/v1/communities/{slug}/reports',
  tags: ['moderation'],
  summary: 'Facilitators only: reports on posts in this community (open ones oldest first, resolved ones newest first)',
  security: [{ bearerAuth: [] }],
  request: {
    params: z.object({ slug: Slug }),
    query: z.object({ status: z.enum(['open', 'resolved']).default('open'), cursor: Cursor, limit: Limit }),
  },
  responses: { 200: jsonContent(page(QueuedReport, 'ReportQueue'), 'A page of reports'), ...errorResponses(401, 403, 404) },
});

const resolveRoute = createRoute({
  method: 'post',
  path: '/api/v1/reports/{id}/resolution',
  tags: ['moderation'],
  summary: "Facilitators only: resolve a report (and every other open report on the same post)",
  security: [{ bearerAuth: [] }],
  request: { params: z.object({ id: Id }), headers: IdempotencyHeaders, body: jsonBody(ReportResolution) },
  responses: { 200: jsonContent(QueuedReport, 'The resolved report'), ...errorResponses(401, 403, 404, 409) },
});

interface QueueRow {
  id: string;
  reason: string;
  created_at: Date;
  resolved_at: Date | null;
  reporter_id: string;
  reporter_name: string;
  reporter_avatar: string | null;
  resolver_id: string | null;
  resolver_name: string | null;
  resolver_avatar: string | null;
  post_id: string;
  thread_id: string;
  thread_title: string;
  author_id: string;
  author_name: string;
  author_avatar: string | null;
  body_md: string;
  hidden: boolean;
  deleted: boolean;
  open_reports: number;
}

const QUEUE_SELECT = `
  select r.id, r.reason, r.created_at, r.resolved_at,
         rep.id as reporter_id, rep.name as reporter_name, rep.avatar_url as reporter_avatar,
         res.id as resolver_id, res.name as resolver_name, res.avatar_url as resolver_avatar,
         p.id as post_id, t.id as thread_id, t.title as thread_title,
         a.id as author_id, a.name as author_name, a.avatar_url as author_avatar, p.body_md, p.hidden, p.deleted,
         (select count(*)::int from reports o where o.post_id = p.id and o.resolved_at is null) as open_reports
  from reports r
  join posts p on p.id = r.post_id
  join threads t on t.id = p.thread_id
  join members rep on rep.id = r.reporter_id
  join members a on a.id = p.author_id
  left join members res on res.id = r.resolved_by`;

const ref = (id: string, name: string, avatarUrl: string | null) => ({ id, name, avatarUrl });

function toQueued(row: QueueRow): z.infer<typeof QueuedReport> {
  return {
    id: row.id,
    reason: row.reason,
    reporter: ref(row.reporter_id, row.reporter_name, row.reporter_avatar),
    createdAt: row.created_at.toISOString(),
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    resolvedBy: row.resolver_id ? ref(row.resolver_id, row.resolver_name ?? '', row.resolver_avatar) : null,
    post: {
      id: row.post_id,
      thread: row.thread_id,
      threadTitle: row.thread_title,
      author: ref(row.author_id, row.author_name, row.author_avatar),
      bodyMd: row.deleted ? '' : row.body_md,
      hidden: row.hidden,
      deleted: row.deleted,
      openReports: row.open_reports,
    },
  };
}

async function loadReport(db: Queryable, id: string): Promise<QueueRow | undefined> {
  const { rows } = await db.query<QueueRow>(`${QUEUE_SELECT} where r.id = $1`, [id]);
  return rows[0];
}

export function registerReports(app: OpenAPIHono<AppEnv>): void {
  app.openapi(queueRoute, async (c) => {
    const viewer = requireViewer(c.var.viewer);
    const { slug } = c.req.valid('param');
    const { status, cursor, limit } = c.req.valid('query');
    const db = c.var.db;
    const access = await readableCommunity(db, { slug }, viewer);
    assertFacilitator(access);
    const after = decodeCursor(cursor, ['string'])?.[0] ?? null;
    const open = status === 'open';
    const { rows } = await db.query<QueueRow>(
      `${QUEUE_SELECT}
       where t.community_id = $1 and r.resolved_at is ${open ? 'null' : 'not null'}
         and ($2::bigint is null or r.id ${open ? '>' : '<'} $2::bigint)
       order by r.id ${open ? 'asc' : 'desc'} limit $3`,
      [access.id, after, limit + 1],
    );
    const items = rows.slice(0, limit).map(toQueued);
    const last = items.at(-1);
    const next = rows.length > limit && last ? encodeCursor([last.id]) : null;
    c.header('cache-control', 'private, no-cache');
    return c.json({ items, next }, 200);
  });

  app.openapi(resolveRoute, async (c) => {
    const viewer = requireViewer(c.var.viewer);
    const { id } = c.req.valid('param');
    const { action } = c.req.valid('json');
    const db = c.var.db;
    const report = await loadReport(db, id);
    if (!report) throw notFound('The report');
    const thread = await requireThread(db, { id: report.thread_id }, viewer).catch(() => {
      throw notFound('The report');
    });
    assertFacilitator(thread.access);
    if (report.resolved_at) throw new HttpProblem(409, 'This report was already resolved', { type: 'already-resolved' });
    await db.transaction(async (tx) => {
      if (action === 'hide-post') {
        await tx.query('update posts set hidden = true, version = version + 1 where id = $1 and not hidden', [report.post_id]);
      }
      await tx.query('update reports set resolved_at = now(), resolved_by = $2 where post_id = $1 and resolved_at is null', [
        report.post_id,
        viewer.memberId,
      ]);
    });
    if (action === 'hide-post') await notifyPostChange(db, thread.row, 'post-updated', report.post_id);
    const resolved = await loadReport(db, id);
    if (!resolved) throw notFound('The report'); // deleted with its post in the meantime
    return c.json(toQueued(resolved), 200);
  });
}
