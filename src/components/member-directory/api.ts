/** The directory's requests, typed by the contract. */
import type { GroveClient } from '../../api/client.js';
import { get, href, type QueryOf } from '../../api/typed.js';
import type { MemberPage, MemberProfile } from './types.js';

export type MemberQuery = QueryOf<'/v1/members'>;

/** A page of members for a search, with facet counts on the first page. */
export function searchMembers(client: GroveClient, query: MemberQuery, signal: AbortSignal): Promise<MemberPage> {
  return get(client, '/v1/members', { query, signal });
}

/** A member's profile, with the contact channels this viewer may see; skill labels in `lang`. */
export function memberProfile(client: GroveClient, id: string, lang: string, signal: AbortSignal): Promise<MemberProfile> {
  return get(client, '/v1/members/{id}', { path: { id }, query: { lang }, signal });
}

/** The profile's API URL: a stable UID for the vCard. */
export const memberUrl = (client: GroveClient, id: string): string => href(client, '/v1/members/{id}', { path: { id } });
