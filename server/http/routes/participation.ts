/**
 * Participation badges and profiles (issue 8). Levels and achievements are folded from the facts as they
 * are recorded (migration 005); these routes only read the folded rows. Badges respect `badge_hidden`
 * (shown to the member alone) and count only communities the viewer may read.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { facilitatorActions, welcomeMember } from '../../participation/actions.ts';
import { loadBadges, setBadgeHidden } from '../../participation/badges.ts';
import { communityProfile } from '../../participation/profile.ts';
import { loadRules, windowStart } from '../../participation/rules.ts';
import { readableCommunity, requireViewer } from '../../communities/access.ts';
import type { AppEnv } from '../env.ts';
import { forbidden, notFound } from '../../shared/problem.ts';
import { errorResponses, Id, IdempotencyHeaders, jsonBody, jsonContent, Slug } from '../../contract/common.ts';
import {
  BadgeVisibility,
  CommunityParticipation,
  FacilitatorActions,
  MemberBadge,
  MemberBadges,
  ParticipationRules,
  Welcome,
  WelcomeInput,
} from '../../contract/participation.ts';
import { anyone, noCredentials, signedIn } from '../route-policy.ts';

const MAX_MEMBERS = 100;

const actionsRoute = createRoute({
  method: 'get',
  path: '/api/v1/participation/communities/{slug}/actions',
  operationId: 'getFacilitatorActions',
  ...signedIn(),
  tags: ['participation'],
  summary:
    "Facilitators' action list: which questions wait, newcomers not welcomed, members gone quiet, open reports, events without a host",
  request: { params: z.object({ slug: Slug }) },
  responses: { 200: jsonContent(FacilitatorActions, 'What to act on, with names and links'), ...errorResponses(401, 403, 404) },
});

const welcomeRoute = createRoute({
  method: 'post',
  path: '/api/v1/participation/communities/{slug}/welcomes',
  operationId: 'welcomeMember',
  ...signedIn({ idempotent: true }),
  tags: ['participation'],
  summary: 'Mark a newcomer welcomed (facilitators); they leave the action list',
  request: { params: z.object({ slug: Slug }), headers: IdempotencyHeaders, body: jsonBody(WelcomeInput) },
  responses: {
    200: jsonContent(Welcome, 'The welcome (the first one, if welcomed before)'),
    ...errorResponses(401, 403, 404, 409, 413, 415, 422),
  },
});

const badgesRoute = createRoute({
  method: 'get',
  path: '/api/v1/participation/badges',
  operationId: 'listBadges',
  ...anyone(),
  tags: ['participation'],
  summary: 'Badges of several members at once (a directory page of inline badges costs one request)',
  request: {
    query: z.object({
      member: z.union([Id, z.array(Id).min(1).max(MAX_MEMBERS)]).openapi({ description: `Repeat for each member (up to ${MAX_MEMBERS})` }),
      community: Slug.optional().openapi({ description: 'Badges in this community; every readable community when absent' }),
    }),
  },
  responses: { 200: jsonContent(MemberBadges, 'Badges in the order asked'), ...errorResponses(404) },
});

const memberRoute = createRoute({
  method: 'get',
  path: '/api/v1/participation/members/{id}',
  operationId: 'getMemberBadge',
  ...anyone(),
  tags: ['participation'],
  summary: "A member's badge, overall or in one community (404 when they hide it, except to themselves)",
  request: { params: z.object({ id: Id }), query: z.object({ community: Slug.optional() }) },
  responses: { 200: jsonContent(MemberBadge, 'The badge'), ...errorResponses(404) },
});

const communityRoute = createRoute({
  method: 'get',
  path: '/api/v1/participation/communities/{slug}',
  operationId: 'getCommunityParticipation',
  ...anyone(),
  tags: ['participation'],
  summary: "A community's participation profile: members per level and its trend, newcomers, unanswered questions, reply time",
  request: { params: z.object({ slug: Slug }) },
  responses: { 200: jsonContent(CommunityParticipation, 'The profile'), ...errorResponses(404) },
});

const visibilityRoute = createRoute({
  method: 'post',
  path: '/api/v1/participation/members/{id}/visibility',
  operationId: 'setBadgeVisibility',
  ...signedIn({ idempotent: true }),
  tags: ['participation'],
  summary: 'Hide your badge from everyone else, or show it again',
  request: { params: z.object({ id: Id }), headers: IdempotencyHeaders, body: jsonBody(BadgeVisibility) },
  responses: { 200: jsonContent(BadgeVisibility, 'The visibility now'), ...errorResponses(401, 403, 404, 409, 413, 415, 422) },
});

const rulesRoute = createRoute({
  method: 'get',
  path: '/api/v1/participation/rules',
  operationId: 'getParticipationRules',
  ...noCredentials(),
  tags: ['participation'],
  summary: 'The window, points and thresholds that levels and achievements are computed with',
  responses: { 200: jsonContent(ParticipationRules, 'The rules'), ...errorResponses() },
});

export function registerParticipation(app: OpenAPIHono<AppEnv>): void {
  app.openapi(badgesRoute, async (c) => {
    const { member, community } = c.req.valid('query');
    const db = c.var.db;
    const viewerId = c.var.viewer?.memberId ?? null;
    const scope = community ? await readableCommunity(db, { slug: community }, c.var.viewer) : null;
    const memberIds = [...new Set(Array.isArray(member) ? member : [member])];
    const items = await loadBadges(db, { memberIds, community: scope, viewerId, rules: await loadRules(db), now: new Date() });
    return c.json({ items }, 200);
  });

  app.openapi(memberRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { community } = c.req.valid('query');
    const db = c.var.db;
    const scope = community ? await readableCommunity(db, { slug: community }, c.var.viewer) : null;
    const rules = await loadRules(db);
    const [badge] = await loadBadges(db, {
      memberIds: [id],
      community: scope,
      viewerId: c.var.viewer?.memberId ?? null,
      rules,
      now: new Date(),
    });
    if (!badge) throw notFound('The participation badge');
    return c.json(badge, 200);
  });

  app.openapi(visibilityRoute, async (c) => {
    const viewer = requireViewer(c.var.viewer);
    const { id } = c.req.valid('param');
    if (viewer.memberId !== id) throw forbidden('Only the member can hide or show their badge');
    const { hidden } = c.req.valid('json');
    if (!(await setBadgeHidden(c.var.db, id, hidden))) throw notFound('The member');
    return c.json({ hidden }, 200);
  });

  app.openapi(communityRoute, async (c) => {
    const db = c.var.db;
    const scope = await readableCommunity(db, { slug: c.req.valid('param').slug }, c.var.viewer);
    const profile = await communityProfile(db, scope, await loadRules(db), new Date());
    // Aggregates by month that name nobody: anonymous readers of a public community may share a cached copy.
    if (scope.visibility === 'public' && !c.var.viewer) c.header('cache-control', 'public, max-age=300');
    return c.json(profile, 200);
  });

  app.openapi(rulesRoute, async (c) => {
    const rules = await loadRules(c.var.db);
    c.header('cache-control', 'public, max-age=300');
    const { windowMonths, weights, thresholds, achievements } = rules;
    return c.json({ window: { months: windowMonths, from: windowStart(rules, new Date()) }, weights, thresholds, achievements }, 200);
  });

  app.openapi(actionsRoute, async (c) => {
    const actions = await facilitatorActions(c.var.db, c.req.valid('param').slug, requireViewer(c.var.viewer));
    return c.json(actions, 200);
  });

  app.openapi(welcomeRoute, async (c) => {
    const welcome = await welcomeMember(c.var.db, c.req.valid('param').slug, c.req.valid('json').member, requireViewer(c.var.viewer));
    return c.json(welcome, 200);
  });
}
