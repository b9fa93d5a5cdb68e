/** The list's requests, typed by the contract (src/api/typed.ts); the facilitators' live in tools-api.ts. */
import type { GroveClient } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { get, send } from '../../api/typed.js';

export type Community = components['schemas']['Community'];
export type CommunityPage = components['schemas']['CommunityPage'];

/** One page of the sub-groups of `parent` (top-level communities without it): open ones, or the closed archive. */
export function listCommunities(
  client: GroveClient,
  parent: string,
  archive: boolean,
  cursor: string | undefined,
  signal: AbortSignal,
): Promise<CommunityPage> {
  const query = { closed: archive ? 'only' : 'exclude', limit: 50, ...(parent ? { parent } : {}), ...(cursor ? { cursor } : {}) } as const;
  return get(client, '/v1/communities', { query, signal });
}

export function loadCommunity(client: GroveClient, slug: string, signal: AbortSignal): Promise<Community> {
  return get(client, '/v1/communities/{slug}', { path: { slug }, signal });
}

/** Joins a public community or asks to join a members-only one; `false` leaves it or withdraws the request. */
export function setMembership(client: GroveClient, slug: string, join: boolean): Promise<unknown> {
  return join
    ? send(client, 'POST', '/v1/communities/{slug}/join', { path: { slug }, body: {} })
    : send(client, 'DELETE', '/v1/communities/{slug}/membership', { path: { slug } });
}
