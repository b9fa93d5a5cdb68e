import { expect } from '@open-wc/testing';
import {
  bodyOf,
  changesOf,
  controlOf,
  draftOf,
  instantOf,
  newDraft,
  ruleOf,
  wallClock,
} from '../../../src/components/event-calendar/event-draft.js';
import { occurrence } from './fixtures.js';

describe('event drafts: wall clock, rules and changes', () => {
  it('turns a wall-clock time in a zone into the instant, across daylight saving changes', () => {
    expect(instantOf('2027-03-02T14:00', 'Europe/Paris')).to.equal('2027-03-02T13:00:00.000Z');
    expect(instantOf('2027-07-06T14:00', 'Europe/Paris')).to.equal('2027-07-06T12:00:00.000Z');
    expect(instantOf('2027-03-28T03:30', 'Europe/Paris'), 'the day clocks go forward').to.equal('2027-03-28T01:30:00.000Z');
    expect(instantOf('2026-11-10T14:00', 'Africa/Nairobi')).to.equal('2026-11-10T11:00:00.000Z');
    expect(instantOf('not a time', 'Europe/Paris')).to.equal(undefined);
    expect(wallClock('2027-07-06T12:00:00.000Z', 'Europe/Paris')).to.equal('2027-07-06T14:00');
  });

  it('reads the rules it can build back into the builder, and keeps any other rule as it is', () => {
    const series = (rrule: string, startsAt = '2026-11-03T11:00:00.000Z') => draftOf(occurrence({ rrule, startsAt }));
    expect(series('FREQ=WEEKLY;BYDAY=TU;COUNT=6')).to.deep.include({ repeat: 'weekly', days: ['TU'], ends: 'count', count: '6' });
    expect(series('FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270630')).to.deep.include({
      repeat: 'weekly',
      days: ['TU', 'TH'],
      ends: 'until',
      until: '2027-06-30',
    });
    expect(series('FREQ=MONTHLY;BYDAY=-1FR', '2026-11-27T08:00:00.000Z')).to.deep.include({
      repeat: 'monthly-weekday',
      ordinal: '-1',
      weekday: 'FR',
      ends: 'never',
    });
    expect(series('FREQ=MONTHLY;BYMONTHDAY=3')).to.deep.include({ repeat: 'monthly-date' });
    expect(series('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU')).to.deep.include({ repeat: 'custom', customRule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU' });
    for (const rule of ['FREQ=WEEKLY;BYDAY=TU;COUNT=6', 'FREQ=MONTHLY;BYDAY=2TU', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU']) {
      expect(ruleOf(series(rule)), `${rule} round-trips`).to.equal(rule);
    }
  });

  it("builds the RRULE of each choice: days in week order, the start's day of the month, nth or last weekday", () => {
    const draft = { ...newDraft('Europe/Paris', new Date('2026-11-26T12:00:00Z')), start: '2026-11-27T09:00', end: '2026-11-27T10:00' };
    expect(draft.start.slice(0, 10), 'tomorrow').to.equal('2026-11-27');
    expect(ruleOf(draft)).to.equal(null);
    expect(ruleOf({ ...draft, repeat: 'weekly', days: ['FR', 'MO'] })).to.equal('FREQ=WEEKLY;BYDAY=MO,FR');
    expect(ruleOf({ ...draft, repeat: 'weekly', days: [] }), "no day ticked: the start's").to.equal('FREQ=WEEKLY;BYDAY=FR');
    expect(ruleOf({ ...draft, repeat: 'monthly-date', ends: 'count', count: '10' })).to.equal('FREQ=MONTHLY;BYMONTHDAY=27;COUNT=10');
    expect(ruleOf({ ...draft, repeat: 'monthly-weekday', ordinal: '-1', weekday: 'FR', ends: 'until', until: '2027-06-30' })).to.equal(
      'FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20270630',
    );
    expect(ruleOf({ ...draft, repeat: 'monthly-weekday', ordinal: '2', weekday: 'TU' })).to.equal('FREQ=MONTHLY;BYDAY=2TU');
  });

  it('sends only what changed, clears a link or place the format does not use, and maps field errors to controls', () => {
    const base = draftOf(occurrence({ recurring: false, rrule: null, mode: 'hybrid', location: 'Dakar' }));
    expect(changesOf(base, base)).to.deep.equal({});
    expect(changesOf(base, { ...base, mode: 'online' })).to.deep.equal({ mode: 'online', location: null });
    expect(changesOf(base, { ...base, timeZone: 'Europe/Paris' }), 'same wall clock, another zone').to.deep.equal({
      startsAt: '2026-11-03T13:00:00.000Z',
      endsAt: '2026-11-03T14:30:00.000Z',
      timeZone: 'Europe/Paris',
    });
    expect(bodyOf({ ...base, capacity: ' 25 ' }).capacity).to.equal(25);
    expect(bodyOf({ ...base, capacity: '' }).capacity).to.equal(null);
    expect(['body.startsAt', 'body.exdates.2', 'body.joinUrl', 'body.occurrence'].map(controlOf)).to.deep.equal([
      'start',
      'rrule',
      'joinUrl',
      'start',
    ]);
  });
});
