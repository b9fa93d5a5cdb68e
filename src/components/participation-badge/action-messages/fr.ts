import type { CatalogueOf } from '../../../i18n/types.js';
import type { ActionMessages } from './en.js';

const fr: CatalogueOf<ActionMessages> = {
  'actions.title': 'Ce qui vous attend',
  'actions.allClear': 'Rien ne demande votre attention pour le moment.',
  'actions.questions': '{count, plural, one {# question sans réponse} other {# questions sans réponse}}',
  'actions.newcomers': '{count, plural, one {# nouveau membre pas encore accueilli} other {# nouveaux membres pas encore accueillis}}',
  'actions.quiet': '{count, plural, one {# membre devenu silencieux} other {# membres devenus silencieux}}',
  'actions.reports': '{count, plural, one {# signalement ouvert} other {# signalements ouverts}}',
  'actions.hostless': '{count, plural, one {# événement sans organisateur} other {# événements sans organisateur}}',
  'actions.askedBy': 'posée {time} par {name}',
  'actions.asked': 'posée {time}',
  'actions.joined': 'arrivé·e {time}',
  'actions.lastActive': 'dernière activité {time}, {count, plural, one {# contribution avant} other {# contributions avant}}',
  'actions.reported': 'signalé {time} : « {reason} »',
  'actions.starts': 'commence le {date}',
  'actions.welcome': 'Accueillir',
  'actions.welcomeName': 'Accueillir {name}',
  'actions.welcomed': 'Accueilli·e',
  'actions.welcomedName': '{name} est marqué·e comme accueilli·e.',
  'actions.formerMember': 'Ancien membre',
};

export default fr;
