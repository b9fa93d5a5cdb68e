import { z } from '@hono/zod-openapi';
import { Id, MemberRef, Slug, Text, Timestamp } from './common.ts';

export const Community = z
  .object({
    id: Id,
    slug: Slug,
    name: z.string(),
    description: z.string(),
    parent: Slug.nullable().openapi({ description: 'Slug of the mother community' }),
    lifecycle: z.enum(['forming', 'active', 'dormant', 'closed']),
    visibility: z.enum(['public', 'members']),
    languages: z.array(z.string()),
    memberCount: z.number().int(),
    subCommunityCount: z.number().int(),
    createdAt: Timestamp,
    closedAt: Timestamp.nullable(),
    viewerRole: z.enum(['member', 'facilitator']).nullable().openapi({ description: "The signed-in member's role, if any" }),
  })
  .openapi('Community');

// ---- Joining and leaving (issue 13) ----

export const JoinInput = z
  .object({
    message: Text().trim().max(500).optional().openapi({ description: 'For a members-only community: a word to its facilitators' }),
  })
  .strict()
  .openapi('JoinInput');

export const JoinResult = z
  .object({
    community: Slug,
    status: z.enum(['member', 'facilitator', 'pending']).openapi({
      description: '`pending`: a members-only community; its facilitators decide',
    }),
  })
  .openapi('JoinResult');

export const JoinRequest = z
  .object({ id: Id, member: MemberRef, message: z.string(), createdAt: Timestamp })
  .openapi('JoinRequest');

export const JoinRequestPage = z.object({ items: z.array(JoinRequest) }).openapi('JoinRequestPage');

export const JoinDecision = z
  .object({ id: Id, status: z.enum(['approved', 'declined']) })
  .openapi('JoinDecision');
