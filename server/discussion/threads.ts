/**
 * Loading threads and posts as the viewer may see them. Hidden posts reach facilitators only;
 * deleted posts stay as empty tombstones so replies keep their context.
 */
import type { z } from '@hono/zod-openapi';
import {
  assertCanContribute,
  assertFacilitator,
  readableCommunity,
  readableCommunitySql,
  type CommunityAccess,
} from '../communities/access.ts';
import type { Post, Thread } from '../contract/threads.ts';
import { isUniqueViolation, type Database, type Queryable } from '../db/index.ts';
import type { MailContext } from '../mail/compose.ts';
import { mailAcceptedAnswer } from '../mail/notify.ts';
import { recordFacts, retractAcceptance } from '../participation/facts.ts';
import { cached, readCache } from '../db/read-cache.ts';
import { decodeCursor, encodeCursor } from '../shared/cursor.ts';
import { changedMeanwhile, HttpProblem, notFound } from '../shared/problem.ts';
import type { Viewer } from '../shared/viewer.ts';
import { memberRef, presenceSql, type Presence } from '../communities/visibility.ts';
import { recordModeration, type ModerationRecord } from '../communities/moderation-log.ts';
import { authorStandings, standingOf, type Standing } from './author-standing.ts';

export interface ThreadRow {
  id: string;
  community_id: string;
  community: string;
  page_key: string | null;
  title: string;
  kind: 'discussion' | 'question';
  status: 'open' | 'answered' | 'locked';
  pinned: boolean;
  accepted_post_id: string | null;
  post_count: number;
  created_by: string | null;
  creator_name: string | null;
  creator_avatar: string | null;
  creator_presence: Presence | null;
  created_at: Date;
  last_post_at: Date | null;
  version: number;
  following: boolean;
  /** No post of it is published yet and one waits or was kept back: its title is its author's and the facilitators' only. */
  withheld: boolean;
}

/** Thread columns; `$1` is the viewer (or null), for whether they follow it. */
const THREAD_SELECT = `
  select t.id, t.community_id, c.slug as community, t.page_key, t.title, t.kind, t.status, t.pinned, t.accepted_post_id,
         t.post_count, t.created_by, cm.name as creator_name, grove_avatar_path(cm.id, cm.avatar_url) as creator_avatar, ${presenceSql('cm')} as creator_presence, t.created_at, t.last_post_at, t.version,
         exists (select 1 from follows f where f.thread_id = t.id and f.member_id = $1) as following,
         (exists (select 1 from posts w where w.thread_id = t.id and (w.held or w.hidden) and not w.deleted)
          and not exists (select 1 from posts w where w.thread_id = t.id and not w.held and not w.hidden and not w.deleted)) as withheld
  from threads t join communities c on c.id = t.community_id left join members cm on cm.id = t.created_by`;

export interface LoadedThread {
  row: ThreadRow;
  access: CommunityAccess;
}

/**
 * Where a thread is looked up: by id, or by page key within the community the page declares (without a
 * community, the key's oldest thread: pages written before threads were bound to their community).
 */
export type ThreadLocator = { id: string } | { key: string; community?: string | undefined };

/** The thread and the viewer's access to its community; null when either is not visible. */
export async function loadThread(db: Queryable, by: ThreadLocator, viewer: Viewer | null): Promise<LoadedThread | null> {
  const { rows } =
    'id' in by
      ? await db.query<ThreadRow>(`${THREAD_SELECT} where t.id = $2`, [viewer?.memberId ?? null, by.id])
      : await db.query<ThreadRow>(`${THREAD_SELECT} where t.page_key = $2 and ($3::text is null or c.slug = $3) order by t.id limit 1`, [
          viewer?.memberId ?? null,
          by.key,
          by.community ?? null,
        ]);
  const row = rows[0];
  if (!row) return null;
  try {
    return { row, access: await readableCommunity(db, { id: row.community_id }, viewer) };
  } catch {
    return null;
  }
}

export async function requireThread(db: Queryable, by: ThreadLocator, viewer: Viewer | null) {
  const thread = await loadThread(db, by, viewer);
  if (!thread) throw notFound('The thread');
  return thread;
}

export function toThread({ row, access }: LoadedThread, viewer: Viewer | null): z.infer<typeof Thread> {
  const isFacilitator = access.role === 'facilitator';
  const canContribute = viewer !== null && access.lifecycle !== 'closed' && (access.visibility === 'public' || access.role !== null);
  return {
    id: row.id,
    community: row.community,
    key: row.page_key,
    // A thread opened by a post awaiting approval (docs/decisions/0183-withheld-thread-titles.md) is known to
    // others only as a thread on its key, so a second post on the page joins it rather than opening another.
    title: row.withheld && !isFacilitator && viewer?.memberId !== row.created_by ? '' : row.title,
    kind: row.kind,
    status: row.status,
    pinned: row.pinned,
    acceptedPostId: row.accepted_post_id,
    postCount: row.post_count,
    createdBy: row.created_by
      ? memberRef(row.created_by, row.creator_name ?? '', row.creator_avatar, row.creator_presence ?? 'listed')
      : null,
    createdAt: row.created_at.toISOString(),
    lastPostAt: row.last_post_at?.toISOString() ?? null,
    version: row.version,
    viewer: {
      canPost: canContribute && (row.status !== 'locked' || isFacilitator),
      canModerate: isFacilitator,
      canAccept: row.kind === 'question' && (isFacilitator || (viewer !== null && viewer.memberId === row.created_by)),
      following: row.following,
    },
  };
}

interface PostRow {
  id: string;
  thread_id: string;
  author_id: string;
  author_name: string;
  author_avatar: string | null;
  author_presence: Presence;
  reply_to_id: string | null;
  reply_to_author: string | null;
  body_md: string;
  body_html: string;
  language: string;
  created_at: Date;
  edited_at: Date | null;
  hidden: boolean;
  held: boolean;
  deleted: boolean;
  accepted: boolean;
  version: number;
  reactions: Record<string, number> | null;
  viewer_reactions: string[] | null;
}

/**
 * Post columns; `$1` must be the viewer id (or null). Reaction counts are stored on the post (migration 091);
 * only a signed-in viewer's own reactions are read per post.
 */
export const POST_SELECT = `
  select p.id, p.thread_id, p.author_id, a.name as author_name, grove_avatar_path(a.id, a.avatar_url) as author_avatar, ${presenceSql('a')} as author_presence,
         p.reply_to_id, (case when ra.deactivated_at is null then ra.name else '' end) as reply_to_author, p.body_md, p.body_html, p.language, p.created_at, p.edited_at,
         p.hidden, p.held, p.deleted, (t.accepted_post_id is not distinct from p.id) as accepted, p.version,
         p.reaction_counts as reactions,
         (case when $1::bigint is not null then (select array_agg(kind order by kind) from reactions r where r.post_id = p.id and r.member_id = $1) end) as viewer_reactions
  from posts p join threads t on t.id = p.thread_id join members a on a.id = p.author_id
  left join posts rp on rp.id = p.reply_to_id left join members ra on ra.id = rp.author_id`;

export function toPost(row: PostRow, viewer: Viewer | null, standing: Standing): z.infer<typeof Post> {
  const gone = row.deleted;
  return {
    id: row.id,
    thread: row.thread_id,
    author: { ...memberRef(row.author_id, row.author_name, row.author_avatar, row.author_presence), ...standing },
    replyTo: row.reply_to_id ? { id: row.reply_to_id, author: row.reply_to_author ?? '' } : null,
    bodyMd: gone ? '' : row.body_md,
    bodyHtml: gone ? '' : row.body_html,
    language: row.language,
    createdAt: row.created_at.toISOString(),
    editedAt: row.edited_at?.toISOString() ?? null,
    // A held post is stored hidden, but no facilitator hid it: it says "held" instead.
    hidden: row.hidden && !row.held,
    held: row.held,
    deleted: row.deleted,
    accepted: row.accepted,
    version: row.version,
    reactions: row.reactions ?? {},
    viewerReactions: (row.viewer_reactions ?? []) as z.infer<typeof Post>['viewerReactions'],
    viewerCanEdit: !gone && viewer?.memberId === row.author_id,
  };
}

export async function fetchPosts(
  db: Queryable,
  where: string,
  params: unknown[],
  viewer: Viewer | null,
  suffix = '',
): Promise<z.infer<typeof Post>[]> {
  const { rows } = await db.query<PostRow>(`${POST_SELECT} where ${where} ${suffix}`, [viewer?.memberId ?? null, ...params]);
  const standings = await authorStandings(
    db,
    rows.map((row) => ({ memberId: row.author_id, threadId: row.thread_id })),
  );
  return rows.map((row) => toPost(row, viewer, standingOf(standings, row.author_id, row.thread_id)));
}

/** A held post is its author's to see (marked "awaiting approval"), though hidden from other members. */
const ownHeld = (post: { held: boolean; author: { id: string } }, viewer: Viewer | null): boolean =>
  post.held && post.author.id === viewer?.memberId;

/** SQL for "the viewer may see post `p`" when they do not moderate it; `$1` is the viewer id, as in POST_SELECT. */
export const VISIBLE_TO_READER = '(not p.hidden or (p.held and p.author_id = $1))';

/** A post with its thread's access, or 404 when the viewer may not see it. */
export async function requirePost(db: Queryable, postId: string, viewer: Viewer | null) {
  const { rows } = await db.query<{ thread_id: string }>('select thread_id from posts where id = $1', [postId]);
  const threadId = rows[0]?.thread_id;
  const thread = threadId ? await loadThread(db, { id: threadId }, viewer) : null;
  if (!thread) throw notFound('The post');
  const [post] = await fetchPosts(db, 'p.id = $2', [postId], viewer);
  if (!post || ((post.hidden || (post.held && !ownHeld(post, viewer))) && thread.access.role !== 'facilitator')) {
    throw notFound('The post');
  }
  return { post, thread };
}

/** Fans a change out to live streams on every instance (LISTEN/NOTIFY). */
export async function notifyPostChange(
  db: { notify(channel: string, payload: string): Promise<void> },
  thread: ThreadRow,
  type: 'post' | 'post-updated' | 'post-published',
  postId: string,
): Promise<void> {
  const payload = JSON.stringify({ type, post: postId, thread: thread.id });
  await db.notify(`grove_thread_${thread.id}`, payload);
  await db.notify(`grove_community_${thread.community_id}`, payload);
}

/**
 * Visible post counts for page keys the viewer may read (0 for keys without a thread), each key's
 * thread found as `loadThread` finds it.
 */
export async function threadCounts(
  db: Queryable,
  keys: readonly string[],
  community: string | undefined,
  viewer: Viewer | null,
): Promise<Record<string, number>> {
  const { rows } = await db.query<{ page_key: string; n: number }>(
    `select distinct on (t.page_key) t.page_key,
            (select count(*)::int from posts p where p.thread_id = t.id and not p.hidden and not p.deleted) as n
     from threads t join communities c on c.id = t.community_id
     where t.page_key = any($2::text[]) and ($3::text is null or c.slug = $3) and ${readableCommunitySql('c', '$1')}
     order by t.page_key, t.id`,
    [viewer?.memberId ?? null, keys, community ?? null],
  );
  return Object.fromEntries(keys.map((key) => [key, rows.find((r) => r.page_key === key)?.n ?? 0]));
}

/** A keyset page of a thread's posts; hidden ones only for its facilitators. */
export async function listPosts(
  db: Queryable,
  thread: LoadedThread,
  viewer: Viewer | null,
  page: PostsPage,
): Promise<{ items: z.infer<typeof Post>[]; next: string | null }> {
  const after = decodeCursor(page.cursor, ['timestamp', 'id']);
  const where = ['p.thread_id = $2'];
  const params: unknown[] = [thread.row.id];
  if (thread.access.role !== 'facilitator') where.push(VISIBLE_TO_READER);
  if (after) {
    const op = page.order === 'oldest' ? '>' : '<';
    where.push(`(p.created_at, p.id) ${op} ($${params.push(after[0]) + 1}::timestamptz, $${params.push(after[1]) + 1}::bigint)`);
  }
  const dir = page.order === 'oldest' ? 'asc' : 'desc';
  const rows = await fetchPosts(
    db,
    where.join(' and '),
    [...params, page.limit + 1],
    viewer,
    `order by p.created_at ${dir}, p.id ${dir} limit $${params.length + 2}`,
  );
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  return { items, next: rows.length > page.limit && last ? encodeCursor([last.createdAt, last.id]) : null };
}

interface PostsPage {
  order: 'oldest' | 'newest';
  cursor?: string | undefined;
  limit: number;
}

/**
 * A page of a thread's posts as `listPosts` answers it, from memory when it can be: an anonymous page is
 * the same for every reader until a post, a thread, a community or an author changes (migration 116), so
 * a popular thread read by many is computed once per change instead of four statements per request.
 * Signed-in pages carry the viewer's own reactions, held posts and role, and are computed each time.
 */
export async function postsPage(db: Database, threadId: string, viewer: Viewer | null, page: PostsPage) {
  const read = async () => listPosts(db, await requireThread(db, { id: threadId }, viewer), viewer, page);
  if (viewer) return read();
  const cache = readCache(db, { channel: 'grove_discussion', table: 'discussion_generation' });
  return cached(cache, db, JSON.stringify([threadId, page.order, page.cursor ?? null, page.limit]), read);
}

export interface ThreadChange {
  pinned?: boolean | undefined;
  locked?: boolean | undefined;
  acceptedPost?: string | null | undefined;
  title?: string | undefined;
  community?: string | undefined;
}

const pageThreadExists = () =>
  new HttpProblem(409, 'That community already has a discussion for this page', {
    type: 'page-thread-exists',
    errors: [{ field: 'body.community', message: 'Already has a thread for this page key' }],
  });

/** The community a facilitator moves a thread to: one they facilitate, open, without a thread for the same page. */
async function moveTarget(db: Queryable, thread: LoadedThread, viewer: Viewer, slug: string): Promise<string> {
  const target = await readableCommunity(db, { slug }, viewer);
  assertFacilitator(target);
  assertCanContribute(target);
  if (thread.row.page_key !== null && target.id !== thread.row.community_id) {
    const { rows } = await db.query('select 1 from threads where page_key = $1 and community_id = $2', [thread.row.page_key, target.id]);
    if (rows.length > 0) throw pageThreadExists();
  }
  return target.id;
}

/**
 * Pins, locks, accepts an answer, retitles or moves at `version` (the caller checked If-Match against
 * it); 412 when the thread changed meanwhile. Facilitators may do all, the asker of a question only accept.
 */
export async function moderateThread(
  db: Database,
  thread: LoadedThread,
  viewer: Viewer,
  change: ThreadChange,
  mail: MailContext | null = null,
): Promise<void> {
  const { row } = thread;
  const onlyAccepting =
    change.pinned === undefined && change.locked === undefined && change.title === undefined && change.community === undefined;
  const isAsker = row.created_by === viewer.memberId && row.kind === 'question';
  if (!(onlyAccepting && isAsker)) assertFacilitator(thread.access);
  if (change.acceptedPost !== undefined && row.kind !== 'question') {
    throw new HttpProblem(422, 'Only questions have an accepted answer', {
      errors: [{ field: 'body.acceptedPost', message: 'The thread is a discussion' }],
    });
  }
  const communityId = change.community === undefined ? row.community_id : await moveTarget(db, thread, viewer, change.community);
  await db.transaction(async (tx) => {
    let accepted = row.accepted_post_id;
    if (change.acceptedPost !== undefined && change.acceptedPost !== null) {
      const { rows } = await tx.query<{ author_id: string }>(
        'select author_id from posts where id = $1 and thread_id = $2 and not deleted and not hidden',
        [change.acceptedPost, row.id],
      );
      const author = rows[0]?.author_id;
      if (!author) {
        throw new HttpProblem(422, 'That post is not a visible post of this thread', {
          errors: [{ field: 'body.acceptedPost', message: 'Not in this thread' }],
        });
      }
      if (change.acceptedPost !== accepted) {
        if (accepted) await retractAcceptance(tx, accepted);
        await recordFacts(tx, [
          { memberId: author, communityId: row.community_id, kind: 'accepted-answer', subjectId: change.acceptedPost },
        ]);
        if (mail) await mailAcceptedAnswer(tx, mail, change.acceptedPost, viewer.memberId);
      }
      accepted = change.acceptedPost;
    } else if (change.acceptedPost === null) {
      if (accepted) await retractAcceptance(tx, accepted);
      accepted = null;
    }
    const locked = change.locked ?? row.status === 'locked';
    const status = locked ? 'locked' : accepted ? 'answered' : 'open';
    const updated = await tx
      .query(
        `update threads set pinned = $2, status = $3, accepted_post_id = $4, title = $6, community_id = $7, version = version + 1
       where id = $1 and version = $5 returning id`,
        [row.id, change.pinned ?? row.pinned, status, accepted, row.version, change.title ?? row.title, communityId],
      )
      .catch((error: unknown) => {
        // Another thread for the page reached the target community between the check and this move.
        throw isUniqueViolation(error) ? pageThreadExists() : error;
      });
    if (updated.rows.length === 0) throw changedMeanwhile();
    const log = (action: ModerationRecord['action'], detail?: string) =>
      // Logged where the thread was: a move is the source community's facilitators' act.
      recordModeration(tx, {
        communityId: row.community_id,
        actorId: viewer.memberId,
        action,
        threadId: row.id,
        memberId: row.created_by,
        detail,
      });
    const wasLocked = row.status === 'locked';
    if (change.locked !== undefined && change.locked !== wasLocked) await log(change.locked ? 'lock-thread' : 'unlock-thread');
    if (change.pinned !== undefined && change.pinned !== row.pinned) await log(change.pinned ? 'pin-thread' : 'unpin-thread');
    if (communityId !== row.community_id) await log('move-thread', change.community);
  });
}
