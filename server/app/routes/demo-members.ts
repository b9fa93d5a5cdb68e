import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env.ts';
import { HttpProblem } from '../problem.ts';
import { errorResponses, Id, jsonContent, Slug } from '../schemas/common.ts';

/** How many of each role the demo page's sign-in switcher offers. */
const PER_ROLE = 4;
/**
 * Seeded members are numbered in generation order and the first ones are the stable identities of
 * server/seed/README.md, so scanning the lowest ids finds the same people on every preset without
 * touching the whole table at x100 scale.
 */
const SCAN = 200;

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
    const { rows } = await c.var.db.query<{ id: string; name: string; role: 'facilitator' | 'member'; community: string }>(
      `select m.id, m.name, pick.role, pick.community
       from (select id, name from members where not directory_opt_out order by id limit $1) m
       cross join lateral (
         select ms.role, c.slug as community
         from memberships ms join communities c on c.id = ms.community_id
         where ms.member_id = m.id and c.lifecycle <> 'closed'
         order by ms.role = 'facilitator' desc, c.id
         limit 1
       ) pick
       order by m.id`,
      [SCAN],
    );
    const take = (role: string) => rows.filter((row) => row.role === role).slice(0, PER_ROLE);
    const items = [...take('facilitator'), ...take('member')];
    return c.json({ items }, 200);
  });
}
