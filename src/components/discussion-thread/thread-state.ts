/**
 * Pure operations on the list of loaded posts, shared by paging, live updates and the outbox, so that a
 * post arriving twice (the POST response and its own stream echo, a replayed stream after reconnect) is
 * one post.
 */
import type { Post } from './types.js';

export type Order = 'oldest' | 'newest';

/** Inserts or replaces posts by id, keeping `order` (by creation time, then id). */
export function upsertPosts(posts: readonly Post[], incoming: readonly Post[], order: Order): Post[] {
  const byId = new Map(posts.map((post) => [post.id, post]));
  for (const post of incoming) byId.set(post.id, post);
  const sign = order === 'oldest' ? 1 : -1;
  return [...byId.values()].sort((a, b) => sign * (Date.parse(a.createdAt) - Date.parse(b.createdAt) || compareIds(a.id, b.id)));
}

export function removePost(posts: readonly Post[], id: string): Post[] {
  return posts.filter((post) => post.id !== id);
}

/** Ids are bigint strings: compare by length first so "10" sorts after "9". */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** The greatest post id seen, the stream's resume point (its event ids are post ids). */
export function newestId(posts: readonly Post[]): string | undefined {
  return posts.reduce<string | undefined>((max, post) => (!max || compareIds(post.id, max) > 0 ? post.id : max), undefined);
}

export interface PostNode {
  post: Post;
  /** Replies shown under it: one level only, so replies to replies join their root's list. */
  replies: Post[];
}

/**
 * Groups replies under the top-level post they descend from. A reply whose parent is not loaded (on a
 * later page, or hidden) stays at the top level and still shows whom it answers.
 */
export function nestPosts(posts: readonly Post[]): PostNode[] {
  const rootOf = new Map<string, string>();
  const nodes = new Map<string, PostNode>();
  const roots: PostNode[] = [];
  const byId = new Map(posts.map((post) => [post.id, post]));
  const findRoot = (post: Post): string | undefined => {
    // `seen` guards against a reply cycle in bad data, which would otherwise loop forever.
    const seen = new Set<string>();
    let current: Post = post;
    while (current.replyTo && !seen.has(current.id)) {
      seen.add(current.id);
      const parent = byId.get(current.replyTo.id);
      if (!parent) return undefined;
      current = parent;
    }
    return current !== post ? current.id : undefined;
  };
  for (const post of posts) {
    const root = findRoot(post);
    if (root) rootOf.set(post.id, root);
  }
  for (const post of posts) {
    if (rootOf.has(post.id)) continue;
    const node: PostNode = { post, replies: [] };
    nodes.set(post.id, node);
    roots.push(node);
  }
  // Replies read in conversation order under their root whatever the page order.
  const replies = posts.filter((post) => rootOf.has(post.id));
  replies.sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || compareIds(a.id, b.id));
  for (const reply of replies) {
    const root = rootOf.get(reply.id);
    if (root) nodes.get(root)?.replies.push(reply);
  }
  return roots;
}
