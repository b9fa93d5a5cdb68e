import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InvalidRuleError, expandOccurrences, occursAt, parseRule, type RecurringEvent } from '../../../server/calendar/index.ts';

const iso = (dates: readonly { start: Date }[]): string[] => dates.map((date) => date.start.toISOString());

function timed(overrides: Partial<RecurringEvent>): RecurringEvent {
  return {
    startsAt: new Date('2026-03-17T13:00:00Z'), // Tuesday 14:00 in Paris (CET)
    endsAt: new Date('2026-03-17T14:30:00Z'),
    timeZone: 'Europe/Paris',
    allDay: false,
    rrule: 'FREQ=WEEKLY;BYDAY=TU',
    exdates: [],
    ...overrides,
  };
}

describe('expandOccurrences', () => {
  test('keeps the local time across the spring DST change (14:00 Paris = 13:00Z, then 12:00Z)', () => {
    const found = expandOccurrences(timed({}), new Date('2026-03-16T00:00Z'), new Date('2026-04-08T00:00Z'));
    assert.deepEqual(iso(found), [
      '2026-03-17T13:00:00.000Z',
      '2026-03-24T13:00:00.000Z',
      '2026-03-31T12:00:00.000Z',
      '2026-04-07T12:00:00.000Z',
    ]);
    assert.equal(found[2]!.end.getTime() - found[2]!.start.getTime(), 90 * 60_000, 'duration is exact');
  });

  test('keeps the local time across the autumn change in New York', () => {
    const event = timed({
      startsAt: new Date('2026-10-30T13:00:00Z'),
      endsAt: new Date('2026-10-30T14:00:00Z'),
      timeZone: 'America/New_York',
      rrule: 'FREQ=DAILY;COUNT=4',
    });
    // 09:00 EDT on Oct 30-31, 09:00 EST from Nov 1.
    assert.deepEqual(iso(expandOccurrences(event, new Date('2026-10-01Z'), new Date('2026-12-01Z'))), [
      '2026-10-30T13:00:00.000Z',
      '2026-10-31T13:00:00.000Z',
      '2026-11-01T14:00:00.000Z',
      '2026-11-02T14:00:00.000Z',
    ]);
  });

  test('moves a wall-clock time skipped by DST forward by the gap (RFC 5545 §3.3.5)', () => {
    const event = timed({
      startsAt: new Date('2026-03-28T01:30:00Z'),
      endsAt: new Date('2026-03-28T02:00:00Z'),
      rrule: 'FREQ=DAILY;COUNT=3',
    });
    // 02:30 does not exist on 29 March in Paris: it becomes 03:30 CEST = 01:30Z.
    assert.deepEqual(iso(expandOccurrences(event, new Date('2026-03-01Z'), new Date('2026-04-01Z'))), [
      '2026-03-28T01:30:00.000Z',
      '2026-03-29T01:30:00.000Z',
      '2026-03-30T00:30:00.000Z',
    ]);
  });

  test('reads a repeated wall-clock time as its first occurrence', () => {
    const event = timed({
      startsAt: new Date('2026-10-24T00:30:00Z'),
      endsAt: new Date('2026-10-24T01:00:00Z'),
      rrule: 'FREQ=DAILY;COUNT=2',
    });
    // 02:30 happens twice on 25 October in Paris; the first is 02:30 CEST = 00:30Z.
    assert.deepEqual(iso(expandOccurrences(event, new Date('2026-10-01Z'), new Date('2026-11-01Z'))), [
      '2026-10-24T00:30:00.000Z',
      '2026-10-25T00:30:00.000Z',
    ]);
  });

  test('leaves out EXDATE occurrences', () => {
    const event = timed({ exdates: [new Date('2026-03-24T13:00:00Z')] });
    assert.deepEqual(iso(expandOccurrences(event, new Date('2026-03-16Z'), new Date('2026-03-26Z'))), ['2026-03-17T13:00:00.000Z']);
  });

  test('includes an occurrence that started before the range and is still running', () => {
    const found = expandOccurrences(timed({}), new Date('2026-03-24T14:00:00Z'), new Date('2026-03-25Z'));
    assert.deepEqual(iso(found), ['2026-03-24T13:00:00.000Z']);
  });

  test('stops at UNTIL given as a date: the whole local day counts', () => {
    const event = timed({ rrule: 'FREQ=WEEKLY;UNTIL=20260331' });
    assert.equal(expandOccurrences(event, new Date('2026-01-01Z'), new Date('2027-01-01Z')).length, 3);
  });

  test('stops at UNTIL given in UTC', () => {
    const event = timed({ rrule: 'FREQ=WEEKLY;UNTIL=20260324T130000Z' });
    assert.equal(expandOccurrences(event, new Date('2026-01-01Z'), new Date('2027-01-01Z')).length, 2);
  });

  test('caps the number of occurrences', () => {
    const event = timed({ rrule: 'FREQ=DAILY' });
    assert.equal(expandOccurrences(event, new Date('2026-01-01Z'), new Date('2030-01-01Z'), { limit: 10 }).length, 10);
  });

  test('expands all-day events by calendar date in the organiser zone, with DATE exclusions', () => {
    const event: RecurringEvent = {
      // Auckland: local midnight of Monday 6 April 2026 is 5 April 12:00Z (NZST +12 after DST ends).
      startsAt: new Date('2026-04-05T12:00:00Z'),
      endsAt: new Date('2026-04-07T12:00:00Z'),
      timeZone: 'Pacific/Auckland',
      allDay: true,
      rrule: 'FREQ=WEEKLY;COUNT=4',
      exdates: [new Date('2026-04-13T00:00:00Z')], // any instant on local 13 April
    };
    const found = expandOccurrences(event, new Date('2026-04-01Z'), new Date('2026-06-01Z'));
    assert.deepEqual(
      found.map((o) => [o.startDate, o.endDate]),
      [
        ['2026-04-06', '2026-04-08'],
        ['2026-04-20', '2026-04-22'],
        ['2026-04-27', '2026-04-29'],
      ],
    );
  });

  test('returns a single event once, and not outside the range', () => {
    const event = timed({ rrule: null });
    assert.equal(expandOccurrences(event, new Date('2026-03-01Z'), new Date('2026-04-01Z')).length, 1);
    assert.equal(expandOccurrences(event, new Date('2026-04-01Z'), new Date('2026-05-01Z')).length, 0);
  });
});

describe('occursAt', () => {
  test('accepts real occurrence starts only', () => {
    assert.equal(occursAt(timed({}), new Date('2026-03-31T12:00:00Z')), true);
    assert.equal(occursAt(timed({}), new Date('2026-03-31T13:00:00Z')), false, 'the pre-DST UTC time is wrong after DST');
    assert.equal(occursAt(timed({ exdates: [new Date('2026-03-31T12:00:00Z')] }), new Date('2026-03-31T12:00:00Z')), false);
  });
});

describe('parseRule', () => {
  for (const [rule, reason] of [
    ['FREQ=HOURLY', 'finer than daily'],
    ['FREQ=WEEKLY;BYDAY=XX', 'bad weekday'],
    ['FREQ=WEEKLY;COLOR=RED', 'unknown part'],
    ['FREQ=WEEKLY;COUNT=2;UNTIL=20260101', 'UNTIL with COUNT'],
    ['FREQ=WEEKLY;COUNT=0', 'COUNT below 1'],
    ['FREQ=WEEKLY;UNTIL=2026-01-01', 'malformed UNTIL'],
    ['INTERVAL=2', 'no FREQ'],
  ] as const) {
    test(`rejects ${reason}`, () => assert.throws(() => parseRule(rule, false), InvalidRuleError));
  }

  test('rejects time parts on all-day events only', () => {
    assert.throws(() => parseRule('FREQ=DAILY;BYHOUR=9', true), InvalidRuleError);
    assert.doesNotThrow(() => parseRule('FREQ=DAILY;BYHOUR=9', false));
  });
});
