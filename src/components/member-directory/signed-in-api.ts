/**
 * The directory's requests for a signed-in member: their own profile, endorsing, joining. Apart from
 * `api.ts` so that readers' first view, which imports that, carries none of this.
 */
import type { GroveClient } from '../../api/client.js';
import { get, getWithEtag, send, sendWithEtag } from '../../api/typed.js';
import type { Community, JoinResult, Me, MePatch } from './types.js';

/** You, with the ETag to send back when saving. */
export async function fetchMe(client: GroveClient, lang: string, signal?: AbortSignal): Promise<{ me: Me; etag: string }> {
  const { data, etag } = await getWithEtag(client, '/v1/me', { query: { lang }, signal });
  const me = data;
  // Without an exposed ETag the version alone is a valid If-Match (server/http/middleware/conditional.ts).
  return { me, etag: etag ?? `"${me.version}"` };
}

/** Saves a merge patch of your profile against the version you edited; a stale one fails with kind `conflict`. */
export async function saveMe(client: GroveClient, patch: MePatch, ifMatch: string, lang: string): Promise<{ me: Me; etag: string }> {
  const { data, etag } = await sendWithEtag(client, 'PATCH', '/v1/me', { body: patch, ifMatch, query: { lang } });
  const me = data;
  return { me, etag: etag ?? `"${me.version}"` };
}

/** Endorses, or withdraws your endorsement of, one of a member's skills. */
export function setEndorsement(client: GroveClient, member: string, skill: string, endorse: boolean): Promise<unknown> {
  return endorse
    ? send(client, 'POST', '/v1/members/{id}/endorsements', { path: { id: member }, body: { skill } })
    : send(client, 'DELETE', '/v1/members/{id}/endorsements/{skill}', { path: { id: member, skill } });
}

export function fetchCommunity(client: GroveClient, slug: string, signal?: AbortSignal): Promise<Community> {
  return get(client, '/v1/communities/{slug}', { path: { slug }, signal });
}

/** Joins (or asks to join) a community; `leave` leaves it or withdraws the request. */
export function joinCommunity(client: GroveClient, slug: string): Promise<JoinResult> {
  return send(client, 'POST', '/v1/communities/{slug}/join', { path: { slug }, body: {} });
}

export function leaveCommunity(client: GroveClient, slug: string): Promise<unknown> {
  return send(client, 'DELETE', '/v1/communities/{slug}/membership', { path: { slug } });
}

/** The first hundred skills of the taxonomy, for the editor's suggestions (any other slug may still be typed). */
export async function fetchSkills(client: GroveClient, lang: string, signal?: AbortSignal): Promise<{ slug: string; label: string }[]> {
  return (await get(client, '/v1/skills', { query: { lang, limit: 100 }, signal })).items;
}
