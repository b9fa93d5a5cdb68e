/**
 * Expert questions worded as people ask them, which nobody tuned the ranking for (decision 0195, third
 * round): single words that name topics only in part ("irrigation" is half of "drip irrigation"), words
 * nobody wrote ("rice"), whole sentences, and the same in French, Spanish and Arabic. The bench's own
 * questions ("Who can help with <skill>?") each name one topic whole.
 */
export const UNTUNED_QUESTIONS = [
  'irrigation',
  'Who can help with irrigation?',
  'water',
  'climate',
  'rice',
  'How do I run a workshop?',
  'soil',
  'funding proposals',
  'évaluation',
  'gestion de l’eau',
  'agua',
  'riego',
  'suelo',
  'الري',
  'المياه',
  'community facilitation',
];
