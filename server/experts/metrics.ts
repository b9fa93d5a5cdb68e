/**
 * Ranking quality with binary relevance (a member is an expert on the topic or not), as in the TREC
 * Enterprise expert-search task. `ranked` is the ranker's list, best first; `relevant` the ground truth.
 */

/** Normalised discounted cumulative gain at `k`: 1 when every expert fills the top of the list. */
export function ndcgAt(k: number, ranked: readonly string[], relevant: ReadonlySet<string>): number {
  const ideal = Math.min(k, relevant.size);
  if (ideal === 0) return 0;
  let dcg = 0;
  ranked.slice(0, k).forEach((id, index) => {
    if (relevant.has(id)) dcg += 1 / Math.log2(index + 2);
  });
  let idcg = 0;
  for (let index = 0; index < ideal; index++) idcg += 1 / Math.log2(index + 2);
  return dcg / idcg;
}

/** Share of the first `k` places held by experts (at most |relevant| / k when there are fewer than k). */
export function precisionAt(k: number, ranked: readonly string[], relevant: ReadonlySet<string>): number {
  return ranked.slice(0, k).filter((id) => relevant.has(id)).length / k;
}

/** 1 / rank of the first expert; 0 when none is listed. */
export function reciprocalRank(ranked: readonly string[], relevant: ReadonlySet<string>): number {
  const index = ranked.findIndex((id) => relevant.has(id));
  return index < 0 ? 0 : 1 / (index + 1);
}

export interface Scores {
  ndcg10: number;
  p5: number;
  mrr: number;
}

export function scoreRanking(ranked: readonly string[], relevant: ReadonlySet<string>): Scores {
  return { ndcg10: ndcgAt(10, ranked, relevant), p5: precisionAt(5, ranked, relevant), mrr: reciprocalRank(ranked, relevant) };
}

export function mean(scores: readonly Scores[]): Scores {
  const n = scores.length || 1;
  const sum = (pick: (s: Scores) => number) => scores.reduce((total, s) => total + pick(s), 0) / n;
  return { ndcg10: sum((s) => s.ndcg10), p5: sum((s) => s.p5), mrr: sum((s) => s.mrr) };
}
