import type { CatalogueOf } from '../../../i18n/types.js';
import type { ReportMessages } from './en.js';

const fr: CatalogueOf<ReportMessages> = {
  'reports.title': 'Signalements à examiner dans cette communauté',
  'reports.empty': 'Aucun signalement en attente. Rien ne demande votre attention.',
  'reports.postBy': 'Message de {name}',
  'reports.here': 'dans cette discussion',
  'reports.in': 'dans « {title} »',
  'reports.hidden': 'Masqué',
  'reports.deleted': 'Supprimé par son auteur',
  'reports.reportedBy': 'Signalé par {name}',
  'reports.count': '{count, plural, one {# signalement en attente sur ce message} other {# signalements en attente sur ce message}}',
  'reports.decide': 'Décision sur le message de {name}',
  'reports.hide': 'Masquer le message',
  'reports.dismiss': 'Classer le signalement',
  'reports.keepHidden': 'Laisser masqué',
  'reports.restore': 'Rétablir le message',
  'reports.close': 'Clore le signalement',
  'reports.doneHidden': 'Le message est masqué et ses signalements sont clos.',
  'reports.doneRestored': 'Le message est de nouveau visible et ses signalements sont clos.',
  'reports.doneDismissed': 'Signalements classés : le message reste tel quel.',
  'reports.alreadyResolved': 'Un autre animateur a déjà traité ce signalement.',
  'reports.loadMore': 'Afficher plus de signalements',
};

export default fr;
