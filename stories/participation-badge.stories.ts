import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { GroveApiError } from '../src/api/problem.js';
import type { GroveStoryParameters } from './decorators/fake-client.js';
import {
  amina,
  badgeRoutes,
  facilitatorRoutes,
  noActions,
  variedBadge,
  waterActions,
  waterProfile,
} from '../test/components/participation-badge/fixtures.js';

interface Args {
  member: string;
  community: string;
  variant: string;
}

const grove = (parameters: GroveStoryParameters): { grove: GroveStoryParameters } => ({ grove: parameters });

const meta: Meta<Args> = {
  title: 'Widgets/Participation badge',
  component: 'grove-participation-badge',
  args: { member: '1', community: 'water', variant: 'inline' },
  render: (args) => html`<p>
    Amina Diallo
    <grove-participation-badge member=${args.member} community=${args.community} variant=${args.variant}></grove-participation-badge>
  </p>`,
  parameters: grove({ routes: badgeRoutes(), delayMs: 150 }),
};
export default meta;

type Story = StoryObj<Args>;

/** Inline beside a name; activate it to open the details. */
export const Default: Story = {};

export const Card: Story = {
  args: { variant: 'card' },
  render: (args) =>
    html`<grove-participation-badge member=${args.member} community=${args.community} variant="card"></grove-participation-badge>`,
};

/** The viewer's own card: each achievement can be downloaded as an Open Badges 3.0 credential. */
export const OwnCard: Story = {
  ...Card,
  parameters: grove({
    routes: {
      ...badgeRoutes(() => ({ ...amina, isViewer: true })),
      'GET /v1/participation/members/:id/credentials/:achievement': 'header.payload.signature',
    },
  }),
};

/** A member active last year keeps the level they held, with "last active" beside it. */
export const Quiet: Story = { args: { member: '2', variant: 'card' } };

/** For facilitators: members per level, the trend by month (and its table), newcomers, open questions. */
export const Community: Story = {
  args: { member: '', community: 'water' },
  render: (args) => html`<grove-participation-badge community=${args.community}></grove-participation-badge>`,
};

export const Loading: Story = { ...Card, parameters: grove({ routes: badgeRoutes(), loading: true }) };

/** A member who hides their badge: nothing inline, a short sentence on a card. */
export const Empty: Story = { ...Card, parameters: grove({ routes: badgeRoutes(() => undefined) }) };

export const Failed: Story = {
  ...Community,
  parameters: grove({
    routes: {
      'GET /v1/participation/communities/water': () => {
        throw new GroveApiError('unavailable', 503);
      },
    },
  }),
};

/** A directory page of 40 names with their badges: one request (see the fake client's calls). */
export const ManyItems: Story = {
  render: () => html`<ul>
    ${Array.from({ length: 40 }, (_, index) => String(index + 1)).map(
      (id) => html`<li>${variedBadge(id).name} <grove-participation-badge member=${id} community="water"></grove-participation-badge></li>`,
    )}
  </ul>`,
  parameters: grove({ routes: badgeRoutes(variedBadge) }),
};

export const InvalidAttribute: Story = { args: { variant: 'big' } };

export const RightToLeft: Story = { ...Community, globals: { lang: 'ar', dir: 'rtl' } };
export const RightToLeftCard: Story = { ...Card, globals: { lang: 'ar', dir: 'rtl' } };
export const Dark: Story = { ...Community, globals: { theme: 'dark' } };

export const Themed: Story = {
  ...Community,
  render: () => html`<style>
      .themed grove-participation-badge {
        --grove-participation-badge-color: #6b2fa3;
        --grove-participation-badge-background: #f6f0fb;
      }
      .themed grove-participation-badge::part(title) {
        font-family: Georgia, serif;
      }
    </style>
    <div class="themed">
      <p>Amina Diallo <grove-participation-badge member="1" community="water"></grove-participation-badge></p>
      <grove-participation-badge community="water"></grove-participation-badge>
    </div>`,
  parameters: grove({ routes: badgeRoutes(undefined, waterProfile) }),
};

/** What a facilitator sees under the profile: every kind of action, each with a name, an age and where to act. */
export const FacilitatorActions: Story = { ...Community, parameters: grove({ routes: facilitatorRoutes(), delayMs: 150 }) };

/** With the page's link patterns: members link to their profile, events to the calendar's day. */
export const FacilitatorActionsLinked: Story = {
  ...FacilitatorActions,
  render: (args) =>
    html`<grove-participation-badge
      community=${args.community}
      profile-url="/people#members.member={id}"
      event-url="/events#calendar.date={date}"
    ></grove-participation-badge>`,
};

/** The action list while it loads (the profile is already there). */
export const FacilitatorActionsLoading: Story = {
  ...Community,
  parameters: grove({
    routes: { ...facilitatorRoutes(), 'GET /v1/participation/communities/water/actions': () => new Promise(() => undefined) },
  }),
};

/** Nothing to act on. */
export const FacilitatorActionsEmpty: Story = { ...Community, parameters: grove({ routes: facilitatorRoutes(noActions) }) };

/** One kind at a time: only unanswered questions, only newcomers, and so on. */
export const FacilitatorQuestionsOnly: Story = {
  ...Community,
  parameters: grove({ routes: facilitatorRoutes(() => ({ ...noActions, unansweredQuestions: waterActions().unansweredQuestions })) }),
};
export const FacilitatorNewcomersOnly: Story = {
  ...Community,
  parameters: grove({ routes: facilitatorRoutes(() => ({ ...noActions, newcomers: waterActions().newcomers })) }),
};
export const FacilitatorQuietOnly: Story = {
  ...Community,
  parameters: grove({ routes: facilitatorRoutes(() => ({ ...noActions, quietMembers: waterActions().quietMembers })) }),
};
export const FacilitatorReportsOnly: Story = {
  ...Community,
  parameters: grove({ routes: facilitatorRoutes(() => ({ ...noActions, openReports: waterActions().openReports })) }),
};
export const FacilitatorHostlessOnly: Story = {
  ...Community,
  parameters: grove({ routes: facilitatorRoutes(() => ({ ...noActions, eventsWithoutHost: waterActions().eventsWithoutHost })) }),
};

/** After "Welcome": the newcomer stays in the list, marked welcomed (activate the first Welcome button; it plays that here). */
export const FacilitatorWelcomeSent: Story = {
  ...FacilitatorActions,
  play: async ({ canvasElement }) => {
    const badge = canvasElement.querySelector('grove-participation-badge');
    // The list arrives after the profile: wait for its first Welcome button.
    for (let tries = 0; tries < 100; tries++) {
      const button = badge?.shadowRoot?.querySelector<HTMLButtonElement>('[part~="welcome-button"]');
      if (button) {
        button.click();
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  },
};

/** The list failed to load: the message and a retry, under the profile. */
export const FacilitatorActionsFailed: Story = {
  ...Community,
  parameters: grove({
    routes: {
      ...facilitatorRoutes(),
      'GET /v1/participation/communities/water/actions': () => {
        throw new GroveApiError('unavailable', 503);
      },
    },
  }),
};
