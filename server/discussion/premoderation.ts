/**
 * Pre-moderation (docs/decisions/0181-premoderation.md): in a community that asks for it, a member's first
 * N posts wait for a facilitator. A held post is stored hidden and `held`: its author and the community's
 * facilitators see it (marked), nobody else does, and nothing counts it (facts, counts, mail, search)
 * until a facilitator approves it; approving publishes it as if it had just been posted.
 */
import type { z } from '@hono/zod-openapi';
import { assertFacilitator, readableCommunity, type Role } from '../communities/access.ts';
import { recordModeration } from '../communities/moderation-log.ts';
import { memberRef, presenceSql, type Presence } from '../communities/visibility.ts';
import type { HeldPost } from '../contract/moderation.ts';
import type { Database, Queryable } from '../db/index.ts';
import type { MailContext } from '../mail/compose.ts';
import { mailHiddenPost, mailNewPost } from '../mail/notify.ts';
import { recordFacts } from '../participation/facts.ts';
import { decodeCursor, encodeCursor } from '../shared/cursor.ts';
import { HttpProblem, notFound } from '../shared/problem.ts';
import type { Viewer } from '../shared/viewer.ts';
import { fetchPosts, notifyPostChange, requirePost } from './threads.ts';

/**
 * Whether `memberId`'s next post in the community waits: pre-moderation is on and they have fewer
 * published posts there than it asks for. Facilitators never wait.
 */
export async function mustHold(db: Queryable, communityId: string, memberId: string, role: Role | null): Promise<boolean> {
  if (role === 'facilitator') return false;
  const { rows } = await db.query<{ hold: boolean }>(
    `select c.premoderate_first_posts > (
              select count(*) from posts p join threads t on t.id = p.thread_id
              where t.community_id = c.id and p.author_id = $2 and not p.held and not p.hidden) as hold
     from communities c where c.id = $1`,
    [communityId, memberId],
  );
  return rows[0]?.hold ?? false;
}

/** A facilitator sets how many first posts wait (0 turns it off); the log keeps the change. */
export async function setPremoderation(db: Database, slug: string, firstPosts: number, viewer: Viewer) {
  const community = await readableCommunity(db, { slug }, viewer);
  assertFacilitator(community);
  await db.transaction(async (tx) => {
    const { rows } = await tx.query(
      'update communities set premoderate_first_posts = $2 where id = $1 and premoderate_first_posts <> $2 returning id',
      [community.id, firstPosts],
    );
    if (rows.length > 0)
      await recordModeration(tx, {
        communityId: community.id,
        actorId: viewer.memberId,
        action: 'premoderation',
        detail: String(firstPosts),
      });
  });
  return { community: community.slug, firstPosts };
}

interface HeldRow {
  id: string;
  thread_id: string;
  title: string;
  page_key: string | null;
  author_id: string;
  author_name: string;
  author_avatar: string | null;
  author_presence: Presence;
  body_md: string;
  body_html: string;
  created_at: Date;
}

/** The posts waiting in a community, oldest first, with its setting; facilitators only. */
export async function listHeldPosts(
  db: Queryable,
  slug: string,
  viewer: Viewer,
  query: { cursor?: string | undefined; limit: number },
): Promise<{ items: z.infer<typeof HeldPost>[]; next: string | null; firstPosts: number }> {
  const community = await readableCommunity(db, { slug }, viewer);
  assertFacilitator(community);
  const after = decodeCursor(query.cursor, ['id'])?.[0] ?? null;
  const [{ rows }, { rows: setting }] = await Promise.all([
    db.query<HeldRow>(
      `select p.id, p.thread_id, t.title, t.page_key, a.id as author_id, a.name as author_name,
              grove_avatar_path(a.id, a.avatar_url) as author_avatar, ${presenceSql('a')} as author_presence, p.body_md, p.body_html, p.created_at
       from posts p join threads t on t.id = p.thread_id join members a on a.id = p.author_id
       where t.community_id = $1 and p.held and not p.deleted and ($2::bigint is null or p.id > $2::bigint)
       order by p.id limit $3`,
      [community.id, after, query.limit + 1],
    ),
    db.query<{ n: number }>('select premoderate_first_posts as n from communities where id = $1', [community.id]),
  ]);
  const items = rows.slice(0, query.limit).map((row) => ({
    id: row.id,
    thread: row.thread_id,
    threadTitle: row.title,
    url: row.page_key && /^https?:\/\//i.test(row.page_key) ? row.page_key : null,
    author: memberRef(row.author_id, row.author_name, row.author_avatar, row.author_presence),
    bodyMd: row.body_md,
    bodyHtml: row.body_html,
    createdAt: row.created_at.toISOString(),
  }));
  const last = items.at(-1);
  return { items, next: rows.length > query.limit && last ? encodeCursor([last.id]) : null, firstPosts: setting[0]?.n ?? 0 };
}

const notHeld = () =>
  new HttpProblem(409, 'This post is not awaiting approval (another facilitator may have decided)', { type: 'not-held' });

/** The held post and its thread, for a facilitator of its community (404 for anyone who may not see it). */
async function heldPost(db: Queryable, id: string, viewer: Viewer) {
  const { post, thread } = await requirePost(db, id, viewer);
  assertFacilitator(thread.access);
  const { rows } = await db.query<{ held: boolean; deleted: boolean }>('select held, deleted from posts where id = $1', [id]);
  if (!rows[0]?.held || rows[0].deleted) throw notHeld();
  return { post, thread };
}

/** Publishes a held post: counted, mailed and streamed as a new post from now on. */
export async function approveHeldPost(db: Database, id: string, viewer: Viewer, mail: MailContext | null) {
  const { thread } = await heldPost(db, id, viewer);
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ author_id: string; created_at: Date }>(
      'update posts set held = false, hidden = false, version = version + 1 where id = $1 and held returning author_id, created_at',
      [id],
    );
    const approved = rows[0];
    if (!approved) throw notHeld();
    await tx.query('update threads set post_count = post_count + 1, last_post_at = greatest(last_post_at, $2) where id = $1', [
      thread.row.id,
      approved.created_at,
    ]);
    const isAnswer = thread.row.kind === 'question' && thread.row.created_by !== approved.author_id;
    await recordFacts(tx, [
      { memberId: approved.author_id, communityId: thread.row.community_id, kind: isAnswer ? 'answer' : 'post', subjectId: id },
    ]);
    await recordModeration(tx, { communityId: thread.row.community_id, actorId: viewer.memberId, action: 'approve-post', postId: id });
    if (mail) await mailNewPost(tx, mail, id);
  });
  await notifyPostChange(db, thread.row, 'post-published', id);
  const [post] = await fetchPosts(db, 'p.id = $2', [id], viewer);
  if (!post) throw notFound('The post');
  return post;
}

/** Keeps a held post from being published: it stays hidden (no longer held), its author is told. */
export async function rejectHeldPost(db: Database, id: string, viewer: Viewer, reason: string, mail: MailContext | null) {
  const { thread } = await heldPost(db, id, viewer);
  await db.transaction(async (tx) => {
    const { rows } = await tx.query('update posts set held = false, version = version + 1 where id = $1 and held returning id', [id]);
    if (rows.length === 0) throw notHeld();
    await recordModeration(tx, {
      communityId: thread.row.community_id,
      actorId: viewer.memberId,
      action: 'reject-post',
      postId: id,
      detail: reason,
    });
    if (mail) await mailHiddenPost(tx, mail, id, viewer.memberId);
  });
  // Its author had it on screen as "awaiting approval": their stream now removes it.
  await notifyPostChange(db, thread.row, 'post-updated', id);
  const [post] = await fetchPosts(db, 'p.id = $2', [id], viewer);
  if (!post) throw notFound('The post');
  return post;
}
