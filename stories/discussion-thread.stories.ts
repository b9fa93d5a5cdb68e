import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { GroveApiError } from '../src/api/problem.js';
import type { GroveStoryParameters } from './decorators/fake-client.js';
import { badgeRoutes, variedBadge } from '../test/components/participation-badge/fixtures.js';
import {
  conversation,
  heldPosts,
  makePost,
  moderationLog,
  queuedReports,
  threadRoutes,
} from '../test/components/discussion-thread/fixtures.js';

interface Args {
  'page-key': string;
  community: string;
  order: string;
  'page-size': string;
  readonly: boolean;
}

const grove = (parameters: GroveStoryParameters): { grove: GroveStoryParameters } => ({ grove: { authenticated: true, ...parameters } });
const KEY = 'https://intranet.example.org/articles/drip-irrigation';

const renderThread = (args: Args) => html`<grove-discussion-thread
    page-key=${args['page-key']}
    community=${args.community}
    order=${args.order}
    page-size=${args['page-size']}
    ?readonly=${args.readonly}
    thread-title="Drip irrigation in clay soils"
  ></grove-discussion-thread>`;

const meta: Meta<Args> = {
  title: 'Widgets/Discussion thread',
  component: 'grove-discussion-thread',
  args: { 'page-key': KEY, community: 'water', order: 'oldest', 'page-size': '20', readonly: false },
  render: renderThread,
  parameters: grove({ routes: threadRoutes(conversation(6)), delayMs: 150 }),
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};

export const Loading: Story = { parameters: grove({ routes: threadRoutes([]), loading: true }) };

/** A page with no thread yet: the first post creates it. */
export const Empty: Story = {
  parameters: grove({
    routes: {
      ...threadRoutes([]),
      'GET /v1/threads': () => undefined,
    },
  }),
};

export const Failed: Story = {
  parameters: grove({
    routes: {
      'GET /v1/threads': () => {
        throw new GroveApiError('unavailable', 503, { title: 'Service Unavailable' });
      },
    },
  }),
};

/** 120 posts, 20 per page, newest first. */
export const ManyItems: Story = {
  args: { order: 'newest' },
  parameters: grove({ routes: threadRoutes(conversation(120)), delayMs: 150 }),
};

/**
 * Authors who left the directory keep their name on their posts, as plain text with no profile link or
 * badge (`presence: "unlisted"`); a deactivated account's posts read "Former member".
 */
export const AuthorsWhoLeft: Story = {
  parameters: grove({
    routes: threadRoutes(
      conversation(4).map((post, index) =>
        index === 1
          ? { ...post, author: { ...post.author, presence: 'unlisted' as const } }
          : index === 2
            ? { ...post, author: { ...post.author, name: '', avatarUrl: null, presence: 'former' as const } }
            : post,
      ),
    ),
  }),
};

/** A signed-in member who follows the thread by e-mail: the header's toggle is pressed. */
export const FollowingByMail: Story = {
  parameters: grove({
    routes: threadRoutes(conversation(4), { viewer: { canPost: true, canModerate: false, canAccept: false, following: true } }),
  }),
};

/** Anonymous readers see the conversation and a sign-in hint. */
export const ReadOnly: Story = { parameters: { grove: { routes: threadRoutes(conversation(6)) } } };

/** Waits (about five seconds at most) for `selector` in the thread's shadow root, then hands it over. */
async function inThread(canvas: HTMLElement, selector: string): Promise<HTMLElement | undefined> {
  for (let frame = 0; frame < 300; frame += 1) {
    const found = canvas.querySelector('grove-discussion-thread')?.shadowRoot?.querySelector<HTMLElement>(selector);
    if (found) return found;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  return undefined;
}

const posts = conversation(6);
const moderated = { postCount: posts.length, viewer: { canPost: true, canModerate: true, canAccept: true, following: false } };

/** A facilitator's view with the community's reports queue open: one entry per reported post. */
export const Facilitator: Story = {
  parameters: grove({
    routes: {
      ...threadRoutes(posts, moderated),
      'GET /v1/communities/water/reports': { items: queuedReports(posts), next: null },
      'POST /v1/posts/:id/hide': ({ params }: { params: Record<string, string> }) => ({
        ...posts.find((post) => post.id === params.id),
        hidden: true,
      }),
      'POST /v1/reports/:id/resolution': ({ params }: { params: Record<string, string> }) =>
        queuedReports(posts).find((report) => report.id === params.id),
    },
  }),
  play: async ({ canvasElement }) => (await inThread(canvasElement, '[part~="reports-button"]'))?.click(),
};

/** Pre-moderation on: two newcomers' first posts wait above the reports, each to approve or reject. */
export const FacilitatorHeldPosts: Story = {
  parameters: grove({
    routes: {
      ...threadRoutes(posts, moderated),
      'GET /v1/communities/water/reports': { items: [], next: null },
      'GET /v1/communities/water/held-posts': heldPosts(posts.slice(0, 2)),
      'POST /v1/posts/:id/approval': ({ params }: { params: Record<string, string> }) => ({
        ...posts.find((post) => post.id === params.id),
        held: false,
      }),
      'POST /v1/posts/:id/rejection': ({ params }: { params: Record<string, string> }) => ({
        ...posts.find((post) => post.id === params.id),
        hidden: true,
      }),
    },
  }),
  play: async ({ canvasElement }) => (await inThread(canvasElement, '[part~="reports-button"]'))?.click(),
};

/** Pre-moderation on, nothing waiting. */
export const FacilitatorNothingHeld: Story = {
  parameters: grove({
    routes: {
      ...threadRoutes(posts, moderated),
      'GET /v1/communities/water/reports': { items: [], next: null },
      'GET /v1/communities/water/held-posts': { items: [], next: null, firstPosts: 2 },
    },
  }),
  play: Facilitator.play,
};

/** Opens the facilitators' queue, then clicks `selector` inside it once it has loaded. */
const inQueue =
  (selector: string) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }): Promise<void> => {
    (await inThread(canvasElement, '[part~="reports-button"]'))?.click();
    (await inThread(canvasElement, selector))?.click();
  };

const toolRoutes = (routes: Record<string, unknown>) => ({
  ...threadRoutes(posts, moderated),
  'GET /v1/communities/water/reports': { items: queuedReports(posts), next: null },
  'GET /v1/communities/water/held-posts': heldPosts(posts.slice(0, 1)),
  ...routes,
});

/** The moderation log opened under the queue: who did what to whom, and when, with older entries to load. */
export const FacilitatorModerationLog: Story = {
  parameters: grove({ routes: toolRoutes({ 'GET /v1/communities/water/moderation-log': moderationLog({ next: 'older' }) }) }),
  play: inQueue('[part~="log-button"]'),
};

/** The moderation log while it loads. */
export const FacilitatorModerationLogLoading: Story = {
  parameters: grove({ routes: toolRoutes({ 'GET /v1/communities/water/moderation-log': () => new Promise(() => undefined) }) }),
  play: inQueue('[part~="log-button"]'),
};

/** A community where nothing was moderated yet. */
export const FacilitatorModerationLogEmpty: Story = {
  parameters: grove({ routes: toolRoutes({ 'GET /v1/communities/water/moderation-log': { items: [], next: null } }) }),
  play: inQueue('[part~="log-button"]'),
};

/** The log could not be read: the reason and "Try again". */
export const FacilitatorModerationLogFailed: Story = {
  parameters: grove({
    routes: toolRoutes({
      'GET /v1/communities/water/moderation-log': () => {
        throw new GroveApiError('unavailable', 503);
      },
    }),
  }),
  play: inQueue('[part~="log-button"]'),
};

/** A held post's author silenced for a day from the queue: until when, and "Lift silence". */
export const FacilitatorSilencedAuthor: Story = {
  parameters: grove({
    routes: toolRoutes({
      'POST /v1/communities/water/silences': ({ body }: { body: { member: string; hours: number } }) => ({
        member: body.member,
        until: body.hours ? new Date(Date.now() + body.hours * 3_600_000).toISOString() : null,
      }),
    }),
  }),
  play: inQueue('[part~="held-post"] [part~="silence-button"]'),
};

/** The pre-moderation setting refused by the server: the field says why. */
export const FacilitatorPremoderationRefused: Story = {
  parameters: grove({
    routes: toolRoutes({
      'POST /v1/communities/water/premoderation': () => {
        throw new GroveApiError('invalid', 400, { errors: [{ field: 'body.firstPosts', message: 'Number must be at most 100' }] });
      },
    }),
  }),
  play: inQueue('[part~="premoderation-button"]'),
};

/** A newcomer's own post awaiting approval: only they and the facilitators see it, marked. */
export const OwnPostAwaitingApproval: Story = {
  parameters: grove({
    routes: threadRoutes([
      ...posts,
      makePost('99', { held: true, viewerCanEdit: true, bodyMd: 'My first post here.', bodyHtml: '<p>My first post here.</p>' }),
    ]),
  }),
};

/** An empty queue: nothing needs the facilitator. */
export const FacilitatorNoReports: Story = {
  parameters: grove({ routes: { ...threadRoutes(posts, moderated), 'GET /v1/communities/water/reports': { items: [], next: null } } }),
  play: Facilitator.play,
};

/**
 * A post the server refused (here for a NUL character pasted from a PDF): the text stays, with the reason
 * in words and a way back into the composer.
 */
export const RefusedPost: Story = {
  args: { 'page-key': `${KEY}#refused` },
  parameters: grove({
    routes: {
      ...threadRoutes(posts),
      'POST /v1/posts': () => {
        throw new GroveApiError('invalid', 400, {
          errors: [{ field: 'body.body', message: 'Must not contain the NUL character (U+0000)' }],
        });
      },
    },
  }),
  // Each visit starts clean: the refused post of the last visit would otherwise wait in storage too.
  beforeEach: () => {
    for (const name of Object.keys(localStorage)) if (name.startsWith(`grove:outbox:key:${KEY}#refused`)) localStorage.removeItem(name);
  },
  play: async ({ canvasElement }) => {
    const input = await inThread(canvasElement, '#composer-input');
    if (!(input instanceof HTMLTextAreaElement)) return;
    input.value = 'Pasted from the field report\u0000: yields doubled on the demonstration plots.';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    input.form?.requestSubmit();
  },
};

export const RightToLeft: Story = { globals: { lang: 'ar', dir: 'rtl' } };

export const Dark: Story = { globals: { theme: 'dark' } };

/** Themed only through the documented custom properties and parts. */
export const Themed: Story = {
  render: (args) => html`<style>
      .themed {
        --grove-color-accent: #6b2fa3;
        --grove-color-surface: #fbf8ff;
        --grove-radius: 0;
        --grove-discussion-thread-indent: 3rem;
        --grove-discussion-thread-accepted-color: #0b7a3b;
        font-family: Georgia, serif;
      }
      .themed grove-discussion-thread::part(author) {
        text-transform: uppercase;
      }
      .themed grove-discussion-thread::part(send-button) {
        border-radius: 999px;
      }
    </style>
    <div class="themed">${renderThread(args)}</div>`,
};

/** `badges`: each author's participation badge in the thread's community beside their name. */
export const WithBadges: Story = {
  render: (args) =>
    html`<grove-discussion-thread page-key=${args['page-key']} community=${args.community} badges></grove-discussion-thread>`,
  parameters: grove({ routes: { ...threadRoutes(conversation(6)), ...badgeRoutes(variedBadge) } }),
};
