/**
 * The writes behind each button and the facilitators' reports queue, typed by the contract. They load
 * with the signed-in tools (authoring.ts), not with a reader's first view. Writes return the server's new
 * state for the widget to merge, and carry the version they were based on (If-Match), so two
 * facilitators acting at once get a conflict instead of silently overwriting each other.
 */
import type { GroveClient } from '../../api/client.js';
import { get, send } from '../../api/typed.js';
import type { NewPost, Post, ReactionKind, ReportPage, Thread, ThreadChange } from './types.js';

/** The `If-Match` value for a resource at `version` (the server's weak ETag). */
const ifMatch = (version: number): string => `W/"${version}"`;
const postPath = (post: Post) => ({ id: post.id });

/** Sends a new post; the outbox passes one Idempotency-Key for every attempt. */
export function createPost(client: GroveClient, body: NewPost, idempotencyKey: string, signal: AbortSignal): Promise<Post> {
  return send(client, 'POST', '/v1/posts', { body, idempotencyKey, signal });
}

export async function toggleReaction(client: GroveClient, post: Post, kind: ReactionKind): Promise<Post> {
  const summary = post.viewerReactions.includes(kind)
    ? await send(client, 'DELETE', '/v1/posts/{id}/reactions/{kind}', { path: { id: post.id, kind } })
    : await send(client, 'POST', '/v1/posts/{id}/reactions', { path: postPath(post), body: { kind } });
  return { ...post, reactions: summary.reactions, viewerReactions: summary.viewerReactions };
}

export function editPost(client: GroveClient, post: Post, body: string, language: string): Promise<Post> {
  return send(client, 'PATCH', '/v1/posts/{id}', { path: postPath(post), body: { body, language }, ifMatch: ifMatch(post.version) });
}

/** Deleting leaves a tombstone, so replies keep their context. */
export async function deletePost(client: GroveClient, post: Post): Promise<Post> {
  await send(client, 'DELETE', '/v1/posts/{id}', { path: postPath(post), ifMatch: ifMatch(post.version) });
  return { ...post, deleted: true, bodyHtml: '', bodyMd: '', accepted: false };
}

/** Hiding also resolves the post's open reports on the server; either way the answer is the post. */
export function setHidden(client: GroveClient, post: { id: string }, hidden: boolean): Promise<Post> {
  return hidden
    ? send(client, 'POST', '/v1/posts/{id}/hide', { path: { id: post.id } })
    : send(client, 'POST', '/v1/posts/{id}/restore', { path: { id: post.id } });
}

export function reportPost(client: GroveClient, post: Post, reason: string): Promise<unknown> {
  return send(client, 'POST', '/v1/posts/{id}/reports', { path: postPath(post), body: { reason } });
}

export function moderateThread(client: GroveClient, thread: Thread, change: ThreadChange): Promise<Thread> {
  return send(client, 'PATCH', '/v1/threads/{id}', { path: { id: thread.id }, body: change, ifMatch: ifMatch(thread.version) });
}

/** A page of a community's open reports (facilitators only), oldest first. */
export function openReports(client: GroveClient, slug: string, cursor: string | null, signal: AbortSignal): Promise<ReportPage> {
  return get(client, '/v1/communities/{slug}/reports', {
    path: { slug },
    query: { status: 'open', limit: 20, cursor: cursor ?? undefined },
    signal,
  });
}

/** Resolves every open report on the reported post: the facilitator judges the post, not one report. */
export function resolveReports(client: GroveClient, reportId: string, action: 'dismiss' | 'hide-post'): Promise<unknown> {
  return send(client, 'POST', '/v1/reports/{id}/resolution', { path: { id: reportId }, body: { action } });
}

/** Mail about every new post of the thread, or none (issue 15's following). */
export async function setFollowing(client: GroveClient, threadId: string, follow: boolean): Promise<boolean> {
  const result = await send(client, follow ? 'PUT' : 'DELETE', '/v1/threads/{id}/follow', { path: { id: threadId } });
  return result.following;
}
