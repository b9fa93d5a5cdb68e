import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { occurrencePage, type RecurringEvent } from '../../../server/calendar/index.ts';

const weekly = (id: string, startsAt: string): RecurringEvent & { id: string } => ({
  id,
  startsAt: new Date(startsAt),
  endsAt: new Date(new Date(startsAt).getTime() + 3_600_000),
  timeZone: 'Europe/Paris',
  allDay: false,
  rrule: 'FREQ=WEEKLY',
  exdates: [],
});

describe('occurrencePage', () => {
  const events = [weekly('10', '2026-11-02T09:00:00Z'), weekly('9', '2026-11-02T09:00:00Z'), weekly('2', '2026-11-03T09:00:00Z')];
  const range = { from: new Date('2026-11-01Z'), to: new Date('2026-12-01Z') };
  const keys = (page: ReturnType<typeof occurrencePage>) =>
    page.items.map((item) => `${item.event.id}@${item.occurrence.start.toISOString().slice(5, 10)}`);

  test('merges occurrences of every event by start, then numeric id', () => {
    const page = occurrencePage(events, { ...range, limit: 4 });
    assert.deepEqual(keys(page), ['9@11-02', '10@11-02', '2@11-03', '9@11-09']);
    assert.equal(page.hasMore, true);
  });

  test('continues after the last item without repeats or gaps', () => {
    const seen: string[] = [];
    let after: { start: Date; eventId: string } | undefined;
    for (let guard = 0; guard < 10; guard += 1) {
      const page = occurrencePage(events, { ...range, limit: 5, after });
      seen.push(...keys(page));
      const last = page.items.at(-1);
      if (!page.hasMore || !last) break;
      after = { start: last.occurrence.start, eventId: last.event.id };
    }
    assert.equal(seen.length, 14, 'November 2026 has five Mondays (two events) and four Tuesdays');
    assert.equal(new Set(seen).size, 14);
  });
});
