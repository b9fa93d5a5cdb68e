/**
 * Stable communities and members that docs, demo pages and tests refer to by slug or name. They are
 * always created first, in this order, so their ids are stable too (members 1..n, communities 1..n).
 */
import type { Lang } from './content/skills.ts';

export interface CommunitySpec {
  slug: string;
  parent?: string;
  name: string;
  description: string;
  lifecycle: 'forming' | 'active' | 'dormant' | 'closed';
  topic: string;
  languages: Lang[];
  visibility?: 'public' | 'members';
}

/** The first 8 make the demo network; the others join from capacity4dev up. */
export const FIXED_COMMUNITIES: CommunitySpec[] = [
  {
    slug: 'water',
    name: 'Water',
    description: 'Practitioners working on water resources, irrigation and WASH across regions.',
    lifecycle: 'active',
    topic: 'drip-irrigation',
    languages: ['en', 'fr', 'es', 'ar'],
  },
  {
    slug: 'drip-irrigation',
    parent: 'water',
    name: 'Drip irrigation for smallholders',
    description: 'Low-cost drip kits, maintenance and water scheduling with farmer groups.',
    lifecycle: 'active',
    topic: 'drip-irrigation',
    languages: ['fr', 'en'],
  },
  {
    slug: 'wash-in-schools',
    parent: 'water',
    name: 'WASH in schools',
    description: 'Water, sanitation and hygiene in schools: menstrual hygiene, handwashing, operation and maintenance.',
    lifecycle: 'active',
    topic: 'wash',
    languages: ['en', 'fr'],
  },
  {
    slug: 'soil-health',
    name: 'Soil health',
    description: 'Soil fertility, organic matter, conservation agriculture and agroecology.',
    lifecycle: 'active',
    topic: 'soil-health',
    languages: ['en', 'es', 'fr'],
  },
  {
    slug: 'composting',
    parent: 'soil-health',
    name: 'Composting',
    description: 'Compost, vermicompost and organic inputs made on the farm.',
    lifecycle: 'active',
    topic: 'composting',
    languages: ['es', 'en'],
  },
  {
    slug: 'climate-adaptation',
    name: 'Climate adaptation',
    description: 'Adaptation planning, climate risk and resilience with communities and local governments.',
    lifecycle: 'active',
    topic: 'climate-adaptation',
    languages: ['en', 'fr', 'ar'],
  },
  {
    slug: 'anticipatory-action',
    parent: 'climate-adaptation',
    name: 'Anticipatory action',
    description: 'Forecast-based triggers and early action before droughts and floods.',
    lifecycle: 'forming',
    topic: 'anticipatory-action',
    languages: ['en', 'ar'],
  },
  {
    slug: 'knowledge-management',
    name: 'Knowledge management for development',
    description: 'Sharing what we learn: communities of practice, peer assists, after action reviews and storytelling.',
    lifecycle: 'active',
    topic: 'knowledge-sharing',
    languages: ['en', 'fr', 'es'],
  },
  {
    slug: 'gender-equality',
    name: 'Gender equality',
    description: 'Gender analysis, women’s economic empowerment and GBV prevention in programmes.',
    lifecycle: 'active',
    topic: 'gender-analysis',
    languages: ['en', 'fr', 'es', 'ar'],
  },
  {
    slug: 'monitoring-evaluation',
    name: 'Monitoring, evaluation and learning',
    description: 'Indicators, baselines, outcome harvesting and learning agendas.',
    lifecycle: 'active',
    topic: 'monitoring-evaluation',
    languages: ['en', 'fr', 'es'],
  },
  {
    slug: 'groundwater-sahel',
    parent: 'water',
    name: 'Groundwater in the Sahel (2019-2022)',
    description: 'A closed working group on borehole siting and aquifer monitoring.',
    lifecycle: 'closed',
    topic: 'groundwater',
    languages: ['fr'],
  },
  {
    slug: 'climate-finance',
    parent: 'climate-adaptation',
    name: 'Climate finance readiness',
    description: 'Accessing adaptation funds: proposals, accreditation, budgets.',
    lifecycle: 'dormant',
    topic: 'climate-finance',
    languages: ['en', 'fr'],
    visibility: 'members',
  },
];

export const DEMO_COMMUNITY_COUNT = 8;

export interface MemberSpec {
  name: string;
  lang: Lang;
  /** BCP 47 primary tags, most fluent first (local languages included). */
  languages: string[];
  country: string;
  timeZone: string;
  practice: string;
  organisation: string;
  /** Communities joined; `facilitates` are joined as facilitator. */
  communities: string[];
  facilitates: string[];
  /** Planted expertise (ground truth) unless opted out. */
  expertIn?: string;
  availability?: 'open' | 'limited' | 'unavailable';
  directoryOptOut?: boolean;
  badgeHidden?: boolean;
}

export const WELL_KNOWN_MEMBERS: MemberSpec[] = [
  {
    name: 'Amina Diallo',
    lang: 'fr',
    languages: ['fr', 'en', 'wo'],
    country: 'SN',
    timeZone: 'Africa/Dakar',
    practice: 'Facilitatrice de communauté',
    organisation: 'ENDA Tiers Monde',
    communities: ['water', 'drip-irrigation'],
    facilitates: ['water'],
    expertIn: 'drip-irrigation',
  },
  {
    name: 'Carlos Mendoza',
    lang: 'es',
    languages: ['es', 'en', 'qu'],
    country: 'PE',
    timeZone: 'America/Lima',
    practice: 'Agrónomo',
    organisation: 'Soluciones Prácticas',
    communities: ['soil-health', 'composting'],
    facilitates: ['soil-health'],
    expertIn: 'soil-health',
  },
  {
    name: 'Fatima Zahra El Amrani',
    lang: 'ar',
    languages: ['ar', 'fr', 'en'],
    country: 'MA',
    timeZone: 'Africa/Casablanca',
    practice: 'مستشارة المناخ',
    organisation: 'ICARDA',
    communities: ['climate-adaptation', 'anticipatory-action'],
    facilitates: ['climate-adaptation'],
    expertIn: 'climate-adaptation',
  },
  {
    name: 'Priya Raman',
    lang: 'en',
    languages: ['en', 'ta', 'hi'],
    country: 'IN',
    timeZone: 'Asia/Kolkata',
    practice: 'M&E officer',
    organisation: 'Aga Khan Foundation',
    communities: ['knowledge-management', 'water'],
    facilitates: ['knowledge-management'],
    expertIn: 'monitoring-evaluation',
  },
  {
    name: 'Grace Achieng',
    lang: 'en',
    languages: ['en', 'sw'],
    country: 'KE',
    timeZone: 'Africa/Nairobi',
    practice: 'Gender specialist',
    organisation: 'CARE',
    communities: ['water', 'wash-in-schools'],
    facilitates: ['wash-in-schools'],
    expertIn: 'gender-analysis',
  },
  {
    name: 'Jean-Baptiste Kaboré',
    lang: 'fr',
    languages: ['fr', 'mos'],
    country: 'BF',
    timeZone: 'Africa/Ouagadougou',
    practice: 'Conseiller agricole',
    organisation: 'INERA',
    communities: ['water', 'drip-irrigation', 'soil-health'],
    facilitates: ['drip-irrigation'],
    expertIn: 'drip-irrigation',
    availability: 'limited',
  },
  {
    name: 'Lucía Fernández',
    lang: 'es',
    languages: ['es', 'en', 'fr'],
    country: 'ES',
    timeZone: 'Europe/Madrid',
    practice: 'Gestora del conocimiento',
    organisation: 'KM4Dev',
    communities: ['knowledge-management', 'composting'],
    facilitates: ['composting'],
    expertIn: 'knowledge-sharing',
  },
  // Opted out of the directory: must never be listed or recommended, although he is very active.
  {
    name: 'Omar Haddad',
    lang: 'ar',
    languages: ['ar', 'en'],
    country: 'JO',
    timeZone: 'Asia/Amman',
    practice: 'مهندس هيدرولوجي',
    organisation: 'Arab Water Council',
    communities: ['water', 'climate-adaptation'],
    facilitates: [],
    expertIn: 'rainwater-harvesting',
    directoryOptOut: true,
  },
  {
    name: 'Nour Khalil',
    lang: 'ar',
    languages: ['ar', 'en', 'fr'],
    country: 'LB',
    timeZone: 'Asia/Beirut',
    practice: 'مديرة المعرفة',
    organisation: 'Independent consultant',
    communities: ['knowledge-management', 'anticipatory-action'],
    facilitates: ['anticipatory-action'],
    availability: 'unavailable',
    badgeHidden: true,
  },
];

/** Topics with planted experts; each gets the well-known expert(s) plus generated ones. */
export const GROUND_TRUTH_TOPICS = [
  'drip-irrigation',
  'soil-health',
  'climate-adaptation',
  'monitoring-evaluation',
  'gender-analysis',
  'knowledge-sharing',
  'rainwater-harvesting',
  'composting',
];

export const REGIONS = [
  'sahel',
  'east-africa',
  'andes',
  'central-america',
  'mena',
  'south-asia',
  'southeast-asia',
  'great-lakes',
  'west-africa',
  'global',
];
