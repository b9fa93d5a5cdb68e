import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { requireViewer } from '../../communities/access.ts';
import type { AppEnv } from '../env.ts';
import { loadMe } from '../../members/profile.ts';
import { notFound } from '../../shared/problem.ts';
import { errorResponses, jsonContent, LanguageTag } from '../../contract/common.ts';
import { MemberProfile } from '../../contract/members.ts';
import { signedIn } from '../route-policy.ts';

const Me = MemberProfile.extend({
  directoryOptOut: z.boolean(),
  badgeHidden: z.boolean(),
}).openapi('Me');

const route = createRoute({
  method: 'get',
  path: '/api/v1/me',
  operationId: 'getMe',
  ...signedIn(),
  tags: ['members'],
  summary: 'The signed-in member, with every own contact channel and privacy setting',
  request: { query: z.object({ lang: LanguageTag.optional() }) },
  responses: { 200: jsonContent(Me, 'You'), ...errorResponses(401) },
});

export function registerMe(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const viewer = requireViewer(c.var.viewer);
    const me = await loadMe(c.var.db, viewer, c.req.valid('query').lang ?? 'en');
    if (!me) throw notFound('Your profile');
    return c.json(me, 200);
  });
}
