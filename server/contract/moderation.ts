/** Pre-moderation, the held-post queue and the moderation log (issue 14; decisions 0181, 0182). */
import { z } from '@hono/zod-openapi';
import { Id, MemberRef, Slug, Text, Timestamp, orNull } from './common.ts';

export const PremoderationInput = z
  .object({
    firstPosts: z.number().int().min(0).max(100).openapi({
      description: "How many of a member's first posts in this community wait for a facilitator's approval; 0 turns pre-moderation off",
    }),
  })
  .openapi('PremoderationInput');

export const Premoderation = z.object({ community: Slug, firstPosts: z.number().int() }).openapi('Premoderation');

export const HeldPost = z
  .object({
    id: Id,
    thread: Id,
    threadTitle: z.string(),
    url: z.string().nullable().openapi({ description: 'The page the thread is on, when known' }),
    author: MemberRef,
    bodyMd: z.string().openapi({ description: 'Markdown source, so the facilitator reads what waits' }),
    bodyHtml: z.string(),
    createdAt: Timestamp,
  })
  .openapi('HeldPost');

export const HeldPostQueue = z
  .object({
    items: z.array(HeldPost),
    next: z.string().nullable(),
    firstPosts: z.number().int().openapi({ description: "The community's pre-moderation setting" }),
  })
  .openapi('HeldPostQueue');

export const HeldPostRejection = z
  .object({
    reason: Text().trim().max(500).default('').openapi({ description: 'Why, for the log (the author is told the post was not published)' }),
  })
  .openapi('HeldPostRejection');

export const ModerationAction = z
  .enum([
    'hide-post',
    'restore-post',
    'delete-post',
    'approve-post',
    'reject-post',
    'lock-thread',
    'unlock-thread',
    'pin-thread',
    'unpin-thread',
    'move-thread',
    'resolve-report',
    'silence',
    'lift-silence',
    'premoderation',
    'lifecycle',
  ])
  .openapi('ModerationAction');

export const ModerationLogEntry = z
  .object({
    id: Id,
    action: ModerationAction,
    actor: orNull(MemberRef).openapi({ description: 'The facilitator who acted (null when the account is gone)' }),
    member: orNull(MemberRef).openapi({ description: 'The member acted on: silenced, or the author of the post' }),
    post: orNull(Id),
    thread: orNull(Id),
    threadTitle: z.string().nullable(),
    detail: z.string().openapi({ description: 'A report resolution, a silence length and reason, a setting or a state' }),
    at: Timestamp,
  })
  .openapi('ModerationLogEntry');
