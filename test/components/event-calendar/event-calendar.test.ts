import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { GroveApiError } from '../../../src/api/problem.js';
import { GroveEventCalendar } from '../../../src/components/event-calendar/event-calendar.js';
import { defineElement } from '../../../src/registry/define-element.js';
import type { GroveNavigateEvent } from '../../../src/events/grove-navigate-event.js';
import type { GroveRsvpEvent } from '../../../src/events/grove-rsvp-event.js';
import { GroveSelectEvent } from '../../../src/events/grove-select-event.js';
import { expectAccessible } from '../../helpers/axe.js';
import { FakeClient } from '../../helpers/fake-client.js';
import { $, $$, deepActive, loaded as loadedWidget, text } from '../../helpers/dom.js';
import { fixtureWithClient } from '../../helpers/fixture.js';
import { calendarClient, calendarRoutes, manyEvents, occurrence } from './fixtures.js';
import { widgetSuite } from '../../helpers/widget-suite.js';

defineElement('grove-event-calendar', GroveEventCalendar);

type Calendar = GroveEventCalendar;
const november = html`<grove-event-calendar community="water" date="2026-11-10" time-zone="Europe/Paris" view="month"></grove-event-calendar>`;

/** Renders a calendar and waits for its first load (test/helpers/dom.ts). */
const loaded = (client: FakeClient, template = november, lang?: string) => loadedWidget<Calendar>(template, client, lang ? { lang } : {});

const cell = (el: Element, date: string) => $(el, `[data-date="${date}"]`);

/** Waits for the details dialog's body, which loads with the first event opened (its own chunk). */
async function detailsShown(el: Calendar): Promise<void> {
  await waitUntil(() => el.shadowRoot?.querySelector('dialog [part~="when"]'), 'the details body renders', { timeout: 4000 });
}

/** Opens an event's details by clicking its chip, and waits for the dialog's body. */
async function openDetails(el: Calendar, key: string): Promise<void> {
  $(el, `[data-key^="${key}"]`).click();
  await el.updateComplete;
  await detailsShown(el);
}

widgetSuite({
  tag: 'grove-event-calendar',
  template: november,
  client: calendarClient,
  emptyClient: () => calendarClient([]),
  loadPath: '/v1/events',
  invalid: {
    template: html`<grove-event-calendar view="mounth"></grove-event-calendar>`,
    name: 'view',
    says: 'month, week, day, or agenda',
  },
});

describe('grove-event-calendar', () => {
  it('renders the month as a labelled grid with events on the viewer-zone day', async () => {
    const client = calendarClient();
    const el = await loaded(client);
    const grid = $(el, 'table[role="grid"]');
    expect(grid.getAttribute('aria-labelledby')).to.equal('title');
    expect($(el, '#title').textContent).to.equal('November 2026');
    expect($$(el, 'thead th').map((th) => th.textContent.trim())[0], 'en starts the week on Sunday').to.equal('Sun');
    expect(cell(el, '2026-11-10').textContent).to.include('12:00').and.include('Drip irrigation clinic');
    expect(cell(el, '2026-11-13').textContent, 'all-day spans both days').to.include('Peer assist');
    expect(cell(el, '2026-11-24').textContent, 'day of the Paris viewer, not the Nairobi organiser').to.include('Late call');
    expect(cell(el, '2026-11-10').querySelector('.visually-hidden')!.textContent).to.equal('Tuesday, November 10, 2026, 1 event');
    expect(client.callsTo('GET', '/v1/events')[0]!.query).to.include({
      community: 'water',
      from: '2026-10-31T00:00:00.000Z',
      to: '2026-12-07T00:00:00.000Z',
    });
  });

  it('is accessible while loading, with events, when empty and on error', async () => {
    const client = calendarClient();
    const release = client.hold();
    const el = await fixtureWithClient<Calendar>(november, client);
    expect($(el, '[aria-busy="true"]').textContent).to.include('Loading');
    await expectAccessible(el);
    const done = oneEvent(el, 'grove-load');
    release();
    await done;
    await el.updateComplete;
    await expectAccessible(el);

    const empty = await loaded(calendarClient([]), html`<grove-event-calendar view="agenda" date="2026-11-10"></grove-event-calendar>`);
    expect(text(empty)).to.include('No events in this period.');
    await expectAccessible(empty);

    const failing = new FakeClient({
      'GET /v1/events': () => {
        throw new GroveApiError('unavailable', 503);
      },
    });
    const failed = oneEvent(document, 'grove-error');
    const broken = await fixtureWithClient<Calendar>(november, failing);
    await failed;
    await broken.updateComplete;
    expect($(broken, '[role="alert"]').textContent).to.include('The server is busy');
    await expectAccessible(broken);
  });

  it('moves between days with arrows, Home and End, and between months with Page Up and Page Down', async () => {
    const client = calendarClient();
    const el = await loaded(client);
    cell(el, '2026-11-10').focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(deepActive()?.getAttribute('data-date')).to.equal('2026-11-11');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(deepActive()?.getAttribute('data-date')).to.equal('2026-11-18');
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(deepActive()?.getAttribute('data-date'), 'Sunday starts the en-US week').to.equal('2026-11-15');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(deepActive()?.getAttribute('data-date')).to.equal('2026-11-21');
    expect($$(el, '[role="gridcell"][tabindex="0"]'), 'one tab stop in the grid').to.have.length(1);

    const navigated = oneEvent<GroveNavigateEvent>(el, 'grove-navigate');
    const reloaded = oneEvent(el, 'grove-load');
    await sendKeys({ press: 'PageDown' });
    const navigation = await navigated;
    expect(navigation.detail).to.include({ view: 'month', date: '2026-12-21' });
    expect(navigation.bubbles && navigation.composed).to.equal(true);
    await reloaded;
    await el.updateComplete;
    expect($(el, '#title').textContent).to.equal('December 2026');
    expect(deepActive()?.getAttribute('data-date')).to.equal('2026-12-21');
    expect(client.callsTo('GET', '/v1/events')).to.have.length(2);
    await sendKeys({ press: 'PageUp' });
    await el.updateComplete;
    expect(deepActive()?.getAttribute('data-date')).to.equal('2026-11-21');
  });

  it('opens details in a modal dialog from the keyboard and returns focus on Escape', async () => {
    const el = await loaded(calendarClient());
    cell(el, '2026-11-10').focus();
    const selected = oneEvent<GroveSelectEvent>(el, 'grove-select');
    await sendKeys({ press: 'Enter' });
    expect(deepActive()?.getAttribute('part')).to.equal('event');
    await sendKeys({ press: 'Enter' });
    const selection = await selected;
    expect((selection.detail.item as { id: string }).id).to.equal('12');
    expect(selection.bubbles && selection.composed && selection.cancelable).to.equal(true);
    await el.updateComplete;
    const dialog = $(el, 'dialog') as HTMLDialogElement;
    expect(dialog.open).to.equal(true);
    expect(deepActive()?.id, 'focus moves into the dialog at once, while its body loads').to.equal('dialog-title');
    await detailsShown(el);
    expect(deepActive()?.id, 'and stays there when the body arrives').to.equal('dialog-title');
    const details = dialog.textContent.replace(/\s+/g, ' ');
    expect(details).to.include('Tuesday, November 10, 2026').and.include('12:00').and.include('Central European');
    expect(details, 'the organiser zone alongside').to.include('2:00 PM for the organiser (East Africa Time)');
    expect(details).to.include('Online').and.include('2 going, 1 maybe').and.include('Full (2 places)');
    expect($(el, '[part="join-link"]').getAttribute('href')).to.equal('https://meet.example.org/drip');
    expect($(el, '[part="download-link"]').getAttribute('href')).to.equal('https://grove.test/api/v1/events/12.ics');
    const [google, outlook] = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part="add-link"]')];
    expect(google!.textContent).to.equal('Add to Google Calendar');
    expect(new URL(google!.href).searchParams.get('dates')).to.equal('20261110T110000Z/20261110T123000Z');
    expect(new URL(google!.href).searchParams.get('recur')).to.equal('RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=6');
    expect(new URL(outlook!.href).searchParams.get('startdt')).to.equal('2026-11-10T11:00:00.000Z');
    expect(outlook!.rel).to.equal('noopener noreferrer');
    await expectAccessible(el);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    expect(deepActive()?.getAttribute('data-key'), 'focus back on the event').to.equal('12@2026-11-10T11:00:00.000Z');
  });

  it('does not reopen the details by itself when the calendar is moved', async () => {
    const el = await loaded(calendarClient());
    await openDetails(el, '12@2026-11-10');
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await el.updateComplete;
    expect(($(el, 'dialog') as HTMLDialogElement).open).to.equal(false);
    expect($(el, 'dialog').textContent.trim()).to.equal('');
  });

  it('lets the host cancel grove-select to keep the dialog closed', async () => {
    const el = await loaded(calendarClient());
    el.addEventListener('grove-select', (event) => event.preventDefault(), { once: true });
    $(el, '[data-key^="12@2026-11-10"]').click();
    await el.updateComplete;
    expect(($(el, 'dialog') as HTMLDialogElement).open).to.equal(false);
  });

  it('answers an RSVP for the occurrence and shows the waitlist position', async () => {
    const client = calendarClient(undefined, { authenticated: true });
    const el = await loaded(client);
    await openDetails(el, '12@2026-11-17');
    const answered = oneEvent<GroveRsvpEvent>(el, 'grove-rsvp');
    $(el, '[data-rsvp="going"]').click();
    const event = await answered;
    expect(event.detail).to.deep.equal({
      eventId: '12',
      occurrence: '2026-11-17T11:00:00.000Z',
      status: 'going',
      waitlisted: true,
      position: 1,
    });
    expect(event.bubbles && event.composed).to.equal(true);
    const [post] = client.callsTo('POST', '/v1/events/12/rsvp');
    expect(post!.body).to.deep.equal({ status: 'going', occurrence: '2026-11-17T11:00:00.000Z' });
    expect(post!.idempotencyKey === undefined || typeof post!.idempotencyKey === 'string').to.equal(true);
    await el.updateComplete;
    expect($(el, '.rsvp-status').textContent).to.equal('The event is full: you are number 1 on the waitlist.');
    expect($(el, '[data-rsvp="going"]').getAttribute('aria-pressed')).to.equal('true');
    ($(el, 'dialog') as HTMLDialogElement).close();
    await el.updateComplete;
    await openDetails(el, '12@2026-11-17');
    expect($(el, '[data-rsvp="going"]').getAttribute('aria-pressed'), 'the answer is remembered on reopening').to.equal('true');
    expect($(el, '[data-key^="12@2026-11-17"] [part~="answer"]').textContent, 'and shown on the event').to.equal('Waitlist 1');
  });

  it('downloads the .ics with the member token when signed in, and says so when it fails', async () => {
    const client = calendarClient(undefined, { authenticated: true });
    const el = await loaded(client);
    await openDetails(el, '12@2026-11-10');
    const saved: Blob[] = [];
    const createObjectURL = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob) => {
      saved.push(blob);
      return createObjectURL(blob);
    };
    try {
      const link = $(el, '[part~="download-link"]');
      link.click();
      await waitUntil(() => saved.length === 1, 'the calendar file is saved', { timeout: 4000 });
      expect(await saved[0]!.text()).to.include('UID:event-12@');
      expect(client.callsTo('GET', '/v1/events/12.ics')).to.have.length(1);
      client.route('GET /v1/events/:id.ics', () => {
        throw new GroveApiError('offline', 0, {});
      });
      const failed = oneEvent(el, 'grove-error');
      link.click();
      await failed;
      await el.updateComplete;
      expect($(el, 'dialog [role="alert"]').textContent.trim(), 'a translated message by the link').not.to.equal('');
    } finally {
      URL.createObjectURL = createObjectURL;
    }
  });

  it('asks anonymous viewers to sign in instead of offering RSVP buttons', async () => {
    const el = await loaded(calendarClient());
    await openDetails(el, '12@2026-11-10');
    expect($$(el, '[data-rsvp]')).to.have.length(0);
    expect(text(el)).to.include('Sign in to answer.');
  });

  it('opens the event discussion on demand, keyed to the event', async () => {
    const client = calendarClient(undefined, { authenticated: true });
    const el = await loaded(client);
    await openDetails(el, '12@2026-11-10');
    expect($$(el, 'grove-discussion-thread'), 'nothing fetched before it is opened').to.have.length(0);
    const toggle = $(el, '[part~="discussion-button"]');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const thread = $(el, 'grove-discussion-thread');
    expect([thread.getAttribute('page-key'), thread.getAttribute('community'), thread.getAttribute('thread-title')]).to.deep.equal([
      'event:12',
      'water',
      'Drip irrigation clinic',
    ]);
    await waitUntil(() => customElements.get('grove-discussion-thread') !== undefined, 'thread element defined on demand', {
      timeout: 4000,
    });
    await waitUntil(() => client.callsTo('GET', '/v1/threads').length > 0, 'the thread asks for its key', { timeout: 4000 });
    expect(client.callsTo('GET', '/v1/threads')[0]!.query.key).to.equal('event:12');
    await expectAccessible(el);
  });

  it('names an invalid attribute in a translated message', async () => {
    const el = await fixtureWithClient<Calendar>(
      html`<grove-event-calendar view="mounth" lang="fr"></grove-event-calendar>`,
      calendarClient(),
    );
    // The French core catalogue is fetched on demand.
    await waitUntil(() => $(el, '[role="alert"]').textContent.includes('attribut'), 'French message shown', { timeout: 4000 });
    expect($(el, '[role="alert"]').textContent).to.include('view').and.include('mounth');
    const zone = await fixtureWithClient<Calendar>(
      html`<grove-event-calendar time-zone="Mars/Olympus"></grove-event-calendar>`,
      calendarClient(),
    );
    expect($(zone, '[role="alert"]').textContent).to.include('time-zone');
  });

  it('lays out right to left in Arabic, Saturday first, with arrows following the reading direction', async () => {
    const el = await loaded(calendarClient(), november, 'ar');
    expect($(el, '.root').getAttribute('dir')).to.equal('rtl');
    expect($$(el, 'thead th')[0]!.getAttribute('abbr')).to.equal('السبت');
    cell(el, '2026-11-10').focus();
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(deepActive()?.getAttribute('data-date'), 'left is forward in RTL').to.equal('2026-11-11');
    await expectAccessible(el);
  });

  it('shows a week with every event and the agenda by day, filtered by kinds', async () => {
    const week = await loaded(
      calendarClient(),
      html`<grove-event-calendar view="week" date="2026-11-12" time-zone="Europe/Paris"></grove-event-calendar>`,
    );
    expect($$(week, '[role="gridcell"]')).to.have.length(7);
    expect($(week, '#title').textContent).to.equal('Week of November 8, 2026');
    const agenda = await loaded(
      calendarClient(),
      html`<grove-event-calendar view="agenda" kinds="Webinar" date="2026-11-01" time-zone="Europe/Paris"></grove-event-calendar>`,
    );
    const days = $$(agenda, '.agenda-day h3').map((h) => h.textContent);
    expect(days).to.deep.equal(['Tuesday, November 10, 2026', 'Tuesday, November 17, 2026']);
    await expectAccessible(agenda);
  });

  it('shows one day with its events, steps a day at a time, and says when a day is free', async () => {
    const client = calendarClient();
    const day = await loaded(
      client,
      html`<grove-event-calendar view="day" date="2026-11-10" time-zone="Europe/Paris"></grove-event-calendar>`,
    );
    expect($(day, '#title').textContent).to.equal('Tuesday, November 10, 2026');
    expect($$(day, '[part~="event"] .title').length).to.be.greaterThan(0);
    expect($(day, '[part~="view-button"][aria-pressed="true"]').textContent.trim()).to.equal('Day');
    await expectAccessible(day);
    $$(day, '[part~="nav-button"]')[2]!.click();
    await waitUntil(() => $(day, '#title').textContent === 'Wednesday, November 11, 2026', 'next is the next day');
    await waitUntil(
      () => (day.shadowRoot?.querySelector('[part~="status"]')?.textContent ?? '').includes('No events on this day.'),
      'a free day says so',
    );
    const query = client.callsTo('GET', '/v1/events').at(-1)!.query;
    const days = (Date.parse(String(query.to)) - Date.parse(String(query.from))) / 86_400_000;
    expect(days, 'the day (with a margin for time zones) is asked for, not the month').to.be.at.most(3);
  });

  it('gives a signed-in member a private subscription link only when asked, and never to readers', async () => {
    const reader = await loaded(calendarClient(), html`<grove-event-calendar community="water" date="2026-11-10"></grove-event-calendar>`);
    expect(reader.shadowRoot!.querySelector('[part~="private-feed-toggle"]'), 'no private link for anonymous readers').to.equal(null);

    const client = new FakeClient({ ...calendarRoutes(), 'POST /v1/calendar/feed-key': { key: '7.s3cr3t' } }, { authenticated: true });
    const el = await loaded(client, html`<grove-event-calendar community="water" date="2026-11-10"></grove-event-calendar>`);
    const toggle = $(el, '[part~="private-feed-toggle"]');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="private-feed"]'), 'the panel opens');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(client.callsTo('POST', '/v1/calendar/feed-key'), 'opening makes no key: a new key stops the old one').to.have.length(0);
    await expectAccessible(el);
    $(el, '[part~="private-feed-button"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="private-feed-url"]'), 'the link is shown');
    const url = (el.shadowRoot!.querySelector('[part~="private-feed-url"]') as HTMLInputElement).value;
    expect(url).to.match(/^webcal:\/\/.*\/v1\/communities\/water\/events\.ics\?key=7\.s3cr3t$/);
    expect($(el, '[part~="private-feed-link"]').getAttribute('href')).to.equal(url);
    expect(client.callsTo('POST', '/v1/calendar/feed-key')).to.have.length(1);
    await expectAccessible(el);
  });

  it('marks the viewer own answers on their events, with the waitlist place', async () => {
    const answered = [
      occurrence({ viewerRsvp: { occurrence: '2026-11-10T11:00:00.000Z', status: 'going', waitlisted: false, position: null } }),
      occurrence({
        start: '2026-11-17T11:00:00.000Z',
        end: '2026-11-17T12:30:00.000Z',
        viewerRsvp: { occurrence: '2026-11-17T11:00:00.000Z', status: 'going', waitlisted: true, position: 2 },
      }),
      occurrence({
        id: '21',
        start: '2026-11-24T10:00:00.000Z',
        end: '2026-11-24T11:00:00.000Z',
        viewerRsvp: { occurrence: '2026-11-24T10:00:00.000Z', status: 'not-going', waitlisted: false, position: null },
      }),
    ];
    const el = await loaded(
      calendarClient(answered),
      html`<grove-event-calendar view="agenda" date="2026-11-01" time-zone="Europe/Paris"></grove-event-calendar>`,
    );
    expect($$(el, '[part~="answer"]').map((badge) => badge.textContent)).to.deep.equal(['Going', 'Waitlist 2']);
    await expectAccessible(el);
  });

  it('collects every page of a busy month and folds full days into "+N"', async () => {
    const el = await loaded(calendarClient(manyEvents(500)));
    expect($$(el, '[part~="event"]').length, 'at most three per day').to.be.at.most(3 * 42);
    const more = $(el, '[data-more="2026-11-05"]');
    expect(more.textContent).to.match(/^\+\d+$/);
    more.click();
    await el.updateComplete;
    expect($$(el, '[role="gridcell"]')).to.have.length(7);
  });

  it('defaults to the agenda on narrow widths', async () => {
    const narrow = await loaded(
      calendarClient(),
      html`<grove-event-calendar style="width: 320px" date="2026-11-10"></grove-event-calendar>`,
    );
    // Inside a provider that has not rendered its slot yet, the first measure comes from the ResizeObserver.
    await waitUntil(() => $$(narrow, '[part~="agenda"]').length === 1, 'agenda shown at 320px', { timeout: 4000 });
  });

  it('renders, navigates and opens details without Lit warnings or console errors', async () => {
    const messages: unknown[][] = [];
    const { warn, error } = console;
    console.warn = (...args: unknown[]) => messages.push(args);
    console.error = (...args: unknown[]) => messages.push(args);
    try {
      const el = await loaded(calendarClient(undefined, { authenticated: true }));
      cell(el, '2026-11-10').focus();
      const december = oneEvent(el, 'grove-load');
      await sendKeys({ press: 'PageDown' });
      await december;
      await sendKeys({ press: 'PageUp' });
      await el.updateComplete;
      await openDetails(el, '12@2026-11-10');
      const answered = oneEvent(el, 'grove-rsvp');
      $(el, '[data-rsvp="maybe"]').click();
      await answered;
      await el.updateComplete;
    } finally {
      console.warn = warn;
      console.error = error;
    }
    expect(messages, JSON.stringify(messages)).to.deep.equal([]);
  });

  it('follows a date or view the host sets after the user navigated', async () => {
    const el = await loaded(calendarClient());
    $$(el, '[part~="nav-button"]')[2]!.click();
    await el.updateComplete;
    expect($(el, '#title').textContent).to.equal('December 2026');
    el.date = '2027-03-01';
    el.view = 'week';
    await el.updateComplete;
    expect($(el, '#title').textContent).to.equal('Week of February 28, 2027');
  });

  it('opens the day a link names in the page address (#calendar.date=…), at load and when the link is followed', async () => {
    const before = location.hash;
    try {
      history.replaceState(history.state, '', '#other=1&calendar.date=2026-11-12');
      const el = await loaded(calendarClient());
      expect($(el, '#title').textContent).to.equal('Thursday, November 12, 2026');
      expect($(el, '[part~="view-button"][aria-pressed="true"]').textContent.trim()).to.equal('Day');
      location.hash = 'calendar.date=2026-11-20';
      await waitUntil(() => $(el, '#title').textContent === 'Friday, November 20, 2026', 'the linked day');
      location.hash = 'calendar.date=not-a-date';
      await new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
      expect($(el, '#title').textContent, 'a hand-edited link that is no date changes nothing').to.equal('Friday, November 20, 2026');
      const named = await loaded(
        calendarClient(),
        html`<grove-event-calendar id="events" date="2026-11-10" time-zone="Europe/Paris" view="month"></grove-event-calendar>`,
      );
      expect($(named, '#title').textContent, 'another calendar’s key is not this one’s').to.equal('November 2026');
    } finally {
      history.replaceState(history.state, '', before || location.pathname + location.search);
    }
  });
});
