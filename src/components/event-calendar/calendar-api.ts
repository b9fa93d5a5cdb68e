/** The calendar's requests: occurrences for a range, an RSVP followed by the server's recount, a download. */
import type { GroveClient } from '../../api/client.js';
import { requestRange } from './date-grid.js';
import type { EventOccurrence, OccurrencePage, Rsvp, RsvpStatus } from './types.js';

/** Pages of 100 occurrences fetched at most for one range (a month of a very busy network). */
const MAX_PAGES = 10;
const PAGE_SIZE = 100;

/** Every occurrence in the dates' range, following `next` cursors. */
export async function loadRange(
  client: GroveClient,
  community: string,
  first: string,
  last: string,
  signal: AbortSignal,
): Promise<EventOccurrence[]> {
  const range = requestRange(first, last);
  const items: EventOccurrence[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await client.get<OccurrencePage>('/v1/events', {
      query: { community: community || undefined, from: range.from, to: range.to, limit: PAGE_SIZE, cursor },
      signal,
    });
    items.push(...result.items);
    if (!result.next) break;
    cursor = result.next;
  }
  return items;
}

/**
 * Answers for one occurrence, then re-reads it: the server recounts seats and the waitlist, which the
 * widget must not guess. If only the re-read fails, the answer still stands on the old counts.
 */
export async function answerRsvp(
  client: GroveClient,
  item: EventOccurrence,
  status: RsvpStatus,
): Promise<{ answer: Rsvp; occurrence: EventOccurrence }> {
  const path = `/v1/events/${encodeURIComponent(item.id)}`;
  const answer = await client.send<Rsvp>('POST', `${path}/rsvp`, { body: { status, occurrence: item.start } });
  const fresh = await client.get<EventOccurrence>(path, { query: { occurrence: item.start } }).catch(() => item);
  return { answer, occurrence: { ...fresh, viewerRsvp: answer } };
}

/** The event's iCalendar download (every occurrence: the series with its rule). */
export const icsPath = (eventId: string): string => `/v1/events/${encodeURIComponent(eventId)}.ics`;

/**
 * Downloads the event's .ics with the viewer's token, for members-only events a plain link cannot reach
 * (tokens never go in URLs), and saves it through a Blob URL.
 */
export async function downloadIcs(client: GroveClient, eventId: string): Promise<void> {
  const text = await client.text(icsPath(eventId), { accept: 'text/calendar' });
  const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
  Object.assign(document.createElement('a'), { href: url, download: `event-${eventId}.ics` }).click();
  // Revoked on the next task: the click has been handed to the download manager by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
