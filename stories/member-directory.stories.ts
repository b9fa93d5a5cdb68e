import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { GroveApiError } from '../src/api/problem.js';
import type { GroveStoryParameters } from './decorators/fake-client.js';
import { badgeRoutes, variedBadge } from '../test/components/participation-badge/fixtures.js';
import { directoryRoutes, omar, variedMembers } from '../test/components/member-directory/fixtures.js';

interface Args {
  community: string;
  query: string;
  view: string;
  'page-size': string;
  'no-search': boolean;
  'no-facets': boolean;
}

const grove = (parameters: GroveStoryParameters): { grove: GroveStoryParameters } => ({ grove: parameters });

const meta: Meta<Args> = {
  title: 'Widgets/Member directory',
  component: 'grove-member-directory',
  args: { community: '', query: '', view: 'cards', 'page-size': '24', 'no-search': false, 'no-facets': false },
  render: (args) => html`<grove-member-directory
    community=${args.community}
    query=${args.query}
    view=${args.view}
    page-size=${args['page-size']}
    ?no-search=${args['no-search']}
    ?no-facets=${args['no-facets']}
  ></grove-member-directory>`,
  parameters: grove({ routes: directoryRoutes(), delayMs: 150 }),
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};

export const Loading: Story = { parameters: grove({ routes: directoryRoutes(), loading: true }) };

export const Empty: Story = { parameters: grove({ routes: directoryRoutes([]) }) };

export const Failed: Story = {
  parameters: grove({
    routes: {
      'GET /v1/members': () => {
        throw new GroveApiError('unavailable', 503, { title: 'Service Unavailable' });
      },
    },
  }),
};

/** 60 members, 12 per page: "show more" moves focus to the first new card. */
export const ManyItems: Story = {
  args: { 'page-size': '12' },
  parameters: grove({ routes: directoryRoutes(variedMembers(60)), delayMs: 150 }),
};

export const ListView: Story = {
  args: { view: 'list' },
  parameters: grove({ routes: directoryRoutes(variedMembers(12)) }),
};

export const RightToLeft: Story = {
  globals: { lang: 'ar', dir: 'rtl' },
  parameters: grove({ routes: directoryRoutes([omar, ...variedMembers(5)]) }),
};

export const Dark: Story = { globals: { theme: 'dark' } };

/** `no-facets`: the results take the whole width; filters set by attribute still show as removable chips. */
export const NoFacets: Story = {
  args: { 'no-facets': true },
  render: (args) => html`<grove-member-directory country="sn" ?no-facets=${args['no-facets']}></grove-member-directory>`,
  parameters: grove({ routes: directoryRoutes(variedMembers(12)) }),
};

/** A profile opened from a shared link (`#profile-story.member=1`): the dialog, its sections and the vCard button. */
export const ProfileOpen: Story = {
  render: () => {
    // Namespaced by this story's id, so the other stories' directories ignore it.
    history.replaceState(history.state, '', `${location.pathname}${location.search}#profile-story.member=1`);
    return html`<grove-member-directory id="profile-story"></grove-member-directory>`;
  },
};

/** Themed only through the documented custom properties and parts. */
export const Themed: Story = {
  render: () => html`<style>
      .themed {
        --grove-color-accent: #6b2fa3;
        --grove-color-surface: #fbf8ff;
        --grove-radius: 0;
        --grove-member-directory-columns: repeat(auto-fill, minmax(20rem, 1fr));
        --grove-member-directory-avatar-size: 4rem;
        font-family: Georgia, serif;
      }
      .themed::part(card) {
        box-shadow: 0 2px 6px rgb(0 0 0 / 0.15);
      }
    </style>
    <grove-member-directory class="themed"></grove-member-directory>`,
};

/** A site editor's typo, shown as a translated message rather than a blank box. */
export const InvalidAttribute: Story = { args: { view: 'grid' } };

/** `badges`: each member's participation badge beside their name; every badge on the page is one request. */
export const WithBadges: Story = {
  args: { community: 'water' },
  render: (args) => html`<grove-member-directory community=${args.community} badges></grove-member-directory>`,
  parameters: grove({ routes: { ...directoryRoutes(), ...badgeRoutes(variedBadge) } }),
};
