import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { GroveApiError } from '../src/api/problem.js';
import type { GroveStoryParameters } from './decorators/fake-client.js';
import { calendarRoutes, facilitatorRoutes, manyEvents, novemberEvents, occurrence } from '../test/components/event-calendar/fixtures.js';

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

/** One day: its events in order; previous and next step a day. */
export const Day: Story = { args: { view: 'day' } };

/** A day without events says so. */
export const DayEmpty: Story = { args: { view: 'day', date: '2026-11-11' } };

/** Signed in: the details dialog offers going / maybe / not going, with the waitlist once full. */
export const SignedIn: Story = { parameters: grove({ routes: calendarRoutes(), authenticated: true }) };

/** A signed-in member's private subscription link, made on request (members-only events included). */
export const PrivateLink: Story = {
  parameters: grove({
    routes: { ...calendarRoutes(), 'POST /v1/calendar/feed-key': { key: '7.Xq3vK9mTzP2rLw8sYb4nHd6cFj1gRa5e' } },
    authenticated: true,
  }),
  play: async ({ canvasElement }) => {
    const inCalendar = async (selector: string) => {
      for (let frame = 0; frame < 300; frame += 1) {
        const found = canvasElement.querySelector('grove-event-calendar')?.shadowRoot?.querySelector<HTMLElement>(selector);
        if (found) return found;
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      return undefined;
    };
    (await inCalendar('[part~="private-feed-toggle"]'))?.click();
    (await inCalendar('[part~="private-feed-button"]'))?.click();
  },
};

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

// ---- Facilitators: the event editor (its own chunk, loaded for facilitators of the calendar's community) ----

/** Waits (up to about five seconds) for `selector` in the calendar's shadow root. */
async function inCalendar(canvas: HTMLElement, selector: string): Promise<HTMLElement | undefined> {
  for (let frame = 0; frame < 300; frame += 1) {
    const found = canvas.querySelector('grove-event-calendar')?.shadowRoot?.querySelector<HTMLElement>(selector);
    if (found) return found;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  return undefined;
}

async function typeIn(canvas: HTMLElement, name: string, value: string): Promise<void> {
  const control = (await inCalendar(canvas, `dialog.event-editor [name="${name}"]`)) as HTMLInputElement | HTMLSelectElement | undefined;
  if (!control) return;
  control.value = value;
  control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }));
}

const facilitator = (routes: Record<string, unknown> = {}) => grove({ authenticated: true, routes: { ...facilitatorRoutes(), ...routes } });
const click = async (canvas: HTMLElement, selector: string) => (await inCalendar(canvas, selector))?.click();
/** Opens an event's details, then its editor. */
async function editEvent(canvas: HTMLElement, id: string): Promise<void> {
  await click(canvas, `[data-key^="${id}@"]`);
  await click(canvas, '[part~="edit-event-button"]');
}

/** A facilitator of `water`: "New event" above the month, Edit and Cancel in each event's details. */
export const Facilitator: Story = { parameters: facilitator() };

/** "New event": an empty form tomorrow at ten, in the browser's time zone. */
export const EditorNew: Story = {
  parameters: facilitator(),
  play: async ({ canvasElement }) => click(canvasElement, '[part~="new-event-button"]'),
};

/** Editing a single event: it may start repeating. */
export const EditorEditing: Story = {
  parameters: facilitator(),
  play: async ({ canvasElement }) => editEvent(canvasElement, '21'),
};

/** Editing a weekly series: the repeat builder shows its days and its end (after 6 occurrences). */
export const EditorRecurring: Story = {
  parameters: facilitator(),
  play: async ({ canvasElement }) => editEvent(canvasElement, '12'),
};

/** "Last Friday of the month, until a date" in the builder. */
export const EditorMonthlyLastFriday: Story = {
  parameters: facilitator(),
  play: async ({ canvasElement }) => {
    await click(canvasElement, '[part~="new-event-button"]');
    await typeIn(canvasElement, 'start', '2026-11-27T09:00');
    await typeIn(canvasElement, 'repeat', 'monthly-weekday');
    await typeIn(canvasElement, 'ends', 'until');
    await typeIn(canvasElement, 'until', '2027-06-30');
  },
};

/** The server refused two fields: each says why beside it, focus is on the first, the text stays. */
export const EditorFieldErrors: Story = {
  parameters: facilitator({
    'POST /v1/events': () => {
      throw new GroveApiError('invalid', 422, {
        errors: [
          { field: 'body.joinUrl', message: 'An online or hybrid event needs a join link' },
          { field: 'body.endsAt', message: 'Must not be before startsAt' },
        ],
      });
    },
  }),
  play: async ({ canvasElement }) => {
    await click(canvasElement, '[part~="new-event-button"]');
    await typeIn(canvasElement, 'title', 'Borehole basics');
    await click(canvasElement, '[part~="save-button"]');
  },
};

/** Someone else saved the event meanwhile (412): the edits are kept, and saving again applies them. */
export const EditorConflict: Story = {
  parameters: facilitator({
    'PATCH /v1/events/:id': () => {
      throw new GroveApiError('conflict', 412, { title: 'Precondition failed' });
    },
  }),
  play: async ({ canvasElement }) => {
    await editEvent(canvasElement, '21');
    await typeIn(canvasElement, 'title', 'Late call (moved)');
    await click(canvasElement, '[part~="save-button"]');
  },
};

/** Saving: the button says so and the form is busy until the server answers. */
export const EditorSaving: Story = {
  parameters: facilitator(),
  play: async ({ canvasElement }) => {
    await click(canvasElement, '[part~="new-event-button"]');
    await typeIn(canvasElement, 'title', 'Borehole basics');
    await typeIn(canvasElement, 'joinUrl', 'https://meet.example.org/boreholes');
    const provider = canvasElement.querySelector('grove-provider') as { client?: { hold(): () => void } } | null;
    provider?.client?.hold();
    await click(canvasElement, '[part~="save-button"]');
  },
};

/** Saved: the editor closed, the calendar reloaded and the result is announced beside "New event". */
export const EditorSaved: Story = {
  parameters: facilitator(),
  play: async ({ canvasElement }) => {
    await click(canvasElement, '[part~="new-event-button"]');
    await typeIn(canvasElement, 'title', 'Borehole basics');
    await typeIn(canvasElement, 'joinUrl', 'https://meet.example.org/boreholes');
    await click(canvasElement, '[part~="save-button"]');
  },
};

/** Cancelling one occurrence of a series asks first; focus is on "Keep it". */
export const CancelOccurrence: Story = {
  parameters: facilitator(),
  play: async ({ canvasElement }) => {
    await click(canvasElement, '[data-key^="12@"]');
    await click(canvasElement, '[part~="cancel-occurrence-button"]');
  },
};

/** The editor in Arabic, right to left, on a weekly series. */
export const EditorRightToLeft: Story = {
  globals: { lang: 'ar', dir: 'rtl' },
  parameters: facilitator(),
  play: EditorRecurring.play,
};
