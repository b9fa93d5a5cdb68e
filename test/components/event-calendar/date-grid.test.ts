import { expect } from '@open-wc/testing';
import {
  addMonths,
  datesCovered,
  firstDayOfWeek,
  groupByDate,
  isCalendarDate,
  monthWeeks,
  requestRange,
  zonedDate,
} from '../../../src/components/event-calendar/date-grid.js';
import { dateAfterKey, visibleDates } from '../../../src/components/event-calendar/keyboard.js';
import { webcalUrl } from '../../../src/components/event-calendar/render-toolbar.js';
import { occurrence } from './fixtures.js';

describe('calendar date grid', () => {
  it('starts the week where the locale does', () => {
    expect(firstDayOfWeek('en-US'), 'United States: Sunday').to.equal(7);
    expect(firstDayOfWeek('fr'), 'France: Monday').to.equal(1);
    expect(firstDayOfWeek('en-GB')).to.equal(1);
    expect(firstDayOfWeek('ar'), 'Arabic maximises to Egypt: Saturday').to.equal(6);
    expect(firstDayOfWeek('not a locale')).to.equal(1);
  });

  it('lays out whole weeks covering the month, from the locale first day', () => {
    const mondays = monthWeeks('2026-11-15', 1);
    expect(mondays[0]![0], 'November 2026 starts on a Sunday').to.equal('2026-10-26');
    expect(mondays.at(-1)!.at(-1)).to.equal('2026-12-06');
    expect(mondays).to.have.length(6);
    const sundays = monthWeeks('2026-11-15', 7);
    expect(sundays[0]![0]).to.equal('2026-11-01');
    expect(sundays).to.have.length(5);
  });

  it('clamps month arithmetic to the last day and validates dates', () => {
    expect(addMonths('2026-01-31', 1)).to.equal('2026-02-28');
    expect(addMonths('2024-03-31', -1)).to.equal('2024-02-29');
    expect(addMonths('2026-11-15', -12)).to.equal('2025-11-15');
    expect(isCalendarDate('2026-02-29')).to.equal(false);
    expect(isCalendarDate('2028-02-29')).to.equal(true);
  });

  it('places an instant on the day of the viewing zone', () => {
    const late = new Date('2026-11-24T22:30:00Z');
    expect(zonedDate(late, 'Europe/Paris')).to.equal('2026-11-24');
    expect(zonedDate(late, 'Africa/Nairobi')).to.equal('2026-11-25');
    expect(zonedDate(late, 'America/Los_Angeles')).to.equal('2026-11-24');
  });

  it('spreads multi-day and all-day occurrences over their days, end exclusive', () => {
    const allDay = occurrence({
      allDay: true,
      startDate: '2026-11-12',
      endDate: '2026-11-14',
      start: '2026-11-12T00:00:00Z',
      end: '2026-11-14T00:00:00Z',
    });
    expect(datesCovered(allDay, 'Pacific/Auckland'), 'all-day dates ignore zones').to.deep.equal(['2026-11-12', '2026-11-13']);
    const toMidnight = occurrence({ start: '2026-11-10T21:00:00Z', end: '2026-11-10T23:00:00Z' });
    expect(datesCovered(toMidnight, 'Europe/Paris'), 'ends at local midnight: one day').to.deep.equal(['2026-11-10']);
    const days = groupByDate([allDay, toMidnight], 'Europe/Paris');
    expect([...days.keys()]).to.deep.equal(['2026-11-12', '2026-11-13', '2026-11-10']);
  });

  it('asks the server for a day more on each side, whatever the zone', () => {
    expect(requestRange('2026-10-26', '2026-12-06')).to.deep.equal({ from: '2026-10-25T00:00:00.000Z', to: '2026-12-08T00:00:00.000Z' });
  });

  it('moves the focus by key, mirrored in right-to-left', () => {
    expect(dateAfterKey('ArrowRight', false, '2026-11-10', 1, false)).to.equal('2026-11-11');
    expect(dateAfterKey('ArrowRight', false, '2026-11-10', 1, true)).to.equal('2026-11-09');
    expect(dateAfterKey('ArrowUp', false, '2026-11-10', 1, false)).to.equal('2026-11-03');
    expect(dateAfterKey('Home', false, '2026-11-10', 7, false)).to.equal('2026-11-08');
    expect(dateAfterKey('End', false, '2026-11-10', 1, false)).to.equal('2026-11-15');
    expect(dateAfterKey('PageDown', false, '2026-01-31', 1, false)).to.equal('2026-02-28');
    expect(dateAfterKey('PageUp', true, '2026-11-10', 1, false)).to.equal('2025-11-10');
    expect(dateAfterKey('a', false, '2026-11-10', 1, false)).to.equal(undefined);
  });

  it('shows a whole month in the agenda and seven days in the week', () => {
    expect(visibleDates('agenda', '2026-02-10', 1)).to.have.length(28);
    expect(visibleDates('week', '2026-11-10', 1)[0]).to.equal('2026-11-09');
  });
});

describe('calendar toolbar', () => {
  it('turns the feed into a webcal link, also from a relative API base', () => {
    expect(webcalUrl('https://grove.example.org/api/v1/communities/water/events.ics')).to.equal(
      'webcal://grove.example.org/api/v1/communities/water/events.ics',
    );
    expect(webcalUrl('/api/v1/communities/water/events.ics', 'http://intranet.example.org/news/')).to.equal(
      'webcal://intranet.example.org/api/v1/communities/water/events.ics',
    );
  });
});
