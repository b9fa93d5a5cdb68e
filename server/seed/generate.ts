/**
 * Builds a network, table by table, from a seeded PRNG. Members get a participation weight drawn from the
 * 90-9-1 pattern (most never post, a few post a lot); authors, skills and communities are drawn by weight.
 * The planted experts answer the questions of their topic, get those answers accepted, are endorsed for it
 * and host its events: that is the ground truth the expert finder is measured against.
 */
import { renderMarkdown } from '../discussion/markdown.ts';
import { FIRST_NAMES, LAST_NAMES, ORGANISATIONS, PRACTICES, BIOS, COUNTRIES } from './content/people.ts';
import { AREAS, SKILLS, type Lang } from './content/skills.ts';
import {
  DISCUSSION_TITLES,
  EVENT_DESCRIPTIONS,
  EVENT_TITLES,
  EXPERT_BLOCKS,
  EXPERT_QUERIES,
  OPENING_BLOCKS,
  PLACES,
  QUESTION_TITLES,
  REPLY_BLOCKS,
} from './content/text.ts';
import {
  DEMO_COMMUNITY_COUNT,
  FIXED_COMMUNITIES,
  GROUND_TRUTH_TOPICS,
  REGIONS,
  WELL_KNOWN_MEMBERS,
  type CommunitySpec,
} from './identities.ts';
import type { Preset } from './presets.ts';
import { at, Random, WeightedIndex, zipfWeights } from './random.ts';
import { DAY_MS, icalWeekday, startOfUtcDay, zonedInstant } from './time.ts';
import type { Cell, RowWriter } from './writer.ts';

/** Page keys the demo pages (demo/index.html, demo/cms.html) attach their discussion threads to. */
export const DEMO_PAGE_KEYS: Readonly<Record<string, string>> = {
  water: 'intranet:water-help-desk',
  'soil-health': 'https://intranet.example.org/news/soil-health-field-notes',
};

const LANGS: Lang[] = ['en', 'fr', 'es', 'ar'];
/** Share of members by first language: the network is mostly anglophone and francophone. */
const LANG_WEIGHTS = [0.45, 0.3, 0.15, 0.1];

/** Participation classes (2:18:80 with a long tail): share of members and relative posting weight. */
const CLASSES = [
  { share: 0.02, weight: 60 },
  { share: 0.08, weight: 6 },
  { share: 0.1, weight: 1 },
  { share: 0.8, weight: 0 },
];

export interface GroundTruth {
  topic: string;
  language: Lang;
  query: string;
  expected: number[];
}

export type Progress = (phase: string, done: number, total: number) => void;

interface Community {
  id: number;
  slug: string;
  isPublic: boolean;
  topicSkill: number;
  languages: Lang[];
  members: number[];
  authors?: WeightedIndex;
}

export class NetworkGenerator {
  readonly #random: Random;
  readonly #preset: Preset;
  readonly #writer: RowWriter;
  readonly #anchor: number;
  readonly #progress: Progress;
  readonly #skillIds = new Map<string, number>();
  readonly #skillPopularity: WeightedIndex;
  readonly #communities: Community[] = [];
  #memberLang = new Uint8Array(0);
  #memberWeight = new Float32Array(0);
  #memberZone: string[] = [];
  #memberCommunity = new Int32Array(0);
  readonly #optedOut = new Set<number>();
  readonly #experts = new Map<string, number[]>();
  readonly #html = new Map<string, string>();
  readonly #acceptedAnswers: [number, number][] = [];
  readonly #facilitators: [number, number][] = [];
  readonly #endorsed = new Set<string>();
  #nextFact = 1;
  #nextEndorsement = 1;
  #nextContact = 1;

  constructor(writer: RowWriter, preset: Preset, seed: number, anchor: Date, progress: Progress) {
    this.#writer = writer;
    this.#preset = preset;
    this.#random = new Random(seed);
    this.#anchor = anchor.getTime();
    this.#progress = progress;
    this.#skillPopularity = new WeightedIndex(zipfWeights(SKILLS.length));
  }

  async run(): Promise<GroundTruth[]> {
    await this.#skills();
    await this.#communitiesPhase();
    await this.#members();
    await this.#endorsements();
    await this.#events();
    await this.#threads();
    const eventStates = await this.#eventStates();
    await this.#writer.finish();
    // Both refer to rows written later than the row they change, so they are applied at the end.
    await this.#writer.execute(
      `update threads t set accepted_post_id = u.post from unnest($1::bigint[], $2::bigint[]) as u(thread, post) where t.id = u.thread`,
      [this.#acceptedAnswers.map(([thread]) => thread), this.#acceptedAnswers.map(([, post]) => post)],
    );
    await this.#writer.execute(
      `update memberships m set role = 'facilitator' from unnest($1::bigint[], $2::bigint[]) as u(community, member)
       where m.community_id = u.community and m.member_id = u.member`,
      [this.#facilitators.map(([community]) => community), this.#facilitators.map(([, member]) => member)],
    );
    await this.#writer.execute(
      `update events e set cancelled = u.cancelled, sequence = u.sequence, series_id = u.series, recurrence_id = u.recurrence
       from unnest($1::bigint[], $2::boolean[], $3::int[], $4::bigint[], $5::timestamptz[]) as u(id, cancelled, sequence, series, recurrence)
       where e.id = u.id`,
      [
        eventStates.map((e) => e.id),
        eventStates.map((e) => e.cancelled),
        eventStates.map((e) => e.sequence),
        eventStates.map((e) => e.series),
        eventStates.map((e) => e.recurrence),
      ],
    );
    return this.#groundTruth();
  }

  // ---- skills and communities -------------------------------------------------------------------

  async #skills(): Promise<void> {
    let id = 1;
    const areaIds = new Map<string, number>();
    for (const area of AREAS) {
      areaIds.set(area.slug, id);
      await this.#writer.add('skills', [id++, `area-${area.slug}`, null, JSON.stringify(area.labels), []]);
    }
    for (const skill of SKILLS) {
      this.#skillIds.set(skill.slug, id);
      await this.#writer.add('skills', [id++, skill.slug, areaIds.get(skill.area) ?? null, JSON.stringify(skill.labels), skill.synonyms]);
    }
  }

  #skillId(slug: string): number {
    const id = this.#skillIds.get(slug);
    if (id === undefined) throw new Error(`Unknown skill ${slug}`);
    return id;
  }

  #randomSkill(random: Random): (typeof SKILLS)[number] {
    return at(SKILLS, this.#skillPopularity.draw(random));
  }

  async #communitiesPhase(): Promise<void> {
    const random = this.#random.fork('communities');
    const total = this.#preset.communities;
    const fixed = FIXED_COMMUNITIES.slice(0, total <= DEMO_COMMUNITY_COUNT ? DEMO_COMMUNITY_COUNT : FIXED_COMMUNITIES.length);
    const bySlug = new Map<string, number>();
    const specs: CommunitySpec[] = [...fixed];
    // Generated working groups: a skill in a region, under the fixed community of the skill's area when one exists.
    const areaMother: Record<string, string> = {
      water: 'water',
      agriculture: 'soil-health',
      climate: 'climate-adaptation',
      inclusion: 'gender-equality',
      learning: 'monitoring-evaluation',
      knowledge: 'knowledge-management',
    };
    for (let n = specs.length; n < total; n++) {
      const skill = this.#randomSkill(random);
      const region = random.pick(REGIONS);
      const lifecycle = random.weighted(['active', 'forming', 'dormant', 'closed'] as const, [6, 1, 2, 1]);
      specs.push({
        slug: `${skill.slug}-${region}-${n}`,
        ...(areaMother[skill.area] && random.chance(0.8) ? { parent: areaMother[skill.area] } : {}),
        name: `${skill.labels.en} – ${region.replace(/-/g, ' ')}`,
        description: `Working group on ${skill.labels.en.toLowerCase()} (${skill.labels.fr.toLowerCase()}) in the ${region.replace(/-/g, ' ')} region.`,
        lifecycle,
        topic: skill.slug,
        languages: random.sample(LANGS, random.int(1, 3)),
        ...(random.chance(0.1) ? { visibility: 'members' as const } : {}),
      });
    }
    for (const [index, spec] of specs.entries()) {
      const id = index + 1;
      bySlug.set(spec.slug, id);
      const created = this.#anchor - random.int(200, 2_500) * DAY_MS;
      const closed = spec.lifecycle === 'closed' ? new Date(created + random.int(180, 900) * DAY_MS) : null;
      await this.#writer.add('communities', [
        id,
        spec.slug,
        spec.parent ? (bySlug.get(spec.parent) ?? null) : null,
        spec.name,
        spec.description,
        spec.lifecycle,
        spec.visibility ?? 'public',
        spec.languages,
        this.#skillId(spec.topic),
        new Date(created),
        closed,
      ]);
      this.#communities.push({
        id,
        slug: spec.slug,
        isPublic: (spec.visibility ?? 'public') === 'public',
        topicSkill: this.#skillId(spec.topic),
        languages: spec.languages,
        members: [],
      });
    }
  }

  // ---- members ----------------------------------------------------------------------------------

  async #members(): Promise<void> {
    const random = this.#random.fork('members');
    const count = this.#preset.members;
    this.#memberLang = new Uint8Array(count + 1);
    this.#memberWeight = new Float32Array(count + 1);
    this.#memberCommunity = new Int32Array(count + 1);
    this.#memberZone = new Array<string>(count + 1);
    const communityPopularity = new WeightedIndex(zipfWeights(this.#communities.length, 0.9));
    const bySlug = new Map(this.#communities.map((c) => [c.slug, c]));
    const expertsPerTopic = Math.max(2, Math.round(Math.log10(count)));

    for (let id = 1; id <= count; id++) {
      const known = WELL_KNOWN_MEMBERS[id - 1];
      const lang: Lang = known?.lang ?? random.weighted(LANGS, LANG_WEIGHTS);
      const country = random.pick(COUNTRIES[lang]);
      const zone = known?.timeZone ?? random.pick(country.zones);
      const cls = known
        ? 0
        : CLASSES.indexOf(
            random.weighted(
              CLASSES,
              CLASSES.map((c) => c.share),
            ),
          );
      const weight = (CLASSES[cls]?.weight ?? 0) * (0.5 + random.next());
      // Generated experts: the first members after the well-known ones, one slice per topic.
      const generatedIndex = id - WELL_KNOWN_MEMBERS.length - 1;
      const generatedTopic =
        generatedIndex >= 0 && generatedIndex < GROUND_TRUTH_TOPICS.length * (expertsPerTopic - 1)
          ? GROUND_TRUTH_TOPICS[generatedIndex % GROUND_TRUTH_TOPICS.length]
          : undefined;
      const expertIn = known?.expertIn ?? generatedTopic;
      const optOut = known ? Boolean(known.directoryOptOut) : random.chance(0.04);
      this.#memberLang[id] = LANGS.indexOf(lang);
      this.#memberWeight[id] = expertIn ? Math.max(weight, 20) : weight;
      this.#memberZone[id] = zone;
      if (optOut) this.#optedOut.add(id);
      if (expertIn && !optOut) this.#experts.set(expertIn, [...(this.#experts.get(expertIn) ?? []), id]);

      const name = known?.name ?? `${random.pick(FIRST_NAMES[lang])} ${random.pick(LAST_NAMES[lang])}`;
      const practice = known?.practice ?? random.pick(PRACTICES[lang]);
      const skills = this.#memberSkills(random, expertIn);
      const mainSkill = SKILLS.find((s) => this.#skillIds.get(s.slug) === skills[0]?.[0]) ?? at(SKILLS, 0);
      const bio = random.pick(BIOS[lang]).replace('{practice}', practice).replace('{skill}', mainSkill.labels[lang].toLowerCase());
      const languages = known?.languages ?? [lang, ...random.sample(country.also, random.int(0, country.also.length))];
      const availability =
        known?.availability ??
        (cls === 0 && random.chance(0.4) ? 'limited' : random.weighted(['open', 'limited', 'unavailable'], [6, 3, 1]));
      const created = this.#anchor - Math.floor(random.next() ** 0.7 * 1_800) * DAY_MS - random.int(0, 86_399) * 1000;
      const lastActive = Math.min(this.#anchor, created + random.next() * (this.#anchor - created));
      // `listed` is known once the memberships are drawn (below): the row is completed then. A row already
      // flushed by then keeps false, and the directory rebuild after the load corrects it.
      const memberRow: Cell[] = [
        id,
        name,
        practice,
        known?.organisation ?? random.pick(ORGANISATIONS),
        known?.country ?? country.code,
        languages,
        zone,
        bio,
        availability,
        optOut,
        known?.badgeHidden ?? random.chance(0.03),
        new Date(created),
        new Date(lastActive),
        false,
      ];
      await this.#writer.add('members', memberRow);
      for (const [skillId, level] of skills) await this.#writer.add('member_skills', [id, skillId, level]);
      for (const skill of random.sample(SKILLS, random.int(0, 3))) {
        const skillId = this.#skillId(skill.slug);
        if (!skills.some(([s]) => s === skillId)) await this.#writer.add('member_interests', [id, skillId]);
      }
      await this.#contacts(random, id, name);

      // Memberships: the well-known ones as specified; others in 1-4 communities, mothers joined with sub-groups.
      const joined = new Map<number, 'member' | 'facilitator'>();
      if (known) {
        for (const slug of known.communities) {
          const community = bySlug.get(slug);
          if (community) joined.set(community.id, known.facilitates.includes(slug) ? 'facilitator' : 'member');
        }
      } else {
        const wanted = 1 + random.count(0.8);
        for (let k = 0; k < wanted; k++) {
          const community = at(this.#communities, communityPopularity.draw(random));
          joined.set(community.id, 'member');
        }
      }
      for (const [communityId, role] of joined) {
        const community = at(this.#communities, communityId - 1);
        community.members.push(id);
        const joinedAt = new Date(created + random.next() * (this.#anchor - created) * 0.5);
        await this.#writer.add('memberships', [communityId, id, role, joinedAt]);
      }
      memberRow[13] = !optOut && [...joined.keys()].some((communityId) => at(this.#communities, communityId - 1).isPublic);
      this.#memberCommunity[id] = [...joined.keys()][0] ?? 1;
      if (id % 10_000 === 0 || id === count) this.#progress('members', id, count);
    }
    this.#appointFacilitators(random);
    for (const community of this.#communities) {
      community.authors = new WeightedIndex(community.members.map((m) => this.#memberWeight[m] ?? 0));
    }
  }

  /** Every community without a facilitator gets one among its most active members. */
  #appointFacilitators(random: Random): void {
    const hasFacilitator = new Set(
      WELL_KNOWN_MEMBERS.flatMap((m) => m.facilitates).map((slug) => this.#communities.find((c) => c.slug === slug)?.id),
    );
    for (const community of this.#communities) {
      if (hasFacilitator.has(community.id) || community.members.length === 0) continue;
      const candidates = community.members.filter((m) => (this.#memberWeight[m] ?? 0) > 1 && m > WELL_KNOWN_MEMBERS.length);
      const chosen = candidates.length > 0 ? random.pick(candidates) : random.pick(community.members);
      if (chosen > WELL_KNOWN_MEMBERS.length) this.#facilitators.push([community.id, chosen]);
    }
  }

  #memberSkills(random: Random, expertIn: string | undefined): [number, number][] {
    const skills = new Map<number, number>();
    if (expertIn) skills.set(this.#skillId(expertIn), 4);
    const wanted = random.int(1, 6);
    while (skills.size < wanted) {
      const skillId = this.#skillId(this.#randomSkill(random).slug);
      if (!skills.has(skillId)) skills.set(skillId, random.weighted([1, 2, 3, 4], [3, 4, 2, 1]));
    }
    return [...skills];
  }

  async #contacts(random: Random, memberId: number, name: string): Promise<void> {
    const local = name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z]+/g, '.')
      .replace(/^\.|\.$/g, '');
    const channels: [string, string, string][] = [
      ['email', `${local}.${memberId}@example.org`, random.weighted(['members', 'public', 'nobody'], [6, 2, 2])],
    ];
    if (random.chance(0.3))
      channels.push([
        'phone',
        `+${random.int(20, 299)} ${random.int(100, 999)} ${random.int(1000, 9999)}`,
        random.weighted(['nobody', 'members'], [3, 2]),
      ]);
    if (random.chance(0.25)) channels.push(['linkedin', `https://www.linkedin.com/in/${local.replace(/\./g, '-')}-${memberId}`, 'public']);
    if (random.chance(0.15)) channels.push(['website', `https://${local.split('.')[0] ?? 'member'}${memberId}.example.net`, 'public']);
    if (random.chance(0.1)) channels.push(['chat', `@${local.replace(/\./g, '_')}${memberId}`, 'members']);
    for (const [position, [kind, value, visibility]] of channels.entries()) {
      await this.#writer.add('contact_channels', [this.#nextContact++, memberId, kind, value, visibility, position]);
    }
  }

  // ---- endorsements -----------------------------------------------------------------------------

  async #endorsements(): Promise<void> {
    const random = this.#random.fork('endorsements');
    for (const [topic, experts] of this.#experts) {
      for (const expert of experts) {
        const community = at(this.#communities, (this.#memberCommunity[expert] ?? 1) - 1);
        for (let k = random.int(5, 10); k > 0; k--) {
          await this.#endorse(random, expert, this.#skillId(topic), random.pick(community.members));
        }
      }
    }
    // Background endorsements between members of the same community, for random declared-ish skills.
    const total = Math.round(this.#preset.members * 0.25);
    for (let n = 0; n < total; n++) {
      const community = random.pick(this.#communities);
      if (community.members.length < 2) continue;
      await this.#endorse(
        random,
        random.pick(community.members),
        this.#skillId(this.#randomSkill(random).slug),
        random.pick(community.members),
      );
    }
  }

  async #endorse(random: Random, memberId: number, skillId: number, endorserId: number): Promise<void> {
    const key = `${memberId}:${skillId}:${endorserId}`;
    if (memberId === endorserId || this.#endorsed.has(key)) return;
    this.#endorsed.add(key);
    const id = this.#nextEndorsement++;
    const at = new Date(this.#anchor - random.int(1, 700) * DAY_MS);
    const community = this.#memberCommunity[memberId] ?? 1;
    await this.#writer.add('endorsements', [id, memberId, skillId, endorserId, at]);
    await this.#fact(endorserId, community, 'endorsement-given', id, at);
    await this.#fact(memberId, community, 'endorsement-received', id, at);
  }

  async #fact(memberId: number, communityId: number, kind: string, subjectId: number, at: Date): Promise<void> {
    await this.#writer.add('participation_facts', this.#factRow(memberId, communityId, kind, subjectId, at));
  }

  #factRow(memberId: number, communityId: number, kind: string, subjectId: number, at: Date): Cell[] {
    return [this.#nextFact++, memberId, communityId, kind, subjectId, at];
  }

  #lang(memberId: number): Lang {
    return LANGS[this.#memberLang[memberId] ?? 0] ?? 'en';
  }

  #author(random: Random, community: Community): number {
    const index = community.authors?.draw(random) ?? -1;
    return index >= 0 ? at(community.members, index) : random.pick(community.members);
  }

  #fill(template: string, skillSlug: number, lang: Lang, random: Random): string {
    const skill = SKILLS.find((s) => this.#skillIds.get(s.slug) === skillSlug) ?? at(SKILLS, 0);
    return template.replaceAll('{skill}', skill.labels[lang].toLowerCase()).replaceAll('{place}', random.pick(PLACES[lang]));
  }

  // ---- events -----------------------------------------------------------------------------------

  async #events(): Promise<void> {
    const random = this.#random.fork('events');
    const total = this.#preset.events;
    const active = this.#communities.filter((c) => c.members.length > 0);
    let rsvpsLeft = 0;
    for (let id = 1; id <= total; id++) {
      // A quarter of the events are led by a planted expert on their topic: "events led" is evidence.
      const expertTopics = [...this.#experts.keys()];
      const byExpert = random.chance(0.25) && expertTopics.length > 0;
      const topic = byExpert ? random.pick(expertTopics) : undefined;
      const organiser = topic ? random.pick(this.#experts.get(topic) ?? []) : undefined;
      const community = organiser
        ? at(this.#communities, (this.#memberCommunity[organiser] ?? 1) - 1)
        : at(active, Math.floor(random.next() ** 2 * active.length));
      const host = organiser ?? this.#author(random, community);
      const skillId = topic
        ? this.#skillId(topic)
        : random.chance(0.6)
          ? community.topicSkill
          : this.#skillId(this.#randomSkill(random).slug);
      const lang = this.#lang(host);
      const zone = this.#memberZone[host] ?? 'UTC';
      const mode = random.weighted(['online', 'in-person', 'hybrid'] as const, [6, 2, 2]);
      const kind =
        mode === 'online'
          ? random.weighted(['webinar', 'meeting', 'learning-event'], [5, 2, 1])
          : random.weighted(['workshop', 'learning-event', 'meeting'], [3, 2, 1]);
      const day = startOfUtcDay(this.#anchor) + random.int(-120, 150) * DAY_MS;
      const start = zonedInstant(day, random.pick([8, 9, 10, 14, 15, 16]), random.pick([0, 30]), zone);
      const durationMinutes = mode === 'online' ? random.pick([60, 90]) : random.pick([180, 480]);
      const recurring = mode === 'online' && random.chance(0.25);
      const occurrences = recurring ? 8 : 1;
      const skipped = recurring ? 3 : -1;
      // Weekly occurrences keep the organiser's wall-clock time across DST changes, as RRULE expansion does.
      const [localHour, localMinute] = this.#localTime(start, zone);
      const localDay = this.#localDay(start, zone);
      const occurrenceStarts = Array.from({ length: occurrences }, (_, k) =>
        zonedInstant(localDay + 7 * k * DAY_MS, localHour, localMinute, zone),
      );
      const rrule = recurring ? `FREQ=WEEKLY;BYDAY=${icalWeekday(localDay)};COUNT=${occurrences}` : null;
      const exdates = recurring ? [at(occurrenceStarts, skipped).toISOString()] : [];
      const capacity = mode === 'online' ? (random.chance(0.3) ? 100 : null) : random.int(12, 40);
      const created = new Date(Math.min(start.getTime(), this.#anchor) - random.int(10, 60) * DAY_MS);
      await this.#writer.add('events', [
        id,
        community.id,
        host,
        this.#fill(random.pick(EVENT_TITLES[lang]), skillId, lang, random),
        this.#fill(EVENT_DESCRIPTIONS[lang], skillId, lang, random),
        kind,
        start,
        new Date(start.getTime() + durationMinutes * 60_000),
        zone,
        rrule,
        exdates,
        mode,
        mode === 'online' ? null : random.pick(PLACES[lang]),
        mode === 'in-person' ? null : `https://meet.example.org/grove-${id}`,
        capacity,
        created,
        created,
      ]);
      await this.#fact(host, community.id, 'event-hosted', id, start);

      // RSVPs for the first two occurrences not skipped; past ones record attendance.
      rsvpsLeft = Math.min(
        community.members.length,
        capacity ? capacity + (random.chance(0.2) ? 5 : -random.int(0, 5)) : random.int(5, 40),
      );
      for (const [k, occurrence] of occurrenceStarts.entries()) {
        if (k === skipped || k > 1) continue;
        const people = random.sample(community.members, Math.max(0, rsvpsLeft));
        for (const memberId of people) {
          if (memberId === host) continue;
          const status = random.weighted(['going', 'maybe', 'not-going'] as const, [7, 2, 1]);
          const past = occurrence.getTime() < this.#anchor;
          const attended = past && status !== 'not-going' ? random.chance(status === 'going' ? 0.8 : 0.3) : null;
          const at = new Date(Math.min(occurrence.getTime(), this.#anchor) - random.int(1, 20 * 24) * 3_600_000);
          await this.#writer.add('rsvps', [id, occurrence, memberId, status, attended, at, at]);
          await this.#fact(memberId, community.id, 'rsvp', id, at);
          if (attended) await this.#fact(memberId, community.id, 'attendance', id, occurrence);
        }
      }
      if (id % 5_000 === 0 || id === total) this.#progress('events', id, total);
    }
  }

  /**
   * Events in `water` that show every state a facilitator meets, placed after the random ones and drawing
   * nothing from the random streams (so every other row stays as it was): a full workshop, one with a
   * waitlist, a cancelled webinar, and a weekly clinic with one Tuesday cancelled and one moved on its own.
   * Organised by Amina Diallo (member 1), who facilitates `water`. Returns what the event columns the
   * writer does not carry must become (applied after the copy).
   */
  async #eventStates(): Promise<{ id: number; cancelled: boolean; sequence: number; series: number | null; recurrence: Date | null }[]> {
    const water = this.#communities.find((c) => c.slug === 'water');
    if (!water) return [];
    const host = 1;
    const zone = 'Africa/Dakar';
    const people = water.members.filter((id) => id !== host);
    const day = (offset: number) => startOfUtcDay(this.#anchor) + offset * DAY_MS;
    const created = new Date(this.#anchor - 20 * DAY_MS);
    let id = this.#preset.events;
    const add = async (fields: {
      title: string;
      description: string;
      kind: string;
      start: Date;
      minutes: number;
      rrule?: string;
      exdates?: Date[];
      mode: 'online' | 'in-person' | 'hybrid';
      capacity: number | null;
      going: number;
      maybe?: number;
    }) => {
      id += 1;
      const { start, mode } = fields;
      await this.#writer.add('events', [
        id,
        water.id,
        host,
        fields.title,
        fields.description,
        fields.kind,
        start,
        new Date(start.getTime() + fields.minutes * 60_000),
        zone,
        fields.rrule ?? null,
        (fields.exdates ?? []).map((date) => date.toISOString()),
        mode,
        mode === 'online' ? null : 'Maison de l’eau, Thiès',
        mode === 'in-person' ? null : `https://meet.example.org/grove-${id}`,
        fields.capacity,
        created,
        created,
      ]);
      await this.#fact(host, water.id, 'event-hosted', id, created);
      // Answers in a fixed order an hour apart: the waitlist follows who answered first.
      const answers = [...Array<string>(fields.going).fill('going'), ...Array<string>(fields.maybe ?? 0).fill('maybe')];
      for (const [index, status] of answers.entries()) {
        const memberId = people[index];
        if (memberId === undefined) break;
        const at = new Date(created.getTime() + (index + 1) * 3_600_000);
        await this.#writer.add('rsvps', [id, start, memberId, status, null, at, at]);
        await this.#fact(memberId, water.id, 'rsvp', id, at);
      }
      return id;
    };
    const states: { id: number; cancelled: boolean; sequence: number; series: number | null; recurrence: Date | null }[] = [];
    await add({
      title: 'Field visit: solar pumps in Thiès',
      description: 'A morning with the **Thiès** farmer group and their solar pumps. Places are limited to the minibus.',
      kind: 'workshop',
      start: zonedInstant(day(10), 9, 0, zone),
      minutes: 240,
      mode: 'in-person',
      capacity: 8,
      going: 8,
    });
    await add({
      title: 'Drip kit assembly workshop',
      description: 'Assemble a low-cost drip kit together; remote participants follow the camera.',
      kind: 'workshop',
      start: zonedInstant(day(17), 14, 0, zone),
      minutes: 180,
      mode: 'hybrid',
      capacity: 10,
      going: 13,
      maybe: 2,
    });
    const cancelled = await add({
      title: 'Water quality testing webinar',
      description: 'Cancelled: the speaker could not travel. A new date will follow.',
      kind: 'webinar',
      start: zonedInstant(day(12), 15, 0, zone),
      minutes: 60,
      mode: 'online',
      capacity: null,
      going: 5,
    });
    states.push({ id: cancelled, cancelled: true, sequence: 1, series: null, recurrence: null });
    // Tuesdays (the anchor is a Monday) at 16:00; the third is cancelled, the fifth moved to 17:00 on its own.
    const tuesdays = Array.from({ length: 8 }, (_, k) => zonedInstant(day(1 + 7 * k), 16, 0, zone));
    const [skipped, moved] = [tuesdays[2], tuesdays[4]] as [Date, Date];
    const series = await add({
      title: 'Weekly irrigation clinic',
      description: 'Bring your questions on scheduling, filters and pressure.',
      kind: 'meeting',
      start: tuesdays[0] as Date,
      minutes: 60,
      rrule: `FREQ=WEEKLY;BYDAY=${icalWeekday(day(1))};COUNT=8`,
      exdates: [skipped, moved],
      mode: 'online',
      capacity: 30,
      going: 6,
    });
    states.push({ id: series, cancelled: false, sequence: 2, series: null, recurrence: null });
    const detached = await add({
      title: 'Weekly irrigation clinic',
      description: 'Bring your questions on scheduling, filters and pressure. One hour later this week.',
      kind: 'meeting',
      start: new Date(moved.getTime() + 3_600_000),
      minutes: 60,
      mode: 'online',
      capacity: 30,
      going: 3,
    });
    states.push({ id: detached, cancelled: false, sequence: 2, series, recurrence: moved });
    return states;
  }

  #localTime(instant: Date, zone: string): [number, number] {
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(
      instant,
    );
    const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
    return [get('hour'), get('minute')];
  }

  #localDay(instant: Date, zone: string): number {
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
    return Date.parse(`${parts}T00:00:00Z`);
  }

  // ---- threads, posts, reactions ----------------------------------------------------------------

  async #threads(): Promise<void> {
    const random = this.#random.fork('threads');
    const target = this.#preset.posts;
    const active = this.#communities.filter((c) => c.members.length > 0 && (c.authors?.total ?? 0) > 0);
    const communityWeights = new WeightedIndex(active.map((c) => c.members.length));
    const expertTopics = [...this.#experts.keys()];
    let posts = 0;
    let threadId = 0;
    while (posts < target) {
      threadId++;
      // The first threads give every planted topic at least one question answered by its experts.
      const expertTopic =
        threadId <= expertTopics.length
          ? expertTopics[threadId - 1]
          : random.chance(0.25) && expertTopics.length > 0
            ? random.pick(expertTopics)
            : undefined;
      const community = at(active, communityWeights.draw(random));
      const topicSkill = expertTopic
        ? this.#skillId(expertTopic)
        : random.chance(0.5)
          ? community.topicSkill
          : this.#skillId(this.#randomSkill(random).slug);
      const question = Boolean(expertTopic) || random.chance(0.4);
      const size = Math.min(target - posts, Math.max(expertTopic ? 2 : 1, random.count(this.#preset.postsPerThread, 1)));
      posts += await this.#thread(random, threadId, community, topicSkill, question, size, expertTopic);
      if (threadId % 2_000 === 0 || posts >= target) this.#progress('posts', posts, target);
    }
  }

  async #thread(
    random: Random,
    id: number,
    community: Community,
    skillId: number,
    question: boolean,
    size: number,
    expertTopic: string | undefined,
  ): Promise<number> {
    // The thread row needs its posts' outcome but must be written before them: collect, then write in order.
    const rows: [string, Cell[]][] = [];
    const add = (table: string, row: Cell[]): void => {
      rows.push([table, row]);
    };
    const opener = this.#author(random, community);
    const lang = this.#lang(opener);
    const titles = question ? QUESTION_TITLES[lang] : DISCUSSION_TITLES[lang];
    const title = this.#fill(random.pick(titles), skillId, lang, random);
    const ageDays = Math.floor(random.next() ** 1.8 * 730);
    let at = this.#anchor - ageDays * DAY_MS - random.int(0, 86_399) * 1000;
    const created = new Date(at);
    const postIds: number[] = [];
    let accepted: number | undefined;
    // An expert does not answer their own question: the accepted answer comes from another expert.
    const experts = expertTopic ? (this.#experts.get(expertTopic) ?? []).filter((m) => m !== opener) : [];
    const acceptAt = question && size > 1 && (experts.length > 0 || random.chance(0.6)) ? random.int(1, size - 1) : -1;
    for (let k = 0; k < size; k++) {
      const isAcceptedSlot = k === acceptAt;
      const author = k === 0 ? opener : isAcceptedSlot && experts.length > 0 ? random.pick(experts) : this.#author(random, community);
      const postLang = k === 0 ? lang : this.#lang(author);
      const blocks =
        k === 0
          ? random.sample(OPENING_BLOCKS[postLang], random.int(1, 2))
          : isAcceptedSlot && experts.length > 0
            ? random.sample(EXPERT_BLOCKS[postLang], 2)
            : [random.pick(REPLY_BLOCKS[postLang])];
      const filled = blocks.map((block) => this.#fill(block, skillId, postLang, random));
      const postId = this.#nextPostId++;
      at = Math.min(this.#anchor, at + random.int(10, 60 * 24 * 3) * 60_000);
      const replyTo = k > 1 && random.chance(0.3) ? random.pick(postIds) : null;
      add('posts', [
        postId,
        id,
        author,
        replyTo,
        filled.join('\n\n'),
        filled.map((block) => this.#render(block)).join('\n'),
        postLang,
        new Date(at),
      ]);
      postIds.push(postId);
      const answer = question && k > 0 && author !== opener;
      add('participation_facts', this.#factRow(author, community.id, answer ? 'answer' : 'post', postId, new Date(at)));
      if (isAcceptedSlot && answer) {
        accepted = postId;
        add('participation_facts', this.#factRow(author, community.id, 'accepted-answer', postId, new Date(at + DAY_MS)));
      }
      this.#reactions(random, community, postId, author, at, isAcceptedSlot ? 3 : 0.6, add);
    }
    const drawnStatus = accepted ? 'answered' : random.chance(0.02) ? 'locked' : 'open';
    const storyKey = !question && random.chance(0.2) ? `https://www.example.org/${community.slug}/stories/${id}` : null;
    const demoPageKey = question ? undefined : this.#claimDemoPageKey(community.slug);
    const pageKey = demoPageKey ?? storyKey;
    // The demo pages invite visitors to post: their conversations stay open (same draws, so the rest of the data is unchanged).
    const status = demoPageKey ? 'open' : drawnStatus;
    // Threads are written before their posts (foreign key), so the accepted post is set afterwards.
    await this.#writer.add('threads', [
      id,
      community.id,
      pageKey,
      title,
      question ? 'question' : 'discussion',
      status,
      random.chance(0.03),
      skillId,
      opener,
      created,
      new Date(at),
      size,
    ]);
    for (const [table, row] of rows) await this.#writer.add(table, row);
    if (accepted) this.#acceptedAnswers.push([id, accepted]);
    return size;
  }

  #nextPostId = 1;
  #claimedPageKeys = new Set<string>();

  /** The first discussion of a community named in DEMO_PAGE_KEYS gets that key, so the demo pages show a real conversation. */
  #claimDemoPageKey(slug: string): string | undefined {
    const key = DEMO_PAGE_KEYS[slug];
    if (key === undefined || this.#claimedPageKeys.has(key)) return undefined;
    this.#claimedPageKeys.add(key);
    return key;
  }

  #render(block: string): string {
    let html = this.#html.get(block);
    if (html === undefined) {
      html = renderMarkdown(block);
      this.#html.set(block, html);
    }
    return html;
  }

  #reactions(
    random: Random,
    community: Community,
    postId: number,
    authorId: number,
    at: number,
    mean: number,
    add: (table: string, row: Cell[]) => void,
  ): void {
    const count = Math.min(community.members.length - 1, random.count(mean));
    const seen = new Set<number>();
    for (let n = 0; n < count; n++) {
      const memberId = random.pick(community.members);
      if (memberId === authorId || seen.has(memberId)) continue;
      seen.add(memberId);
      const when = new Date(Math.min(this.#anchor, at + random.int(1, 72) * 3_600_000));
      add('reactions', [postId, memberId, random.weighted(['helpful', 'thanks', 'agree', 'insightful'], [4, 3, 2, 1]), when]);
      add('participation_facts', this.#factRow(memberId, community.id, 'reaction-given', postId, when));
      add('participation_facts', this.#factRow(authorId, community.id, 'reaction-received', postId, when));
    }
  }

  // ---- ground truth -----------------------------------------------------------------------------

  #groundTruth(): GroundTruth[] {
    const truth: GroundTruth[] = [];
    for (const topic of GROUND_TRUTH_TOPICS) {
      const expected = (this.#experts.get(topic) ?? []).filter((id) => !this.#optedOut.has(id));
      if (expected.length === 0) continue;
      const skill = SKILLS.find((s) => s.slug === topic);
      if (!skill) continue;
      for (const language of LANGS) {
        truth.push({ topic, language, query: EXPERT_QUERIES[language].replace('{skill}', skill.labels[language].toLowerCase()), expected });
      }
    }
    return truth;
  }
}
