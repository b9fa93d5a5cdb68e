/**
 * The writes behind each button, as plain functions of the client: each returns the server's new state
 * for the widget to merge, and carries the version it was based on (If-Match) so two facilitators
 * acting at once get a conflict instead of silently overwriting each other.
 */
import type { GroveClient } from '../../api/client.js';
import { ifMatch, type Post, type ReactionKind, type Thread } from './types.js';

interface ReactionSummary {
  post: string;
  reactions: Post['reactions'];
  viewerReactions: ReactionKind[];
}

const postPath = (post: Post) => `/v1/posts/${encodeURIComponent(post.id)}`;

export async function toggleReaction(client: GroveClient, post: Post, kind: ReactionKind): Promise<Post> {
  const summary = post.viewerReactions.includes(kind)
    ? await client.send<ReactionSummary>('DELETE', `${postPath(post)}/reactions/${kind}`)
    : await client.send<ReactionSummary>('POST', `${postPath(post)}/reactions`, { body: { kind } });
  return { ...post, reactions: summary.reactions, viewerReactions: summary.viewerReactions };
}

export function editPost(client: GroveClient, post: Post, body: string, language: string): Promise<Post> {
  return client.send<Post>('PATCH', postPath(post), { body: { body, language }, ifMatch: ifMatch(post.version) });
}

/** Deleting leaves a tombstone, so replies keep their context. */
export async function deletePost(client: GroveClient, post: Post): Promise<Post> {
  await client.send('DELETE', postPath(post), { ifMatch: ifMatch(post.version) });
  return { ...post, deleted: true, bodyHtml: '', bodyMd: '', accepted: false };
}

export function setHidden(client: GroveClient, post: Post, hidden: boolean): Promise<Post> {
  return client.send<Post>('POST', `${postPath(post)}/${hidden ? 'hide' : 'restore'}`);
}

export function reportPost(client: GroveClient, post: Post, reason: string): Promise<unknown> {
  return client.send('POST', `${postPath(post)}/reports`, { body: { reason } });
}

export type ThreadChange = { pinned: boolean } | { locked: boolean } | { acceptedPost: string | null };

export function moderateThread(client: GroveClient, thread: Thread, change: ThreadChange): Promise<Thread> {
  return client.send<Thread>('PATCH', `/v1/threads/${encodeURIComponent(thread.id)}`, {
    body: change,
    ifMatch: ifMatch(thread.version),
  });
}
