/**
 * Writing posts: into a thread or into the thread of a page key (created by its first post), editing and
 * deleting your own, and facilitators hiding and restoring. Every change is fanned out to live streams.
 */
import type { z } from '@hono/zod-openapi';
import { assertCanContribute, assertFacilitator, readableCommunity, type Role } from '../communities/access.ts';
import { recordModeration } from '../communities/moderation-log.ts';
import { assertNotSilenced } from '../communities/silences.ts';
import type { PostInput } from '../contract/threads.ts';
import type { Database } from '../db/index.ts';
import type { MailContext } from '../mail/compose.ts';
import { mailHiddenPost, mailNewPost } from '../mail/notify.ts';
import { recordFacts, restorePostFacts, retractPostFacts } from '../participation/facts.ts';
import { changedMeanwhile, forbidden, HttpProblem, notFound } from '../shared/problem.ts';
import type { Viewer } from '../shared/viewer.ts';
import { renderMarkdown } from './markdown.ts';
import { assertPostRate } from './new-account-limits.ts';
import { approveHeldPost, mustHold, rejectHeldPost } from './premoderation.ts';
import { assertMayOpenThread } from './page-keys.ts';
import { fetchPosts, loadThread, notifyPostChange, requirePost, requireThread, type LoadedThread } from './threads.ts';

type NewPost = z.infer<typeof PostInput>;

const lockedThread = () => new HttpProblem(403, 'This thread is locked', { type: 'thread-locked' });

export interface PostContext {
  /** The sites whose pages may open a thread by URL key (see page-keys.ts). */
  pageOrigins: ReadonlySet<string>;
  /** Who is told by mail, and how; null when this server sends no mail. */
  mail: MailContext | null;
  /** Posts a new account may write per 10 minutes (new-account-limits.ts); 0 or absent: no such limit. */
  newAccountPostsPer10Minutes?: number | undefined;
}

async function resolveTarget(
  db: Database,
  input: NewPost,
  viewer: Viewer,
  context: PostContext,
): Promise<LoadedThread | { create: { communityId: string; role: Role | null } }> {
  if (input.thread) return requireThread(db, { id: input.thread }, viewer);
  if (!input.key) {
    throw new HttpProblem(400, 'Give a thread, or a key with community and title', {
      type: 'validation',
      errors: [{ field: 'body.thread', message: 'Required when key is absent' }],
    });
  }
  const existing = await loadThread(db, { key: input.key, community: input.community }, viewer);
  if (existing) return existing;
  const missing = (['community', 'title'] as const).filter((field) => !input[field]);
  if (missing.length > 0) {
    throw new HttpProblem(400, 'A new thread needs a community and a title', {
      type: 'validation',
      errors: missing.map((field) => ({ field: `body.${field}`, message: 'Required to start a thread for this key' })),
    });
  }
  const access = await readableCommunity(db, { slug: input.community as string }, viewer);
  assertCanContribute(access);
  assertMayOpenThread(input.key, context.pageOrigins);
  return { create: { communityId: access.id, role: access.role } };
}

/** Posts as `viewer`; returns the new post's id. */
export async function createPost(db: Database, input: NewPost, viewer: Viewer, context: PostContext): Promise<string> {
  const target = await resolveTarget(db, input, viewer, context);
  if ('row' in target) {
    assertCanContribute(target.access);
    if (target.row.status === 'locked' && target.access.role !== 'facilitator') throw lockedThread();
  }
  const communityId = 'row' in target ? target.access.id : target.create.communityId;
  await assertNotSilenced(db, communityId, viewer.memberId);
  await assertPostRate(db, viewer.memberId, context.newAccountPostsPer10Minutes ?? 0);
  const held = await mustHold(db, communityId, viewer.memberId, 'row' in target ? target.access.role : target.create.role);
  const bodyHtml = renderMarkdown(input.body);
  const { postId, threadId } = await db.transaction(async (tx) => {
    let threadId: string;
    if ('row' in target) {
      threadId = target.row.id;
      // A thread none of whose posts is published (its opening post held or rejected) shows no title
      // (decision 0183). The first published post opens it as readers will see it: its page's title,
      // kind and author replace the unapproved ones, which would otherwise show from now on.
      if (!held && input.key && input.title) {
        await tx.query(
          `update threads t set title = $2, kind = coalesce($3, t.kind), created_by = $4
           where t.id = $1 and not exists (select 1 from posts p where p.thread_id = t.id and not p.held and not p.hidden and not p.deleted)`,
          [threadId, input.title, input.kind ?? null, viewer.memberId],
        );
      }
    } else {
      // Two first posts on the same page may race: the unique (page_key, community) picks one thread for both.
      const created = await tx.query<{ id: string }>(
        `insert into threads (community_id, page_key, title, kind, created_by) values ($1, $2, $3, $4, $5)
         on conflict (page_key, community_id) do nothing returning id`,
        [target.create.communityId, input.key, input.title, input.kind ?? 'discussion', viewer.memberId],
      );
      const raced = created.rows[0]
        ? null
        : await tx.query<{ id: string }>('select id from threads where page_key = $1 and community_id = $2', [
            input.key,
            target.create.communityId,
          ]);
      const id = (created.rows[0] ?? raced?.rows[0])?.id;
      if (!id) throw notFound('The thread');
      threadId = id;
    }
    if (input.replyTo) {
      const parent = await tx.query('select 1 from posts where id = $1 and thread_id = $2 and not deleted', [input.replyTo, threadId]);
      if (parent.rows.length === 0) {
        throw new HttpProblem(422, 'You can only reply to a post of the same thread', {
          errors: [{ field: 'body.replyTo', message: 'Not a post of this thread' }],
        });
      }
    }
    // A held post is stored hidden and counts for nothing until it is approved (premoderation.ts).
    const inserted = await tx.query<{ id: string; community_id: string; kind: string; created_by: string | null }>(
      `with p as (insert into posts (thread_id, author_id, reply_to_id, body_md, body_html, language, held, hidden)
                  values ($1, $2, $3, $4, $5, $6, $7, $7) returning id, created_at)
       update threads t set post_count = post_count + (case when $7 then 0 else 1 end),
                            last_post_at = case when $7 then t.last_post_at else p.created_at end
       from p where t.id = $1
       returning p.id, t.community_id, t.kind, t.created_by`,
      [threadId, viewer.memberId, input.replyTo ?? null, input.body, bodyHtml, input.language, held],
    );
    const row = inserted.rows[0];
    if (!row) throw new Error('post insert returned nothing');
    const isAnswer = row.kind === 'question' && row.created_by !== viewer.memberId;
    if (!held) {
      await recordFacts(tx, [
        { memberId: viewer.memberId, communityId: row.community_id, kind: isAnswer ? 'answer' : 'post', subjectId: row.id },
      ]);
    }
    // Whoever writes in a thread follows it (replies reach them by mail); they may unfollow.
    await tx.query('insert into follows (member_id, thread_id) values ($1, $2) on conflict do nothing', [viewer.memberId, threadId]);
    if (context.mail && !held) await mailNewPost(tx, context.mail, row.id);
    return { postId: row.id, threadId };
  });
  const thread = await requireThread(db, { id: threadId }, viewer);
  await notifyPostChange(db, thread.row, 'post', postId);
  return postId;
}

/** Replaces the body of the viewer's own post at `version` (If-Match, checked by the caller). */
export async function editPost(
  db: Database,
  id: string,
  viewer: Viewer,
  edit: { body: string; language?: string | undefined },
  checkVersion: (current: number) => void,
): Promise<void> {
  const { post, thread } = await requirePost(db, id, viewer);
  if (post.author.id !== viewer.memberId) throw forbidden('You can only edit your own posts');
  if (post.deleted) throw notFound('The post');
  if (thread.row.status === 'locked' && thread.access.role !== 'facilitator') throw lockedThread();
  await assertNotSilenced(db, thread.access.id, viewer.memberId);
  checkVersion(post.version);
  // The version in WHERE closes the gap between the check above and the write.
  const { rows } = await db.query<{ id: string }>(
    `update posts set body_md = $3, body_html = $4, language = coalesce($5, language), edited_at = now(), version = version + 1
     where id = $1 and version = $2 returning id`,
    [id, post.version, edit.body, renderMarkdown(edit.body), edit.language ?? null],
  );
  if (rows.length === 0) throw changedMeanwhile();
  await notifyPostChange(db, thread.row, 'post-updated', id);
}

/** Deletes the viewer's own post (facilitators: any in their community), leaving a tombstone. */
export async function deletePost(db: Database, id: string, viewer: Viewer, checkVersion: (current: number) => void): Promise<void> {
  const { post, thread } = await requirePost(db, id, viewer);
  if (post.deleted) throw notFound('The post');
  if (post.author.id !== viewer.memberId && thread.access.role !== 'facilitator') throw forbidden('You can only delete your own posts');
  checkVersion(post.version);
  await db.transaction(async (tx) => {
    const { rows } = await tx.query('update posts set deleted = true, version = version + 1 where id = $1 and version = $2 returning id', [
      id,
      post.version,
    ]);
    if (rows.length === 0) throw changedMeanwhile();
    await retractPostFacts(tx, id);
    if (post.author.id !== viewer.memberId) {
      await recordModeration(tx, { communityId: thread.row.community_id, actorId: viewer.memberId, action: 'delete-post', postId: id });
    }
    await tx.query(
      `update threads set post_count = greatest(post_count - $3, 0),
              accepted_post_id = nullif(accepted_post_id, $2),
              status = case when accepted_post_id = $2 and status = 'answered' then 'open' else status end
       where id = $1`,
      // A held post was never counted.
      [thread.row.id, id, post.held ? 0 : 1],
    );
  });
  await notifyPostChange(db, thread.row, 'post-updated', id);
}

/** Facilitators hide a post from everyone else (resolving its reports; its author is told) or show it again. */
export async function setPostHidden(db: Database, id: string, viewer: Viewer, hidden: boolean, mail: MailContext | null) {
  const { post: current, thread } = await requirePost(db, id, viewer);
  assertFacilitator(thread.access);
  // A held post is hidden already: showing it is approving it, hiding it is rejecting it.
  if (current.held) return hidden ? rejectHeldPost(db, id, viewer, '', mail) : approveHeldPost(db, id, viewer, mail);
  await db.transaction(async (tx) => {
    const changed = await tx.query('update posts set hidden = $2, version = version + 1 where id = $1 and hidden <> $2 returning id', [
      id,
      hidden,
    ]);
    if (changed.rows.length > 0) {
      await (hidden ? retractPostFacts(tx, id) : restorePostFacts(tx, id));
      await recordModeration(tx, {
        communityId: thread.row.community_id,
        actorId: viewer.memberId,
        action: hidden ? 'hide-post' : 'restore-post',
        postId: id,
      });
    }
    if (hidden) {
      await tx.query('update reports set resolved_at = now(), resolved_by = $2 where post_id = $1 and resolved_at is null', [
        id,
        viewer.memberId,
      ]);
      if (mail && changed.rows.length > 0) await mailHiddenPost(tx, mail, id, viewer.memberId);
    }
  });
  const [post] = await fetchPosts(db, 'p.id = $2', [id], viewer);
  if (!post) throw notFound('The post');
  await notifyPostChange(db, thread.row, 'post-updated', id);
  return post;
}
