import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { requireViewer } from '../../communities/access.ts';
import { Cursor, errorResponses, Id, IdempotencyHeaders, jsonBody, jsonContent, Limit, page, Slug } from '../../contract/common.ts';
import { QueuedReport, ReportResolution } from '../../contract/reports.ts';
import { listReports, resolveReport } from '../../discussion/reports.ts';
import type { AppEnv } from '../env.ts';
import { signedIn } from '../route-policy.ts';

const queueRoute = createRoute({
  method: 'get',
  path: '/api/v1/communities/{slug}/reports',
  operationId: 'listReports',
  ...signedIn(),
  tags: ['moderation'],
  summary: 'Facilitators only: reports on posts in this community (open ones oldest first, resolved ones newest first)',
  request: {
    params: z.object({ slug: Slug }),
    query: z.object({ status: z.enum(['open', 'resolved']).default('open'), cursor: Cursor, limit: Limit }),
  },
  responses: { 200: jsonContent(page(QueuedReport, 'ReportQueue'), 'A page of reports'), ...errorResponses(401, 403, 404) },
});

const resolveRoute = createRoute({
  method: 'post',
  path: '/api/v1/reports/{id}/resolution',
  operationId: 'resolveReport',
  ...signedIn({ idempotent: true }),
  tags: ['moderation'],
  summary: 'Facilitators only: resolve a report (and every other open report on the same post)',
  request: { params: z.object({ id: Id }), headers: IdempotencyHeaders, body: jsonBody(ReportResolution) },
  responses: { 200: jsonContent(QueuedReport, 'The resolved report'), ...errorResponses(401, 403, 404, 409, 413, 415, 422) },
});

export function registerReports(app: OpenAPIHono<AppEnv>): void {
  app.openapi(queueRoute, async (c) => {
    const viewer = requireViewer(c.var.viewer);
    const page = await listReports(c.var.db, c.req.valid('param').slug, viewer, c.req.valid('query'));
    c.header('cache-control', 'private, no-cache');
    return c.json(page, 200);
  });

  app.openapi(resolveRoute, async (c) => {
    const viewer = requireViewer(c.var.viewer);
    return c.json(await resolveReport(c.var.db, c.req.valid('param').id, viewer, c.req.valid('json').action, c.var.mail), 200);
  });
}
