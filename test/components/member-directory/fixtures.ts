import type { FakeCall } from '../../helpers/fake-client.js';
import { FakeClient } from '../../helpers/fake-client.js';
import { GroveApiError } from '../../../src/api/problem.js';
import type { MailSettings } from '../../../src/components/member-directory/mail-api.js';
import type { Me, MemberFacets, MemberPage, MemberProfile, MemberSummary } from '../../../src/components/member-directory/types.js';

export const amina: MemberSummary = {
  id: '1',
  name: 'Amina Diallo',
  avatarUrl: null,
  practice: 'Extension officer',
  organisation: 'Sahel Water Network',
  country: 'SN',
  languages: ['fr', 'wo'],
  timeZone: 'Africa/Dakar',
  availability: 'open',
  skills: [
    { slug: 'drip-irrigation', label: 'Drip irrigation', level: 4 },
    { slug: 'soil-health', label: 'Soil health', level: 2 },
  ],
};

export const omar: MemberSummary = {
  id: '2',
  name: 'عمر الفاسي',
  avatarUrl: null,
  practice: 'Project manager',
  organisation: 'Atlas Cooperative',
  country: 'MA',
  languages: ['ar', 'fr'],
  timeZone: 'Africa/Casablanca',
  availability: 'limited',
  skills: [{ slug: 'gis', label: 'GIS', level: 3 }],
};

export const facets: MemberFacets = {
  community: [{ value: 'water', label: 'Water and sanitation', count: 2 }],
  skill: [
    { value: 'drip-irrigation', label: 'Drip irrigation', count: 1 },
    { value: 'gis', label: 'GIS', count: 1 },
  ],
  country: [
    { value: 'SN', label: 'SN', count: 1 },
    { value: 'MA', label: 'MA', count: 1 },
  ],
  organisation: [{ value: 'Atlas Cooperative', label: 'Atlas Cooperative', count: 1 }],
  language: [{ value: 'fr', label: 'fr', count: 2 }],
  role: [{ value: 'facilitator', label: 'facilitator', count: 1 }],
};

export const aminaProfile: MemberProfile = {
  ...amina,
  bio: 'Twenty years of work with farmer groups; "drip" is my middle name.',
  skills: [
    { slug: 'drip-irrigation', label: 'Drip irrigation', level: 4, endorsements: 12, endorsedByViewer: false },
    { slug: 'soil-health', label: 'Soil health', level: 2, endorsements: 1, endorsedByViewer: false },
  ],
  interests: [{ slug: 'remote-sensing', label: 'Remote sensing' }],
  memberships: [{ community: 'water', name: 'Water and sanitation', role: 'facilitator', joinedAt: '2024-01-01T00:00:00Z' }],
  contacts: [
    { kind: 'email', value: 'amina@example.org', visibility: 'public' },
    { kind: 'website', value: 'https://example.org/amina', visibility: 'public' },
  ],
  createdAt: '2024-01-01T00:00:00Z',
  lastActiveAt: null,
};

/** The members a query string selects, as a tiny in-memory server would (name contains `q`). */
function search(call: FakeCall, members: readonly MemberSummary[]): MemberSummary[] {
  const q = String(call.query.q ?? '').toLowerCase();
  const skill = call.query.skill;
  return members.filter(
    (member) => (!q || member.name.toLowerCase().includes(q)) && (!skill || member.skills.some((s) => s.slug === skill)),
  );
}

/**
 * Fake directory routes over `members` (for `FakeClient` and the stories' decorator): paged by `limit`
 * with the offset as cursor, facets on the first page only (as the widget asks).
 */
export function directoryRoutes(members: readonly MemberSummary[] = [amina, omar]): Record<string, unknown> {
  return {
    'GET /v1/members': (call: FakeCall): MemberPage => {
      const found = search(call, members);
      const start = Number(call.query.cursor ?? 0);
      const limit = Number(call.query.limit ?? 24);
      const items = found.slice(start, start + limit);
      const next = start + limit < found.length ? String(start + limit) : null;
      return { items, next, total: found.length, ...(call.query.facets === 'true' ? { facets } : {}) };
    },
    'GET /v1/members/:id': (call: FakeCall) => {
      if (call.params.id === amina.id) return aminaProfile;
      return { ...aminaProfile, ...members.find((member) => member.id === call.params.id), contacts: [] };
    },
  };
}

export const directoryClient = (members?: readonly MemberSummary[]): FakeClient => new FakeClient(directoryRoutes(members));

/**
 * A broad search on a large network, as the server answers it: it stopped counting at 1,000 matches
 * (`totalExact: false`) and counted the facets over those 1,000 only (`facetsExact: false`).
 */
export function broadSearchRoutes(members: readonly MemberSummary[] = [amina, omar]): Record<string, unknown> {
  const routes = directoryRoutes(members);
  const page = routes['GET /v1/members'] as (call: FakeCall) => MemberPage;
  return {
    ...routes,
    'GET /v1/members': (call: FakeCall): MemberPage => {
      const answer = page(call);
      return { ...answer, next: answer.next ?? 'more', total: 1000, totalExact: false, ...(answer.facets ? { facetsExact: false } : {}) };
    },
  };
}

/** `count` distinct members, for paging. */
export function manyMembers(count: number): MemberSummary[] {
  return Array.from({ length: count }, (_, index) => ({
    ...amina,
    id: String(index + 100),
    name: `Member ${String(index + 1).padStart(3, '0')}`,
  }));
}

const VARIETY: readonly Pick<MemberSummary, 'name' | 'country' | 'languages' | 'timeZone' | 'organisation' | 'practice'>[] = [
  {
    name: 'Lucía Fernández',
    country: 'PE',
    languages: ['es', 'qu'],
    timeZone: 'America/Lima',
    organisation: 'Andes Agua',
    practice: 'Hydrologist',
  },
  {
    name: 'Priya Raman',
    country: 'IN',
    languages: ['en', 'ta'],
    timeZone: 'Asia/Kolkata',
    organisation: 'WaterAid India',
    practice: 'Programme officer',
  },
  {
    name: 'Jean-Baptiste Kaboré',
    country: 'BF',
    languages: ['fr', 'mos'],
    timeZone: 'Africa/Ouagadougou',
    organisation: 'Faso Irrigation',
    practice: 'Agronome',
  },
  {
    name: 'Nadia Haddad',
    country: 'LB',
    languages: ['ar', 'fr', 'en'],
    timeZone: 'Asia/Beirut',
    organisation: 'Cedar Water',
    practice: 'Knowledge manager',
  },
  {
    name: 'Tomás Oliveira',
    country: 'MZ',
    languages: ['pt', 'en'],
    timeZone: 'Africa/Maputo',
    organisation: 'Rios Vivos',
    practice: 'Extension officer',
  },
];

/** `count` members with varied names, places and languages, for the "many items" story. */
export function variedMembers(count: number): MemberSummary[] {
  return Array.from({ length: count }, (_, index) => {
    const base = VARIETY[index % VARIETY.length]!;
    return {
      ...amina,
      ...base,
      id: String(index + 500),
      name: index < VARIETY.length ? base.name : `${base.name} ${String(Math.floor(index / VARIETY.length) + 1)}`,
    };
  });
}

/** Omar signed in: his own profile as GET /v1/me answers it, version 3. */
export function omarMe(): Me {
  return {
    ...omar,
    skills: [{ slug: 'gis', label: 'GIS', level: 3, endorsements: 0, endorsedByViewer: false }],
    bio: 'Maps for farmer cooperatives.',
    interests: [],
    memberships: [{ community: 'water', name: 'Water and sanitation', role: 'member', joinedAt: '2024-01-01T00:00:00Z' }],
    contacts: [{ kind: 'email', value: 'omar@example.org', visibility: 'members' }],
    createdAt: '2024-01-01T00:00:00Z',
    lastActiveAt: null,
    directoryOptOut: false,
    badgeHidden: false,
    avatarSource: null,
    version: 3,
  };
}

/** Omar's mail settings: weekly digest, mentions off, in one community, following another and two threads. */
export function omarMail(): MailSettings {
  return {
    address: 'omar@example.org',
    failing: false,
    digest: 'weekly',
    off: ['mention'],
    mailingLists: [],
    followedCommunities: ['soil'],
    communities: [
      { slug: 'soil', name: 'Soil health', member: false, mailingList: false, following: true },
      { slug: 'water', name: 'Water and sanitation', member: true, mailingList: false, following: false },
    ],
    followedThreads: [
      { id: '41', title: 'Solar pumps at 40 °C', community: 'water', communityName: 'Water and sanitation' },
      { id: '42', title: 'تقنيات الري بالتنقيط', community: 'water', communityName: 'Water and sanitation' },
    ],
    followedThreadCount: 5,
  };
}

/**
 * Fake mail routes over `settings` (changed by the switches as the server would): GET / PATCH /me/mail,
 * following a community or thread, mailing-list mode.
 */
export function mailRoutes(settings: MailSettings = omarMail()): Record<string, unknown> {
  const community = (slug: string) => settings.communities.find((c) => c.slug === slug);
  return {
    'GET /v1/me/mail': () => structuredClone(settings),
    'PATCH /v1/me/mail': (call: FakeCall) => {
      Object.assign(settings, call.body);
      return structuredClone(settings);
    },
    'PUT /v1/communities/:slug/follow': (call: FakeCall) => {
      const slug = call.params.slug ?? '';
      settings.followedCommunities = [...new Set([...settings.followedCommunities, slug])];
      const c = community(slug);
      if (c) c.following = true;
      return { following: true };
    },
    'DELETE /v1/communities/:slug/follow': (call: FakeCall) => {
      settings.followedCommunities = settings.followedCommunities.filter((s) => s !== call.params.slug);
      const c = community(call.params.slug ?? '');
      if (c) c.following = false;
      return { following: false };
    },
    'PUT /v1/communities/:slug/mailing-list': (call: FakeCall) => {
      settings.mailingLists = [...new Set([...settings.mailingLists, call.params.slug ?? ''])];
      return { subscribed: true };
    },
    'DELETE /v1/communities/:slug/mailing-list': (call: FakeCall) => {
      settings.mailingLists = settings.mailingLists.filter((s) => s !== call.params.slug);
      return { subscribed: false };
    },
    'DELETE /v1/threads/:id/follow': (call: FakeCall) => {
      settings.followedThreads = settings.followedThreads.filter((t) => t.id !== call.params.id);
      settings.followedThreadCount -= 1;
      return { following: false };
    },
  };
}

/**
 * The directory's routes for a signed-in member (Omar): his profile, a PATCH that applies a merge patch
 * and bumps the version (412 on a stale If-Match), the skill taxonomy, endorsing, joining and leaving.
 */
export function signedInRoutes(
  options: { role?: 'member' | 'facilitator' | null; visibility?: 'public' | 'members' } = {},
): Record<string, unknown> {
  let me = omarMe();
  let role = options.role === undefined ? null : options.role;
  const endorsed = new Set<string>();
  return {
    ...directoryRoutes(),
    ...mailRoutes(),
    'GET /v1/me': () => structuredClone(me),
    'PATCH /v1/me': (call: FakeCall) => {
      if (call.ifMatch !== `"${me.version}"`) throw new GroveApiError('conflict', 412, { title: 'Precondition failed' });
      const patch = call.body as Record<string, unknown>;
      const next = { ...me, ...patch, version: me.version + 1 } as Me & { skills?: unknown; interests?: unknown };
      if (patch.skills)
        next.skills = (patch.skills as { skill: string; level: number }[]).map((s) => ({
          slug: s.skill,
          label: s.skill,
          level: s.level,
          endorsements: 0,
          endorsedByViewer: false,
        }));
      if (patch.interests) next.interests = (patch.interests as string[]).map((slug) => ({ slug, label: slug }));
      if ('avatarUrl' in patch) next.avatarSource = patch.avatarUrl as string | null;
      me = next;
      return structuredClone(me);
    },
    'GET /v1/skills': {
      items: [
        { slug: 'gis', label: 'GIS' },
        { slug: 'drip-irrigation', label: 'Drip irrigation' },
        { slug: 'remote-sensing', label: 'Remote sensing' },
      ],
      next: null,
    },
    'GET /v1/members/:id': (call: FakeCall) => {
      const profile = call.params.id === omar.id ? { ...aminaProfile, ...omarMe() } : structuredClone(aminaProfile);
      return {
        ...profile,
        skills: profile.skills.map((s) => ({
          ...s,
          endorsedByViewer: endorsed.has(s.slug),
          endorsements: s.endorsements + (endorsed.has(s.slug) ? 1 : 0),
        })),
      };
    },
    'POST /v1/members/:id/endorsements': (call: FakeCall) => {
      const { skill } = call.body as { skill: string };
      endorsed.add(skill);
      return { member: call.params.id, skill, endorsements: 13, endorsedByViewer: true };
    },
    'DELETE /v1/members/:id/endorsements/:skill': (call: FakeCall) => {
      endorsed.delete(call.params.skill ?? '');
      return { member: call.params.id, skill: call.params.skill, endorsements: 12, endorsedByViewer: false };
    },
    'GET /v1/communities/:slug': (call: FakeCall) => ({
      id: '7',
      slug: call.params.slug,
      name: 'Water and sanitation',
      description: '',
      parent: null,
      lifecycle: 'active',
      visibility: options.visibility ?? 'public',
      languages: ['en'],
      memberCount: 2,
      subCommunityCount: 0,
      createdAt: '2024-01-01T00:00:00Z',
      closedAt: null,
      viewerRole: role,
    }),
    'POST /v1/communities/:slug/join': (call: FakeCall) => {
      if (options.visibility === 'members') return { community: call.params.slug, status: 'pending' };
      role = 'member';
      return { community: call.params.slug, status: 'member' };
    },
    'DELETE /v1/communities/:slug/membership': () => {
      role = null;
      return undefined;
    },
  };
}

export const signedInClient = (options?: Parameters<typeof signedInRoutes>[0]): FakeClient =>
  new FakeClient(signedInRoutes(options), { authenticated: true });
