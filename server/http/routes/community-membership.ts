import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { requireViewer } from '../../communities/access.ts';
import { decideJoinRequest, inviteMember, joinCommunity, leaveCommunity, pendingJoinRequests } from '../../communities/membership.ts';
import { errorResponses, Id, IdempotencyHeaders, jsonBody, jsonContent, Slug } from '../../contract/common.ts';
import { inviteAddress, pendingInvitations, withdrawInvitation, type InvitationAnnouncer } from '../../communities/email-invitations.ts';
import {
  InvitationId,
  InvitationInput,
  InvitationResult,
  JoinDecision,
  JoinInput,
  JoinRequestPage,
  JoinResult,
  PendingInvitationPage,
} from '../../contract/communities.ts';
import type { MailContext } from '../../mail/compose.ts';
import { mailAddressInvitation, mailInvitation } from '../../mail/notify.ts';
import type { AppEnv } from '../env.ts';
import { signedIn } from '../route-policy.ts';

const SlugParam = z.object({ slug: Slug });

const joinRoute = createRoute({
  method: 'post',
  path: '/api/v1/communities/{slug}/join',
  operationId: 'joinCommunity',
  ...signedIn({ idempotent: true }),
  tags: ['communities'],
  summary: 'Join a public community, or ask to join a members-only one',
  request: { params: SlugParam, headers: IdempotencyHeaders, body: jsonBody(JoinInput) },
  responses: {
    201: jsonContent(JoinResult, 'Joined'),
    202: jsonContent(JoinResult, 'Requested: a facilitator decides'),
    200: jsonContent(JoinResult, 'Already a member, or already requested'),
    ...errorResponses(401, 403, 404, 409, 413, 415, 422),
  },
});

const leaveRoute = createRoute({
  method: 'delete',
  path: '/api/v1/communities/{slug}/membership',
  operationId: 'leaveCommunity',
  ...signedIn(),
  tags: ['communities'],
  summary: 'Leave a community (or withdraw your request to join it); the last facilitator cannot',
  request: { params: SlugParam },
  responses: { 204: { description: 'Left' }, ...errorResponses(401, 404, 409) },
});

const requestsRoute = createRoute({
  method: 'get',
  path: '/api/v1/communities/{slug}/join-requests',
  operationId: 'listJoinRequests',
  ...signedIn(),
  tags: ['communities'],
  summary: "The community's pending requests to join, oldest first (facilitators)",
  request: { params: SlugParam },
  responses: { 200: jsonContent(JoinRequestPage, 'Pending requests'), ...errorResponses(401, 403, 404) },
});

const decideRoute = (action: 'approve' | 'decline') =>
  createRoute({
    method: 'post',
    path: `/api/v1/communities/{slug}/join-requests/{id}/${action}`,
    operationId: `${action}JoinRequest`,
    ...signedIn({ idempotent: true }),
    tags: ['communities'],
    summary:
      action === 'approve' ? 'Approve a request to join: the member joins (facilitators)' : 'Decline a request to join (facilitators)',
    request: { params: SlugParam.extend({ id: Id }), headers: IdempotencyHeaders },
    responses: { 200: jsonContent(JoinDecision, 'Decided'), ...errorResponses(401, 403, 404, 409, 413, 422) },
  });

const inviteRoute = createRoute({
  method: 'post',
  path: '/api/v1/communities/{slug}/invitations',
  operationId: 'inviteMember',
  ...signedIn({ idempotent: true }),
  tags: ['communities'],
  summary:
    'Invite a member or an e-mail address (facilitators), who is mailed a link to accept; someone who asked to join is let in at once. ' +
    'The member accepts by joining or by the link; an address without an account waits until one with it appears (429 past 50 addresses a day)',
  request: { params: SlugParam, headers: IdempotencyHeaders, body: jsonBody(InvitationInput) },
  responses: {
    201: jsonContent(InvitationResult, 'Invited, or let in after asking'),
    200: jsonContent(InvitationResult, 'Already invited, or already a member'),
    ...errorResponses(401, 403, 404, 409, 413, 415, 422, 429),
  },
});

const invitationsRoute = createRoute({
  method: 'get',
  path: '/api/v1/communities/{slug}/invitations',
  operationId: 'listInvitations',
  ...signedIn(),
  tags: ['communities'],
  summary: "The community's standing invitations, members and addresses, oldest first (facilitators)",
  request: { params: SlugParam },
  responses: { 200: jsonContent(PendingInvitationPage, 'Standing invitations'), ...errorResponses(401, 403, 404) },
});

const withdrawRoute = createRoute({
  method: 'delete',
  path: '/api/v1/communities/{slug}/invitations/{id}',
  operationId: 'withdrawInvitation',
  ...signedIn(),
  tags: ['communities'],
  summary: 'Withdraw an invitation (facilitators): its link stops working, and a members-only community needs a request again',
  request: { params: SlugParam.extend({ id: InvitationId }) },
  responses: { 204: { description: 'Withdrawn' }, ...errorResponses(401, 403, 404) },
});

/** Mail is a layer above the domain: the route hands it the way to tell people (decisions 0186, 0190). */
const announcer = (mail: MailContext | null): InvitationAnnouncer | undefined =>
  mail
    ? {
        member: (tx, invitation) => mailInvitation(tx, mail, invitation),
        address: (tx, invitation) => mailAddressInvitation(tx, mail, invitation),
      }
    : undefined;

export function registerCommunityMembership(app: OpenAPIHono<AppEnv>): void {
  app.openapi(joinRoute, async (c) => {
    const viewer = requireViewer(c.var.viewer);
    const { slug } = c.req.valid('param');
    const result = await joinCommunity(c.var.db, slug, viewer, c.req.valid('json').message ?? '');
    const body = { community: slug, status: result.status };
    if (!result.created) return c.json(body, 200);
    return result.status === 'pending' ? c.json(body, 202) : c.json(body, 201);
  });

  app.openapi(inviteRoute, async (c) => {
    const { slug } = c.req.valid('param');
    const { member, email } = c.req.valid('json');
    const viewer = requireViewer(c.var.viewer);
    const announce = announcer(c.var.mail);
    if (email !== undefined) {
      const result = await inviteAddress(c.var.db, slug, email, viewer, announce);
      const body = { community: slug, email: result.address, status: result.created ? ('invited' as const) : ('already-invited' as const) };
      return result.created ? c.json(body, 201) : c.json(body, 200);
    }
    const result = await inviteMember(c.var.db, slug, member ?? '', viewer, announce?.member);
    const body = { community: slug, member, status: result.status };
    return result.created ? c.json(body, 201) : c.json(body, 200);
  });

  app.openapi(invitationsRoute, async (c) => {
    const items = await pendingInvitations(c.var.db, c.req.valid('param').slug, requireViewer(c.var.viewer));
    c.header('cache-control', 'private, no-store');
    return c.json({ items }, 200);
  });

  app.openapi(withdrawRoute, async (c) => {
    const { slug, id } = c.req.valid('param');
    await withdrawInvitation(c.var.db, slug, id, requireViewer(c.var.viewer));
    return c.body(null, 204);
  });

  app.openapi(leaveRoute, async (c) => {
    await leaveCommunity(c.var.db, c.req.valid('param').slug, requireViewer(c.var.viewer));
    return c.body(null, 204);
  });

  app.openapi(requestsRoute, async (c) => {
    const items = await pendingJoinRequests(c.var.db, c.req.valid('param').slug, requireViewer(c.var.viewer));
    return c.json({ items }, 200);
  });

  for (const action of ['approve', 'decline'] as const) {
    app.openapi(decideRoute(action), async (c) => {
      const { slug, id } = c.req.valid('param');
      const decision = action === 'approve' ? 'approved' : 'declined';
      return c.json(await decideJoinRequest(c.var.db, slug, id, decision, requireViewer(c.var.viewer)), 200);
    });
  }
}
