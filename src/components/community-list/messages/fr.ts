import type { CatalogueOf } from '../../../i18n/types.js';
import type { Messages } from './en.js';

const fr: CatalogueOf<Messages> = {
  'list.label': 'Communautés',
  'list.subgroups': 'Groupes de {name}',
  'list.empty': 'Aucun groupe ouvert pour l’instant.',
  'list.state': '{state, select, forming {En formation} active {Active} dormant {En sommeil} closed {Fermée} other {{state}}}',
  'list.membersOnly': 'Réservée aux membres',
  'list.members': '{count, plural, one {# membre} other {# membres}}',
  'list.activity': '{count, plural, =0 {Aucun message en 30 jours} one {# message en 30 jours} other {# messages en 30 jours}}',
  'list.lastPost': 'Dernier message le {date}',
  'list.facilitators': 'Animée par {names}',
  'list.former': 'Ancien membre',
  'list.join': 'Rejoindre',
  'list.leave': 'Quitter',
  'list.request': 'Demander à rejoindre',
  'list.accept': 'Accepter l’invitation',
  'list.withdraw': 'Retirer la demande',
  'list.pending': 'Demande envoyée',
  'list.joined': 'Vous avez rejoint {name}.',
  'list.left': 'Vous avez quitté {name}.',
  'list.requested': 'Votre demande pour rejoindre {name} a été transmise à ses animateurs.',
  'list.withdrawn': 'Vous avez retiré votre demande pour rejoindre {name}.',
  'list.archive': 'Groupes fermés (archives)',
  'list.archiveEmpty': 'Aucun groupe fermé.',
  'list.closedOn': 'Fermé le {date} : archive en lecture seule.',
  'list.more': 'Afficher plus',
};

export default fr;
