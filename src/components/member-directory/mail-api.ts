/**
 * A signed-in member's mail: their settings, mailing-list mode and following (issue 15). Used by the
 * e-mail settings panel and by the directory's "Follow by e-mail" toggle, both signed-in code only.
 */
import type { GroveClient } from '../../api/client.js';
import { get, send } from '../../api/typed.js';
import type { components } from '../../api/schema.js';

export type MailSettings = components['schemas']['MailSettings'];
export type MailSettingsPatch = components['schemas']['MailSettingsPatch'];
export type NotificationKind = components['schemas']['NotificationKind'];

export function fetchMailSettings(client: GroveClient, signal?: AbortSignal): Promise<MailSettings> {
  return get(client, '/v1/me/mail', { signal });
}

export function saveMailSettings(client: GroveClient, patch: MailSettingsPatch): Promise<MailSettings> {
  return send(client, 'PATCH', '/v1/me/mail', { body: patch });
}

/** New threads of a community by mail, or none; resolves to the state now. */
export async function setCommunityFollowing(client: GroveClient, slug: string, follow: boolean): Promise<boolean> {
  return (await send(client, follow ? 'PUT' : 'DELETE', '/v1/communities/{slug}/follow', { path: { slug } })).following;
}

/** Mailing-list mode in a community: every post by mail. */
export async function setMailingList(client: GroveClient, slug: string, subscribed: boolean): Promise<boolean> {
  return (await send(client, subscribed ? 'PUT' : 'DELETE', '/v1/communities/{slug}/mailing-list', { path: { slug } })).subscribed;
}

export async function unfollowThread(client: GroveClient, id: string): Promise<void> {
  await send(client, 'DELETE', '/v1/threads/{id}/follow', { path: { id } });
}
