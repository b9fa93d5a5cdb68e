import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import { EventOccurrence, ViewerRsvp } from '../../../server/app/schemas/events.ts';
import { page } from '../../../server/app/schemas/common.ts';
import { assertProblem, assertSchema, call, setup, testDatabase, type Fixture } from '../app/harness.ts';

let ctx: Awaited<ReturnType<typeof setup>>;
let f: Fixture;
let series: string;

before(async () => {
  ctx = await setup();
  f = ctx.fixture;
  // Tuesdays 14:00 in Paris from 17 March 2026, six times, the 7 April one cancelled; capacity one seat.
  const { rows } = await ctx.db.query<{ id: string }>(
    `insert into events (community_id, organiser_id, title, description, starts_at, ends_at, time_zone, rrule, exdates, capacity, join_url)
     values ($1, $2, 'Clinic; pumps, filters', 'Questions welcome', '2026-03-17T13:00:00Z', '2026-03-17T14:00:00Z', 'Europe/Paris',
             'FREQ=WEEKLY;BYDAY=TU;COUNT=6', '{2026-04-07T12:00:00Z}', 1, 'https://meet.example.org/clinic') returning id`,
    [f.grove.id, f.facilitator],
  );
  series = rows[0]!.id;
});
after(async () => (await testDatabase()).close());

const list = (query: string, as: string | null = null) =>
  call(ctx.grove, `/api/v1/events?community=${f.grove.slug}&from=2026-03-01T00:00:00Z&to=2026-05-01T00:00:00Z${query}`, { as });

describe('events API with recurrence', () => {
  test('lists each occurrence at its local time across DST, without the exception', async () => {
    const body = assertSchema(page(EventOccurrence, 'EventOccurrencePage'), (await list('')).json);
    const starts = body.items.filter((item) => item.id === series).map((item) => item.start);
    assert.deepEqual(starts, [
      '2026-03-17T13:00:00.000Z', '2026-03-24T13:00:00.000Z', '2026-03-31T12:00:00.000Z', '2026-04-14T12:00:00.000Z', '2026-04-21T12:00:00.000Z',
    ]);
    assert.equal(body.items[0]!.recurring, true);
  });

  test('pages occurrences with a cursor, without repeats', async () => {
    const first = assertSchema(page(EventOccurrence, 'EventOccurrencePage'), (await list('&limit=2')).json);
    assert.equal(first.items.length, 2);
    assert.ok(first.next);
    const second = assertSchema(page(EventOccurrence, 'EventOccurrencePage'), (await list(`&limit=2&cursor=${encodeURIComponent(first.next)}`)).json);
    assert.deepEqual(second.items.map((item) => item.start), ['2026-03-31T12:00:00.000Z', '2026-04-14T12:00:00.000Z']);
  });

  test('addresses one occurrence and refuses a time that is not one', async () => {
    const one = await call(ctx.grove, `/api/v1/events/${series}?occurrence=2026-03-31T12:00:00Z`);
    assert.equal(assertSchema(EventOccurrence, one.json).end, '2026-03-31T13:00:00.000Z');
    assertProblem(await call(ctx.grove, `/api/v1/events/${series}?occurrence=2026-03-31T13:00:00Z`), 422, 'query.occurrence');
    assertProblem(await call(ctx.grove, `/api/v1/events/${series}?occurrence=2026-04-07T12:00:00Z`), 422, 'query.occurrence');
  });

  test('keeps capacity and waitlist per occurrence, and a cancellation promotes the first waiting', async () => {
    const occurrence = '2026-04-14T12:00:00.000Z';
    const rsvp = (as: string, status: string, at = occurrence) =>
      call(ctx.grove, `/api/v1/events/${series}/rsvp`, { method: 'POST', as, body: { status, occurrence: at } });
    assert.equal(assertSchema(ViewerRsvp, (await rsvp(f.member, 'going')).json).waitlisted, false);
    const waiting = assertSchema(ViewerRsvp, (await rsvp(f.facilitator, 'going')).json);
    assert.deepEqual([waiting.waitlisted, waiting.position], [true, 1]);
    const elsewhere = assertSchema(ViewerRsvp, (await rsvp(f.facilitator, 'going', '2026-04-21T12:00:00.000Z')).json);
    assert.equal(elsewhere.waitlisted, false, 'another occurrence has its own seats');
    await rsvp(f.member, 'not-going');
    const promoted = assertSchema(EventOccurrence, (await call(ctx.grove, `/api/v1/events/${series}?occurrence=${occurrence}`, { as: f.facilitator })).json);
    assert.deepEqual(promoted.viewerRsvp, { occurrence, status: 'going', waitlisted: false, position: null });
    assert.deepEqual(promoted.attendance, { going: 1, maybe: 0, waitlisted: 0 });
    assertProblem(await rsvp(f.member, 'going', '2026-04-07T12:00:00.000Z'), 422, 'body.occurrence');
  });

  test('serves the event as iCalendar that a real parser reads, with revalidation', async () => {
    const result = await call(ctx.grove, `/api/v1/events/${series}.ics`);
    assert.equal(result.status, 200, result.text);
    assert.match(result.headers.get('content-type') ?? '', /^text\/calendar/);
    assert.match(result.headers.get('content-disposition') ?? '', /attachment; filename="event-\d+\.ics"/);
    const vevent = new ICAL.Component(ICAL.parse(result.text) as unknown[]).getFirstSubcomponent('vevent')!;
    assert.equal(vevent.getFirstPropertyValue('summary'), 'Clinic; pumps, filters');
    assert.match(String(vevent.getFirstPropertyValue('uid')), new RegExp(`^event-${series}@`));
    assert.match(result.text, /\r\nEXDATE;TZID=Europe\/Paris:20260407T140000\r\n/);
    const again = await call(ctx.grove, `/api/v1/events/${series}.ics`, { headers: { 'if-none-match': result.headers.get('etag') ?? '' } });
    assert.equal(again.status, 304);
    assert.equal((await call(ctx.grove, '/api/v1/events/999999999.ics')).status, 404);
  });

  test('publishes a community feed for subscriptions, and hides members-only feeds from strangers', async () => {
    const feed = await call(ctx.grove, `/api/v1/communities/${f.grove.slug}/events.ics`);
    assert.equal(feed.status, 200, feed.text);
    const calendar = new ICAL.Component(ICAL.parse(feed.text) as unknown[]);
    const uids = calendar.getAllSubcomponents('vevent').map((vevent) => String(vevent.getFirstPropertyValue('uid')));
    assert.ok(uids.some((uid) => uid.startsWith(`event-${series}@`)));
    assert.equal(feed.headers.get('cache-control'), 'public, max-age=300');
    assert.equal((await call(ctx.grove, `/api/v1/communities/${f.private.slug}/events.ics`)).status, 404);
    assert.equal((await call(ctx.grove, `/api/v1/communities/${f.private.slug}/events.ics`, { as: f.member })).status, 200);
  });
});
