/**
 * What people type into the directory, taken from the seeded data so every network size gets terms that
 * exist in it: first and last names, skills, organisations and practices, plus the misspellings and
 * missing accents the search has to tolerate. Deterministic (ordered by a hash of the id).
 */
import type { Queryable } from '../../server/db/index.ts';

/** Drops the second letter: "Amina" -> "Aina", a typo the trigram search should still find. */
const typo = (word: string): string => (word.length > 4 ? word.slice(0, 1) + word.slice(2) : word);
const unaccented = (word: string): string => word.normalize('NFD').replace(/\p{M}/gu, '');

export async function searchTerms(db: Queryable, count = 24): Promise<string[]> {
  const names = await db.query<{ name: string; organisation: string; practice: string }>(
    `select name, organisation, practice from members where not directory_opt_out order by md5(id::text) limit $1`,
    [count],
  );
  const skills = await db.query<{ label: string }>(`select labels->>'en' as label from skills order by md5(slug) limit $1`, [count / 4]);
  const terms = new Set<string>();
  for (const [index, row] of names.rows.entries()) {
    const words = row.name.split(/\s+/);
    const word = index % 2 ? (words.at(-1) ?? row.name) : (words[0] ?? row.name);
    terms.add(index % 3 === 2 ? typo(word) : index % 5 === 4 ? unaccented(word) : word);
    if (index % 4 === 0 && row.organisation) terms.add(row.organisation.split(/\s+/)[0] ?? row.organisation);
    if (index % 6 === 0 && row.practice) terms.add(row.practice);
  }
  for (const { label } of skills.rows) if (label) terms.add(label.toLowerCase());
  return [...terms].filter((term) => term.length >= 3);
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** The requests a search-as-you-type box sends while `term` is typed: one per prefix of 3 characters or more. */
export function prefixes(term: string): string[] {
  const chars = Array.from(graphemes.segment(term), ({ segment }) => segment);
  return chars.slice(2).map((_, index) => chars.slice(0, index + 3).join(''));
}

/** The first-page request the widget sends for a query (the same parameters as src/components/member-directory). */
export function membersPath(query: string, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ lang: 'en', limit: '24', q: query, ...extra, facets: 'true' });
  return `/api/v1/members?${params.toString()}`;
}
