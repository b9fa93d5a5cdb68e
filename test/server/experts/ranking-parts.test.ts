import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ndcgAt, precisionAt, reciprocalRank, scoreRanking } from '../../../server/experts/metrics.ts';
import { matchSkills, type TaxonomySkill } from '../../../server/experts/skill-match.ts';
import { contentWords, normalise, sameWord, searchWords } from '../../../server/experts/text.ts';
import { DEFAULT_WEIGHTS, parseWeights } from '../../../server/experts/weights.ts';

const skill = (id: string, slug: string, labels: Record<string, string>, synonyms: string[] = []): TaxonomySkill => ({
  id,
  slug,
  labels,
  synonyms,
});
const TAXONOMY = [
  skill('1', 'drip-irrigation', { en: 'Drip irrigation', fr: 'Irrigation goutte-à-goutte', es: 'Riego por goteo', ar: 'الري بالتنقيط' }, [
    'micro-irrigation',
    'goutte à goutte',
  ]),
  skill('2', 'irrigation-scheduling', {
    en: 'Irrigation scheduling',
    fr: "Pilotage de l'irrigation",
    es: 'Programación del riego',
    ar: 'جدولة الري',
  }),
  skill(
    '3',
    'climate-adaptation',
    {
      en: 'Climate adaptation',
      fr: 'Adaptation au changement climatique',
      es: 'Adaptación al cambio climático',
      ar: 'التكيف مع تغير المناخ',
    },
    ['resilience', 'résilience'],
  ),
  skill('4', 'climate-finance', { en: 'Climate finance', fr: 'Finance climat', es: 'Financiamiento climático', ar: 'التمويل المناخي' }),
  skill(
    '5',
    'monitoring-evaluation',
    { en: 'Monitoring and evaluation', fr: 'Suivi et évaluation', es: 'Monitoreo y evaluación', ar: 'الرصد والتقييم' },
    ['m&e'],
  ),
];
const slugs = (question: string) => matchSkills(question, TAXONOMY).map((m) => `${m.slug}:${m.strength}`);

describe('question words', () => {
  test('drop the phrasing every question shares, in all four languages', () => {
    assert.deepEqual(contentWords('Who can help with drip irrigation?'), ['drip', 'irrigation']);
    assert.deepEqual(contentWords('Qui peut aider sur le compostage ?'), ['compostage']);
    assert.deepEqual(contentWords('¿Quién puede ayudar con riego por goteo?'), ['riego', 'goteo']);
    assert.deepEqual(contentWords('من يمكنه المساعدة في الري بالتنقيط؟'), ['ري', 'تنقيط'], 'article and preposition removed');
  });

  test('fold accents, case and Arabic letter variants, and keep the written form for the database', () => {
    assert.equal(normalise('Évaluation'), 'evaluation');
    assert.equal(normalise('مُساعَدة'), 'مساعده', 'diacritics and taa marbuta');
    assert.deepEqual(searchWords('Who knows Évaluation?'), ['évaluation']);
  });

  test('treat short inflections as the same word, but not unrelated prefixes', () => {
    assert.ok(sameWord('irrigation', 'irrigations'));
    assert.ok(sameWord('compost', 'composting'));
    assert.ok(!sameWord('soil', 'soils'), 'too short to be sure');
    assert.ok(!sameWord('climate', 'climatology'));
    assert.ok(!sameWord('pilot', 'pilotage'), 'a five-letter stem takes at most a two-letter ending');
  });

  test('forgive a typo in longer words only', () => {
    assert.ok(sameWord('irigation', 'irrigation'), 'one letter missing');
    assert.ok(sameWord('evaluacoin', 'evaluacion'), 'two edits from nine letters');
    assert.ok(sameWord('goteoo', 'goteo'));
    assert.ok(!sameWord('soil', 'sail'), 'short words must match exactly');
    assert.ok(!sameWord('gender', 'genre'), 'two edits apart in a six-letter word');
  });
});

describe('matching the taxonomy', () => {
  test('finds a skill through any language or synonym, with full strength', () => {
    for (const question of [
      'drip irrigation?',
      'irrigation goutte-à-goutte',
      'Riego por goteo',
      'الري بالتنقيط',
      'micro-irrigation for smallholders',
      'drip irigation',
    ]) {
      assert.equal(matchSkills(question, TAXONOMY)[0]?.slug, 'drip-irrigation', question);
      assert.equal(matchSkills(question, TAXONOMY)[0]?.strength, 1, question);
    }
    assert.deepEqual(slugs('Setting up M&E for a pilot'), ['monitoring-evaluation:1']);
  });

  test('keeps a half match only when no whole match explains its words', () => {
    assert.deepEqual(slugs('Who can help with climate adaptation?'), ['climate-adaptation:1'], 'not also climate finance');
    assert.deepEqual(slugs('irrigation'), ['drip-irrigation:0.25', 'irrigation-scheduling:0.25']);
    assert.deepEqual(slugs('resilience'), ['climate-adaptation:1']);
  });

  test('matches nothing in a question of stop words or unknown words', () => {
    assert.deepEqual(matchSkills('Who can help me?', TAXONOMY), []);
    assert.deepEqual(matchSkills('beekeeping', TAXONOMY), []);
  });
});

describe('weights', () => {
  test('default to the documented values and accept overrides', () => {
    assert.deepEqual(parseWeights(undefined), DEFAULT_WEIGHTS);
    assert.equal(parseWeights('{"acceptedAnswer": 5, "halfLifeDays": 90}').acceptedAnswer, 5);
  });

  test('refuse unknown names and bad values, so a typo fails at start', () => {
    assert.throws(() => parseWeights('{"acceptedAnswers": 5}'), /unknown weight "acceptedAnswers"/);
    assert.throws(() => parseWeights('{"post": -1}'), /"post" must be a number >= 0/);
    assert.throws(() => parseWeights('[1]'), /JSON object/);
  });
});

describe('ranking metrics', () => {
  const relevant = new Set(['a', 'b']);
  test('nDCG@10 is 1 for a perfect ranking and discounts later places', () => {
    assert.equal(ndcgAt(10, ['a', 'b', 'x'], relevant), 1);
    const late = ndcgAt(10, ['x', 'a', 'y', 'b'], relevant);
    assert.ok(Math.abs(late - (1 / Math.log2(3) + 1 / Math.log2(5)) / (1 + 1 / Math.log2(3))) < 1e-12, String(late));
    assert.equal(ndcgAt(10, ['x', 'y'], relevant), 0);
  });

  test('P@5 and MRR', () => {
    assert.equal(precisionAt(5, ['a', 'x', 'b', 'y', 'z', 'c'], relevant), 0.4);
    assert.equal(reciprocalRank(['x', 'y', 'b'], relevant), 1 / 3);
    assert.deepEqual(scoreRanking([], relevant), { ndcg10: 0, p5: 0, mrr: 0 });
  });
});
