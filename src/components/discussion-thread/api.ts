/**
 * The thread's requests, typed by the contract: reading a thread and its posts, the writes behind each
 * button, the live stream and the facilitators' reports queue. Writes return the server's new state for
 * the widget to merge, and carry the version they were based on (If-Match), so two facilitators acting at
 * once get a conflict instead of silently overwriting each other.
 */
import type { GroveClient, StreamOptions } from '../../api/client.js';
import { GroveApiError } from '../../api/problem.js';
import { get, send, stream, type QueryOf } from '../../api/typed.js';
import type { NewPost, Post, PostPage, ReactionKind, ReportPage, Thread, ThreadChange } from './types.js';

/** The `If-Match` value for a resource at `version` (the server's weak ETag). */
const ifMatch = (version: number): string => `W/"${version}"`;
const postPath = (post: Post) => ({ id: post.id });

/**
 * The thread by id, or the one attached to a page key in the page's community (a key is unique per
 * community, so the same page can hold one conversation per community): null while the key has none
 * (its first post creates it).
 */
export async function fetchThread(
  client: GroveClient,
  ref: { id: string } | { key: string; community?: string },
  signal?: AbortSignal,
): Promise<Thread | null> {
  if ('id' in ref) return get(client, '/v1/threads/{id}', { path: ref, signal });
  try {
    return await get(client, '/v1/threads', { query: ref, signal });
  } catch (error) {
    if (error instanceof GroveApiError && error.kind === 'not-found') return null;
    throw error;
  }
}

export function postsPage(client: GroveClient, thread: Thread, query: QueryOf<'/v1/threads/{id}/posts'>, signal: AbortSignal): Promise<PostPage> {
  return get(client, '/v1/threads/{id}/posts', { path: { id: thread.id }, query, signal });
}

/** Sends a new post; the outbox passes one Idempotency-Key for every attempt. */
export function createPost(client: GroveClient, body: NewPost, idempotencyKey: string, signal: AbortSignal): Promise<Post> {
  return send(client, 'POST', '/v1/posts', { body, idempotencyKey, signal });
}

/** Follows the thread's server-sent events: new posts, edits and removals. */
export function followThread(client: GroveClient, threadId: string, options: StreamOptions): Promise<void> {
  return stream(client, '/v1/threads/{id}/stream', { path: { id: threadId }, ...options });
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
  return hidden ? send(client, 'POST', '/v1/posts/{id}/hide', { path: { id: post.id } }) : send(client, 'POST', '/v1/posts/{id}/restore', { path: { id: post.id } });
}

export function reportPost(client: GroveClient, post: Post, reason: string): Promise<unknown> {
  return send(client, 'POST', '/v1/posts/{id}/reports', { path: postPath(post), body: { reason } });
}

export function moderateThread(client: GroveClient, thread: Thread, change: ThreadChange): Promise<Thread> {
  return send(client, 'PATCH', '/v1/threads/{id}', { path: { id: thread.id }, body: change, ifMatch: ifMatch(thread.version) });
}

/** A page of a community's open reports (facilitators only), oldest first. */
export function openReports(client: GroveClient, slug: string, cursor: string | null, signal: AbortSignal): Promise<ReportPage> {
  return get(client, '/v1/communities/{slug}/reports', { path: { slug }, query: { status: 'open', limit: 20, cursor: cursor ?? undefined }, signal });
}

/** Resolves every open report on the reported post: the facilitator judges the post, not one report. */
export function resolveReports(client: GroveClient, reportId: string, action: 'dismiss' | 'hide-post'): Promise<unknown> {
  return send(client, 'POST', '/v1/reports/{id}/resolution', { path: { id: reportId }, body: { action } });
}
