import { z } from '@hono/zod-openapi';
import { safeLink } from '../shared/urls.ts';
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

export const FacetValue = z.object({ value: z.string(), label: z.string(), count: z.number().int() }).openapi('FacetValue');

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
    facetsExact: z
      .boolean()
      .optional()
      .openapi({
        description:
          'False when a search matched more than 1000 members and `facets` counts only the first 1000 of them; ' +
          'GET /api/v1/members/facets counts them all (call it when typing pauses).',
      }),
  })
  .openapi('MemberPage');

export const MemberFacetsPage = z
  .object({
    facets: Facets,
    exact: z.boolean().openapi({
      description:
        'True when every match was counted; false when a search found more than 10,000 members, of which the first 10,000 (in the directory’s order) were counted',
    }),
  })
  .openapi('MemberFacetsPage');

export const MemberQuery = z.object({
  q: Text().trim().max(200).optional().openapi({ description: 'Name, practice, organisation, skills, bio; typo tolerant' }),
  community: Slug.optional(),
  skill: Text().max(100).optional().openapi({ description: 'Skill slug' }),
  country: Text()
    .regex(/^[A-Z]{2}$/, 'Must be an ISO 3166-1 alpha-2 code')
    .optional(),
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

// ---- Editing one's own presence (issue 13): GET and PATCH /api/v1/me ----

export const ContactVisibility = z.enum(['public', 'members', 'facilitators', 'nobody']).openapi('ContactVisibility', {
  description:
    'Who sees a channel: `public` everyone, `members` signed-in members sharing a community with you, ' +
    '`facilitators` the facilitators of your communities, `nobody` only you',
});

export const OwnContactChannel = z
  .object({
    kind: z.enum(['email', 'phone', 'website', 'linkedin', 'chat', 'other']),
    value: z.string(),
    visibility: ContactVisibility,
  })
  .openapi('OwnContactChannel');

export const Me = MemberProfile.extend({
  contacts: z.array(OwnContactChannel).openapi({ description: 'Every channel, each with its visibility' }),
  directoryOptOut: z.boolean(),
  badgeHidden: z.boolean(),
  avatarSource: z.string().nullable().openapi({ description: 'The image URL you gave (viewers load `avatarUrl`, served by Grove)' }),
  version: z.number().int().openapi({ description: 'Bumped by every edit; the ETag carries it for If-Match' }),
}).openapi('Me');

/** IANA zone names the runtime knows (`Intl`), plus UTC, which some runtimes list only as `Etc/UTC`. */
const isTimeZone = (value: string): boolean => {
  if (value === 'UTC') return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(value);
  } catch {
    return false;
  }
};

const PrimaryLanguage = z.string().regex(/^[a-z]{2,3}$/, 'Must be a primary language tag such as "fr"');
const SkillSlug = Text()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'Must be a skill slug');
const PlainLine = (max: number) =>
  Text()
    .trim()
    .max(max)
    // eslint-disable-next-line no-control-regex -- one line of text: no control characters
    .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), 'Must be one line without control characters');

/** Why a contact value cannot be stored for its kind, or null: links follow the one URL rule (shared/urls.ts). */
function contactProblem(kind: string, value: string): string | null {
  if (kind === 'email' && !/^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]+$/.test(value)) return 'Must be an e-mail address';
  if (kind === 'phone' && !/^\+?[0-9][0-9 ()./-]{2,30}$/.test(value)) return 'Must be a phone number such as +221 33 800 00 00';
  if ((kind === 'website' || kind === 'linkedin') && safeLink(value) === null)
    return 'Must be an http(s) URL without spaces or credentials';
  return null;
}

/**
 * A JSON Merge Patch (RFC 7396) of your profile: a member absent is unchanged, `null` resets it (the
 * name cannot be reset), and arrays (`languages`, `skills`, `interests`, `contacts`) replace the whole list.
 */
export const MePatch = z
  .object({
    name: PlainLine(120).pipe(z.string().min(1, 'Required')).optional(),
    practice: PlainLine(120).nullable().optional().openapi({ description: '"I am a …"' }),
    organisation: PlainLine(200).nullable().optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'Must be an ISO 3166-1 alpha-2 code such as "SN"')
      .nullable()
      .optional(),
    languages: z.array(PrimaryLanguage).max(12).nullable().optional().openapi({ description: 'Most fluent first' }),
    timeZone: Text().max(64).refine(isTimeZone, 'Must be an IANA time zone such as "Africa/Dakar"').nullable().optional(),
    availability: z.enum(['open', 'limited', 'unavailable']).nullable().optional(),
    bio: Text().max(2000).nullable().optional(),
    avatarUrl: Text()
      .max(2000)
      .refine((value) => safeLink(value) !== null, 'Must be an http(s) URL without spaces or credentials')
      .nullable()
      .optional()
      .openapi({
        description: 'An http(s) image URL; Grove fetches and checks it, viewers never contact its host',
      }),
    directoryOptOut: z.boolean().nullable().optional().openapi({
      description: 'Hide me from the directory, profiles, the expert finder and badges (others see posts as plain names)',
    }),
    badgeHidden: z.boolean().nullable().optional(),
    skills: z
      .array(z.object({ skill: SkillSlug, level: z.number().int().min(1).max(4) }).strict())
      .max(50)
      .nullable()
      .optional()
      .openapi({ description: 'Every declared skill with its level (1 basic … 4 expert)' }),
    interests: z.array(SkillSlug).max(50).nullable().optional().openapi({ description: 'Skills you want to learn' }),
    contacts: z
      .array(
        z
          .object({
            kind: z.enum(['email', 'phone', 'website', 'linkedin', 'chat', 'other']),
            value: PlainLine(300).pipe(z.string().min(1, 'Required')),
            visibility: ContactVisibility,
          })
          .strict()
          .superRefine((channel, context) => {
            const message = contactProblem(channel.kind, channel.value);
            if (message) context.addIssue({ code: 'custom', path: ['value'], message });
          }),
      )
      .max(20)
      .nullable()
      .optional()
      .openapi({ description: 'Every channel, in the order shown' }),
  })
  .strict()
  .openapi('MePatch');

export const EndorsementWithdrawn = z
  .object({ member: Id, skill: z.string(), endorsements: z.number().int(), endorsedByViewer: z.literal(false) })
  .openapi('EndorsementWithdrawn');
