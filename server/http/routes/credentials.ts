/**
 * Open Badges 3.0 export: the issuer profile and its keys, achievement definitions, and a member's own
 * achievements as signed credentials.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { readableCommunity, requireViewer } from '../../communities/access.ts';
import type { AppEnv } from '../env.ts';
import { forbidden, HttpProblem, notFound } from '../../shared/problem.ts';
import { errorResponses, Id, jsonContent, Slug } from '../../contract/common.ts';
import { AchievementDefinition, IssuerProfile, JsonWebKeySet } from '../../contract/participation.ts';
import { findAward } from '../../participation/awards.ts';
import { achievementDefinition, buildCredential, issuerProfile, signCredential, type IssuerInfo } from '../../participation/credentials.ts';
import { badgeSigner, type BadgeSigner } from '../../participation/signing-key.ts';
import { noCredentials, signedIn } from '../route-policy.ts';

const BASE = '/api/v1/participation';
const AchievementId = z
  .string()
  .regex(/^[a-z0-9-]{1,40}$/, 'Must be an achievement id')
  .openapi({ example: 'first-accepted-answer' });

const issuerRoute = createRoute({
  method: 'get',
  path: `${BASE}/issuer`,
  operationId: 'getBadgeIssuer',
  ...noCredentials(),
  tags: ['participation'],
  summary: 'The Open Badges 3.0 issuer profile of this network',
  responses: { 200: jsonContent(IssuerProfile, 'Issuer profile'), ...errorResponses(404) },
});

const jwksRoute = createRoute({
  method: 'get',
  path: `${BASE}/issuer/jwks`,
  operationId: 'getBadgeIssuerKeys',
  ...noCredentials(),
  tags: ['participation'],
  summary: "The issuer's public keys, to verify credentials",
  responses: { 200: jsonContent(JsonWebKeySet, 'JWKS'), ...errorResponses(404) },
});

const achievementRoute = createRoute({
  method: 'get',
  path: `${BASE}/achievements/{achievement}`,
  operationId: 'getAchievement',
  ...noCredentials(),
  tags: ['participation'],
  summary: 'What an achievement means (the Achievement a credential refers to)',
  request: { params: z.object({ achievement: AchievementId }) },
  responses: { 200: jsonContent(AchievementDefinition, 'Achievement'), ...errorResponses(404) },
});

const credentialRoute = createRoute({
  method: 'get',
  path: `${BASE}/members/{id}/credentials/{achievement}`,
  operationId: 'exportCredential',
  ...signedIn(),
  tags: ['participation'],
  summary: 'One of your own achievements as an Open Badges 3.0 credential (VC-JWT, RS256)',
  request: { params: z.object({ id: Id, achievement: AchievementId }), query: z.object({ community: Slug }) },
  responses: {
    200: { description: 'The signed credential', content: { 'application/vc+jwt': { schema: z.string() } } },
    ...errorResponses(401, 403, 404),
  },
});

/** The signer, or 404 naming the missing configuration (a 5xx would suggest retrying). */
function signerOf(c: Context<AppEnv>): Promise<BadgeSigner> {
  const signer = badgeSigner(process.env.GROVE_BADGE_SIGNING_KEY, c.var.config.demoMode);
  if (!signer) throw new HttpProblem(404, 'Open Badges export is not configured on this server (GROVE_BADGE_SIGNING_KEY)');
  return signer;
}

function issuerOf(c: Context<AppEnv>): IssuerInfo {
  const origin = new URL(c.req.url).origin;
  return {
    id: `${origin}${BASE}/issuer`,
    name: process.env.GROVE_BADGE_ISSUER_NAME ?? 'Grove network',
    achievementBase: `${origin}${BASE}/achievements`,
    memberBase: `${origin}/api/v1/members`,
  };
}

export function registerCredentials(app: OpenAPIHono<AppEnv>): void {
  app.openapi(issuerRoute, async (c) => {
    const issuer = issuerOf(c);
    return c.json(issuerProfile(issuer, await signerOf(c), `${issuer.id}/jwks`), 200);
  });

  app.openapi(jwksRoute, async (c) => c.json({ keys: [(await signerOf(c)).publicJwk] }, 200));

  app.openapi(achievementRoute, (c) => {
    const definition = achievementDefinition(issuerOf(c), c.req.valid('param').achievement);
    if (!definition) throw notFound('The achievement');
    return c.json(definition, 200);
  });

  app.openapi(credentialRoute, async (c) => {
    const viewer = requireViewer(c.var.viewer);
    const { id, achievement } = c.req.valid('param');
    if (viewer.memberId !== id) throw forbidden('Only the member can export their own achievements');
    const db = c.var.db;
    const community = await readableCommunity(db, { slug: c.req.valid('query').community }, viewer);
    const award = await findAward(db, id, community.id, achievement, new Date());
    if (!award || !achievementDefinition(issuerOf(c), achievement)) throw notFound('The achievement');
    const jwt = await signCredential(buildCredential(issuerOf(c), award), await signerOf(c));
    return c.body(jwt, 200, {
      'content-type': 'application/vc+jwt',
      'content-disposition': `attachment; filename="${achievement}-${community.slug}.jwt"`,
      'cache-control': 'private, no-store',
    });
  });
}
