import type { CatalogueOf } from '../../../i18n/types.js';
import type { ExpertMessages } from './en.js';

const fr: CatalogueOf<ExpertMessages> = {
  'experts.label': 'Trouver un expert',
  'experts.ask': 'Posez une question ou nommez un sujet',
  'experts.hint': 'Par exemple : qui peut aider sur l’irrigation goutte-à-goutte ?',
  'experts.submit': 'Trouver des experts',
  'experts.idle': 'Saisissez une question pour voir qui est le mieux placé pour aider, et pourquoi.',
  'experts.found': '{count, plural, =0 {Aucun expert trouvé} one {# expert trouvé} other {# experts trouvés}}',
  'experts.empty': 'Personne ne correspond encore à cette question. Essayez un sujet plus large ou un autre mot.',
  'experts.topics': 'Sujets reconnus : {topics}',
  'experts.why': 'Pourquoi {name}',
  'experts.availability.open': 'Ouvert·e aux questions',
  'experts.availability.limited': 'Peu de temps pour les questions',
  'experts.speaks': 'Parle {languages}',
  'experts.localTime': '{time}, heure locale',
  'experts.busy':
    '{count, plural, one {# contribution} other {# contributions}} ces 30 derniers jours : d’autres répondront peut-être plus vite',
  'experts.askAction': 'Contacter {name}',
  'experts.noContact': 'Aucun moyen de contact partagé avec vous',
  'experts.thisQuestion': 'cette question',
  'experts.evidence.accepted-answer': '{count, plural, one {# réponse acceptée} other {# réponses acceptées}} sur {topic}',
  'experts.evidence.answer': '{count, plural, one {# réponse} other {# réponses}} sur {topic}',
  'experts.evidence.post': '{count, plural, one {# message} other {# messages}} sur {topic}',
  'experts.evidence.event-led': 'A animé {count, plural, one {# événement} other {# événements}} sur {topic}',
  'experts.evidence.endorsement': 'Recommandé·e pour {topic} {count, plural, one {une fois} other {# fois}}',
  'experts.evidence.declared-skill': 'Déclare la compétence {topic}',
  'experts.evidence.profile': 'Le profil mentionne {topic}',
};

export default fr;
