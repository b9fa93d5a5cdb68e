/**
 * Hand-written questions for the expert-finder evaluation, as members would type them: synonyms rather
 * than taxonomy labels, inflected and misspelt words, extra context, in all four languages. Each names the planted
 * topic whose experts (recorded by the seed generator in `seed_ground_truth`) are the right answer; the
 * seed's own "Who can help with <label>?" queries are the other half of the labelled set.
 */
export interface HandWrittenQuery {
  language: 'en' | 'fr' | 'es' | 'ar';
  query: string;
  topic: string;
}

export const HAND_WRITTEN_QUERIES: readonly HandWrittenQuery[] = [
  { language: 'en', query: 'Micro-irrigation for smallholder vegetable plots: where do we start?', topic: 'drip-irrigation' },
  { language: 'en', query: 'Our drip irrigation kits keep clogging after one season', topic: 'drip-irrigation' },
  { language: 'en', query: 'Improving soil fertility after three dry seasons', topic: 'soil-health' },
  { language: 'en', query: 'Setting up an M&E framework with indicators we can actually collect', topic: 'monitoring-evaluation' },
  { language: 'en', query: 'gender mainstreaming in a rural water project', topic: 'gender-analysis' },
  { language: 'en', query: 'knowledge exchange between country teams', topic: 'knowledge-sharing' },
  { language: 'en', query: 'Building resilience of farming households to a changing climate', topic: 'climate-adaptation' },
  { language: 'en', query: 'water harvesting ponds for dry-season gardens', topic: 'rainwater-harvesting' },
  { language: 'en', query: 'making compost from crop residues', topic: 'composting' },
  { language: 'fr', query: 'Comment améliorer la fertilité des sols sableux ?', topic: 'soil-health' },
  { language: 'fr', query: 'Quelqu’un connaît le goutte à goutte pour le maraîchage ?', topic: 'drip-irrigation' },
  { language: 'fr', query: 'Je cherche des conseils en suivi-évaluation pour un projet pilote', topic: 'monitoring-evaluation' },
  { language: 'fr', query: 'La résilience des ménages face à la sécheresse', topic: 'climate-adaptation' },
  { language: 'fr', query: 'Analyse de genre dans les projets agricoles', topic: 'gender-analysis' },
  { language: 'fr', query: 'Capitalisation des expériences d’un programme', topic: 'knowledge-sharing' },
  { language: 'fr', query: 'Fabriquer du compost avec la matière organique de la ferme', topic: 'composting' },
  { language: 'es', query: '¿Alguien sabe de riego localizado en laderas?', topic: 'drip-irrigation' },
  { language: 'es', query: 'Fertilidad del suelo en la sierra', topic: 'soil-health' },
  { language: 'es', query: 'Cosecha de agua para pequeños productores', topic: 'rainwater-harvesting' },
  { language: 'es', query: 'Seguimiento y evaluación de proyectos comunitarios', topic: 'monitoring-evaluation' },
  { language: 'es', query: 'Resiliencia de las comunidades ante el cambio climático', topic: 'climate-adaptation' },
  { language: 'es', query: 'Necesito ayuda con abono orgánico', topic: 'composting' },
  { language: 'ar', query: 'أبحث عن خبير في الري بالتنقيط للمزارع الصغيرة', topic: 'drip-irrigation' },
  { language: 'ar', query: 'كيف نحسّن صحة التربة؟', topic: 'soil-health' },
  { language: 'ar', query: 'الرصد والتقييم للمشاريع المجتمعية', topic: 'monitoring-evaluation' },
  { language: 'ar', query: 'تحليل النوع الاجتماعي في برامج المياه', topic: 'gender-analysis' },
  { language: 'ar', query: 'تبادل المعرفة بين الفرق', topic: 'knowledge-sharing' },
  { language: 'ar', query: 'حصاد مياه الأمطار في المناطق الجافة', topic: 'rainwater-harvesting' },
  // Typos, as typed on a phone.
  { language: 'en', query: 'Who can help with drip irigation?', topic: 'drip-irrigation' },
  { language: 'fr', query: 'Qui connaît le compostge ?', topic: 'composting' },
  { language: 'es', query: 'Ayuda con monitoreo y evaluacoin', topic: 'monitoring-evaluation' },
  { language: 'ar', query: 'خبير في الري بالتنقيظ', topic: 'drip-irrigation' },
];
