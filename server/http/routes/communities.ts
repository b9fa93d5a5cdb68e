import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { findCommunity, listCommunities } from '../../communities/communities.ts';
import { Community } from '../../contract/communities.ts';
import { Cursor, errorResponses, jsonContent, Limit, page, Slug } from '../../contract/common.ts';
import type { AppEnv } from '../env.ts';
import { anyone } from '../route-policy.ts';

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/communities',
  operationId: 'listCommunities',
  ...anyone(),
  tags: ['communities'],
  summary: 'Communities visible to the viewer, by name; top-level ones unless `parent` is given',
  request: {
    query: z.object({
      parent: Slug.optional().openapi({ description: 'List the sub-communities of this one' }),
      all: z.enum(['true', 'false']).optional().openapi({ description: 'Every level, not only top-level' }),
      cursor: Cursor,
      limit: Limit,
    }),
  },
  responses: { 200: jsonContent(page(Community, 'CommunityPage'), 'A page of communities'), ...errorResponses(404) },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/communities/{slug}',
  operationId: 'getCommunity',
  ...anyone(),
  tags: ['communities'],
  summary: 'One community',
  request: { params: z.object({ slug: Slug }) },
  responses: { 200: jsonContent(Community, 'The community'), ...errorResponses(404) },
});

export function registerCommunities(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => c.json(await listCommunities(c.var.db, c.var.viewer, c.req.valid('query')), 200));

  app.openapi(getRoute, async (c) => {
    const community = await findCommunity(c.var.db, c.req.valid('param').slug, c.var.viewer);
    // Public communities read anonymously can be cached briefly by shared caches.
    if (community.visibility === 'public' && !c.var.viewer) c.header('cache-control', 'public, max-age=30');
    return c.json(community, 200);
  });
}
