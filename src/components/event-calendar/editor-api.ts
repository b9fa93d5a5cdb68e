/**
 * The facilitators' writes, typed by the contract: create, edit with If-Match, edit or cancel one
 * occurrence, cancel the event. They load with the editor chunk, never with a reader's first view.
 */
import type { GroveClient } from '../../api/client.js';
import { get, send } from '../../api/typed.js';
import type { EventBody } from './event-draft.js';
import type { EventOccurrence } from './types.js';

/** A new event in `community`; `key` stays the same across retries of one draft, so it is created once. */
export function createEvent(client: GroveClient, community: string, body: EventBody, key: string): Promise<EventOccurrence> {
  return send(client, 'POST', '/v1/events', { body: { community, ...body, exdates: [] }, idempotencyKey: key });
}

/** Saves the changes against the version edited (`sequence`); a newer one fails with kind `conflict`. */
export function updateEvent(client: GroveClient, id: string, sequence: number, changes: Partial<EventBody>): Promise<EventOccurrence> {
  return send(client, 'PATCH', '/v1/events/{id}', { path: { id }, body: changes, ifMatch: `"${sequence}"` });
}

/** One occurrence of a series, starting at `occurrence`, becomes an event of its own with `changes`. */
export function editOccurrence(
  client: GroveClient,
  id: string,
  occurrence: string,
  changes: Partial<Omit<EventBody, 'rrule'>>,
  key: string,
): Promise<EventOccurrence> {
  return send(client, 'POST', '/v1/events/{id}/occurrence-edits', { path: { id }, body: { occurrence, ...changes }, idempotencyKey: key });
}

/** Cancels the whole event, or only the occurrence starting at `occurrence`. */
export function cancelEvent(client: GroveClient, id: string, occurrence?: string): Promise<EventOccurrence> {
  return send(client, 'POST', '/v1/events/{id}/cancellation', { path: { id }, body: occurrence ? { occurrence } : {} });
}

/** The event as stored now (its first occurrence), after someone else changed it. */
export function fetchEvent(client: GroveClient, id: string): Promise<EventOccurrence> {
  return get(client, '/v1/events/{id}', { path: { id } });
}
