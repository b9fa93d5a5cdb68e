import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { demoIdentities } from '../../members/accounts.ts';
import type { AppEnv } from '../env.ts';
import { HttpProblem } from '../../shared/problem.ts';
import { errorResponses, Id, jsonContent, Slug } from '../../contract/common.ts';
import { anyone } from '../route-policy.ts';

const DemoMember = z
  .object({
    id: Id,
    name: z.string(),
    role: z.enum(['facilitator', 'member']).openapi({ description: 'Facilitator when they facilitate any community' }),
    community: Slug.openapi({ description: 'The community they facilitate, else the first they joined' }),
  })
  .openapi('DemoMember');

const route = createRoute({
  method: 'get',
  path: '/api/v1/auth/demo-members',
  operationId: 'listDemoMembers',
  ...anyone(),
  tags: ['auth'],
  summary: 'Demo mode only: a few stable seeded identities (facilitators and members) to sign in as',
  responses: {
    200: jsonContent(z.object({ items: z.array(DemoMember) }).openapi('DemoMemberList'), 'Identities for a sign-in switcher'),
    ...errorResponses(404),
  },
});

export function registerDemoMembers(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    if (!c.var.config.demoMode) throw new HttpProblem(404, 'Demo sign-in is off on this server');
    const items = await demoIdentities(c.var.db);
    return c.json({ items }, 200);
  });
}
