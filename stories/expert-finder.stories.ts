import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { GroveApiError } from '../src/api/problem.js';
import type { GroveStoryParameters } from './decorators/fake-client.js';
import { badgeRoutes, variedBadge } from '../test/components/participation-badge/fixtures.js';
import { fatima, finderRoutes, manyExperts } from '../test/components/expert-finder/fixtures.js';

interface Args {
  community: string;
  query: string;
  limit: string;
  'no-evidence': boolean;
  'ask-url': string;
  'thread-url': string;
}

const grove = (parameters: GroveStoryParameters): { grove: GroveStoryParameters } => ({ grove: parameters });

const meta: Meta<Args> = {
  title: 'Widgets/Expert finder',
  component: 'grove-expert-finder',
  args: {
    community: '',
    query: 'Who can help with drip irrigation?',
    limit: '5',
    'no-evidence': false,
    'ask-url': '',
    'thread-url': '/forum#thread={id}',
  },
  render: (args) => html`<grove-expert-finder
    community=${args.community}
    query=${args.query}
    limit=${args.limit}
    ask-url=${args['ask-url']}
    thread-url=${args['thread-url']}
    ?no-evidence=${args['no-evidence']}
  ></grove-expert-finder>`,
  parameters: grove({ routes: finderRoutes(), delayMs: 150 }),
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};

/** Before any question: the invitation, and topic suggestions while typing. */
export const Idle: Story = { args: { query: '' } };

export const Loading: Story = { parameters: grove({ routes: finderRoutes(), loading: true }) };

export const Empty: Story = { parameters: grove({ routes: finderRoutes([]) }) };

export const Failed: Story = {
  parameters: grove({
    routes: {
      'GET /v1/experts': () => {
        throw new GroveApiError('unavailable', 503, { title: 'Service Unavailable' });
      },
    },
  }),
};

/** Twenty experts (the limit), each with evidence. */
export const ManyItems: Story = { args: { limit: '20' }, parameters: grove({ routes: finderRoutes(manyExperts(20)) }) };

export const WithoutEvidence: Story = { args: { 'no-evidence': true } };

export const RightToLeft: Story = {
  args: { query: 'من يمكنه المساعدة في التكيف مع تغير المناخ؟' },
  globals: { lang: 'ar', dir: 'rtl' },
  parameters: grove({ routes: finderRoutes([fatima, ...manyExperts(2)]) }),
};

export const Dark: Story = { globals: { theme: 'dark' } };

/** Themed only through the documented custom properties and parts. */
export const Themed: Story = {
  render: () => html`<style>
      .themed {
        --grove-color-accent: #6b2fa3;
        --grove-color-surface: #fbf8ff;
        --grove-radius: 0;
        --grove-expert-finder-avatar-size: 3.5rem;
        font-family: Georgia, serif;
      }
      .themed::part(expert) {
        box-shadow: 0 2px 6px rgb(0 0 0 / 0.15);
      }
      .themed::part(evidence) {
        border-inline-start-color: #6b2fa3;
      }
    </style>
    <grove-expert-finder class="themed" query="drip irrigation"></grove-expert-finder>`,
};

/** A site editor's typo, shown as a translated message rather than a blank box. */
export const InvalidAttribute: Story = { args: { limit: 'ten' } };

/** `badges`: each expert's participation badge beside their name. */
export const WithBadges: Story = {
  args: { community: 'water' },
  render: (args) => html`<grove-expert-finder community=${args.community} query=${args.query} badges></grove-expert-finder>`,
  parameters: grove({ routes: { ...finderRoutes(), ...badgeRoutes(variedBadge) } }),
};
