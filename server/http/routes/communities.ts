import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { requireViewer } from '../../communities/access.ts';
import { findCommunity, listCommunities } from '../../communities/communities.ts';
import { changeLifecycle, openSubCommunity } from '../../communities/lifecycle.ts';
import { silenceMember } from '../../communities/silences.ts';
import {
  ClosedFilter,
  Community,
  LifecycleInput,
  LifecycleResult,
  Silence,
  SilenceInput,
  SubCommunityInput,
} from '../../contract/communities.ts';
import { Cursor, errorResponses, IdempotencyHeaders, jsonBody, jsonContent, Limit, page, Slug } from '../../contract/common.ts';
import type { AppEnv } from '../env.ts';
import { anyone, signedIn } from '../route-policy.ts';

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/communities',
  operationId: 'listCommunities',
  ...anyone(),
  tags: ['communities'],
  summary:
    "Communities visible to the viewer, by name; top-level ones unless `parent` is given. A mother community's members also see its members-only sub-groups (`readable: false`), to ask to join",
  request: {
    query: z.object({
      parent: Slug.optional().openapi({ description: 'List the sub-communities of this one' }),
      all: z.enum(['true', 'false']).optional().openapi({ description: 'Every level, not only top-level' }),
      closed: ClosedFilter.optional().openapi({
        description: 'Closed communities (read-only archives): `include` (default), `exclude` or `only`',
      }),
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

const openRoute = createRoute({
  method: 'post',
  path: '/api/v1/communities',
  operationId: 'openSubCommunity',
  ...signedIn({ idempotent: true }),
  tags: ['communities'],
  summary: 'Open a sub-group of a community you facilitate; you become its facilitator',
  request: { headers: IdempotencyHeaders, body: jsonBody(SubCommunityInput) },
  responses: { 201: jsonContent(Community, 'The new sub-group'), ...errorResponses(401, 403, 404, 409, 413, 415, 422) },
});

const lifecycleRoute = createRoute({
  method: 'post',
  path: '/api/v1/communities/{slug}/lifecycle',
  operationId: 'changeCommunityLifecycle',
  ...signedIn({ idempotent: true }),
  tags: ['communities'],
  summary:
    "Move a community to forming, active, dormant or closed (its or its mother community's facilitators); closing keeps a read-only archive",
  request: { params: z.object({ slug: Slug }), headers: IdempotencyHeaders, body: jsonBody(LifecycleInput) },
  responses: {
    200: jsonContent(LifecycleResult, 'The community, and how many members returned to its mother'),
    ...errorResponses(401, 403, 404, 409, 413, 415, 422),
  },
});

const silenceRoute = createRoute({
  method: 'post',
  path: '/api/v1/communities/{slug}/silences',
  operationId: 'silenceMember',
  ...signedIn({ idempotent: true }),
  tags: ['moderation'],
  summary: 'Silence a member in this community for some hours, or lift it with 0 (facilitators); they keep reading',
  request: { params: z.object({ slug: Slug }), headers: IdempotencyHeaders, body: jsonBody(SilenceInput) },
  responses: { 200: jsonContent(Silence, 'Until when the member is silenced'), ...errorResponses(401, 403, 404, 409, 413, 415, 422) },
});

export function registerCommunities(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => c.json(await listCommunities(c.var.db, c.var.viewer, c.req.valid('query')), 200));

  app.openapi(getRoute, async (c) => {
    const community = await findCommunity(c.var.db, c.req.valid('param').slug, c.var.viewer);
    // Public communities read anonymously can be cached briefly by shared caches.
    if (community.visibility === 'public' && !c.var.viewer) c.header('cache-control', 'public, max-age=30');
    return c.json(community, 200);
  });

  app.openapi(openRoute, async (c) => {
    const community = await openSubCommunity(c.var.db, c.req.valid('json'), requireViewer(c.var.viewer));
    c.header('location', `/api/v1/communities/${community.slug}`);
    return c.json(community, 201);
  });

  app.openapi(lifecycleRoute, async (c) => {
    const result = await changeLifecycle(c.var.db, c.req.valid('param').slug, c.req.valid('json'), requireViewer(c.var.viewer));
    return c.json(result, 200);
  });

  app.openapi(silenceRoute, async (c) => {
    const silence = await silenceMember(c.var.db, c.req.valid('param').slug, c.req.valid('json'), requireViewer(c.var.viewer));
    return c.json(silence, 200);
  });
}
