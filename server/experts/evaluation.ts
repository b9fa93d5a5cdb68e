/**
 * The labelled evaluation set and its scoring: the seed's planted ground truth (one "Who can help with
 * …?" question per topic and language) plus the hand-written questions of labelled-queries.ts, whose
 * experts are the same planted ones. A planted expert the finder must not list (opted out, unavailable)
 * is no longer a right answer, nor is one an anonymous viewer cannot see (a member only of members-only
 * communities): the set is scored as an anonymous viewer. A question left with none is skipped and
 * reported, not scored.
 */
import type { Queryable } from '../db/index.ts';
import { HAND_WRITTEN_QUERIES } from './labelled-queries.ts';
import { mean, scoreRanking, type Scores } from './metrics.ts';

export interface LabelledQuery {
  source: 'seed' | 'hand-written';
  language: string;
  topic: string;
  query: string;
  relevant: ReadonlySet<string>;
}

export interface LabelledSet {
  queries: LabelledQuery[];
  skipped: { query: string; topic: string; reason: string }[];
}

export async function loadLabelledSet(db: Queryable): Promise<LabelledSet> {
  const { rows } = await db.query<{ topic: string; language: string; query: string; eligible: string[]; planted: number }>(
    `select g.topic, g.language, g.query, cardinality(g.expected_member_ids) as planted,
       coalesce((select array_agg(m.id::text order by m.id) from members m
                 where m.id = any(g.expected_member_ids) and not m.directory_opt_out and m.availability <> 'unavailable'
                   and exists (select 1 from memberships f join communities c on c.id = f.community_id
                               where f.member_id = m.id and c.visibility = 'public')), '{}') as eligible
     from seed_ground_truth g order by g.topic, g.language`,
  );
  const byTopic = new Map(rows.map((row) => [row.topic, row]));
  const queries: LabelledQuery[] = [];
  const skipped: LabelledSet['skipped'] = [];
  const add = (source: LabelledQuery['source'], language: string, topic: string, query: string) => {
    const truth = byTopic.get(topic);
    if (!truth) skipped.push({ query, topic, reason: 'no planted experts for this topic' });
    else if (truth.eligible.length === 0)
      skipped.push({
        query,
        topic,
        reason: `none of the ${truth.planted} planted experts may be listed (unavailable, opted out or members-only)`,
      });
    else queries.push({ source, language, topic, query, relevant: new Set(truth.eligible) });
  };
  for (const row of rows) add('seed', row.language, row.topic, row.query);
  for (const hand of HAND_WRITTEN_QUERIES) add('hand-written', hand.language, hand.topic, hand.query);
  return { queries, skipped };
}

export interface Evaluation {
  overall: Scores;
  bySource: Record<string, Scores>;
  byLanguage: Record<string, Scores>;
  perQuery: (Scores & { query: string; ranked: string[] })[];
}

/** Runs `rank` (ids, best first) on every labelled question and averages the scores. */
export async function evaluate(set: LabelledSet, rank: (query: LabelledQuery) => Promise<string[]>): Promise<Evaluation> {
  const perQuery: Evaluation['perQuery'] = [];
  const groups = { source: new Map<string, Scores[]>(), language: new Map<string, Scores[]>() };
  const addTo = (map: Map<string, Scores[]>, key: string, scores: Scores) => map.set(key, [...(map.get(key) ?? []), scores]);
  for (const query of set.queries) {
    const ranked = await rank(query);
    const scores = scoreRanking(ranked, query.relevant);
    perQuery.push({ query: query.query, ranked, ...scores });
    addTo(groups.source, query.source, scores);
    addTo(groups.language, query.language, scores);
  }
  const means = (map: Map<string, Scores[]>) => Object.fromEntries([...map].map(([name, scores]) => [name, mean(scores)]));
  return {
    overall: mean(perQuery),
    bySource: means(groups.source),
    byLanguage: means(groups.language),
    perQuery,
  };
}
