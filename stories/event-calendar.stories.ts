import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { GroveApiError } from '../src/api/problem.js';
import type { GroveStoryParameters } from './decorators/fake-client.js';
import { calendarRoutes, manyEvents, novemberEvents, occurrence } from '../test/components/event-calendar/fixtures.js';

interface Args {
  view: string;
  community: string;
  'time-zone': string;
  date: string;
  kinds: string;
}

const grove = (parameters: GroveStoryParameters): { grove: GroveStoryParameters } => ({ grove: parameters });

// Every story opens on November 2026 in Paris time, so the data and the screenshots stay deterministic.
// (A JSDoc comment here would make Storybook add a second `parameters` key to the meta, dropping the routes.)
const meta: Meta<Args> = {
  title: 'Widgets/Event calendar',
  component: 'grove-event-calendar',
  args: { view: 'month', community: 'water', 'time-zone': 'Europe/Paris', date: '2026-11-10', kinds: '' },
  render: (args) => html`<grove-event-calendar
    view=${args.view}
    community=${args.community}
    time-zone=${args['time-zone']}
    date=${args.date}
    kinds=${args.kinds}
  ></grove-event-calendar>`,
  parameters: grove({ routes: calendarRoutes(), delayMs: 150 }),
};
export default meta;

type Story = StoryObj<Args>;

export const Default: Story = {};

export const Week: Story = { args: { view: 'week' } };

export const Agenda: Story = { args: { view: 'agenda' } };

/** Signed in: the details dialog offers going / maybe / not going, with the waitlist once full. */
export const SignedIn: Story = { parameters: grove({ routes: calendarRoutes(), authenticated: true }) };

/** A full occurrence opened by a signed-in member who is second on its waitlist. */
export const Details: Story = {
  parameters: grove({
    authenticated: true,
    routes: calendarRoutes([
      occurrence({
        attendance: { going: 2, maybe: 1, waitlisted: 3 },
        viewerRsvp: { occurrence: '2026-11-10T11:00:00.000Z', status: 'going', waitlisted: true, position: 2 },
      }),
    ]),
  }),
  play: async ({ canvasElement }) => {
    const calendar = canvasElement.querySelector('grove-event-calendar');
    // The fake client answers after a frame or two; give up quietly after about five seconds.
    for (let frame = 0; frame < 300; frame += 1) {
      const chip = calendar?.shadowRoot?.querySelector<HTMLElement>('[part~="event"]');
      if (chip) {
        chip.click();
        return;
      }
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  },
};

export const Loading: Story = { parameters: grove({ routes: calendarRoutes(), loading: true }) };

export const Empty: Story = { args: { view: 'agenda' }, parameters: grove({ routes: calendarRoutes([]) }) };

export const Failed: Story = {
  parameters: grove({
    routes: {
      'GET /v1/events': () => {
        throw new GroveApiError('unavailable', 503, { title: 'Service Unavailable' });
      },
    },
  }),
};

/** 500 events in one month: three per day, the rest behind "+N", which opens the week. */
export const ManyItems: Story = { parameters: grove({ routes: calendarRoutes(manyEvents(500)) }) };

/** Arabic: Saturday first, mirrored layout, arrows follow the reading direction. */
export const RightToLeft: Story = {
  globals: { lang: 'ar', dir: 'rtl' },
  parameters: grove({ routes: calendarRoutes(novemberEvents) }),
};

export const Dark: Story = { globals: { theme: 'dark' } };

/** Themed only through the documented custom properties and parts. */
export const Themed: Story = {
  render: (args) => html`<style>
      .themed {
        --grove-color-accent: #6b2fa3;
        --grove-color-surface: #fbf8ff;
        --grove-radius: 0;
        --grove-event-calendar-cell-height: 8rem;
        --grove-event-calendar-event-color: #d9480f;
        font-family: Georgia, serif;
      }
      .themed::part(title) {
        text-transform: uppercase;
        letter-spacing: 0.05em;
      }
    </style>
    <grove-event-calendar class="themed" date=${args.date} time-zone=${args['time-zone']} view="month"></grove-event-calendar>`,
};

/** A site editor's typo, shown as a translated message rather than a blank box. */
export const InvalidAttribute: Story = { args: { view: 'mounth' } };
