import { expect } from '@open-wc/testing';
import { googleCalendarUrl, outlookCalendarUrl } from '../../../src/components/event-calendar/calendar-links.js';
import { novemberEvents, occurrence } from './fixtures.js';

describe('add-to-calendar links', () => {
  it('gives Google the occurrence in UTC, the series rule, the zone, and the join link in the details', () => {
    const url = new URL(googleCalendarUrl(occurrence()));
    expect(url.origin + url.pathname).to.equal('https://calendar.google.com/calendar/render');
    expect(url.searchParams.get('action')).to.equal('TEMPLATE');
    expect(url.searchParams.get('text')).to.equal('Drip irrigation clinic');
    expect(url.searchParams.get('ctz')).to.equal('Africa/Nairobi');
    expect(url.searchParams.get('details')).to.equal('Bring your questions about filters and pumps.\n\nhttps://meet.example.org/drip');
    expect(url.searchParams.get('location')).to.equal('https://meet.example.org/drip');
  });

  it('writes all-day events as dates, with the exclusive end day', () => {
    const allDay = novemberEvents[2]!;
    expect(new URL(googleCalendarUrl(allDay)).searchParams.get('dates')).to.equal('20261112/20261114');
    expect(new URL(googleCalendarUrl(allDay)).searchParams.has('recur')).to.equal(false);
    const outlook = new URL(outlookCalendarUrl(allDay));
    expect([outlook.searchParams.get('startdt'), outlook.searchParams.get('enddt'), outlook.searchParams.get('allday')]).to.deep.equal([
      '2026-11-12',
      '2026-11-14',
      'true',
    ]);
    expect(outlook.searchParams.get('location')).to.equal('Dakar');
  });

  it('cuts a very long description so the link stays usable', () => {
    const url = new URL(outlookCalendarUrl(occurrence({ description: 'x'.repeat(5000), joinUrl: null })));
    expect(url.searchParams.get('body')!.length).to.equal(1500);
  });
});
