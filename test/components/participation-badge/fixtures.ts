import { FakeClient, type FakeCall } from '../../helpers/fake-client.js';
import type { CommunityParticipation, Level, MemberBadge } from '../../../src/components/participation-badge/types.js';
import type { FacilitatorActions } from '../../../src/components/participation-badge/facilitator-actions.js';

const WINDOW = { months: 12, from: '2025-12-01' };
const NONE = {
  posts: 0,
  answers: 0,
  acceptedAnswers: 0,
  eventsAttended: 0,
  eventsHosted: 0,
  endorsementsGiven: 0,
  endorsementsReceived: 0,
};

export function badge(member: string, level: Level = 'active', extra: Partial<MemberBadge> = {}): MemberBadge {
  return {
    member,
    name: `Member ${member}`,
    community: 'water',
    level,
    recentlyActive: true,
    lastActive: '2026-11',
    window: WINDOW,
    contributions: { ...NONE, posts: 9, answers: 3, acceptedAnswers: 1, eventsHosted: 1 },
    counts: { post: 20, answer: 5 },
    isViewer: false,
    hidden: false,
    achievements: [
      { id: 'first-post', community: 'water', earnedAt: '2025-04-13T09:53:19Z' },
      { id: 'event-host', community: 'water', earnedAt: '2026-03-02T10:00:00Z' },
    ],
    ...extra,
  };
}

export const amina = badge('1', 'core', { name: 'Amina Diallo' });
/** Held `active` once, quiet since March: keeps her level, with "last active" beside it. */
export const quiet = badge('2', 'active', {
  name: 'Carlos Mendoza',
  recentlyActive: false,
  lastActive: '2026-03',
  contributions: NONE,
  achievements: [],
});

const month = (m: string, core: number, active: number, occasional: number, peripheral: number) => ({
  month: m,
  levels: [
    { level: 'core' as const, members: core },
    { level: 'active' as const, members: active },
    { level: 'occasional' as const, members: occasional },
    { level: 'peripheral' as const, members: peripheral },
    { level: 'transactional' as const, members: 1 },
  ],
});

export const waterProfile: CommunityParticipation = {
  community: 'water',
  name: 'Water and sanitation',
  members: 100,
  contributors: 31,
  contributors90Days: 22,
  counts: { post: 178, answer: 136 },
  window: WINDOW,
  levels: month('2026-11', 2, 18, 10, 70).levels,
  trend: [month('2026-09', 1, 12, 8, 75), month('2026-10', 2, 15, 9, 72), month('2026-11', 2, 18, 10, 70)],
  newcomersThisMonth: 4,
  unansweredQuestions: 3,
  medianFirstReplyHours: 30.5,
};

const defaultBadge = (id: string): MemberBadge | undefined => (id === '1' ? amina : id === '2' ? quiet : badge(id));

/** Routes serving badges for any member id asked (`known` decides which exist), and the water profile. */
export function badgeRoutes(
  known: (id: string) => MemberBadge | undefined = defaultBadge,
  profile = waterProfile,
): Record<string, unknown> {
  return {
    'GET /v1/participation/badges': ({ query }: FakeCall) => {
      const ids = ([] as unknown[]).concat(query.member).map(String);
      return { items: ids.flatMap((id) => known(id) ?? []) };
    },
    'GET /v1/participation/communities/water': profile,
  };
}

export function badgeClient(known: (id: string) => MemberBadge | undefined = defaultBadge): FakeClient {
  return new FakeClient(badgeRoutes(known));
}

const LEVELS: readonly Level[] = [
  'core',
  'active',
  'active',
  'occasional',
  'occasional',
  'occasional',
  'peripheral',
  'peripheral',
  'transactional',
];
const NAMES = [
  'Amina Diallo',
  'Carlos Mendoza',
  'Fatima Zahra El Amrani',
  'Priya Raman',
  'Grace Achieng',
  'Jean-Baptiste Kaboré',
  'Lucía Fernández',
  'Omar Haddad',
];

/** Deterministic badges of every level for pages of many members (stories). */
export function variedBadge(id: string): MemberBadge {
  const index = Number(id);
  return badge(id, LEVELS[index % LEVELS.length], {
    name: NAMES[index % NAMES.length] ?? `Member ${id}`,
    recentlyActive: index % 5 !== 0,
    lastActive: index % 5 === 0 ? '2026-02' : '2026-11',
  });
}

const person = (id: string, name: string) => ({ id, name, avatarUrl: null, presence: 'listed' as const });
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

/** One item of every kind a facilitator acts on (times relative to now, so "3 days ago" reads the same every run). */
export const waterActions = (): FacilitatorActions => ({
  community: 'water',
  unansweredQuestions: [
    {
      thread: '31',
      title: 'Which chlorine dose for rainwater tanks?',
      url: 'https://intranet.example.org/water/chlorine',
      askedBy: person('12', 'Grace Achieng'),
      askedAt: hoursAgo(72),
      ageHours: 72,
    },
    { thread: '32', title: 'Any data on handpump repairs?', url: null, askedBy: null, askedAt: hoursAgo(5), ageHours: 5 },
  ],
  newcomers: [
    { member: person('40', 'Lucía Fernández'), joinedAt: hoursAgo(24 * 6) },
    { member: person('41', 'Omar Haddad'), joinedAt: hoursAgo(24 * 2) },
  ],
  quietMembers: [{ member: person('7', 'Priya Raman'), lastActiveAt: hoursAgo(24 * 75), contributions: 5 }],
  openReports: [
    {
      report: '3',
      post: '88',
      thread: '20',
      title: 'Budget for filters',
      url: 'https://intranet.example.org/water/filters',
      reason: 'Advertising',
      reportedAt: hoursAgo(30),
    },
  ],
  eventsWithoutHost: [{ event: '9', title: 'Monthly water call', startsAt: '2026-12-15T14:00:00Z' }],
});

export const noActions: FacilitatorActions = {
  community: 'water',
  unansweredQuestions: [],
  newcomers: [],
  quietMembers: [],
  openReports: [],
  eventsWithoutHost: [],
};

/** The community view as its facilitator sees it: the profile, the viewer's role, the action list and the welcome write. */
export function facilitatorRoutes(
  actions: unknown = waterActions,
  role: 'facilitator' | 'member' | null = 'facilitator',
): Record<string, unknown> {
  return {
    ...badgeRoutes(),
    'GET /v1/communities/water': { slug: 'water', name: 'Water and sanitation', viewerRole: role },
    'GET /v1/participation/communities/water/actions': actions,
    'POST /v1/participation/communities/water/welcomes': ({ body }: FakeCall) => ({
      member: (body as { member: string }).member,
      welcomedAt: new Date().toISOString(),
      welcomedBy: '1',
    }),
  };
}
