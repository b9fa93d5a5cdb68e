/**
 * What a reader's first view asks for, typed by the contract: the thread, its posts and the live
 * stream. The writes behind each button are in writes.ts, downloaded with the signed-in tools.
 */
import type { GroveClient, StreamOptions } from '../../api/client.js';
import { get, stream, type QueryOf } from '../../api/typed.js';
import type { PostPage, Thread } from './types.js';

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
  // 204 until the key's first post: no failing request on every page whose conversation has not started.
  return (await get(client, '/v1/threads', { query: ref, signal })) ?? null;
}

export function postsPage(
  client: GroveClient,
  thread: Thread,
  query: QueryOf<'/v1/threads/{id}/posts'>,
  signal: AbortSignal,
): Promise<PostPage> {
  return get(client, '/v1/threads/{id}/posts', { path: { id: thread.id }, query, signal });
}

/** Follows the thread's server-sent events: new posts, edits and removals. */
export function followThread(client: GroveClient, threadId: string, options: StreamOptions): Promise<void> {
  return stream(client, '/v1/threads/{id}/stream', { path: { id: threadId }, ...options });
}
