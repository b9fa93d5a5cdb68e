import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { GroveApiError } from '../src/api/problem.js';
import type { GroveStoryParameters } from './decorators/fake-client.js';
import { conversation, threadRoutes } from '../test/components/discussion-thread/fixtures.js';

interface Args {
  key: string;
  community: string;
  order: string;
  'page-size': string;
  readonly: boolean;
}

const grove = (parameters: GroveStoryParameters): { grove: GroveStoryParameters } => ({ grove: { authenticated: true, ...parameters } });
const KEY = 'https://intranet.example.org/articles/drip-irrigation';

const renderThread = (args: Args) => html`<grove-discussion-thread
    key=${args.key}
    community=${args.community}
    order=${args.order}
    page-size=${args['page-size']}
    ?readonly=${args.readonly}
    title="Drip irrigation in clay soils"
  ></grove-discussion-thread>`;

const meta: Meta<Args> = {
  title: 'Widgets/Discussion thread',
  component: 'grove-discussion-thread',
  args: { key: KEY, community: 'water', order: 'oldest', 'page-size': '20', readonly: false },
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
      'GET /v1/threads': () => {
        throw new GroveApiError('not-found', 404);
      },
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

/** Anonymous readers see the conversation and a sign-in hint. */
export const ReadOnly: Story = { parameters: { grove: { routes: threadRoutes(conversation(6)) } } };

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
