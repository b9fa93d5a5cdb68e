import { z } from '@hono/zod-openapi';
import { Id, Slug, Text, Timestamp } from './common.ts';

export const NOTIFICATION_KINDS = [
  'reply',
  'mention',
  'thread-post',
  'accepted',
  'expert-question',
  'waitlist-promoted',
  'moderation',
  'event-changed',
  'event-cancelled',
] as const;
export const NotificationKind = z.enum(NOTIFICATION_KINDS).openapi('NotificationKind');

export const MailCommunity = z
  .object({
    slug: Slug,
    name: z.string(),
    member: z.boolean().openapi({ description: 'You belong to it (mailing-list mode is offered for these)' }),
    mailingList: z.boolean().openapi({ description: 'Every post by mail (PUT/DELETE /communities/{slug}/mailing-list)' }),
    following: z.boolean().openapi({ description: 'New threads by mail (PUT/DELETE /communities/{slug}/follow)' }),
  })
  .openapi('MailCommunity');

export const FollowedThread = z.object({ id: Id, title: z.string(), community: Slug, communityName: z.string() }).openapi('FollowedThread');

/** Followed threads listed at most: whoever posts follows the thread, so an active member follows many. */
export const FOLLOWED_THREADS_SHOWN = 50;

export const MailSettings = z
  .object({
    address: z.string().nullable().openapi({ description: 'Where Grove writes: your account address, else your first e-mail channel' }),
    failing: z.boolean().openapi({ description: 'Mail to this address kept bouncing, so none is sent; saving settings tries again' }),
    digest: z.enum(['daily', 'weekly', 'off']),
    off: z.array(NotificationKind).openapi({ description: 'Kinds of notification you switched off' }),
    mailingLists: z.array(Slug).openapi({ description: 'Communities whose every post you get by mail' }),
    followedCommunities: z.array(Slug).openapi({ description: 'Communities whose new threads you get by mail' }),
    communities: z.array(MailCommunity).openapi({
      description: 'Communities you belong to, follow or get by mail, by name; only those you can still read',
    }),
    followedThreads: z.array(FollowedThread).openapi({
      description: `Threads whose new posts you get by mail, most recently followed first (at most ${FOLLOWED_THREADS_SHOWN}); only those you can still read`,
    }),
    followedThreadCount: z.number().int().openapi({ description: 'How many threads you follow in all' }),
  })
  .openapi('MailSettings');

export const MailSettingsPatch = z
  .object({ digest: z.enum(['daily', 'weekly', 'off']).optional(), off: z.array(NotificationKind).max(20).optional() })
  .strict()
  .openapi('MailSettingsPatch', { description: 'JSON Merge Patch (RFC 7396) of your mail settings' });

export const Following = z.object({ following: z.boolean() }).openapi('Following');
export const Subscribed = z.object({ subscribed: z.boolean() }).openapi('Subscribed');

export const CaughtMail = z
  .object({
    id: z.number().int(),
    receivedAt: Timestamp,
    to: z.string(),
    from: z.string(),
    subject: z.string(),
    messageId: z.string(),
    text: z.string(),
    html: z.string().nullable(),
    headers: z.record(z.string(), z.string()),
    calendar: z.string().nullable(),
    size: z.number().int().openapi({ description: 'Bytes as sent' }),
  })
  .openapi('CaughtMail');

export const MailReply = z.object({ text: Text().trim().min(1).max(20_000) }).openapi('MailReply');
export const MailReplyResult = z
  .object({ accepted: z.boolean(), response: z.string().openapi({ description: "The inbound SMTP server's answer" }) })
  .openapi('MailReplyResult');
