import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { createHttpClient } from '../../../src/api/http-client.js';
import { GroveEventCalendar } from '../../../src/components/event-calendar/event-calendar.js';
import type { EventOccurrence, OccurrencePage } from '../../../src/components/event-calendar/types.js';
import { GroveProvider } from '../../../src/context/grove-provider.js';
import { defineElement } from '../../../src/registry/define-element.js';
import type { GroveRsvpEvent } from '../../../src/events/grove-rsvp-event.js';
import { expectAccessible } from '../../helpers/axe.js';

defineElement('grove-provider', GroveProvider);
defineElement('grove-event-calendar', GroveEventCalendar);

/** Set by web-test-runner.config.js: the reference server, on another origin than the test page. */
const api = (window as { GROVE_API?: string | null }).GROVE_API;
const DAY_MS = 86_400_000;

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
}

/** A seeded member of `community`, signed in through the demo endpoint as the demo page does. */
async function signIn(base: string, community: string, organiserId: string) {
  const members = await getJson<{ items: { id: string }[] }>(`${base}/v1/members?community=${community}&limit=5`);
  const member = members.items.find((item) => item.id !== organiserId);
  if (!member) throw new Error(`no member in ${community}`);
  const response = await fetch(`${base}/v1/auth/demo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({ member: member.id }),
  });
  if (!response.ok) throw new Error(`demo sign-in failed: ${response.status}`);
  const { token } = (await response.json()) as { token: string };
  return createHttpClient({ baseUrl: base, token });
}

describe('grove-event-calendar against the reference server', function () {
  this.timeout(20000);
  before(function () {
    if (!api) this.skip();
  });

  it('shows a seeded recurring occurrence, answers an RSVP for it and links a parseable ICS', async () => {
    const now = Date.now();
    const range = `from=${new Date(now - 60 * DAY_MS).toISOString()}&to=${new Date(now + 120 * DAY_MS).toISOString()}&limit=100`;
    const page = await getJson<OccurrencePage>(`${api!}/v1/events?${range}`);
    // The second occurrence of a series proves the server expanded the rule.
    const series = page.items.filter((item) => item.recurring && !item.cancelled);
    const target: EventOccurrence | undefined = series.find((item) =>
      series.some((other) => other.id === item.id && other.start < item.start),
    );
    expect(target, 'the demo network has a weekly series in range').not.to.equal(undefined);
    const client = await signIn(api!, target!.community, target!.organiser.id);

    const loaded = oneEvent(document, 'grove-load');
    const provider = await fixture<GroveProvider>(html`<grove-provider .client=${client} lang="en">
      <grove-event-calendar community=${target!.community} view="agenda" time-zone="UTC" date=${target!.start.slice(0, 10)}></grove-event-calendar>
    </grove-provider>`);
    const el = provider.querySelector<GroveEventCalendar>('grove-event-calendar')!;
    await loaded;
    await el.updateComplete;
    const root = el.shadowRoot!;
    const chip = root.querySelector<HTMLElement>(`[data-key="${CSS.escape(`${target!.id}@${target!.start}`)}"]`);
    expect(chip, `occurrence ${target!.id}@${target!.start} listed`).not.to.equal(null);
    chip!.click();
    await el.updateComplete;
    const dialog = root.querySelector('dialog')!;
    expect(dialog.open).to.equal(true);
    expect(dialog.querySelector('#dialog-title')!.textContent).to.equal(target!.title);
    await waitUntil(() => dialog.querySelector('[data-rsvp="maybe"]'), 'the details body loads', { timeout: 4000 });

    const answered = oneEvent<GroveRsvpEvent>(el, 'grove-rsvp');
    dialog.querySelector<HTMLElement>('[data-rsvp="maybe"]')!.click();
    const rsvp = await answered;
    expect(rsvp.detail).to.include({ eventId: target!.id, occurrence: target!.start, status: 'maybe', waitlisted: false });
    await waitUntil(() => dialog.querySelector('.rsvp-status')?.textContent === 'You might attend.', 'answer shown', { timeout: 4000 });
    await expectAccessible(el);

    const icsUrl = dialog.querySelector<HTMLAnchorElement>('[part~="download-link"]')!.href;
    const ics = await (await fetch(icsUrl)).text();
    expect(ics).to.match(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).to.include(`UID:event-${target!.id}@`).and.include('RRULE:FREQ=WEEKLY');

    // The community's subscription: a webcal link to the same server's feed, holding the same UID.
    const feedUrl = root.querySelector<HTMLAnchorElement>('[part~="subscribe-link"]')!.href;
    expect(feedUrl).to.match(/^webcal:\/\//);
    const feed = await fetch(feedUrl.replace(/^webcal:/, new URL(api!).protocol));
    expect(feed.headers.get('content-type')).to.match(/^text\/calendar/);
    expect(await feed.text()).to.include(`UID:event-${target!.id}@`);
  });
});
