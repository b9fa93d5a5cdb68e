/** The badge's requests, typed by the contract. */
import { batcher } from '../shared/batcher.js';
import type { GroveClient } from '../../api/client.js';
import { get, send, text } from '../../api/typed.js';
import type { Achievement, CommunityParticipation, MemberBadge } from './types.js';

/**
 * The member's badge in `community` ('' for every community), or null when they hide it (or are unknown
 * to this viewer). Every badge on a page asked for in the same task, in any widget, shares one
 * `GET /v1/participation/badges?member=…&member=…` per client and community (chunks of the server's 100):
 * a directory page of 50 members costs one request.
 */
export const badgeFor = batcher<MemberBadge | null>(async (client, community, members, signal) => {
  const { items } = await get(client, '/v1/participation/badges', {
    query: { member: members, community: community || undefined },
    signal,
  });
  return (id) => items.find((item) => item.member === id) ?? null;
});

/** A community's participation profile (aggregates only; it names nobody). */
export function communityProfile(client: GroveClient, slug: string, signal: AbortSignal): Promise<CommunityParticipation> {
  return get(client, '/v1/participation/communities/{slug}', { path: { slug }, signal });
}

/** Whether the signed-in viewer facilitates the community: only then does the badge load the action list. */
export async function facilitates(client: GroveClient, slug: string, signal: AbortSignal): Promise<boolean> {
  const community = await get(client, '/v1/communities/{slug}', { path: { slug }, signal }).catch(() => undefined);
  return community?.viewerRole === 'facilitator';
}

/** The viewer's own achievement as a signed Open Badges 3.0 credential (VC-JWT). */
export function credential(client: GroveClient, member: string, achievement: Achievement): Promise<string> {
  return text(client, '/v1/participation/members/{id}/credentials/{achievement}', {
    path: { id: member, achievement: achievement.id },
    query: { community: achievement.community },
    accept: 'application/vc+jwt',
  });
}

/** The member hides their badge from everyone else, or shows it again. */
export function setHidden(client: GroveClient, member: string, hidden: boolean): Promise<unknown> {
  return send(client, 'POST', '/v1/participation/members/{id}/visibility', { path: { id: member }, body: { hidden } });
}
