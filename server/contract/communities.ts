import { z } from '@hono/zod-openapi';
import { Id, MemberRef, orNull, Slug, Text, Timestamp } from './common.ts';

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
    readable: z.boolean().openapi({
      description:
        'False for a members-only sub-group listed to a member of its mother community (or to someone who asked to join): ' +
        'name, purpose, state, facilitators and size only; its content stays closed until they join',
    }),
    facilitators: z.array(MemberRef).openapi({ description: 'Up to 5 facilitators the viewer may see, longest-serving first' }),
    lastActivityAt: Timestamp.nullable().openapi({ description: 'The latest post or answer; null when none or not readable' }),
    postsLast30Days: z.number().int().nullable().openapi({ description: 'Posts and answers in the last 30 days; null when not readable' }),
    viewerJoinRequested: z.boolean().openapi({ description: 'The signed-in member asked to join and a facilitator has not decided yet' }),
    viewerInvited: z.boolean().openapi({ description: 'A facilitator invited the signed-in member: joining accepts, leaving declines' }),
    viewerCanManage: z
      .boolean()
      .openapi({ description: 'The signed-in member facilitates it or its mother community: may change its state' }),
    pendingJoinRequests: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Requests waiting for a decision: for its facilitators, null for others' }),
  })
  .openapi('Community');

/** `closed`: whether a list shows closed communities (read-only archives) with the others, only them, or not. */
export const ClosedFilter = z.enum(['include', 'exclude', 'only']);

export const Lifecycle = z.enum(['forming', 'active', 'dormant', 'closed']);

/** A sub-group opened by a facilitator of its mother community, who becomes its first facilitator. */
export const SubCommunityInput = z
  .object({
    parent: Slug.openapi({ description: 'The mother community, which the author facilitates' }),
    slug: Slug,
    name: Text().trim().min(1).max(120),
    description: Text().max(2000).default(''),
    visibility: z.enum(['public', 'members']).default('public'),
    lifecycle: z.enum(['forming', 'active']).default('forming'),
    languages: z
      .array(z.string().regex(/^[a-z]{2,3}$/, 'A language code such as fr'))
      .max(10)
      .default([]),
  })
  .openapi('SubCommunityInput');

export const LifecycleInput = z
  .object({
    state: Lifecycle,
    returnMembers: z.boolean().default(true).openapi({
      description: 'When closing: its members who are not members of the mother community become members of it',
    }),
  })
  .openapi('LifecycleInput');

export const LifecycleResult = z
  .object({
    community: Community,
    returnedMembers: z.number().int().openapi({ description: 'Members who joined the mother community by this change' }),
  })
  .openapi('LifecycleResult');

export const SilenceInput = z
  .object({
    member: Id,
    hours: z
      .number()
      .int()
      .min(0)
      .max(24 * 365)
      .openapi({ description: 'How long; 0 lifts the silence' }),
    reason: Text().max(500).default('').openapi({ description: 'Kept for the facilitators' }),
  })
  .openapi('SilenceInput');

export const Silence = z
  .object({ member: Id, until: Timestamp.nullable().openapi({ description: 'Null when lifted' }) })
  .openapi('Silence');

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

export const JoinRequest = z.object({ id: Id, member: MemberRef, message: z.string(), createdAt: Timestamp }).openapi('JoinRequest');

export const JoinRequestPage = z.object({ items: z.array(JoinRequest) }).openapi('JoinRequestPage');

export const JoinDecision = z.object({ id: Id, status: z.enum(['approved', 'declined']) }).openapi('JoinDecision');

// ---- Invitations (issue 14 part 3) ----

export const InvitationInput = z
  .object({
    member: Id.optional().openapi({ description: 'A member the facilitator can see in the directory' }),
    email: Text()
      .max(320)
      .optional()
      .openapi({
        description:
          'An e-mail address (decision 0190): answered alike whether an account has it or not. An account with it is invited as a member; ' +
          'otherwise the address is mailed and the invitation waits until an account with it appears',
        example: 'amina@example.org',
      }),
  })
  .strict()
  .superRefine((value, context) => {
    if ((value.member === undefined) === (value.email === undefined))
      context.addIssue({ code: 'custom', path: [value.member === undefined ? 'member' : 'email'], message: 'Give either member or email' });
  })
  .openapi('InvitationInput');

export const InvitationResult = z
  .object({
    community: Slug,
    member: Id.optional(),
    email: z.string().optional().openapi({ description: 'The address invited, normalised (trimmed, lowercase)' }),
    status: z.enum(['invited', 'already-invited', 'joined', 'member']).openapi({
      description:
        '`joined`: they had asked to join and are in now; `member`: they were a member already; ' +
        '`already-invited`: an invitation to this address stands, nobody was mailed again (addresses only)',
    }),
  })
  .openapi('InvitationResult');

export const PendingInvitation = z
  .object({
    id: z
      .string()
      .regex(/^(member|email)-[1-9]\d{0,17}$/)
      .openapi({ example: 'email-12', description: 'What withdrawing names' }),
    kind: z.enum(['member', 'email']),
    /** A member invited from the directory; null for an address. */
    member: orNull(MemberRef),
    address: z.string().nullable().openapi({ description: 'The address invited, as the facilitator typed it (normalised)' }),
    createdAt: Timestamp,
    expiresAt: Timestamp.nullable().openapi({ description: 'An address invitation lapses then if no account took it up' }),
  })
  .openapi('PendingInvitation');

export const PendingInvitationPage = z.object({ items: z.array(PendingInvitation) }).openapi('PendingInvitationPage');

export const InvitationId = z
  .string()
  .regex(/^(member|email)-[1-9]\d{0,17}$/, 'Must be an invitation id such as email-12')
  .openapi({ example: 'member-42' });
