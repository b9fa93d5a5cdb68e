import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { GroveApiError } from '../../../src/api/problem.js';
import { GroveEventCalendar } from '../../../src/components/event-calendar/event-calendar.js';
import { defineElement } from '../../../src/registry/define-element.js';
import { expectAccessible } from '../../helpers/axe.js';
import type { FakeCall, FakeClient } from '../../helpers/fake-client.js';
import { $, deepActive, loaded as loadedWidget } from '../../helpers/dom.js';
import { calendarClient, facilitatorClient, novemberEvents, occurrence } from './fixtures.js';

defineElement('grove-event-calendar', GroveEventCalendar);

type Calendar = GroveEventCalendar;
const november = html`<grove-event-calendar community="water" date="2026-11-10" time-zone="Europe/Paris" view="month"></grove-event-calendar>`;

async function facilitating(client: FakeClient, lang?: string): Promise<Calendar> {
  const el = await loadedWidget<Calendar>(november, client, lang ? { lang } : {});
  await waitUntil(() => el.shadowRoot?.querySelector('[part~="new-event-button"]'), 'the facilitator tools arrive', { timeout: 4000 });
  return el;
}

const editor = (el: Calendar) => el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.event-editor');

async function openNew(el: Calendar): Promise<HTMLDialogElement> {
  $(el, '[part~="new-event-button"]').click();
  await waitUntil(() => editor(el)?.open && editor(el)?.querySelector('[name="title"]'), 'the editor opens');
  await el.updateComplete;
  return editor(el)!;
}

async function openDetails(el: Calendar, key: string): Promise<void> {
  $(el, `[data-key^="${key}"]`).click();
  await el.updateComplete;
  await waitUntil(() => el.shadowRoot?.querySelector('dialog.details [part~="when"]'), 'the details body renders', { timeout: 4000 });
}

function type(dialog: HTMLElement, name: string, value: string): void {
  const control = dialog.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)!;
  control.value = value;
  control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }));
}

async function choose(el: Calendar, dialog: HTMLElement, name: string, value: string): Promise<void> {
  type(dialog, name, value);
  await el.updateComplete;
}

function save(dialog: HTMLElement): void {
  dialog.querySelector<HTMLButtonElement>('[part~="save-button"]')!.click();
}

const bodyOf = (client: FakeClient, method: 'POST' | 'PATCH', path: string) =>
  client.callsTo(method, path).at(-1)?.body as Record<string, unknown>;

describe('grove-event-calendar: facilitators write events', () => {
  it('loads no editor for a reader, nor for a member who does not facilitate', async () => {
    const anonymous = calendarClient();
    const reader = await loadedWidget<Calendar>(november, anonymous);
    expect(reader.shadowRoot!.querySelector('[part~="new-event-button"]')).to.equal(null);
    expect(anonymous.callsTo('GET', '/v1/communities/water')).to.have.length(0);

    const member = facilitatorClient(novemberEvents, 'member');
    const el = await loadedWidget<Calendar>(november, member);
    await waitUntil(() => member.callsTo('GET', '/v1/communities/water').length === 1, 'the role is asked');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="new-event-button"]')).to.equal(null);
    await openDetails(el, '12');
    expect(el.shadowRoot!.querySelector('[part~="edit-event-button"]')).to.equal(null);
  });

  it('creates a weekly hybrid event on chosen days, ending after a count, and announces it', async () => {
    const client = facilitatorClient();
    const el = await facilitating(client);
    const dialog = await openNew(el);
    await waitUntil(() => deepActive()?.getAttribute('name') === 'title', 'focus on the title');
    expect(dialog.querySelector<HTMLInputElement>('[name="timeZone"]')!.value, 'the browser zone by default').to.equal(
      Intl.DateTimeFormat().resolvedOptions().timeZone,
    );
    type(dialog, 'title', 'Irrigation clinic');
    type(dialog, 'description', 'Bring **questions**.');
    type(dialog, 'start', '2027-03-02T14:00');
    type(dialog, 'end', '2027-03-02T15:30');
    type(dialog, 'timeZone', 'Europe/Paris');
    await choose(el, dialog, 'mode', 'hybrid');
    type(dialog, 'joinUrl', 'https://meet.example.org/clinic');
    type(dialog, 'location', 'Salle 3, Thiès');
    type(dialog, 'capacity', '12');
    await choose(el, dialog, 'repeat', 'weekly');
    const thursday = dialog.querySelector<HTMLInputElement>('[name="day"][value="TH"]')!;
    expect(dialog.querySelector<HTMLInputElement>('[name="day"][value="TU"]')!.checked, "the start's weekday").to.equal(true);
    thursday.click();
    await choose(el, dialog, 'ends', 'count');
    type(dialog, 'count', '8');
    await el.updateComplete;
    await expectAccessible(el);

    const reloaded = oneEvent(el, 'grove-load');
    save(dialog);
    await reloaded;
    expect(bodyOf(client, 'POST', '/v1/events')).to.deep.include({
      community: 'water',
      title: 'Irrigation clinic',
      description: 'Bring **questions**.',
      startsAt: '2027-03-02T13:00:00.000Z',
      endsAt: '2027-03-02T14:30:00.000Z',
      timeZone: 'Europe/Paris',
      mode: 'hybrid',
      joinUrl: 'https://meet.example.org/clinic',
      location: 'Salle 3, Thiès',
      capacity: 12,
      rrule: 'FREQ=WEEKLY;BYDAY=TU,TH;COUNT=8',
    });
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    expect($(el, '[part~="editor-status"]').textContent).to.include('Irrigation clinic').and.include('created');
    expect(deepActive()?.getAttribute('part'), 'focus back on the opener').to.include('new-event-button');
  });

  it('builds "last Friday of the month until a date" and "monthly on day 17"', async () => {
    const client = facilitatorClient();
    const el = await facilitating(client);
    const dialog = await openNew(el);
    type(dialog, 'title', 'Monthly review');
    type(dialog, 'start', '2026-11-27T09:00');
    type(dialog, 'end', '2026-11-27T10:00');
    type(dialog, 'joinUrl', 'https://meet.example.org/review');
    await choose(el, dialog, 'repeat', 'monthly-weekday');
    expect(dialog.querySelector<HTMLSelectElement>('[name="ordinal"]')!.value, 'the 27th is the last Friday').to.equal('-1');
    expect(dialog.querySelector<HTMLSelectElement>('[name="weekday"]')!.value).to.equal('FR');
    await choose(el, dialog, 'ends', 'until');
    type(dialog, 'until', '2027-06-30');
    const saved = oneEvent(el, 'grove-load');
    save(dialog);
    await saved;
    expect(bodyOf(client, 'POST', '/v1/events').rrule).to.equal('FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20270630');

    const again = await openNew(el);
    type(again, 'title', 'Day 17');
    type(again, 'start', '2026-11-17T09:00');
    type(again, 'end', '2026-11-17T10:00');
    type(again, 'joinUrl', 'https://meet.example.org/17');
    await choose(el, again, 'repeat', 'monthly-date');
    expect(again.querySelector<HTMLSelectElement>('[name="repeat"]')!.selectedOptions[0]!.textContent).to.include('17');
    const second = oneEvent(el, 'grove-load');
    save(again);
    await second;
    expect(bodyOf(client, 'POST', '/v1/events').rrule).to.equal('FREQ=MONTHLY;BYMONTHDAY=17');
  });

  it("names a wrong zone before sending, then shows the server's field errors beside the fields and keeps the text", async () => {
    const client = facilitatorClient();
    client.route('POST /v1/events', () => {
      throw new GroveApiError('invalid', 422, {
        errors: [
          { field: 'body.joinUrl', message: 'An online or hybrid event needs a join link' },
          { field: 'body.endsAt', message: 'Must not be before startsAt' },
        ],
      });
    });
    const el = await facilitating(client);
    const dialog = await openNew(el);
    type(dialog, 'title', 'Borehole basics');
    type(dialog, 'timeZone', 'Europe/Pariss');
    save(dialog);
    await waitUntil(() => dialog.querySelector('[name="timeZone"][aria-invalid="true"]'), 'the zone is named');
    expect(client.callsTo('POST', '/v1/events'), 'nothing sent').to.have.length(0);
    expect(dialog.querySelector('#error-timeZone')!.textContent).to.include('Europe/Paris');

    type(dialog, 'timeZone', 'Africa/Dakar');
    type(dialog, 'end', '2020-01-01T00:00');
    save(dialog);
    await waitUntil(() => dialog.querySelector('[name="joinUrl"][aria-invalid="true"]'), "the server's fields are named");
    expect(dialog.querySelector('[name="end"]')!.getAttribute('aria-invalid')).to.equal('true');
    expect(dialog.querySelector('[name="end"]')!.getAttribute('aria-describedby')).to.equal('error-end');
    expect(dialog.querySelector('[part~="form-message"]')!.textContent).to.include('could not be saved');
    expect(dialog.querySelector<HTMLInputElement>('[name="title"]')!.value, 'the text is kept').to.equal('Borehole basics');
    const refusedKey = client.callsTo('POST', '/v1/events')[0]!.idempotencyKey;
    await waitUntil(() => deepActive()?.getAttribute('name') === 'end', 'focus on the first field named');
    await expectAccessible(el);
    save(dialog);
    await waitUntil(() => client.callsTo('POST', '/v1/events').length === 2, 'sent again');
    expect(client.callsTo('POST', '/v1/events')[1]!.idempotencyKey, 'a corrected draft is a new request').not.to.equal(refusedKey);
  });

  it('keeps the text when the save fails on the way, says why, and reports grove-error', async () => {
    const client = facilitatorClient();
    client.route('POST /v1/events', () => {
      throw new GroveApiError('offline', 0);
    });
    const el = await facilitating(client);
    const dialog = await openNew(el);
    type(dialog, 'title', 'Borehole basics');
    type(dialog, 'description', 'Siting, drilling, **pumps**.');
    type(dialog, 'joinUrl', 'https://meet.example.org/boreholes');
    const reported = oneEvent(el, 'grove-error');
    save(dialog);
    await reported;
    await waitUntil(() => dialog.querySelector('[part~="form-message"]')!.textContent.includes('text is kept'), 'the failure is said');
    expect(dialog.open).to.equal(true);
    expect(dialog.querySelector<HTMLTextAreaElement>('[name="description"]')!.value).to.equal('Siting, drilling, **pumps**.');
    await waitUntil(() => deepActive()?.getAttribute('part') === 'form-message', 'focus on the message');
    save(dialog);
    await waitUntil(() => client.callsTo('POST', '/v1/events').length === 2, 'sent again');
    const [lost, retry] = client.callsTo('POST', '/v1/events');
    expect(retry!.idempotencyKey, 'a retry after a lost answer is the same request').to.equal(lost!.idempotencyKey);
  });

  it('keeps the edits on a 412 and saves them over the newer version', async () => {
    const client = facilitatorClient();
    let first = true;
    client.route('PATCH /v1/events/:id', ({ body, ifMatch }: FakeCall) => {
      if (first) {
        first = false;
        throw new GroveApiError('conflict', 412, { title: 'Precondition failed' });
      }
      return occurrence({ ...(body as object), sequence: Number((ifMatch ?? '"0"').replaceAll('"', '')) + 1 });
    });
    client.route('GET /v1/events/:id', () => occurrence({ sequence: 4, title: 'Drip irrigation clinic (renamed)' }));
    const el = await facilitating(client);
    await openDetails(el, '12');
    $(el, '[part~="edit-event-button"]').click();
    await waitUntil(() => editor(el)?.open && editor(el)?.querySelector('[name="title"]'), 'the editor opens');
    const dialog = editor(el)!;
    expect(dialog.querySelector<HTMLSelectElement>('[name="repeat"]')!.value, "the series' rule read back").to.equal('weekly');
    expect(dialog.querySelector<HTMLSelectElement>('[name="ends"]')!.value).to.equal('count');
    type(dialog, 'title', 'Drip clinic (moved)');
    type(dialog, 'capacity', '30');
    save(dialog);
    await waitUntil(
      () => dialog.querySelector('[part~="form-message"]')!.textContent.includes('Someone else changed'),
      'the conflict is said',
    );
    expect(client.callsTo('PATCH', '/v1/events/12')[0]!.ifMatch).to.equal('"0"');
    expect(dialog.open).to.equal(true);
    expect(dialog.querySelector<HTMLInputElement>('[name="capacity"]')!.value, 'the edit is kept').to.equal('30');
    const reloaded = oneEvent(el, 'grove-load');
    save(dialog);
    await reloaded;
    const retry = client.callsTo('PATCH', '/v1/events/12')[1]!;
    expect(retry.ifMatch, 'over the newer version').to.equal('"4"');
    expect(retry.body, 'only what differs from the newer version').to.deep.equal({ title: 'Drip clinic (moved)', capacity: 30 });
  });

  it('edits one occurrence of a series on its own, with no repeat to choose', async () => {
    const client = facilitatorClient();
    const el = await facilitating(client);
    await openDetails(el, '12');
    $(el, '[part~="edit-occurrence-button"]').click();
    await waitUntil(() => editor(el)?.open && editor(el)?.querySelector('[name="title"]'), 'the editor opens');
    const dialog = editor(el)!;
    expect(dialog.querySelector('[name="repeat"]')).to.equal(null);
    expect(dialog.querySelector<HTMLInputElement>('[name="start"]')!.value, "the occurrence's own time, in the organiser's zone").to.equal(
      '2026-11-10T14:00',
    );
    type(dialog, 'start', '2026-11-10T15:00');
    type(dialog, 'end', '2026-11-10T16:30');
    const reloaded = oneEvent(el, 'grove-load');
    save(dialog);
    await reloaded;
    expect(bodyOf(client, 'POST', '/v1/events/12/occurrence-edits')).to.deep.equal({
      occurrence: '2026-11-10T11:00:00.000Z',
      startsAt: '2026-11-10T12:00:00.000Z',
      endsAt: '2026-11-10T13:30:00.000Z',
    });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.details')!.open, 'the details close after a change').to.equal(false);
  });

  it('asks before cancelling one occurrence, keeps it on "Keep it", and announces the cancellation', async () => {
    const client = facilitatorClient();
    const el = await facilitating(client);
    await openDetails(el, '12');
    $(el, '[part~="cancel-occurrence-button"]').click();
    await waitUntil(() => deepActive()?.getAttribute('part')?.includes('keep-button'), 'focus on the safe answer');
    expect($(el, '[part~="confirm"]').textContent).to.include('Tuesday, November 10, 2026');
    await expectAccessible(el);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(client.callsTo('POST', '/v1/events/12/cancellation')).to.have.length(0);
    expect(deepActive()?.getAttribute('part')).to.include('cancel-event-button');

    $(el, '[part~="cancel-occurrence-button"]').click();
    await el.updateComplete;
    const reloaded = oneEvent(el, 'grove-load');
    $(el, '[part~="confirm-button"]').click();
    await reloaded;
    expect(bodyOf(client, 'POST', '/v1/events/12/cancellation')).to.deep.equal({ occurrence: '2026-11-10T11:00:00.000Z' });
    await el.updateComplete;
    expect($(el, '[part~="editor-status"]').textContent).to.include('was cancelled');
  });

  it('keeps the confirmation open with the reason when cancelling fails', async () => {
    const client = facilitatorClient();
    client.route('POST /v1/events/:id/cancellation', () => {
      throw new GroveApiError('offline', 0);
    });
    const el = await facilitating(client);
    await openDetails(el, '21');
    expect(el.shadowRoot!.querySelector('[part~="cancel-occurrence-button"]'), 'a single event has no occurrences to cancel').to.equal(
      null,
    );
    $(el, '[part~="cancel-event-button"]').click();
    await el.updateComplete;
    $(el, '[part~="confirm-button"]').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="confirm"] [role="alert"]'), 'the failure is said');
    expect(el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.details')!.open).to.equal(true);
  });

  it('closes on Escape without saving and returns focus to Edit', async () => {
    const client = facilitatorClient();
    const el = await facilitating(client);
    await openDetails(el, '21');
    const edit = $(el, '[part~="edit-event-button"]');
    edit.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => editor(el)?.open && deepActive()?.getAttribute('name') === 'title', 'the editor opens on the title');
    expect(editor(el)!.querySelector('[name="repeat"]')!.tagName, 'a single event may start repeating').to.equal('SELECT');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(editor(el)!.open).to.equal(false);
    expect(el.shadowRoot!.querySelector<HTMLDialogElement>('dialog.details')!.open, 'the details stay open').to.equal(true);
    expect(deepActive()).to.equal(edit);
    expect(client.callsTo('PATCH', '/v1/events/21')).to.have.length(0);
  });

  it('speaks Arabic right to left, with the weekdays in Arabic', async () => {
    const el = await facilitating(facilitatorClient(), 'ar');
    const dialog = await openNew(el);
    await choose(el, dialog, 'repeat', 'weekly');
    expect(dialog.getAttribute('dir')).to.equal('rtl');
    expect($(el, '[part~="new-event-button"]').textContent.trim()).to.equal('فعالية جديدة');
    expect(dialog.querySelector('[name="day"][value="FR"]')!.parentElement!.textContent).to.include('الجمعة');
    await expectAccessible(el);
  });
});
