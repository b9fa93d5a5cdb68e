/**
 * Every weight of the expert ranking, with its reason. A deployment overrides any of them with the
 * `GROVE_EXPERT_WEIGHTS` environment variable (JSON, e.g. `{"acceptedAnswer": 4, "halfLifeDays": 180}`);
 * docs/decisions/0060-expert-finder-ranking.md explains the model and how the defaults were measured.
 *
 * A member's score is the sum over kinds of evidence of `weight × ln(1 + mass)`, where the mass of a kind
 * adds up its items' relevance to the question times their decay with age. The logarithm gives
 * diminishing returns: the tenth answer adds less than the first, so prolific posters do not drown
 * everyone else. The sum is then tempered by availability and recent load.
 */
import { EVIDENCE_KINDS, type EvidenceKind } from '../contract/experts.ts';

export interface ExpertWeights {
  /** An answer the asker accepted: the strongest sign that someone can help on the topic. */
  acceptedAnswer: number;
  /** An answer to someone else's question (not accepted, or not yet). */
  answer: number;
  /** Any other post: opening a discussion or a reply in one. Shows interest more than expertise. */
  post: number;
  /** An event (webinar, workshop, peer assist) the member organised on the topic. */
  eventLed: number;
  /** Other members vouching for the skill; each endorsement is an item, so many weigh more than one. */
  endorsement: number;
  /** The member's own statement, scaled by the declared level (4, expert, counts in full). */
  declaredSkill: number;
  /** Words of the question in the member's practice or biography. */
  profile: number;
  /** Days after which a post, answer or event counts half as much (expertise decays, Starmind). */
  halfLifeDays: number;
  /** Endorsements decay more slowly: they say what someone knows, not what they did lately. */
  endorsementHalfLifeDays: number;
  /** Multiplier for members whose availability is `limited` (`unavailable` members are never listed). */
  limitedAvailability: number;
  /** Answers and posts in the last `loadWindowDays` that cost nothing... */
  freeLoad: number;
  /** ...and the share of score each one beyond them costs: the busiest few are spared more questions. */
  loadPenalty: number;
  loadWindowDays: number;
  /** Candidates (best raw score first) that the availability and load tempering is applied to. */
  candidatePool: number;
}

export const DEFAULT_WEIGHTS: Readonly<ExpertWeights> = Object.freeze({
  acceptedAnswer: 3,
  answer: 1.5,
  post: 0.5,
  eventLed: 2,
  endorsement: 1,
  declaredSkill: 1,
  profile: 0.5,
  halfLifeDays: 365,
  endorsementHalfLifeDays: 730,
  limitedAvailability: 0.8,
  freeLoad: 8,
  loadPenalty: 0.03,
  loadWindowDays: 30,
  candidatePool: 60,
});

/** The kinds of evidence, each with the weight that applies to it. */
export { EVIDENCE_KINDS, type EvidenceKind };

export function kindWeight(weights: ExpertWeights, kind: EvidenceKind): number {
  switch (kind) {
    case 'accepted-answer':
      return weights.acceptedAnswer;
    case 'answer':
      return weights.answer;
    case 'post':
      return weights.post;
    case 'event-led':
      return weights.eventLed;
    case 'endorsement':
      return weights.endorsement;
    case 'declared-skill':
      return weights.declaredSkill;
    case 'profile':
      return weights.profile;
  }
}

/**
 * The defaults overridden by a JSON object of numbers (unknown keys and non-positive or non-numeric
 * values are refused, so a typo in a deployment's configuration fails at start, not silently).
 */
export function parseWeights(json: string | undefined): ExpertWeights {
  if (!json?.trim()) return { ...DEFAULT_WEIGHTS };
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('GROVE_EXPERT_WEIGHTS must be a JSON object');
  const weights: ExpertWeights = { ...DEFAULT_WEIGHTS };
  for (const [key, value] of Object.entries(parsed)) {
    if (!Object.hasOwn(DEFAULT_WEIGHTS, key)) throw new Error(`GROVE_EXPERT_WEIGHTS: unknown weight "${key}"`);
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
      throw new Error(`GROVE_EXPERT_WEIGHTS: "${key}" must be a number >= 0`);
    weights[key as keyof ExpertWeights] = value;
  }
  return weights;
}
