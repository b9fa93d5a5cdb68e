import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { requireViewer } from '../../communities/access.ts';
import type { AppEnv } from '../env.ts';
import { loadOwnProfile, updateMe } from '../../members/profile-edit.ts';
import { notFound } from '../../shared/problem.ts';
import { errorResponses, IfMatchHeaders, jsonContent, LanguageTag } from '../../contract/common.ts';
import { Me, MePatch } from '../../contract/members.ts';
import { checkIfMatch, versionETag } from '../middleware/conditional.ts';
import { signedIn } from '../route-policy.ts';

const LangQuery = z.object({ lang: LanguageTag.optional() });

const route = createRoute({
  method: 'get',
  path: '/api/v1/me',
  operationId: 'getMe',
  ...signedIn(),
  tags: ['members'],
  summary: 'The signed-in member, with every own contact channel and privacy setting',
  description: 'The ETag carries `version`: send it back as If-Match with PATCH.',
  request: { query: LangQuery },
  responses: { 200: jsonContent(Me, 'You'), ...errorResponses(401, 404) },
});

/** A profile is small: 32 KB holds the longest bio, fifty skills and twenty channels many times over. */
const PROFILE_BODY_BYTES = 32 * 1024;

const patchRoute = createRoute({
  method: 'patch',
  path: '/api/v1/me',
  operationId: 'updateMe',
  ...signedIn({ body: PROFILE_BODY_BYTES }),
  tags: ['members'],
  summary: 'Edit your profile, skills, contact channels and privacy (JSON Merge Patch, If-Match)',
  description:
    'RFC 7396: a member left out is unchanged, `null` resets it, arrays replace the whole list. ' +
    'Send `application/merge-patch+json` (or `application/json`) and If-Match with the ETag of GET /api/v1/me.',
  request: {
    query: LangQuery,
    headers: IfMatchHeaders,
    body: {
      required: true,
      content: { 'application/merge-patch+json': { schema: MePatch }, 'application/json': { schema: MePatch } },
    },
  },
  responses: { 200: jsonContent(Me, 'You, after the edit'), ...errorResponses(401, 404, 412, 413, 415, 422, 428) },
});

export function registerMe(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const viewer = requireViewer(c.var.viewer);
    const me = await loadOwnProfile(c.var.db, viewer, c.req.valid('query').lang ?? 'en');
    if (!me) throw notFound('Your profile');
    c.header('etag', versionETag(me.version));
    return c.json(me, 200);
  });

  app.openapi(patchRoute, async (c) => {
    const viewer = requireViewer(c.var.viewer);
    await updateMe(c.var.db, viewer, c.req.valid('json'), (current) => checkIfMatch(c.req.header('if-match'), current));
    const me = await loadOwnProfile(c.var.db, viewer, c.req.valid('query').lang ?? 'en');
    if (!me) throw notFound('Your profile');
    c.header('etag', versionETag(me.version));
    return c.json(me, 200);
  });
}
