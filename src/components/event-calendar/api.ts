/** The calendar's requests, typed by the contract: occurrences for a range, an RSVP and its recount, downloads. */
import type { GroveClient } from '../../api/client.js';
import { get, href, send, text } from '../../api/typed.js';
import { downloadText } from '../shared/download.js';
import { requestRange } from './date-grid.js';
import type { EventOccurrence, Rsvp, RsvpStatus } from './types.js';

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
    const query = { community: community || undefined, from: range.from, to: range.to, limit: PAGE_SIZE, cursor };
    const result = await get(client, '/v1/events', { query, signal });
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
  const path = { id: item.id };
  const answer = await send(client, 'POST', '/v1/events/{id}/rsvp', { path, body: { status, occurrence: item.start } });
  const fresh = await get(client, '/v1/events/{id}', { path, query: { occurrence: item.start } }).catch(() => item);
  return { answer, occurrence: { ...fresh, viewerRsvp: answer } };
}

/** The event's iCalendar file (every occurrence: the series with its rule), as a plain link. */
export const icsUrl = (client: GroveClient, eventId: string): string => href(client, '/v1/events/{id}.ics', { path: { id: eventId } });

/** The community's iCalendar feed, for a `webcal:` subscription. */
export const feedUrl = (client: GroveClient, slug: string): string => href(client, '/v1/communities/{slug}/events.ics', { path: { slug } });

/**
 * Downloads the event's .ics with the viewer's token, for members-only events a plain link cannot reach
 * (tokens never go in URLs), and saves it through a Blob URL.
 */
export async function downloadIcs(client: GroveClient, eventId: string): Promise<void> {
  const ics = await text(client, '/v1/events/{id}.ics', { path: { id: eventId }, accept: 'text/calendar' });
  downloadText(ics, 'text/calendar;charset=utf-8', `event-${eventId}.ics`);
}

/** True when the signed-in viewer facilitates the community: only then is the event editor loaded. */
export const facilitates = async (client: GroveClient, slug: string): Promise<boolean> =>
  (await get(client, '/v1/communities/{slug}', { path: { slug } })).viewerRole === 'facilitator';
