import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env.ts';
import { HttpProblem } from '../../shared/problem.ts';
import { errorResponses, jsonContent } from '../../contract/common.ts';
import { noCredentials } from '../route-policy.ts';

const Health = z
  .object({
    status: z.literal('ok'),
    database: z.enum(['pglite', 'postgres']),
    time: z.string(),
    queue: z
      .object({
        busy: z.number().int(),
        waiting: z.number().int(),
        serviceMs: z.number(),
        refused: z.number().int(),
      })
      .optional()
      .openapi({ description: 'The database admission queue: statements running and waiting, their mean time, refusals (503) so far' }),
  })
  .openapi('Health');

const route = createRoute({
  method: 'get',
  path: '/api/health',
  operationId: 'getHealth',
  ...noCredentials(),
  tags: ['operations'],
  summary: 'Liveness and database reachability; never waits behind queued requests',
  responses: { 200: jsonContent(Health, 'The server and its database answer'), ...errorResponses() },
});

export function registerHealth(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const db = c.var.db;
    c.header('cache-control', 'no-store');
    // Not a query through the admission queue: a health check must answer while requests wait.
    if (!(await db.ping(1_000))) throw new HttpProblem(503, 'The database does not answer', { headers: { 'retry-after': '5' } });
    const { busy, waiting, serviceMs, refused } = db.stats();
    return c.json(
      { status: 'ok' as const, database: db.kind, time: new Date().toISOString(), queue: { busy, waiting, serviceMs, refused } },
      200,
    );
  });
}
