import type { FakeCall } from '../../helpers/fake-client.js';
import { FakeClient } from '../../helpers/fake-client.js';
import type { Expert, ExpertPage } from '../../../src/components/expert-finder/types.js';

const drip = { slug: 'drip-irrigation', label: 'Drip irrigation' };

export const amina: Expert = {
  member: {
    id: '1',
    name: 'Amina Diallo',
    avatarUrl: null,
    practice: 'Community facilitator',
    organisation: 'ENDA',
    country: 'SN',
    languages: ['fr', 'wo'],
    timeZone: 'Africa/Dakar',
    availability: 'open',
    skills: [{ slug: 'drip-irrigation', label: 'Drip irrigation', level: 4 }],
  },
  score: 6.2,
  evidence: [
    {
      kind: 'accepted-answer',
      count: 3,
      share: 0.5,
      skills: [drip],
      items: [
        {
          kind: 'thread',
          id: '11',
          title: 'Clogged emitters after one season',
          url: 'https://intranet.example.org/q/11',
          at: '2025-01-10T10:00:00Z',
        },
        { kind: 'thread', id: '12', title: 'Drip kits for school gardens', url: null, at: '2024-11-02T10:00:00Z' },
      ],
    },
    { kind: 'endorsement', count: 5, share: 0.3, skills: [drip], items: [] },
    {
      kind: 'event-led',
      count: 1,
      share: 0.2,
      skills: [],
      items: [{ kind: 'event', id: '7', title: 'Webinar: drip irrigation in practice', url: null, at: '2025-03-01T09:00:00Z' }],
    },
  ],
  recentContributions: 2,
  tempering: { availability: 1, load: 1 },
  contact: { kind: 'email', value: 'amina@example.org', visibility: 'public' },
};

export const jeanBaptiste: Expert = {
  member: {
    ...amina.member,
    id: '6',
    name: 'Jean-Baptiste Kaboré',
    practice: 'Conseiller agricole',
    organisation: 'INERA',
    country: 'BF',
    languages: ['fr', 'mos'],
    timeZone: 'Africa/Ouagadougou',
    availability: 'limited',
  },
  score: 4.1,
  evidence: [{ kind: 'answer', count: 4, share: 1, skills: [drip], items: [] }],
  recentContributions: 14,
  tempering: { availability: 0.8, load: 0.85 },
  contact: null,
};

export function expertPage(items: Expert[] = [amina, jeanBaptiste]): ExpertPage {
  return { items, topics: [{ ...drip, strength: 1 }] };
}

export const skillPage = {
  items: [{ slug: 'drip-irrigation', label: 'Drip irrigation', labels: {}, parent: 'area-water', synonyms: [], memberCount: 12 }],
  next: null,
};

export const fatima: Expert = {
  ...amina,
  member: {
    ...amina.member,
    id: '3',
    name: 'فاطمة الزهراء العمراني',
    practice: 'مستشارة المناخ',
    organisation: 'ICARDA',
    country: 'MA',
    languages: ['ar', 'fr', 'en'],
    timeZone: 'Africa/Casablanca',
  },
  evidence: [
    {
      kind: 'accepted-answer',
      count: 2,
      share: 0.6,
      skills: [{ slug: 'climate-adaptation', label: 'التكيف مع تغير المناخ' }],
      items: [
        {
          kind: 'thread',
          id: '21',
          title: 'من لديه خبرة في التكيف مع تغير المناخ في المناطق شبه الجافة؟',
          url: null,
          at: '2025-02-01T10:00:00Z',
        },
      ],
    },
    { kind: 'endorsement', count: 7, share: 0.4, skills: [{ slug: 'climate-adaptation', label: 'التكيف مع تغير المناخ' }], items: [] },
  ],
};

const NAMES = ['Priya Raman', 'Carlos Mendoza', 'Grace Achieng', 'Lucía Fernández', 'Tomás Oliveira', 'Nadia Haddad'];

/** `count` experts with varied names and falling scores, for the "many items" story and limits. */
export function manyExperts(count: number): Expert[] {
  return Array.from({ length: count }, (_, index) => {
    const base = index % 2 ? jeanBaptiste : amina;
    const name = `${NAMES[index % NAMES.length] ?? 'Member'}${index >= NAMES.length ? ` ${String(Math.floor(index / NAMES.length) + 1)}` : ''}`;
    return { ...base, member: { ...base.member, id: String(100 + index), name }, score: count - index };
  });
}

/** Fake routes: experts for any question (limited as asked), skills for suggestions. */
export function finderRoutes(items?: Expert[]): Record<string, unknown> {
  return {
    'GET /v1/experts': (call: FakeCall) => {
      const page = expertPage(items);
      return { ...page, items: page.items.slice(0, Number(call.query.limit ?? 5)) };
    },
    'GET /v1/skills': skillPage,
  };
}

export const finderClient = (items?: Expert[]): FakeClient => new FakeClient(finderRoutes(items));
