/**
 * Which skills of the taxonomy a question is about. Every label (en, fr, es, ar) and synonym of a skill is
 * a term; a term matches by the share of its meaningful words found in the question. So a question in
 * Spanish finds the skill through its Spanish label, and its evidence written in French is then found
 * through the French label: the taxonomy is the bridge between languages.
 */
import { contentWords, sameWord, words } from './text.ts';

export interface TaxonomySkill {
  id: string;
  slug: string;
  labels: Record<string, string>;
  synonyms: string[];
}

export interface SkillMatch {
  id: string;
  slug: string;
  /** 1 when a whole label or synonym is in the question; the square of the matched share otherwise. */
  strength: number;
  /** The label or synonym that matched best, as written in the taxonomy. */
  term: string;
  /** Every label and synonym, for finding evidence written in any language. */
  terms: string[];
}

/** A partial match below this share of a term's words (e.g. 1 of 3) is noise, not a topic. */
const MIN_SHARE = 0.5;

function termMatch(term: string, question: readonly string[]): { strength: number; matched: string[] } {
  const termWords = contentWords(term);
  const matched = question.filter((asked) => termWords.some((word) => sameWord(word, asked)));
  const found = termWords.filter((word) => question.some((asked) => sameWord(word, asked))).length;
  const share = termWords.length ? found / termWords.length : 0;
  return share >= MIN_SHARE ? { strength: share * share, matched } : { strength: 0, matched: [] };
}

/**
 * The skills `question` is about, strongest first. The slug counts as a term ("drip-irrigation"). When
 * a label or synonym is in the question whole, partial matches are dropped: "gender mainstreaming in a
 * water project" is about gender analysis, not also half about water governance and project management
 * (its other words still count through the text of posts and profiles). Partial matches serve questions
 * that name no skill whole ("irrigation").
 */
export function matchSkills(question: string, taxonomy: readonly TaxonomySkill[]): SkillMatch[] {
  const asked = contentWords(question);
  if (asked.length === 0) return [];
  const matches: (SkillMatch & { matched: string[] })[] = [];
  for (const skill of taxonomy) {
    const terms = [...new Set([...Object.values(skill.labels), ...skill.synonyms])];
    let best = { strength: 0, term: '', matched: [] as string[] };
    for (const term of [...terms, words(skill.slug).join(' ')]) {
      const match = termMatch(term, asked);
      if (match.strength > best.strength) best = { ...match, term };
    }
    if (best.strength > 0)
      matches.push({ id: skill.id, slug: skill.slug, strength: best.strength, term: best.term, terms, matched: best.matched });
  }
  const whole = matches.filter((m) => m.strength === 1);
  return (whole.length ? whole : matches)
    .sort((a, b) => b.strength - a.strength || a.slug.localeCompare(b.slug))
    .map(({ matched: _matched, ...match }) => match);
}
