import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { requireViewer } from '../../communities/access.ts';
import { errorResponses, Id, jsonContent, Text } from '../../contract/common.ts';
import { EndorsementWithdrawn } from '../../contract/members.ts';
import { withdrawEndorsement } from '../../members/endorsement-withdrawal.ts';
import type { AppEnv } from '../env.ts';
import { signedIn } from '../route-policy.ts';

const withdrawRoute = createRoute({
  method: 'delete',
  path: '/api/v1/members/{id}/endorsements/{skill}',
  operationId: 'withdrawEndorsement',
  ...signedIn(),
  tags: ['members'],
  summary: 'Withdraw your endorsement of a member’s skill (harmless when there is none)',
  request: { params: z.object({ id: Id, skill: Text().min(1).max(100) }) },
  responses: { 200: jsonContent(EndorsementWithdrawn, 'Endorsements after the change'), ...errorResponses(401, 404) },
});

export function registerEndorsementWithdrawal(app: OpenAPIHono<AppEnv>): void {
  app.openapi(withdrawRoute, async (c) => {
    const viewer = requireViewer(c.var.viewer);
    const { id, skill } = c.req.valid('param');
    const result = await withdrawEndorsement(c.var.db, id, skill, viewer);
    return c.json({ member: id, skill, endorsements: result.endorsements, endorsedByViewer: false as const }, 200);
  });
}
