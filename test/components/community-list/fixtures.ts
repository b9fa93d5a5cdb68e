/** Communities as the API serves them, for the community list's tests and stories. */
import type { Community, CommunityPage } from '../../../src/components/community-list/api.js';
import type { JoinRequest, PendingInvitation } from '../../../src/components/community-list/tools-api.js';
import type { FakeCall } from '../../helpers/fake-client.js';

const amina = { id: '1', name: 'Amina Diallo', avatarUrl: null, presence: 'listed' as const };
const jean = { id: '6', name: 'Jean-Baptiste Kaboré', avatarUrl: null, presence: 'listed' as const };

export function community(overrides: Partial<Community> = {}): Community {
  return {
    id: '1',
    slug: 'water',
    name: 'Water',
    description: 'Practitioners working on water resources, irrigation and WASH across regions.',
    parent: null,
    lifecycle: 'active',
    visibility: 'public',
    languages: ['en', 'fr'],
    memberCount: 120,
    subCommunityCount: 3,
    createdAt: '2024-01-10T09:00:00Z',
    closedAt: null,
    viewerRole: null,
    readable: true,
    facilitators: [amina],
    lastActivityAt: '2026-12-01T10:00:00Z',
    postsLast30Days: 14,
    viewerJoinRequested: false,
    viewerInvited: false,
    viewerCanManage: false,
    pendingJoinRequests: null,
    ...overrides,
  };
}

export const drip = community({
  id: '2',
  slug: 'drip-irrigation',
  name: 'Drip irrigation for smallholders',
  parent: 'water',
  memberCount: 42,
  subCommunityCount: 0,
  description: 'Low-cost drip kits, maintenance and water scheduling with farmer groups.',
  facilitators: [jean],
  postsLast30Days: 1,
});
export const utilities = community({
  id: '13',
  slug: 'utilities-peer-review',
  name: 'Utilities peer review',
  parent: 'water',
  visibility: 'members',
  lifecycle: 'forming',
  description: 'Water utilities reviewing each other’s non-revenue water plans.',
  memberCount: 4,
  subCommunityCount: 0,
  readable: false,
  lastActivityAt: null,
  postsLast30Days: null,
});
export const archived = community({
  id: '12',
  slug: 'rainwater-pilots',
  name: 'Rainwater harvesting pilots (2021–2023)',
  parent: 'water',
  lifecycle: 'closed',
  description: 'Pilots of rooftop rainwater tanks in schools; closed when the pilots ended.',
  memberCount: 9,
  subCommunityCount: 0,
  closedAt: '2023-12-15T12:00:00Z',
  lastActivityAt: '2023-11-30T10:00:00Z',
  postsLast30Days: 0,
});

export const request: JoinRequest = {
  id: '7',
  member: { id: '4', name: 'Priya Raman', avatarUrl: null, presence: 'listed' },
  message: 'I review utilities’ M&E plans.',
  createdAt: '2026-12-03T08:00:00Z',
};

/** Standing invitations of a group: a member invited from the directory, and an address. */
export const invitations: PendingInvitation[] = [
  {
    id: 'member-12',
    kind: 'member',
    member: { id: '12', name: 'Irène Martin', avatarUrl: null, presence: 'listed' },
    address: null,
    createdAt: '2026-12-01T08:00:00Z',
    expiresAt: null,
  },
  {
    id: 'email-3',
    kind: 'email',
    member: null,
    address: 'amina.diallo@example.org',
    createdAt: '2026-12-04T08:00:00Z',
    expiresAt: '2027-01-03T08:00:00Z',
  },
];

export interface Scenario {
  /** The mother community as the viewer sees it. */
  water?: Community;
  open?: Community[];
  closed?: Community[];
  requests?: JoinRequest[];
  invitations?: PendingInvitation[];
}

const page = (items: Community[]): CommunityPage => ({ items, next: null });

/** Routes for a list of water's groups: open ones, the archive, and (for facilitators) requests to join. */
export function listRoutes({
  water = community(),
  open = [drip, utilities],
  closed = [archived],
  requests = [request],
  invitations: standing = invitations,
}: Scenario = {}) {
  return {
    'GET /v1/communities/:slug/invitations': { items: standing },
    'GET /v1/communities/water': water,
    'GET /v1/communities': ({ query }: FakeCall) => page(query.closed === 'only' ? closed : open),
    'GET /v1/communities/:slug/join-requests': { items: requests },
  };
}

/** Signed in as a facilitator of water (who manages its sub-groups) with one request waiting for the members-only one. */
export function facilitatorScenario(): Scenario {
  const manage = { viewerCanManage: true };
  return {
    water: community({ viewerRole: 'facilitator', viewerCanManage: true, pendingJoinRequests: 0 }),
    open: [
      community({ ...drip, ...manage }),
      community({
        ...utilities,
        ...manage,
        viewerRole: 'facilitator',
        readable: true,
        pendingJoinRequests: 1,
        lastActivityAt: '2026-11-20T10:00:00Z',
        postsLast30Days: 3,
      }),
    ],
    closed: [community({ ...archived, ...manage })],
  };
}
