/**
 * The facilitator's path of the demo against the reference server, across origins: Amina Diallo, who
 * facilitates `water`, creates a weekly hybrid event in the calendar, edits one occurrence on its own and
 * cancels another; the server's own list then holds what the calendar shows.
 */
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { GroveEventCalendar } from '../../../src/components/event-calendar/event-calendar.js';
import type { EventOccurrence, OccurrencePage } from '../../../src/components/event-calendar/types.js';
import { defineElement } from '../../../src/registry/define-element.js';
import { expectAccessible } from '../../helpers/axe.js';
import { fixtureWithClient } from '../../helpers/fixture.js';
import { signInAs } from '../discussion-thread/live-server.js';

defineElement('grove-event-calendar', GroveEventCalendar);

/** Set by web-test-runner.config.js: the reference server, on another origin than the test page. */
const api = (window as { GROVE_API?: string | null }).GROVE_API;
/** Seeded identities (server/seed/README.md): Amina Diallo facilitates `water`. */
const AMINA = '1';

type Calendar = GroveEventCalendar;

function type(root: ParentNode, name: string, value: string): void {
  const control = root.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)!;
  control.value = value;
  control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true, composed: true }));
}

describe('event authoring in the calendar against the reference server', function () {
  this.timeout(40000);

  before(function () {
    if (!api) this.skip();
  });

  it('creates a weekly hybrid event (after correcting what the server refused), edits one occurrence and cancels another', async () => {
    const client = await signInAs(api!, AMINA);
    // March 2031: far from the seed's events and from other tests' writes.
    const firstLoad = oneEvent(document, 'grove-load');
    const el = await fixtureWithClient<Calendar>(
      html`<grove-event-calendar community="water" date="2031-03-01" time-zone="Europe/Paris" view="month"></grove-event-calendar>`,
      client,
    );
    await firstLoad;
    const root = el.shadowRoot!;
    await waitUntil(() => root.querySelector('[part~="new-event-button"]'), 'the editor loads for a facilitator', { timeout: 10000 });
    const title = `Irrigation clinic ${Date.now().toString(36)}`;

    root.querySelector<HTMLElement>('[part~="new-event-button"]')!.click();
    await waitUntil(() => root.querySelector('dialog.event-editor[open] [name="title"]'), 'the editor opens');
    const editor = root.querySelector<HTMLDialogElement>('dialog.event-editor')!;
    type(editor, 'title', title);
    type(editor, 'start', '2031-03-04T14:00');
    type(editor, 'end', '2031-03-04T15:30');
    type(editor, 'timeZone', 'Europe/Paris');
    type(editor, 'mode', 'hybrid');
    await el.updateComplete;
    type(editor, 'location', 'Salle 3, Thiès');
    // Saved first without the join link a hybrid event needs: the server names the field.
    editor.querySelector<HTMLButtonElement>('[part~="save-button"]')!.click();
    await waitUntil(() => editor.querySelector('[name="joinUrl"][aria-invalid="true"]'), 'the server names the join link', {
      timeout: 10000,
    });
    expect(editor.querySelector('#error-joinUrl')!.textContent).to.include('join link');
    type(editor, 'joinUrl', 'https://meet.example.org/clinic');
    type(editor, 'capacity', '12');
    type(editor, 'repeat', 'weekly');
    await el.updateComplete;
    type(editor, 'ends', 'count');
    await el.updateComplete;
    type(editor, 'count', '4');
    await el.updateComplete;
    await expectAccessible(el);
    let reloaded = oneEvent(el, 'grove-load');
    editor.querySelector<HTMLButtonElement>('[part~="save-button"]')!.click();
    const { detail } = (await reloaded) as CustomEvent<{ data: EventOccurrence[] }>;
    const mine = detail.data.filter((item) => item.title === title);
    expect(
      mine.map((item) => item.start),
      'Tuesdays at 14:00 in Paris',
    ).to.deep.equal(['2031-03-04T13:00:00.000Z', '2031-03-11T13:00:00.000Z', '2031-03-18T13:00:00.000Z', '2031-03-25T13:00:00.000Z']);
    const series = mine[0]!;
    expect(series.rrule).to.equal('FREQ=WEEKLY;BYDAY=TU;COUNT=4');
    expect(series.mode).to.equal('hybrid');
    await el.updateComplete;
    expect(root.querySelector('[part~="editor-status"]')!.textContent).to.include(title);

    // The second Tuesday moves to 16:00 on its own.
    const open = async (start: string) => {
      root.querySelector<HTMLElement>(`[data-key="${series.id}@${start}"]`)!.click();
      await waitUntil(
        () => root.querySelector('dialog.details[open] [part~="event-actions"]'),
        "the details with the facilitator's actions",
        { timeout: 10000 },
      );
    };
    await open('2031-03-11T13:00:00.000Z');
    root.querySelector<HTMLElement>('[part~="edit-occurrence-button"]')!.click();
    await waitUntil(() => root.querySelector('dialog.event-editor[open] [name="start"]'), 'the occurrence editor opens');
    expect(editor.querySelector<HTMLInputElement>('[name="start"]')!.value).to.equal('2031-03-11T14:00');
    type(editor, 'start', '2031-03-11T16:00');
    type(editor, 'end', '2031-03-11T17:30');
    reloaded = oneEvent(el, 'grove-load');
    editor.querySelector<HTMLButtonElement>('[part~="save-button"]')!.click();
    await reloaded;

    // The third is cancelled, after the confirmation.
    await el.updateComplete;
    await open('2031-03-18T13:00:00.000Z');
    root.querySelector<HTMLElement>('[part~="cancel-occurrence-button"]')!.click();
    await waitUntil(() => root.querySelector('[part~="confirm-button"]'), 'the confirmation');
    await expectAccessible(el);
    reloaded = oneEvent(el, 'grove-load');
    root.querySelector<HTMLElement>('[part~="confirm-button"]')!.click();
    const after = ((await reloaded) as CustomEvent<{ data: EventOccurrence[] }>).detail.data.filter((item) => item.title === title);
    await el.updateComplete;
    expect(root.querySelector('[part~="editor-status"]')!.textContent).to.include('cancelled');

    // What the server now says, read anonymously: the series lost two Tuesdays, one of them lives on at 16:00.
    const page = (await (
      await fetch(`${api!}/v1/events?community=water&from=2031-03-01T00:00:00Z&to=2031-04-01T00:00:00Z&limit=100`)
    ).json()) as OccurrencePage;
    const stored = page.items.filter((item) => item.title === title);
    expect(stored.map((item) => [item.start, item.seriesId === series.id])).to.deep.equal([
      ['2031-03-04T13:00:00.000Z', false],
      ['2031-03-11T15:00:00.000Z', true],
      ['2031-03-25T13:00:00.000Z', false],
    ]);
    expect(
      after.map((item) => item.start),
      'the calendar shows what the server holds',
    ).to.deep.equal(stored.map((item) => item.start));
  });
});
