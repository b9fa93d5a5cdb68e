/**
 * The expert finder: a question in, the members best placed to answer it out, each with the evidence
 * that ranks them. Matching the question against the skill taxonomy happens here (it is small and the
 * same in every language); gathering and weighing evidence happens in one SQL statement (evidence-sql.ts).
 */
import type { Queryable } from '../db/index.ts';
import { CANDIDATES_SQL, RANK_SQL, TSQUERY_SQL } from './evidence-sql.ts';
import { matchSkills, type SkillMatch, type TaxonomySkill } from './skill-match.ts';
import { searchWords } from './text.ts';
import { EVIDENCE_KINDS, kindWeight, type EvidenceKind, type ExpertWeights } from './weights.ts';

export interface RankRequest {
  q: string;
  viewerId: string | null;
  /** Only members of this community (or its sub-communities); already checked as readable. */
  communityId: string | null;
  limit: number;
  weights: ExpertWeights;
  /** The clock for decay and recent load; tests and benchmarks fix it. */
  now?: Date;
}

export interface EvidenceItem {
  refKind: 'thread' | 'event';
  refId: string;
  title: string;
  url: string | null;
  at: string;
}

export interface RankedEvidence {
  kind: EvidenceKind;
  count: number;
  /** Share of the member's raw score this kind of evidence gave. */
  share: number;
  skillIds: string[];
  items: EvidenceItem[];
}

export interface RankedExpert {
  id: string;
  score: number;
  raw: number;
  availabilityFactor: number;
  loadFactor: number;
  recentContributions: number;
  evidence: RankedEvidence[];
}

export interface RankResult {
  topics: SkillMatch[];
  experts: RankedExpert[];
}

interface EvidenceRow {
  kind: EvidenceKind;
  count: number;
  mass: number;
  skills: (string | number)[];
  items: { ref_kind: 'thread' | 'event'; ref_id: string | number; title: string; url: string | null; at: string }[];
}

interface RankRow {
  id: string;
  raw: number;
  score: number;
  availability_factor: number;
  load_factor: number;
  recent: number;
  evidence: EvidenceRow[] | null;
}

/**
 * Leaf skills of the taxonomy: the areas above them ("Water") name a field, not a topic anyone could be
 * asked about, and would match half the questions.
 */
export async function loadTaxonomy(db: Queryable): Promise<TaxonomySkill[]> {
  const { rows } = await db.query<TaxonomySkill>(
    `select s.id, s.slug, s.labels, s.synonyms from skills s
     where not exists (select 1 from skills child where child.parent_id = s.id) order by s.id`,
  );
  return rows;
}

const union = (queries: string[]): string | null => (queries.length ? queries.map((q) => `(${q})`).join(' | ') : null);

/**
 * One tsquery per matched skill (aligned with `topics`), one per question word, their union, and what
 * can raise a post above the strength of a topic named in part.
 */
async function textQueries(db: Queryable, topics: SkillMatch[], words: string[]) {
  const terms = topics.flatMap((topic, index) => topic.terms.map((term) => [term, index] as const));
  const { rows } = await db.query<{ i: number | null; q: string }>(TSQUERY_SQL, [terms.map(([t]) => t), terms.map(([, i]) => i), words]);
  const perSkill = topics.map((_, index) => rows.find((row) => row.i === index)?.q ?? '');
  const perWord = rows.filter((row) => row.i === null).map((row) => row.q);
  const all = [...perSkill, ...perWord].filter(Boolean);
  // A post in a thread on a topic named in part weighs more than that topic's strength only when it holds
  // a word of the question or names a stronger topic (evidence-sql.ts, `partial_matched`).
  const weakest = Math.min(...topics.map((topic) => topic.strength));
  const raising = [...perSkill.filter((q, index) => q && (topics[index]?.strength ?? 0) > weakest), ...perWord].filter(Boolean);
  return { perSkill, perWord, any: union(all), raising: union(raising) };
}

const isoString = (value: string): string => new Date(value).toISOString();

function toEvidence(rows: EvidenceRow[], weights: ExpertWeights): RankedEvidence[] {
  const scored = rows.map((row) => ({ row, points: kindWeight(weights, row.kind) * Math.log1p(row.mass) }));
  const total = scored.reduce((sum, { points }) => sum + points, 0) || 1;
  return scored
    .sort((a, b) => b.points - a.points || EVIDENCE_KINDS.indexOf(a.row.kind) - EVIDENCE_KINDS.indexOf(b.row.kind))
    .map(({ row, points }) => ({
      kind: row.kind,
      count: row.count,
      share: points / total,
      skillIds: row.skills.map(String),
      items: row.items.map((item) => ({
        refKind: item.ref_kind,
        refId: String(item.ref_id),
        title: item.title,
        // Only page keys that are web addresses are links; others ("intranet:…") are keys, not places.
        url: item.url && /^https?:\/\//i.test(item.url) ? item.url : null,
        at: isoString(item.at),
      })),
    }));
}

/**
 * Words of a question searched in the text of posts, events and profiles: each costs a match per candidate
 * row, so a pasted paragraph is cut to its first words rather than slowing everyone's searches.
 */
const MAX_WORDS = 12;

/**
 * Candidates per matched skill, by standing (migration 012). The pool tempering draws from is 60, so a
 * hundred-odd leave room for the decay at request time and for the viewer's rights reordering them.
 */
const CANDIDATES_PER_SKILL = 120;
/**
 * Members found through the question's words, per source (profiles, events, posts), newest first. 50
 * rather than 100 (decision 0195, second round): the same top five for all 50 bench questions at x10
 * and x100 and the same quality on the labelled set, 13% fewer buffers per ranking at x100.
 */
const CANDIDATES_PER_WORD_SOURCE = 50;
/**
 * Members of the pool whose events and posts are searched for the question's words (evidence-sql.ts):
 * three per place asked for, and at least fifteen.
 */
const WORD_SHORTLIST_PER_PLACE = 3;
const MIN_WORD_SHORTLIST = 15;

export async function rankExperts(db: Queryable, request: RankRequest, taxonomy?: TaxonomySkill[]): Promise<RankResult> {
  const topics = matchSkills(request.q, taxonomy ?? (await loadTaxonomy(db)));
  const words = searchWords(request.q).slice(0, MAX_WORDS);
  if (topics.length === 0 && words.length === 0) return { topics, experts: [] };
  const queries = await textQueries(db, topics, words);
  if (!queries.any) return { topics, experts: [] };
  const { weights } = request;
  // Candidates first (best standings per skill, a bounded number of word matches): the ranking then
  // gathers evidence for a few hundred members instead of every post on a popular topic.
  const { rows: candidates } = await db.query<{ ids: string[] }>(CANDIDATES_SQL, [
    topics.map((topic) => topic.id),
    queries.any,
    request.communityId,
    CANDIDATES_PER_SKILL,
    CANDIDATES_PER_WORD_SOURCE,
    Math.max(request.limit, Math.round(weights.candidatePool)),
  ]);
  const { rows } = await db.query<RankRow>(RANK_SQL, [
    topics.map((topic) => topic.id),
    topics.map((topic) => topic.strength),
    queries.perSkill.map((q) => q || "''"),
    queries.perWord,
    queries.any,
    request.viewerId,
    request.communityId,
    (request.now ?? new Date()).toISOString(),
    [...EVIDENCE_KINDS],
    EVIDENCE_KINDS.map((kind) => kindWeight(weights, kind)),
    Math.max(1, weights.halfLifeDays),
    Math.max(1, weights.endorsementHalfLifeDays),
    Math.max(request.limit, Math.round(weights.candidatePool)),
    weights.limitedAvailability,
    weights.freeLoad,
    weights.loadPenalty,
    Math.round(weights.loadWindowDays),
    request.limit,
    candidates[0]?.ids ?? [],
    Math.max(request.limit, WORD_SHORTLIST_PER_PLACE * request.limit, MIN_WORD_SHORTLIST),
    queries.raising,
  ]);
  return {
    topics,
    experts: rows.map((row) => ({
      id: row.id,
      score: row.score,
      raw: row.raw,
      availabilityFactor: row.availability_factor,
      loadFactor: row.load_factor,
      recentContributions: row.recent,
      evidence: toEvidence(row.evidence ?? [], weights),
    })),
  };
}
