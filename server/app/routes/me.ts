import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { requireViewer } from '../access.ts';
import type { AppEnv } from '../env.ts';
import { notFound } from '../problem.ts';
import { errorResponses, jsonContent, LanguageTag } from '../schemas/common.ts';
import { MemberProfile } from '../schemas/members.ts';
import { loadProfile } from './members.ts';

const Me = MemberProfile.extend({
  directoryOptOut: z.boolean(),
  badgeHidden: z.boolean(),
}).openapi('Me');

const route = createRoute({
  method: 'get',
  path: '/api/v1/me',
  tags: ['members'],
  summary: 'The signed-in member, with every own contact channel and privacy setting',
  security: [{ bearerAuth: [] }],
  request: { query: z.object({ lang: LanguageTag.optional() }) },
  responses: { 200: jsonContent(Me, 'You'), ...errorResponses(401) },
});

export function registerMe(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const viewer = requireViewer(c.var.viewer);
    const profile = await loadProfile(c.var.db, viewer.memberId, viewer, c.req.valid('query').lang ?? 'en');
    if (!profile) throw notFound('Your profile');
    const { rows } = await c.var.db.query<{ directory_opt_out: boolean; badge_hidden: boolean }>(
      'select directory_opt_out, badge_hidden from members where id = $1',
      [viewer.memberId],
    );
    return c.json({ ...profile, directoryOptOut: rows[0]?.directory_opt_out ?? false, badgeHidden: rows[0]?.badge_hidden ?? false }, 200);
  });
}
