import { z } from '@hono/zod-openapi';
import { Cursor, Id, LanguageTag, Slug, Text, Timestamp } from './common.ts';

const Availability = z.enum(['open', 'limited', 'unavailable']).openapi({ description: 'Open to questions?' });

export const MemberSkill = z
  .object({ slug: z.string(), label: z.string(), level: z.number().int().min(1).max(4) })
  .openapi('MemberSkill', { description: 'Level 1 basic, 2 working, 3 advanced, 4 expert (self-declared)' });

export const MemberSummary = z
  .object({
    id: Id,
    name: z.string(),
    avatarUrl: z.string().nullable(),
    practice: z.string(),
    organisation: z.string(),
    country: z.string().nullable(),
    languages: z.array(z.string()),
    timeZone: z.string(),
    availability: Availability,
    skills: z.array(MemberSkill).openapi({ description: 'Up to five, strongest first' }),
  })
  .openapi('MemberSummary');

export const FacetValue = z
  .object({ value: z.string(), label: z.string(), count: z.number().int() })
  .openapi('FacetValue');

export const Facets = z
  .object({
    community: z.array(FacetValue),
    skill: z.array(FacetValue),
    country: z.array(FacetValue),
    organisation: z.array(FacetValue),
    language: z.array(FacetValue),
    role: z.array(FacetValue),
  })
  .openapi('MemberFacets');

export const MemberPage = z
  .object({
    items: z.array(MemberSummary),
    next: z.string().nullable(),
    total: z.number().int().openapi({ description: 'Members matching; a lower bound when `totalExact` is false' }),
    totalExact: z.boolean().optional().openapi({
      description: 'False when matches were counted only up to `total` (1000): show "1,000+". Absent means exact.',
    }),
    facets: Facets.optional(),
    facetsExact: z.boolean().optional().openapi({
      description:
        'False when a search matched more than 1000 members and `facets` counts only the first 1000 of them; ' +
        'GET /api/v1/members/facets counts them all (call it when typing pauses).',
    }),
  })
  .openapi('MemberPage');

export const MemberFacetsPage = z
  .object({ facets: Facets, exact: z.boolean().openapi({ description: 'Always true here: every match is counted' }) })
  .openapi('MemberFacetsPage');

export const MemberQuery = z.object({
  q: Text().trim().max(200).optional().openapi({ description: 'Name, practice, organisation, skills, bio; typo tolerant' }),
  community: Slug.optional(),
  skill: Text().max(100).optional().openapi({ description: 'Skill slug' }),
  country: Text().regex(/^[A-Z]{2}$/, 'Must be an ISO 3166-1 alpha-2 code').optional(),
  language: LanguageTag.optional(),
  organisation: Text().max(200).optional(),
  role: z.enum(['member', 'facilitator']).optional(),
  sort: z.enum(['name', 'recent', 'relevance']).optional().openapi({ description: 'Default relevance with q, else name' }),
  lang: LanguageTag.optional().openapi({ description: 'Language of skill labels' }),
  facets: z.enum(['true', 'false']).optional().openapi({
    description: 'Include facet counts. Cheap without `q`; with `q`, counted over at most the first 1000 matches (see facetsExact)',
  }),
  cursor: Cursor,
  limit: z.coerce.number().int().min(1).max(100).default(24),
});

export const ContactChannel = z
  .object({
    kind: z.enum(['email', 'phone', 'website', 'linkedin', 'chat', 'other']),
    value: z.string(),
    visibility: z.enum(['public', 'members', 'facilitators', 'nobody']).openapi({
      description:
        'Who may read it: everyone; members sharing a community with the member; facilitators of one of their communities; nobody but the member',
    }),
  })
  .openapi('ContactChannel');

export const ProfileSkill = MemberSkill.extend({
  endorsements: z.number().int(),
  endorsedByViewer: z.boolean(),
}).openapi('ProfileSkill');

export const Membership = z
  .object({ community: Slug, name: z.string(), role: z.enum(['member', 'facilitator']), joinedAt: Timestamp })
  .openapi('Membership');

export const MemberProfile = MemberSummary.extend({
  bio: z.string(),
  skills: z.array(ProfileSkill),
  interests: z.array(z.object({ slug: z.string(), label: z.string() })),
  memberships: z.array(Membership).openapi({ description: 'Only communities the viewer can see' }),
  contacts: z.array(ContactChannel).openapi({ description: 'Only channels the viewer may see' }),
  createdAt: Timestamp,
  lastActiveAt: Timestamp.nullable(),
}).openapi('MemberProfile');

export const EndorsementInput = z.object({ skill: Text().min(1).max(100) }).openapi('EndorsementInput');
export const Endorsement = z
  .object({ member: Id, skill: z.string(), endorsements: z.number().int(), endorsedByViewer: z.literal(true) })
  .openapi('Endorsement');
