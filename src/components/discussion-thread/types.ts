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
  /** The author's role in the thread's community: anyone not facilitating it is a member. */
  role: 'member' | 'facilitator';
  /**
   * Recognised on the thread's topic skill (the thread's, else its community's): endorsed for it by at least
   * three members, or self-declared expert with an accepted answer on that topic. The server decides.
   */
  expert: boolean;
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

/** A member as the server names them in references (`MemberRef`). */
export interface MemberRef {
  id: string;
  name: string;
  avatarUrl: string | null;
}

/** One report in a community's moderation queue (`QueuedReport`), with the reported post. */
export interface QueuedReport {
  id: string;
  reason: string;
  reporter: MemberRef;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: MemberRef | null;
  post: {
    id: string;
    thread: string;
    threadTitle: string;
    author: MemberRef;
    /** Markdown source, shown as plain text: the facilitator reads what was written. */
    bodyMd: string;
    hidden: boolean;
    deleted: boolean;
    /** Unresolved reports on this post, this one included. */
    openReports: number;
  };
}

export interface ReportPage {
  items: QueuedReport[];
  next: string | null;
}
