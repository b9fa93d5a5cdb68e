import { z } from '@hono/zod-openapi';
import { Id, Slug, Timestamp } from './common.ts';

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
