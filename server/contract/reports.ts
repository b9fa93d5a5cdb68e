import { z } from '@hono/zod-openapi';
import { Id, MemberRef, Timestamp, orNull } from './common.ts';

export const QueuedReport = z
  .object({
    id: Id,
    reason: z.string(),
    reporter: MemberRef,
    createdAt: Timestamp,
    resolvedAt: Timestamp.nullable(),
    resolvedBy: orNull(MemberRef),
    post: z.object({
      id: Id,
      thread: Id,
      threadTitle: z.string(),
      author: MemberRef,
      bodyMd: z.string().openapi({ description: 'Markdown source, so the facilitator reads what was reported' }),
      hidden: z.boolean(),
      deleted: z.boolean(),
      openReports: z.number().int().openapi({ description: 'Unresolved reports on this post, this one included' }),
    }),
  })
  .openapi('QueuedReport');

export const ReportResolution = z
  .object({
    action: z.enum(['dismiss', 'hide-post']).openapi({
      description:
        '`dismiss` keeps the post visible; `hide-post` hides it from everyone but facilitators. Either way every ' +
        'open report on that post is resolved: the facilitator judges the post, not one report.',
    }),
  })
  .openapi('ReportResolution');
