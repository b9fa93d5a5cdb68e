/**
 * Event authoring against the real app and database: who may write (every role), what is refused
 * (problem+json naming the field), If-Match, idempotency, single-occurrence edits and cancellations,
 * and the invitations queued in the mail outbox (parsed with a real iCalendar library).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ICAL from 'ical.js';
import { EventOccurrence } from '../../../server/contract/events.ts';
import { createApp } from '../../../server/http/app.ts';
import type { MailContext } from '../../../server/mail/compose.ts';
import { loadMailKeys } from '../../../server/mail/keys.ts';
import { assertProblem, assertSchema, call, createFixture, testConfig, testDatabase, type Fixture } from '../http/harness.ts';

let db: Awaited<ReturnType<typeof testDatabase>>;
let f: Fixture;
let grove: ReturnType<typeof createApp>;
/** Facilitates another community, not this one. */
let otherFacilitator: string;

before(async () => {
  db = await testDatabase();
  f = await createFixture(db);
  const { rows } = await db.query<{ id: string }>(
    `insert into members (name, languages, email) values ('Olga Other', '{en}', 'olga@example.org') returning id`,
  );
  otherFacilitator = rows[0]!.id;
  await db.query(`insert into memberships (community_id, member_id, role) values ($1, $2, 'facilitator')`, [f.other.id, otherFacilitator]);
  await db.query(`update members set email = 'emile.events@example.org', languages = '{fr,en}' where id = $1`, [f.member]);
  const keys = await loadMailKeys(db);
  const context: MailContext = { domain: 'grove.test', from: 'notifications@grove.test', publicUrl: 'https://grove.example.org', keys };
  grove = createApp({ db, config: testConfig(), mail: { context } });
});
after(async () => db.close());

const weekly = {
  title: 'Irrigation clinic',
  description: 'Bring **questions**. <script>alert(1)</script>',
  kind: 'workshop',
  startsAt: '2027-03-02T13:00:00.000Z', // Tuesday 14:00 in Paris
  endsAt: '2027-03-02T14:30:00.000Z',
  timeZone: 'Europe/Paris',
  rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=8',
  mode: 'hybrid',
  location: 'Salle 3, Thiès',
  joinUrl: 'https://meet.example.org/clinic',
  capacity: 2,
};

const create = (body: Record<string, unknown>, as: string | null = f.facilitator, headers: Record<string, string> = {}) =>
  call(grove, '/api/v1/events', { method: 'POST', as, body, headers });

async function created(body: Record<string, unknown> = {}) {
  const result = await create({ community: f.grove.slug, ...weekly, ...body });
  assert.equal(result.status, 201, result.text);
  return assertSchema(EventOccurrence, result.json);
}

const patch = (id: string, body: Record<string, unknown>, as: string | null, ifMatch: string | null) =>
  call(grove, `/api/v1/events/${id}`, { method: 'PATCH', as, body, headers: ifMatch === null ? {} : { 'if-match': ifMatch } });

const outbox = (kind: string, since: string) =>
  db.query<{ recipient_id: string; subject: string; calendar: string | null }>(
    'select recipient_id, subject, calendar from mail_outbox where kind = $1 and id > $2::bigint order by id',
    [kind, since],
  );
const outboxMark = async () => (await db.query<{ id: string }>('select coalesce(max(id), 0)::text as id from mail_outbox')).rows[0]!.id;
const vevent = (text: string) => new ICAL.Component(ICAL.parse(text) as unknown[]);

describe('who may write events', () => {
  test("creating: anonymous 401, a member 403, another community's facilitator 403, members-only unseen 404, the facilitator 201", async () => {
    const body = { community: f.grove.slug, ...weekly };
    assertProblem(await create(body, null), 401);
    assertProblem(await create(body, f.member), 403);
    assertProblem(await create(body, otherFacilitator), 403);
    assertProblem(await create({ ...body, community: f.private.slug }, f.outsider), 404);
    const result = await create(body);
    assert.equal(result.status, 201, result.text);
    const event = assertSchema(EventOccurrence, result.json);
    assert.equal(event.organiser.id, f.facilitator);
    assert.equal(result.headers.get('location'), `/api/v1/events/${event.id}`);
    assert.match(result.headers.get('etag') ?? '', /^W\/"0\./);
  });

  test('editing and cancelling: every role but the facilitator is refused, and nothing changes', async () => {
    const event = await created();
    for (const [as, status] of [
      [null, 401],
      [f.member, 403],
      [otherFacilitator, 403],
      [f.outsider, 403],
    ] as const) {
      assertProblem(await patch(event.id, { title: 'Hijacked' }, as, '"0"'), status);
      assertProblem(await call(grove, `/api/v1/events/${event.id}/cancellation`, { method: 'POST', as, body: {} }), status);
      assertProblem(
        await call(grove, `/api/v1/events/${event.id}/occurrence-edits`, {
          method: 'POST',
          as,
          body: { occurrence: event.start, title: 'x' },
        }),
        status,
      );
    }
    const now = assertSchema(EventOccurrence, (await call(grove, `/api/v1/events/${event.id}`)).json);
    assert.deepEqual([now.title, now.cancelled, now.sequence, now.exdates], [weekly.title, false, 0, []]);
  });

  test("a members-only community's event is 404 to an outsider, not 403", async () => {
    const event = await created({ community: f.private.slug });
    assertProblem(await patch(event.id, { title: 'x' }, f.outsider, '"0"'), 404);
  });
});

describe('what an event must be', () => {
  test('refusals name each field at fault', async () => {
    const base = { community: f.grove.slug, ...weekly };
    assertProblem(await create({ ...base, title: '' }), 400, 'body.title');
    assertProblem(await create({ ...base, capacity: 0 }), 400, 'body.capacity');
    assertProblem(await create({ ...base, timeZone: 'Mars/Olympus' }), 422, 'body.timeZone');
    assertProblem(await create({ ...base, rrule: 'FREQ=HOURLY' }), 422, 'body.rrule');
    assertProblem(await create({ ...base, rrule: 'FREQ=WEEKLY;COUNT=3;UNTIL=20270401' }), 422, 'body.rrule');
    assertProblem(await create({ ...base, rrule: 'FREQ=WEEKLY;UNTIL=20200101' }), 422, 'body.rrule');
    assertProblem(await create({ ...base, endsAt: '2027-03-02T12:00:00.000Z' }), 422, 'body.endsAt');
    assertProblem(await create({ ...base, joinUrl: 'javascript:alert(1)' }), 422, 'body.joinUrl');
    assertProblem(await create({ ...base, joinUrl: 'https://bank.example@evil.example/' }), 422, 'body.joinUrl');
    assertProblem(await create({ ...base, mode: 'online', joinUrl: null }), 422, 'body.joinUrl');
    assertProblem(await create({ ...base, mode: 'in-person', location: '  ' }), 422, 'body.location');
    assertProblem(await create({ ...base, exdates: ['2027-03-03T13:00:00.000Z'] }), 422, 'body.exdates.0');
    assertProblem(await create({ ...base, allDay: true }), 422, 'body.startsAt');
    const both = await create({ ...base, timeZone: 'Nowhere/Else', mode: 'online', joinUrl: null });
    assertProblem(both, 422, 'body.timeZone');
    assertProblem(both, 422, 'body.joinUrl');
  });

  test("the description is Markdown rendered by the posts' sanitiser; the join link is stored normalised", async () => {
    const event = await created({ joinUrl: 'HTTPS://Meet.Example.org/clinic' });
    assert.equal(event.description, weekly.description);
    assert.match(event.descriptionHtml, /<strong>questions<\/strong>/);
    assert.doesNotMatch(event.descriptionHtml, /<script/);
    assert.equal(event.joinUrl, 'https://meet.example.org/clinic');
    assert.equal(event.capacity, 2);
  });

  test('the same Idempotency-Key creates one event', async () => {
    const headers = { 'idempotency-key': `create-once-${process.pid}` };
    const first = await create({ community: f.grove.slug, ...weekly, title: 'Once' }, f.facilitator, headers);
    const again = await create({ community: f.grove.slug, ...weekly, title: 'Once' }, f.facilitator, headers);
    assert.equal(first.status, 201);
    assert.equal(again.status, 201);
    assert.equal((again.json as { id: string }).id, (first.json as { id: string }).id);
    const { rows } = await db.query('select id from events where title = $1', ['Once']);
    assert.equal(rows.length, 1);
  });
});

describe('editing, rescheduling and cancelling', () => {
  test('PATCH needs If-Match with the current version, bumps SEQUENCE and keeps what was not sent', async () => {
    const event = await created();
    assertProblem(await patch(event.id, { title: 'New title' }, f.facilitator, null), 428, 'header.if-match');
    const got = await call(grove, `/api/v1/events/${event.id}`);
    const etag = got.headers.get('etag') ?? '';
    assert.match(etag, /^W\/"0\./);
    const ok = await patch(event.id, { title: 'New title', capacity: null }, f.facilitator, etag);
    assert.equal(ok.status, 200, ok.text);
    const body = assertSchema(EventOccurrence, ok.json);
    assert.deepEqual([body.title, body.sequence, body.capacity, body.location], ['New title', 1, null, weekly.location]);
    assertProblem(await patch(event.id, { title: 'Stale' }, f.facilitator, etag), 412);
    assertProblem(await patch(event.id, { mode: 'online', joinUrl: null }, f.facilitator, '"1"'), 422, 'body.joinUrl');
  });

  test('rescheduling moves answers and exceptions with the series and mails attendees a REQUEST with the new SEQUENCE', async () => {
    const event = await created();
    const second = '2027-03-09T13:00:00.000Z';
    const rsvp = await call(grove, `/api/v1/events/${event.id}/rsvp`, {
      method: 'POST',
      as: f.member,
      body: { status: 'going', occurrence: second },
    });
    assert.equal(rsvp.status, 200, rsvp.text);
    const cancelled = await call(grove, `/api/v1/events/${event.id}/cancellation`, {
      method: 'POST',
      as: f.facilitator,
      body: { occurrence: '2027-03-16T13:00:00.000Z' },
    });
    assert.equal(cancelled.status, 200, cancelled.text);
    const mark = await outboxMark();
    // 14:00 -> 16:00 Paris time, every Tuesday.
    const moved = await patch(event.id, { startsAt: '2027-03-02T15:00:00.000Z', endsAt: '2027-03-02T16:30:00.000Z' }, f.facilitator, '"1"');
    assert.equal(moved.status, 200, moved.text);
    const body = assertSchema(EventOccurrence, moved.json);
    assert.deepEqual(body.exdates, ['2027-03-16T15:00:00.000Z']);
    const occurrence = assertSchema(
      EventOccurrence,
      (await call(grove, `/api/v1/events/${event.id}?occurrence=2027-03-09T15:00:00Z`, { as: f.member })).json,
    );
    assert.equal(occurrence.viewerRsvp?.status, 'going', 'the answer moved to 16:00');
    const { rows } = await outbox('event-changed', mark);
    assert.deepEqual(
      rows.map((row) => row.recipient_id),
      [f.member],
      'the attendee, not the facilitator who edited',
    );
    assert.match(rows[0]!.subject, /Irrigation clinic/);
    const calendar = vevent(rows[0]!.calendar!);
    assert.equal(calendar.getFirstPropertyValue('method'), 'REQUEST');
    const sent = calendar.getFirstSubcomponent('vevent')!;
    assert.equal(sent.getFirstPropertyValue('sequence'), 2);
    assert.match(String(sent.getFirstPropertyValue('uid')), new RegExp(`^event-${event.id}@`));
    assert.match(String(sent.getFirstPropertyValue('attendee')), /mailto:emile\.events@example\.org/);
    assert.equal(String(sent.getFirstPropertyValue('rrule')), 'FREQ=WEEKLY;COUNT=8;BYDAY=TU');
  });

  test('a title edit bumps SEQUENCE but mails nobody', async () => {
    const event = await created();
    await call(grove, `/api/v1/events/${event.id}/rsvp`, { method: 'POST', as: f.member, body: { status: 'going' } });
    const mark = await outboxMark();
    assert.equal((await patch(event.id, { title: 'Renamed' }, f.facilitator, '"0"')).status, 200);
    assert.equal((await outbox('event-changed', mark)).rows.length, 0);
  });

  test('cancelling one occurrence adds an EXDATE and sends its attendees a CANCEL for that instance only', async () => {
    const event = await created();
    const third = '2027-03-16T13:00:00.000Z';
    await call(grove, `/api/v1/events/${event.id}/rsvp`, { method: 'POST', as: f.member, body: { status: 'maybe', occurrence: third } });
    const mark = await outboxMark();
    const result = await call(grove, `/api/v1/events/${event.id}/cancellation`, {
      method: 'POST',
      as: f.facilitator,
      body: { occurrence: third },
    });
    const body = assertSchema(EventOccurrence, result.json);
    assert.deepEqual([body.exdates, body.cancelled, body.sequence], [[third], false, 1]);
    assertProblem(await call(grove, `/api/v1/events/${event.id}?occurrence=${third}`), 422, 'query.occurrence');
    const { rows } = await outbox('event-cancelled', mark);
    assert.deepEqual(
      rows.map((row) => row.recipient_id),
      [f.member],
    );
    const calendar = vevent(rows[0]!.calendar!);
    assert.equal(calendar.getFirstPropertyValue('method'), 'CANCEL');
    const sent = calendar.getFirstSubcomponent('vevent')!;
    assert.equal(sent.getFirstPropertyValue('status'), 'CANCELLED');
    assert.equal(sent.getFirstPropertyValue('recurrence-id')?.toString(), '2027-03-16T14:00:00');
    assert.equal(sent.getFirstPropertyValue('rrule'), null);
    assertProblem(
      await call(grove, `/api/v1/events/${event.id}/cancellation`, {
        method: 'POST',
        as: f.facilitator,
        body: { occurrence: '2027-03-17T13:00:00Z' },
      }),
      422,
      'body.occurrence',
    );
  });

  test('cancelling the event marks it cancelled, refuses new answers, a second cancellation and occurrence edits', async () => {
    const event = await created({ rrule: null, mode: 'online', location: null });
    await call(grove, `/api/v1/events/${event.id}/rsvp`, { method: 'POST', as: f.member, body: { status: 'going' } });
    const mark = await outboxMark();
    const result = await call(grove, `/api/v1/events/${event.id}/cancellation`, { method: 'POST', as: f.facilitator, body: {} });
    assert.equal(result.status, 200, result.text);
    assert.equal(assertSchema(EventOccurrence, result.json).cancelled, true);
    const { rows } = await outbox('event-cancelled', mark);
    assert.equal(rows.length, 1);
    assert.equal(vevent(rows[0]!.calendar!).getFirstPropertyValue('method'), 'CANCEL');
    assertProblem(await call(grove, `/api/v1/events/${event.id}/cancellation`, { method: 'POST', as: f.facilitator, body: {} }), 409);
    assertProblem(await call(grove, `/api/v1/events/${event.id}/rsvp`, { method: 'POST', as: f.member, body: { status: 'going' } }), 409);
    const ics = await call(grove, `/api/v1/events/${event.id}.ics`);
    assert.match(ics.text, /STATUS:CANCELLED/);
  });

  test('one occurrence edited on its own becomes an event of its own; the series skips it; answers and attendees follow', async () => {
    const event = await created();
    const second = '2027-03-09T13:00:00.000Z';
    await call(grove, `/api/v1/events/${event.id}/rsvp`, { method: 'POST', as: f.member, body: { status: 'going', occurrence: second } });
    const mark = await outboxMark();
    const result = await call(grove, `/api/v1/events/${event.id}/occurrence-edits`, {
      method: 'POST',
      as: f.facilitator,
      body: { occurrence: second, startsAt: '2027-03-10T13:00:00.000Z', endsAt: '2027-03-10T14:00:00.000Z', location: 'Field 7' },
    });
    assert.equal(result.status, 201, result.text);
    const detached = assertSchema(EventOccurrence, result.json);
    assert.notEqual(detached.id, event.id);
    assert.deepEqual(
      [detached.seriesId, detached.recurrenceId, detached.recurring, detached.location, detached.title],
      [event.id, second, false, 'Field 7', weekly.title],
    );
    const mine = assertSchema(EventOccurrence, (await call(grove, `/api/v1/events/${detached.id}`, { as: f.member })).json);
    assert.equal(mine.viewerRsvp?.status, 'going');
    const series = assertSchema(EventOccurrence, (await call(grove, `/api/v1/events/${event.id}`)).json);
    assert.deepEqual(series.exdates, [second]);
    const listed = await call(grove, `/api/v1/events?community=${f.grove.slug}&from=2027-03-08T00:00:00Z&to=2027-03-12T00:00:00Z`);
    const ids = (listed.json as { items: { id: string; start: string }[] }).items.filter((item) =>
      [event.id, detached.id].includes(item.id),
    );
    assert.deepEqual(
      ids.map((item) => [item.id, item.start]),
      [[detached.id, '2027-03-10T13:00:00.000Z']],
    );
    const { rows } = await outbox('event-changed', mark);
    assert.deepEqual(
      rows.map((row) => row.recipient_id),
      [f.member],
    );
    const sent = vevent(rows[0]!.calendar!).getFirstSubcomponent('vevent')!;
    assert.match(
      String(sent.getFirstPropertyValue('uid')),
      new RegExp(`^event-${event.id}@`),
      'the series UID, so the client replaces the instance',
    );
    assert.equal(sent.getFirstPropertyValue('recurrence-id')?.toString(), '2027-03-09T14:00:00');
    assert.equal(sent.getFirstPropertyValue('location'), 'Field 7');
    assertProblem(
      await call(grove, `/api/v1/events/${event.id}/occurrence-edits`, { method: 'POST', as: f.facilitator, body: { occurrence: second } }),
      422,
      'body.occurrence',
    );
  });
});
