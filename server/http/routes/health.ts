import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { pingDatabase } from '../../operations/health.ts';
import type { AppEnv } from '../env.ts';
import { errorResponses, jsonContent } from '../../contract/common.ts';
import { noCredentials } from '../route-policy.ts';

const Health = z
  .object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), time: z.string() })
  .openapi('Health');

const route = createRoute({
  method: 'get',
  path: '/api/health',
  operationId: 'getHealth',
  ...noCredentials(),
  tags: ['operations'],
  summary: 'Liveness and database reachability',
  responses: { 200: jsonContent(Health, 'The server and its database answer'), ...errorResponses() },
});

export function registerHealth(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    await pingDatabase(c.var.db);
    c.header('cache-control', 'no-store');
    return c.json({ status: 'ok' as const, database: c.var.db.kind, time: new Date().toISOString() }, 200);
  });
}
