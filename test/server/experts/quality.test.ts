import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Database } from '../../../server/db/index.ts';
import { openTestDatabase } from '../../../server/seed/testing.ts';
import { rankByDeclaredSkills } from '../../../server/experts/baseline.ts';
import { evaluate, loadLabelledSet } from '../../../server/experts/evaluation.ts';
import { loadTaxonomy, rankExperts } from '../../../server/experts/ranker.ts';
import { DEFAULT_WEIGHTS } from '../../../server/experts/weights.ts';

let db: Database;
before(async () => {
  db = await openTestDatabase();
});
after(async () => db.close());

test('on the demo network, the ranker meets the issue targets on the labelled set (bench/experts measures capacity4dev)', async () => {
  const taxonomy = await loadTaxonomy(db);
  const set = await loadLabelledSet(db);
  assert.ok(set.queries.length >= 40, `labelled questions: ${set.queries.length}`);
  assert.ok(['en', 'fr', 'es', 'ar'].every((lang) => set.queries.some((q) => q.language === lang && q.source === 'hand-written')));
  const ranker = await evaluate(set, async (query) =>
    (
      await rankExperts(db, { q: query.query, viewerId: null, communityId: null, limit: 10, weights: DEFAULT_WEIGHTS }, taxonomy)
    ).experts.map((e) => e.id),
  );
  const baseline = await evaluate(set, (query) => rankByDeclaredSkills(db, { q: query.query, viewerId: null, limit: 10 }, taxonomy));
  const summary = `ranker ${JSON.stringify(ranker.overall)}, baseline ${JSON.stringify(baseline.overall)}`;
  assert.ok(ranker.overall.ndcg10 >= 0.85, summary);
  assert.ok(ranker.overall.ndcg10 >= 1.2 * baseline.overall.ndcg10, summary);
  for (const [language, scores] of Object.entries(ranker.byLanguage)) assert.ok(scores.ndcg10 >= 0.85, `${language}: ${summary}`);
});
