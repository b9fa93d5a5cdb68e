/** The facilitators' requests; apart from api.ts so that readers' first view carries none of this. */
import type { GroveClient } from '../../api/client.js';
import type { components } from '../../api/schema.js';
import { get, send, type BodyOf } from '../../api/typed.js';

export type JoinRequest = components['schemas']['JoinRequest'];
export type MemberSummary = components['schemas']['MemberSummary'];
export type Lifecycle = components['schemas']['Community']['lifecycle'];

export function openSubGroup(client: GroveClient, body: BodyOf<'/v1/communities', 'post'>): Promise<unknown> {
  return send(client, 'POST', '/v1/communities', { body });
}

/** Moves a group to `state`; closing returns its members to the mother community (the answer says how many). */
export function changeState(client: GroveClient, slug: string, state: Lifecycle): Promise<{ returnedMembers: number }> {
  return send(client, 'POST', '/v1/communities/{slug}/lifecycle', { path: { slug }, body: { state, returnMembers: true } });
}

export async function joinRequests(client: GroveClient, slug: string, signal?: AbortSignal): Promise<JoinRequest[]> {
  return (await get(client, '/v1/communities/{slug}/join-requests', { path: { slug }, signal })).items;
}

export function decide(client: GroveClient, slug: string, id: string, approve: boolean): Promise<unknown> {
  return approve
    ? send(client, 'POST', '/v1/communities/{slug}/join-requests/{id}/approve', { path: { slug, id } })
    : send(client, 'POST', '/v1/communities/{slug}/join-requests/{id}/decline', { path: { slug, id } });
}

/** The first members the directory finds for `q`, to invite one. */
export async function findMembers(client: GroveClient, q: string, signal?: AbortSignal): Promise<MemberSummary[]> {
  return (await get(client, '/v1/members', { query: { q, limit: 5 }, signal })).items;
}

export type InvitationStatus = components['schemas']['InvitationResult']['status'];
export type PendingInvitation = components['schemas']['PendingInvitation'];

/**
 * Invites a member (by id) or an e-mail address: `joined` when they had asked to join (in now), `member`
 * when they were in already, `already-invited` when an invitation to the address stands (nobody mailed again).
 */
export async function invite(client: GroveClient, slug: string, who: { member: string } | { email: string }): Promise<InvitationStatus> {
  return (await send(client, 'POST', '/v1/communities/{slug}/invitations', { path: { slug }, body: who })).status;
}

export async function invitations(client: GroveClient, slug: string, signal?: AbortSignal): Promise<PendingInvitation[]> {
  return (await get(client, '/v1/communities/{slug}/invitations', { path: { slug }, signal })).items;
}

/** Withdraws an invitation: its link stops working. */
export function withdraw(client: GroveClient, slug: string, id: string): Promise<unknown> {
  return send(client, 'DELETE', '/v1/communities/{slug}/invitations/{id}', { path: { slug, id } });
}
