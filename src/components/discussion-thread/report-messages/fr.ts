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
  'held.title': 'Messages en attente de validation',
  'held.setting':
    '{count, plural, one {Le premier message d’un membre dans cette communauté attend un·e facilitateur·rice.} other {Les # premiers messages d’un membre dans cette communauté attendent un·e facilitateur·rice.}}',
  'held.off': 'La prémodération est désactivée : les nouveaux messages sont publiés aussitôt.',
  'held.empty': 'Aucun message n’attend de validation.',
  'held.decide': 'Décision sur le message de {name}',
  'held.approve': 'Valider et publier',
  'held.reject': 'Refuser',
  'held.approved': 'Le message est publié.',
  'held.rejected': 'Le message a été refusé : seuls les facilitateurs le voient.',
  'held.alreadyDecided': 'Un·e autre facilitateur·rice a déjà décidé pour ce message.',
  'held.loadMore': 'Afficher plus de messages en attente',
  'held.formerMember': 'Ancien membre',
};

export default fr;
