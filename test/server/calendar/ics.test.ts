import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ICAL from 'ical.js';
import { communityFeed, eventCalendar, expandOccurrences, type IcsEvent } from '../../../server/calendar/index.ts';

// ical.js predates RFC 7986; teach it that NAME is TEXT, as clients that implement the RFC know.
(ICAL.design.icalendar.property as Record<string, { defaultType: string }>).name = { defaultType: 'text' };

const options = { domain: 'grove.example.org', now: new Date('2026-11-22T00:00:00Z') };

function event(overrides: Partial<IcsEvent> = {}): IcsEvent {
  return {
    id: '42',
    title: 'Drip irrigation clinic; pumps, filters\nand more',
    description: 'Bring questions: "what works?" \\ what fails.\nالري بالتنقيط للمزارعين الصغار في المناطق الجافة، مع أمثلة من الميدان.',
    kind: 'webinar',
    mode: 'online',
    location: null,
    joinUrl: 'https://meet.example.org/drip?room=42&lang=fr',
    cancelled: false,
    sequence: 3,
    createdAt: new Date('2026-01-05T10:00:00Z'),
    updatedAt: new Date('2026-02-01T08:30:00Z'),
    startsAt: new Date('2026-03-17T13:00:00Z'),
    endsAt: new Date('2026-03-17T14:30:00Z'),
    timeZone: 'Europe/Paris',
    allDay: false,
    rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20260505',
    exdates: [new Date('2026-04-14T12:00:00Z')],
    ...overrides,
  };
}

/** Parses with ical.js and registers the VTIMEZONEs so zoned times resolve to instants. */
function parse(text: string): ICAL.Component {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar;
}

/** Occurrence starts as ical.js expands them (its typings omit that `next()` ends with undefined). */
function* icalJsStarts(vevent: ICAL.Component): Generator<ICAL.Time> {
  const iterator = new ICAL.Event(vevent).iterator();
  for (;;) {
    const next = iterator.next() as ICAL.Time | undefined;
    if (!next) return;
    yield next;
  }
}

function occurrencesByIcalJs(vevent: ICAL.Component, limit = 100): string[] {
  const found: string[] = [];
  for (const start of icalJsStarts(vevent)) {
    if (found.length === limit) break;
    found.push(start.toJSDate().toISOString());
  }
  return found;
}

function assertWellFormed(text: string): void {
  assert.ok(text.endsWith('\r\n'), 'ends with CRLF');
  assert.ok(!/[^\r]\n/.test(text), 'every line break is CRLF');
  for (const line of text.split('\r\n')) {
    assert.ok(new TextEncoder().encode(line).length <= 75, `line within 75 octets: ${line}`);
  }
}

describe('eventCalendar', () => {
  test('round-trips escaped text, Arabic included, through a real parser', () => {
    const text = eventCalendar(event(), options);
    assertWellFormed(text);
    const vevent = parse(text).getFirstSubcomponent('vevent')!;
    assert.equal(vevent.getFirstPropertyValue('summary'), 'Drip irrigation clinic; pumps, filters\nand more');
    assert.equal(vevent.getFirstPropertyValue('description'), `${event().description}\n\n${event().joinUrl}`);
    assert.equal(vevent.getFirstPropertyValue('location'), event().joinUrl, 'online events are located at their link');
  });

  test('writes a stable UID, SEQUENCE and a DTSTAMP that only changes with the event', () => {
    const first = eventCalendar(event(), options);
    assert.equal(first, eventCalendar(event(), { ...options, now: new Date('2026-12-01Z') }), 'same bytes on every request');
    const vevent = parse(first).getFirstSubcomponent('vevent')!;
    assert.equal(vevent.getFirstPropertyValue('uid'), 'event-42@grove.example.org');
    assert.equal(vevent.getFirstPropertyValue('sequence'), 3);
    assert.equal((vevent.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().toISOString(), '2026-02-01T08:30:00.000Z');
  });

  test('expands in a real client exactly as the server does, across DST and with an exception', () => {
    const text = eventCalendar(event(), options);
    assert.match(text, /\r\nDTSTART;TZID=Europe\/Paris:20260317T140000\r\n/);
    assert.match(text, /\r\nRRULE:FREQ=WEEKLY;UNTIL=20260505T215959Z;BYDAY=TU\r\n/, 'UNTIL is UTC for a zoned DTSTART');
    assert.match(text, /\r\nEXDATE;TZID=Europe\/Paris:20260414T140000\r\n/);
    const vevent = parse(text).getFirstSubcomponent('vevent')!;
    const ours = expandOccurrences(event(), new Date('2026-01-01Z'), new Date('2027-01-01Z')).map((o) => o.start.toISOString());
    assert.equal(ours.length, 7);
    assert.deepEqual(occurrencesByIcalJs(vevent), ours);
  });

  test('writes all-day events with DATE values throughout', () => {
    const allDay = event({
      id: '7',
      allDay: true,
      timeZone: 'Pacific/Auckland',
      startsAt: new Date('2026-04-05T12:00:00Z'),
      endsAt: new Date('2026-04-07T12:00:00Z'),
      rrule: 'FREQ=WEEKLY;UNTIL=20260601T000000Z',
      exdates: [new Date('2026-04-13T00:00:00Z')],
    });
    const text = eventCalendar(allDay, options);
    assertWellFormed(text);
    assert.match(text, /\r\nDTSTART;VALUE=DATE:20260406\r\nDTEND;VALUE=DATE:20260408\r\n/);
    assert.match(text, /\r\nRRULE:FREQ=WEEKLY;UNTIL=20260601\r\n/);
    assert.match(text, /\r\nEXDATE;VALUE=DATE:20260413\r\n/);
    assert.doesNotMatch(text, /VTIMEZONE/, 'DATE values need no zone');
    const vevent = parse(text).getFirstSubcomponent('vevent')!;
    const dates = [...icalJsStarts(vevent)].map((start) => start.toString());
    const ours = expandOccurrences(allDay, new Date('2026-01-01Z'), new Date('2027-01-01Z')).map((o) => o.startDate);
    assert.deepEqual(dates, ours);
    assert.deepEqual(dates, [
      '2026-04-06',
      '2026-04-20',
      '2026-04-27',
      '2026-05-04',
      '2026-05-11',
      '2026-05-18',
      '2026-05-25',
      '2026-06-01',
    ]);
  });

  test('marks a cancelled event so subscribed clients remove it', () => {
    const vevent = parse(eventCalendar(event({ cancelled: true, sequence: 4 }), options)).getFirstSubcomponent('vevent')!;
    assert.equal(vevent.getFirstPropertyValue('status'), 'CANCELLED');
    assert.equal(vevent.getFirstPropertyValue('sequence'), 4);
  });

  test('describes the zone with offsets that match the platform tz database', () => {
    const zone = parse(eventCalendar(event({ rrule: null, exdates: [] }), options)).getFirstSubcomponent('vtimezone')!;
    const timezone = new ICAL.Timezone(zone);
    const summer = ICAL.Time.fromData({ year: 2026, month: 7, day: 1, hour: 12 }, timezone);
    const winter = ICAL.Time.fromData({ year: 2026, month: 1, day: 15, hour: 12 }, timezone);
    assert.equal(summer.toJSDate().toISOString(), '2026-07-01T10:00:00.000Z');
    assert.equal(winter.toJSDate().toISOString(), '2026-01-15T11:00:00.000Z');
  });
});

describe('VTIMEZONE of open-ended series', () => {
  test('ends in yearly RRULE observances, so occurrences decades out keep their local time in a real parser', () => {
    const open = event({ id: '50', rrule: 'FREQ=MONTHLY;BYDAY=1WE', exdates: [] });
    const text = eventCalendar(open, options);
    assertWellFormed(text);
    assert.match(text, /\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n/);
    assert.match(text, /\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n/);
    const vevent = parse(text).getFirstSubcomponent('vevent')!;
    const theirs = occurrencesByIcalJs(vevent, 300).filter((start) => start.startsWith('2040') || start.startsWith('2041-01'));
    const ours = expandOccurrences(open, new Date('2040-01-01Z'), new Date('2041-02-01Z')).map((o) => o.start.toISOString());
    assert.equal(theirs.length, 13);
    assert.deepEqual(theirs, ours);
    assert.ok(theirs.includes('2040-07-04T12:00:00.000Z'), '14:00 in Paris in summer 2040 is 12:00 UTC');
  });

  test('keeps explicit transitions for a zone whose changes follow no weekday rule, and one observance without DST', () => {
    const jerusalem = eventCalendar(event({ id: '51', timeZone: 'Asia/Jerusalem', rrule: 'FREQ=WEEKLY', exdates: [] }), options);
    assert.doesNotMatch(jerusalem, /RRULE:FREQ=YEARLY/);
    const saoPaulo = eventCalendar(event({ id: '52', timeZone: 'America/Sao_Paulo', rrule: 'FREQ=WEEKLY', exdates: [] }), options);
    const zone = parse(saoPaulo).getFirstSubcomponent('vtimezone')!;
    assert.equal(zone.getAllSubcomponents().length, 1);
  });
});

describe('communityFeed', () => {
  test('holds every event once and one VTIMEZONE per zone', () => {
    const events = [
      event(),
      event({ id: '43', rrule: null, exdates: [], title: 'Peer assist', mode: 'in-person', location: 'Dakar, Sénégal' }),
      event({
        id: '44',
        rrule: 'FREQ=MONTHLY;BYDAY=1WE',
        exdates: [],
        timeZone: 'America/Bogota',
        startsAt: new Date('2026-01-07T15:00:00Z'),
        endsAt: new Date('2026-01-07T16:00:00Z'),
      }),
    ];
    const text = communityFeed(events, {
      ...options,
      name: 'Water, sanitation; hygiene',
      source: 'https://grove.example.org/api/v1/communities/water/events.ics',
    });
    assertWellFormed(text);
    const calendar = parse(text);
    assert.equal(calendar.getFirstPropertyValue('name'), 'Water, sanitation; hygiene');
    assert.equal(calendar.getFirstPropertyValue('method'), 'PUBLISH');
    assert.deepEqual(
      calendar.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid')),
      ['event-42@grove.example.org', 'event-43@grove.example.org', 'event-44@grove.example.org'],
    );
    assert.deepEqual(
      calendar.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid')),
      ['Europe/Paris', 'America/Bogota'],
    );
    const bogota = calendar.getAllSubcomponents('vevent')[2]!;
    assert.deepEqual(occurrencesByIcalJs(bogota, 3), ['2026-01-07T15:00:00.000Z', '2026-02-04T15:00:00.000Z', '2026-03-04T15:00:00.000Z']);
    assert.equal(calendar.getAllSubcomponents('vevent')[1]!.getFirstPropertyValue('location'), 'Dakar, Sénégal');
  });

  test('is a valid empty calendar when a community has no events', () => {
    const calendar = parse(communityFeed([], { ...options, name: 'Quiet' }));
    assert.equal(calendar.getAllSubcomponents('vevent').length, 0);
    assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
  });
});
