import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { readableCommunity, requireViewer } from '../../communities/access.ts';
import { memberAvatar } from '../../members/avatars.ts';
import { directoryViewer, searchMembers } from '../../members/directory.ts';
import { directoryCache } from '../../members/directory-cache.ts';
import { preparedJson } from '../prepared-json.ts';
import { countFacets, FACETS_COUNT_CAP } from '../../members/directory-facets.ts';
import { endorse } from '../../members/endorsements.ts';
import { loadProfile } from '../../members/profile.ts';
import { notFound } from '../../shared/problem.ts';
import type { AppEnv } from '../env.ts';
import { errorResponses, Id, IdempotencyHeaders, jsonBody, jsonContent, LanguageTag } from '../../contract/common.ts';
import { Endorsement, EndorsementInput, MemberFacetsPage, MemberPage, MemberProfile, MemberQuery } from '../../contract/members.ts';
import { anyone, noCredentials, signedIn } from '../route-policy.ts';

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/members',
  operationId: 'searchMembers',
  ...anyone(),
  tags: ['members'],
  summary: 'The member directory: search, filters, facets and keyset paging',
  request: { query: MemberQuery },
  responses: { 200: jsonContent(MemberPage, 'A page of members'), ...errorResponses(404) },
});

const facetsRoute = createRoute({
  method: 'get',
  path: '/api/v1/members/facets',
  operationId: 'countMemberFacets',
  ...anyone(),
  tags: ['members'],
  summary: 'Facet counts of a directory search over every match (for when typing pauses)',
  request: { query: MemberQuery.omit({ cursor: true, limit: true, sort: true, facets: true }) },
  responses: { 200: jsonContent(MemberFacetsPage, 'Facet counts'), ...errorResponses(404) },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/members/{id}',
  operationId: 'getMember',
  ...anyone(),
  tags: ['members'],
  summary: "A member's profile, with the contact channels this viewer may see",
  request: { params: z.object({ id: Id }), query: z.object({ lang: LanguageTag.optional() }) },
  responses: { 200: jsonContent(MemberProfile, 'The profile'), ...errorResponses(404) },
});

const avatarRoute = createRoute({
  method: 'get',
  path: '/api/v1/members/{id}/avatar',
  operationId: 'getMemberAvatar',
  ...noCredentials(),
  tags: ['members'],
  summary: "A member's avatar, fetched, checked and cached by this server (the `avatarUrl` the API gives)",
  description:
    'Viewers never contact the host a member chose. The image is PNG, JPEG, GIF or WebP (checked by its bytes), ' +
    'at most 512 KB; `v` is the version the API put in `avatarUrl` (it changes when the member changes their avatar).',
  request: {
    params: z.object({ id: Id }),
    query: z.object({ v: z.string().regex(/^[0-9a-f]{16}$/, 'Must be the version from avatarUrl') }),
  },
  responses: {
    200: { description: 'The image', content: { 'image/*': { schema: z.string().openapi({ format: 'binary' }) } } },
    ...errorResponses(404),
  },
});

const endorseRoute = createRoute({
  method: 'post',
  path: '/api/v1/members/{id}/endorsements',
  operationId: 'endorseMember',
  ...signedIn({ idempotent: true }),
  tags: ['members'],
  summary: "Endorse one of a member's declared skills (signed in, not yourself)",
  request: { params: z.object({ id: Id }), headers: IdempotencyHeaders, body: jsonBody(EndorsementInput) },
  responses: {
    201: jsonContent(Endorsement, 'Endorsed'),
    200: jsonContent(Endorsement, 'Already endorsed by this member'),
    ...errorResponses(401, 403, 404, 409, 413, 415, 422),
  },
});

export function registerMembers(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const query = c.req.valid('query');
    const viewer = c.var.viewer;
    const db = c.var.db;
    const community = query.community ? await readableCommunity(db, { slug: query.community }, viewer) : null;
    const scope = await directoryViewer(db, viewer?.memberId ?? null);
    // The same cached page object for every reader of it: serialised, tagged and gzipped once.
    const page = await searchMembers(db, query, { viewer: scope, communityId: community?.id ?? null, cache: directoryCache(db) });
    return preparedJson(c, page);
  });

  app.openapi(facetsRoute, async (c) => {
    const query = { ...c.req.valid('query'), limit: 1 };
    const viewer = c.var.viewer;
    const db = c.var.db;
    const community = query.community ? await readableCommunity(db, { slug: query.community }, viewer) : null;
    const scope = await directoryViewer(db, viewer?.memberId ?? null);
    const { facets, exact } = await countFacets(db, query, scope, community?.id ?? null, {
      cache: directoryCache(db),
      countCap: FACETS_COUNT_CAP,
    });
    return c.json({ facets, exact }, 200);
  });

  app.openapi(getRoute, async (c) => {
    const profile = await loadProfile(c.var.db, c.req.valid('param').id, c.var.viewer, c.req.valid('query').lang ?? 'en');
    if (!profile) throw notFound('The member');
    return c.json(profile, 200);
  });

  app.openapi(avatarRoute, async (c) => {
    const image = await memberAvatar(c.var.db, c.req.valid('param').id, c.req.valid('query').v, { hosts: c.var.config.avatarHosts });
    if (!image) throw notFound('The avatar');
    return c.body(image.bytes, 200, {
      'content-type': image.contentType,
      // The URL carries the version, and embedding pages on other origins show it in <img>.
      'cache-control': 'public, max-age=86400',
      'cross-origin-resource-policy': 'cross-origin',
      'content-security-policy': "default-src 'none'; sandbox",
    });
  });

  app.openapi(endorseRoute, async (c) => {
    const viewer = requireViewer(c.var.viewer);
    const memberId = c.req.valid('param').id;
    const { skill } = c.req.valid('json');
    const result = await endorse(c.var.db, memberId, skill, viewer);
    const body = { member: memberId, skill, endorsements: result.endorsements, endorsedByViewer: true as const };
    return result.created ? c.json(body, 201) : c.json(body, 200);
  });
}
