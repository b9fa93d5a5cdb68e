/**
 * The benchmark page's own code, bundled by run.mjs: renders a month of 500 events with Grove's calendar
 * (through a fake client, so only rendering is timed) and exposes the same data for FullCalendar.
 */
import { GroveEventCalendar } from '../../src/components/event-calendar/event-calendar.js';
import { GroveProvider } from '../../src/context/grove-provider.js';
import { defineElement } from '../../src/registry/define-element.js';
import { FakeClient } from '../../test/helpers/fake-client.js';
import { calendarRoutes, manyEvents } from '../../test/components/event-calendar/fixtures.js';

defineElement('grove-provider', GroveProvider);
defineElement('grove-event-calendar', GroveEventCalendar);

const events = manyEvents(500);

declare global {
  interface Window {
    benchEvents: { id: string; title: string; start: string; end: string }[];
    renderGrove: (host: HTMLElement) => Promise<void>;
  }
}

window.benchEvents = events.map(({ id, title, start, end }) => ({ id, title, start, end }));

/** Resolves once the month with its events is rendered (first `grove-load`, then Lit's update). */
window.renderGrove = async (host) => {
  const provider = new GroveProvider();
  provider.client = new FakeClient(calendarRoutes(events));
  provider.lang = 'en';
  const calendar = new GroveEventCalendar();
  Object.assign(calendar, { view: 'month', date: '2026-11-10', timeZone: 'UTC' });
  const loaded = new Promise((resolve) => calendar.addEventListener('grove-load', resolve, { once: true }));
  provider.append(calendar);
  host.append(provider);
  await loaded;
  await calendar.updateComplete;
};
