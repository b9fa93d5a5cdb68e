import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { GroveApiError } from '../src/api/problem.js';
import type { GroveStoryParameters } from './decorators/fake-client.js';
import { archived, community, drip, facilitatorScenario, listRoutes, utilities } from '../test/components/community-list/fixtures.js';

const grove = (parameters: GroveStoryParameters): { grove: GroveStoryParameters } => ({ grove: parameters });
const routes = listRoutes();
/** Signed in: the membership answers come back as the server would give them. */
const signedIn = (scenario: Parameters<typeof listRoutes>[0] = {}, extra: Record<string, unknown> = {}) =>
  grove({
    authenticated: true,
    routes: {
      ...listRoutes(scenario),
      'POST /v1/communities/:slug/join': ({ params }: { params: Record<string, string> }) => ({ community: params.slug, status: 'member' }),
      'DELETE /v1/communities/:slug/membership': null,
      'POST /v1/communities': community({ slug: 'new-group', name: 'New group' }),
      'POST /v1/communities/:slug/lifecycle': { community: community(), returnedMembers: 2 },
      'POST /v1/communities/:slug/join-requests/:id/approve': { id: '7', status: 'approved' },
      'POST /v1/communities/:slug/join-requests/:id/decline': { id: '7', status: 'declined' },
      'GET /v1/members': {
        items: [
          { id: '4', name: 'Priya Raman' },
          { id: '12', name: 'Irène Martin' },
        ],
        next: null,
      },
      'POST /v1/communities/:slug/invitations': { community: 'utilities-peer-review', member: '4', status: 'invited' },
      'DELETE /v1/communities/:slug/invitations/:id': null,
      ...extra,
    },
  });

const meta: Meta = {
  title: 'Widgets/Community list',
  component: 'grove-community-list',
  render: () => html`<grove-community-list community="water"></grove-community-list>`,
  parameters: grove({ routes, delayMs: 150 }),
};
export default meta;

type Story = StoryObj;

/** An element of the list once it has rendered (the fake answers after a few frames). */
async function inList(canvas: HTMLElement, selector: string): Promise<HTMLElement | undefined> {
  for (let frame = 0; frame < 300; frame += 1) {
    const found = canvas.querySelector('grove-community-list')?.shadowRoot?.querySelector<HTMLElement>(selector);
    if (found) return found;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  return undefined;
}

/** What a reader sees: the groups of water, no buttons. */
export const List: Story = {};
export const Loading: Story = { parameters: grove({ routes, loading: true }) };
export const Empty: Story = { parameters: grove({ routes: listRoutes({ open: [], closed: [] }) }) };
export const Failed: Story = {
  parameters: grove({
    routes: {
      ...routes,
      'GET /v1/communities': () => {
        throw new GroveApiError('unavailable', 503);
      },
    },
  }),
};
export const UnknownCommunity: Story = {
  render: () => html`<grove-community-list community="nowhere"></grove-community-list>`,
  parameters: grove({
    routes: {
      'GET /v1/communities/:slug': () => {
        throw new GroveApiError('not-found', 404, { title: 'Not found' });
      },
      'GET /v1/communities': () => {
        throw new GroveApiError('not-found', 404, { title: 'Not found' });
      },
    },
  }),
};
export const WrongAttribute: Story = {
  render: () => html`<grove-community-list community="Water and sanitation!"></grove-community-list>`,
};
/** Without `community`: the network's top-level communities. */
export const TopLevel: Story = {
  render: () => html`<grove-community-list></grove-community-list>`,
  parameters: grove({
    routes: listRoutes({
      open: [community(), community({ id: '4', slug: 'soil-health', name: 'Soil health', description: 'Soil fertility and agroecology.' })],
    }),
  }),
};
/** A signed-in member of drip irrigation: Leave there, Join and Request to join elsewhere. */
export const SignedInMember: Story = {
  parameters: signedIn({
    open: [
      community({ ...drip, viewerRole: 'member' }),
      community({ ...drip, id: '3', slug: 'wash-in-schools', name: 'WASH in schools' }),
      utilities,
    ],
  }),
};
/** Asked to join the members-only group: the request waits for its facilitators and can be withdrawn. */
export const PendingRequest: Story = { parameters: signedIn({ open: [drip, community({ ...utilities, viewerJoinRequested: true })] }) };
/** Invited by a facilitator: joining accepts, also for a members-only group. */
export const Invited: Story = { parameters: signedIn({ open: [drip, community({ ...utilities, viewerInvited: true })] }) };
/** A facilitator of water: open a sub-group, invite a member, change a state, close one, and one request to join waiting. */
export const FacilitatorWithRequests: Story = { parameters: signedIn(facilitatorScenario()) };
/** The closed groups, opened: a read-only archive that stays findable. */
export const ClosedArchive: Story = {
  parameters: grove({
    routes: listRoutes({
      closed: [
        archived,
        community({
          ...archived,
          id: '14',
          slug: 'groundwater-sahel',
          name: 'Groundwater in the Sahel (2019-2022)',
          closedAt: '2022-06-30T12:00:00Z',
        }),
      ],
    }),
  }),
  play: async ({ canvasElement }) => (await inList(canvasElement, '[part~="archive-button"]'))?.click(),
};
/**
 * Opens the members-only group's "Invite" panel (its standing invitations load) and, given `typed`,
 * types it and sends it as a facilitator would.
 */
async function openInvite(canvas: HTMLElement, typed?: string): Promise<void> {
  (await inList(canvas, '[aria-controls="invite-utilities-peer-review"]'))?.click();
  const input = (await inList(canvas, '#invite-utilities-peer-review input')) as HTMLInputElement | undefined;
  if (!input || typed === undefined) return;
  input.value = typed;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await new Promise((resolve) => requestAnimationFrame(resolve));
  input.form?.requestSubmit();
}
const inviting = (extra: Record<string, unknown> = {}, scenario: Parameters<typeof listRoutes>[0] = {}) =>
  signedIn({ ...facilitatorScenario(), ...scenario }, extra);
/** The invite panel: a member search or an e-mail address, and the standing invitations with their age. */
export const InviteWithPending: Story = { parameters: inviting(), play: ({ canvasElement }) => openInvite(canvasElement) };
/** No invitation waits. */
export const InviteNoPending: Story = {
  parameters: inviting({}, { invitations: [] }),
  play: ({ canvasElement }) => openInvite(canvasElement),
};
/** The standing invitations on their way. */
export const InvitePendingLoading: Story = {
  parameters: inviting({ 'GET /v1/communities/:slug/invitations': () => new Promise(() => undefined) }),
  play: ({ canvasElement }) => openInvite(canvasElement),
};
/** The standing invitations could not be loaded: the reason and a retry. */
export const InvitePendingFailed: Story = {
  parameters: inviting({
    'GET /v1/communities/:slug/invitations': () => {
      throw new GroveApiError('unavailable', 503);
    },
  }),
  play: ({ canvasElement }) => openInvite(canvasElement),
};
/** An address sent: announced, the field emptied, the list reloaded. */
export const InviteSent: Story = {
  parameters: inviting({
    'POST /v1/communities/:slug/invitations': { community: 'utilities-peer-review', email: 'new.person@example.org', status: 'invited' },
  }),
  play: ({ canvasElement }) => openInvite(canvasElement, 'new.person@example.org'),
};
/** An address the server refuses: the reason beside the field, what was typed kept. */
export const InviteAddressRefused: Story = {
  parameters: inviting({
    'POST /v1/communities/:slug/invitations': () => {
      throw new GroveApiError('invalid', 422, { errors: [{ field: 'body.email', message: 'Must be an e-mail address' }] });
    },
  }),
  play: ({ canvasElement }) => openInvite(canvasElement, 'amina.diallo@example.org'),
};
/** Sending failed (offline): the reason, and the address kept to send again. */
export const InviteFailed: Story = {
  parameters: inviting({
    'POST /v1/communities/:slug/invitations': () => {
      throw new GroveApiError('offline', 0);
    },
  }),
  play: ({ canvasElement }) => openInvite(canvasElement, 'amina.diallo@example.org'),
};
/** The invite panel in Arabic: right to left, addresses left to right. */
export const InviteRightToLeft: Story = {
  globals: { lang: 'ar', dir: 'rtl' },
  parameters: inviting(),
  play: ({ canvasElement }) => openInvite(canvasElement),
};
export const RightToLeft: Story = { globals: { lang: 'ar', dir: 'rtl' }, parameters: signedIn(facilitatorScenario()) };
export const Dark: Story = { globals: { theme: 'dark' } };
export const Themed: Story = {
  render: () => html`<grove-community-list community="water" style="--grove-community-list-accent: #6b2fa3"></grove-community-list>`,
};
