import { z } from '@hono/zod-openapi';
import { Id, MemberRef, orNull, Slug, Timestamp } from './common.ts';

export const LEVELS = ['peripheral', 'occasional', 'active', 'core'] as const;

export const Level = z.enum([...LEVELS, 'transactional']).openapi('ParticipationLevel', {
  description:
    "Wenger's roles, not ranks: `core`, `active`, `occasional`, `peripheral` (follows and learns), or " +
    '`transactional` (contributes to a community without being a member). Never lower than the highest ' +
    'level the member has held, so nobody is publicly demoted.',
});

const Month = z
  .string()
  .regex(/^\d{4}-\d{2}$/)
  .openapi({ example: '2026-03' });

export const Contributions = z
  .object({
    posts: z.number().int(),
    answers: z.number().int(),
    acceptedAnswers: z.number().int(),
    eventsAttended: z.number().int(),
    eventsHosted: z.number().int(),
    endorsementsGiven: z.number().int(),
    endorsementsReceived: z.number().int(),
  })
  .openapi('Contributions');

export const Achievement = z
  .object({
    id: z.string().openapi({ example: 'first-accepted-answer' }),
    community: Slug,
    earnedAt: Timestamp,
  })
  .openapi('Achievement', {
    description:
      'A durable achievement: `first-post`, `first-accepted-answer`, `helped-10` (10 accepted answers), ' +
      '`event-host`, `regular-attendee` (5 events attended), `facilitator`. Exportable as an Open Badges 3.0 credential.',
  });

export const ParticipationWindow = z
  .object({
    months: z.number().int(),
    from: z.string().openapi({ description: 'First day of the window (UTC), inclusive', example: '2025-12-01' }),
  })
  .openapi('ParticipationWindow');

export const MemberBadge = z
  .object({
    member: Id,
    name: z.string(),
    community: Slug.nullable().openapi({ description: 'The community the badge is about; null: every community the viewer can read' }),
    level: Level,
    recentlyActive: z.boolean().openapi({
      description: 'Whether the contributions in the window alone reach `level`; when false, show `lastActive` rather than a lower level',
    }),
    lastActive: Month.nullable().openapi({ description: 'The last month with a contribution, for "last active" wording' }),
    window: ParticipationWindow,
    contributions: Contributions.openapi({ description: 'Contributions inside the window' }),
    counts: z.record(z.string(), z.number().int()).openapi({ description: 'All-time facts per kind (post, answer, rsvp, …)' }),
    achievements: z.array(Achievement),
    isViewer: z
      .boolean()
      .openapi({ description: 'The signed-in viewer is this member: they may export their achievements as credentials' }),
    hidden: z.boolean().openapi({ description: 'The member hides their badge; only they see it (so only ever true when `isViewer`)' }),
  })
  .openapi('MemberBadge');

export const MemberBadges = z
  .object({
    items: z.array(MemberBadge).openapi({ description: 'In the order asked; members unknown or hiding their badge are left out' }),
  })
  .openapi('MemberBadges');

export const LevelShare = z.object({ level: Level, members: z.number().int() }).openapi('LevelShare');

export const CommunityParticipation = z
  .object({
    community: Slug,
    name: z.string(),
    members: z.number().int(),
    contributors: z.number().int().openapi({ description: 'Members with at least one post or answer' }),
    contributors90Days: z.number().int(),
    counts: z.record(z.string(), z.number().int()).openapi({ description: 'Facts per kind' }),
    window: ParticipationWindow,
    levels: z.array(LevelShare).openapi({ description: "Members at each level over the window, the community's 2:18:80 profile" }),
    trend: z
      .array(z.object({ month: Month, levels: z.array(LevelShare) }))
      .openapi({ description: 'The same profile at the end of each of the last 12 months, oldest first' }),
    newcomersThisMonth: z.number().int(),
    unansweredQuestions: z.number().int().openapi({ description: 'Open questions with no reply yet' }),
    medianFirstReplyHours: z
      .number()
      .nullable()
      .openapi({ description: 'Median time to the first reply by someone else, for threads started in the last 90 days' }),
  })
  .openapi('CommunityParticipation');

export const ParticipationRules = z
  .object({
    window: ParticipationWindow,
    weights: z.record(z.string(), z.number()).openapi({ description: 'Points per fact kind; unnamed kinds count 0' }),
    thresholds: z.object({ occasional: z.number().int(), active: z.number().int(), core: z.number().int() }),
    achievements: z.array(
      z.object({
        id: z.string(),
        kinds: z.array(z.string()),
        threshold: z.number().int(),
        counts: z
          .enum(['facts', 'askers'])
          .openapi({ description: '`facts` of these kinds, or the different `askers` whose questions they answered' }),
      }),
    ),
  })
  .openapi('ParticipationRules');

export const IssuerProfile = z
  .object({
    '@context': z.array(z.string()),
    id: z.string(),
    type: z.array(z.string()),
    name: z.string(),
    description: z.string(),
    jwks: z.string().openapi({ description: 'The JSON Web Key Set that verifies credentials (the `kid` in their header)' }),
  })
  .openapi('IssuerProfile', { description: 'Open Badges 3.0 issuer Profile' });

export const JsonWebKeySet = z.object({ keys: z.array(z.record(z.string(), z.unknown())) }).openapi('JsonWebKeySet');

export const AchievementDefinition = z
  .object({
    '@context': z.array(z.string()),
    id: z.string(),
    type: z.array(z.string()),
    name: z.string(),
    description: z.string(),
    criteria: z.object({ narrative: z.string() }),
  })
  .openapi('AchievementDefinition', { description: 'Open Badges 3.0 Achievement' });

export const BadgeVisibility = z
  .object({ hidden: z.boolean().openapi({ description: 'True hides your badge from everyone else' }) })
  .openapi('BadgeVisibility');

const ActionMember = MemberRef;

/** What a community's facilitators can act on now, each item with where to act. Facilitators only. */
export const FacilitatorActions = z
  .object({
    community: Slug,
    unansweredQuestions: z
      .array(
        z.object({
          thread: Id,
          title: z.string(),
          url: z.string().nullable().openapi({ description: 'The page the thread is on, when known' }),
          askedBy: orNull(ActionMember),
          askedAt: Timestamp,
          ageHours: z.number().int(),
        }),
      )
      .openapi({ description: 'Open questions nobody else has replied to, oldest first' }),
    newcomers: z
      .array(z.object({ member: ActionMember, joinedAt: Timestamp }))
      .openapi({ description: 'Members who joined in the last 30 days and were not welcomed yet, oldest first' }),
    quietMembers: z
      .array(z.object({ member: ActionMember, lastActiveAt: Timestamp, contributions: z.number().int() }))
      .openapi({ description: 'Members with at least 3 posts or answers in the 6 months before the last 60 days, and none since' }),
    openReports: z
      .array(
        z.object({
          report: Id,
          post: Id,
          thread: Id,
          title: z.string(),
          url: z.string().nullable().openapi({ description: 'The page the thread is on, when known' }),
          reason: z.string(),
          reportedAt: Timestamp,
        }),
      )
      .openapi({ description: 'Unresolved reports of posts in this community, oldest first' }),
    eventsWithoutHost: z
      .array(z.object({ event: Id, title: z.string(), startsAt: Timestamp }))
      .openapi({ description: 'Events of the next 30 days whose organiser is no longer a member of the community' }),
  })
  .openapi('FacilitatorActions');

export const WelcomeInput = z.object({ member: Id }).openapi('WelcomeInput');
export const Welcome = z.object({ member: Id, welcomedAt: Timestamp, welcomedBy: Id }).openapi('Welcome');
