/**
 * The thread and post representations the widget reads, as the v1 contract defines them
 * (`Thread`, `Post` and `PostInput` in api/openapi.json).
 */

export type ReactionKind = 'helpful' | 'thanks' | 'agree' | 'insightful';
export const REACTION_KINDS: readonly ReactionKind[] = ['helpful', 'thanks', 'agree', 'insightful'];

export interface PostAuthor {
  id: string;
  name: string;
  avatarUrl: string | null;
  /** The author's role in the thread's community, when the server sends it. */
  role?: 'member' | 'facilitator';
  /** True when the author is recognised for the thread's topic skill, when the server sends it. */
  expert?: boolean;
}

export interface Post {
  id: string;
  thread: string;
  author: PostAuthor;
  replyTo: { id: string; author: string } | null;
  /** Markdown source, for editing; empty when deleted. */
  bodyMd: string;
  /** Server-rendered, allowlist-sanitised HTML: the only markup the widget ever inserts. */
  bodyHtml: string;
  language: string;
  createdAt: string;
  editedAt: string | null;
  hidden: boolean;
  deleted: boolean;
  accepted: boolean;
  /** Sent back as `If-Match: W/"<version>"` to edit or delete. */
  version: number;
  reactions: Partial<Record<string, number>>;
  viewerReactions: ReactionKind[];
  viewerCanEdit: boolean;
}

export interface Thread {
  id: string;
  community: string;
  key: string | null;
  title: string;
  kind: 'discussion' | 'question';
  status: 'open' | 'answered' | 'locked';
  pinned: boolean;
  acceptedPostId: string | null;
  postCount: number;
  version: number;
  /** What the viewer may do here; anonymous viewers read only. */
  viewer: { canPost: boolean; canModerate: boolean; canAccept: boolean };
}

export interface PostPage {
  items: Post[];
  next: string | null;
}

/** The body of `POST /v1/posts`: a thread id, or a page key with what creating the thread needs. */
export interface NewPost {
  thread?: string;
  key?: string;
  community?: string;
  title?: string;
  body: string;
  language: string;
  replyTo?: string;
}

/** The `If-Match` value for a resource at `version` (the server's weak ETag). */
export const ifMatch = (version: number): string => `W/"${version}"`;
