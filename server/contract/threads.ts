import { z } from '@hono/zod-openapi';
import { Id, LanguageTag, MemberRef, Slug, Text, Timestamp, orNull } from './common.ts';

export const REACTION_KINDS = ['helpful', 'thanks', 'agree', 'insightful'] as const;
export const ReactionKind = z.enum(REACTION_KINDS);

export const Thread = z
  .object({
    id: Id,
    community: Slug,
    key: z.string().nullable().openapi({ description: 'Page key (e.g. the canonical URL) it is attached to' }),
    title: z.string(),
    kind: z.enum(['discussion', 'question']),
    status: z.enum(['open', 'answered', 'locked']),
    pinned: z.boolean(),
    acceptedPostId: orNull(Id),
    postCount: z.number().int(),
    createdBy: orNull(MemberRef),
    createdAt: Timestamp,
    lastPostAt: Timestamp.nullable(),
    version: z
      .number()
      .int()
      .openapi({ description: 'Its ETag is W/"version.digest"; send that ETag (or "version") as If-Match to PATCH' }),
    viewer: z.object({
      canPost: z.boolean(),
      canModerate: z.boolean(),
      canAccept: z.boolean(),
      following: z.boolean().openapi({ description: 'The viewer gets new posts of this thread by mail (PUT/DELETE …/follow)' }),
    }),
  })
  .openapi('Thread');

export const PostAuthor = MemberRef.extend({
  role: z
    .enum(['member', 'facilitator'])
    .openapi({ description: "Role in the thread's community (anyone not facilitating it is a member)" }),
  expert: z.boolean().openapi({
    description:
      "Recognised expert on the thread's topic skill (the thread's, else its community's): endorsed for it by at least " +
      '3 members, or self-declared level 4 with at least one accepted answer on that topic. False when the thread has no topic.',
  }),
}).openapi('PostAuthor');

export const Post = z
  .object({
    id: Id,
    thread: Id,
    author: PostAuthor,
    replyTo: z.object({ id: Id, author: z.string() }).nullable(),
    bodyMd: z.string().openapi({ description: 'Markdown source; empty when deleted' }),
    bodyHtml: z.string().openapi({ description: 'Sanitised HTML rendered by the server' }),
    language: z.string(),
    createdAt: Timestamp,
    editedAt: Timestamp.nullable(),
    hidden: z.boolean().openapi({ description: 'Hidden by a facilitator; only facilitators receive hidden posts' }),
    held: z.boolean().openapi({ description: 'Awaiting approval (pre-moderation): received only by its author and facilitators' }),
    deleted: z.boolean(),
    accepted: z.boolean(),
    version: z
      .number()
      .int()
      .openapi({ description: 'Its ETag is W/"version.digest"; send that ETag (or "version") as If-Match to PATCH or DELETE' }),
    reactions: z.record(z.string(), z.number().int()),
    viewerReactions: z.array(ReactionKind),
    viewerCanEdit: z.boolean(),
  })
  .openapi('Post');

export const PostInput = z
  .object({
    thread: Id.optional().openapi({ description: 'Post into this thread…' }),
    key: Text().min(1).max(500).optional().openapi({ description: '…or into the thread of this page key, created on first post' }),
    community: Slug.optional().openapi({ description: 'With `key`: the community of a new thread' }),
    title: Text().trim().min(1).max(200).optional().openapi({ description: 'With `key`: the title of a new thread' }),
    kind: z.enum(['discussion', 'question']).optional(),
    body: Text().trim().min(1).max(20_000),
    replyTo: Id.optional(),
    language: LanguageTag.default('en'),
  })
  .openapi('PostInput');

export const PostEdit = z.object({ body: Text().trim().min(1).max(20_000), language: LanguageTag.optional() }).openapi('PostEdit');

export const ThreadModeration = z
  .object({
    pinned: z.boolean().optional(),
    locked: z.boolean().optional(),
    acceptedPost: orNull(Id).optional().openapi({ description: 'Accept an answer (null clears it)' }),
    title: Text().trim().min(1).max(200).optional().openapi({ description: 'Retitle the thread (facilitators)' }),
    community: Slug.optional().openapi({
      description: 'Move the thread to another community (facilitators of both); a page then finds it under that community',
    }),
  })
  .openapi('ThreadModeration');

export const ReactionInput = z.object({ kind: ReactionKind }).openapi('ReactionInput');
export const ReactionSummary = z
  .object({ post: Id, reactions: z.record(z.string(), z.number().int()), viewerReactions: z.array(ReactionKind) })
  .openapi('ReactionSummary');

export const ReportInput = z.object({ reason: Text().trim().min(3).max(1000) }).openapi('ReportInput');
export const Report = z.object({ id: Id, post: Id, reason: z.string(), createdAt: Timestamp }).openapi('Report');

export const ThreadCounts = z
  .object({ counts: z.record(z.string(), z.number().int()).openapi({ description: 'Visible posts per requested key; 0 when none' }) })
  .openapi('ThreadCounts');
