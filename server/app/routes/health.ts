import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env.ts';
import { errorResponses, jsonContent } from '../schemas/common.ts';

const Health = z
  .object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), time: z.string() })
  .openapi('Health');

const route = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['operations'],
  summary: 'Liveness and database reachability',
  responses: { 200: jsonContent(Health, 'The server and its database answer'), ...errorResponses() },
});

export function registerHealth(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    await c.var.db.query('select 1');
    c.header('cache-control', 'no-store');
    return c.json({ status: 'ok' as const, database: c.var.db.kind, time: new Date().toISOString() }, 200);
  });
}
