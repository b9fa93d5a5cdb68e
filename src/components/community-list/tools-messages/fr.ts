import type { CatalogueOf } from '../../../i18n/types.js';
import type { ToolMessages } from './en.js';

const fr: CatalogueOf<ToolMessages> = {
  'tools.label': 'Outils d’animation pour {name}',
  'tools.create': 'Nouveau sous-groupe',
  'tools.name': 'Nom',
  'tools.slug': 'Adresse',
  'tools.slugHint': 'Lettres minuscules, chiffres et tirets, par ex. qualite-eau. Laissée vide, elle est tirée du nom.',
  'tools.purpose': 'Objet',
  'tools.visibility': 'Qui peut le lire',
  'tools.public': 'Tout le monde',
  'tools.members': 'Les membres seulement',
  'tools.submit': 'Ouvrir le sous-groupe',
  'tools.cancel': 'Annuler',
  'tools.nameError': 'Donnez un nom au groupe.',
  'tools.slugError': 'Utilisez des lettres minuscules, des chiffres et des tirets, en commençant par une lettre ou un chiffre.',
  'tools.slugTaken': 'Cette adresse est déjà prise : choisissez-en une autre.',
  'tools.created': '{name} est ouvert et vous en êtes l’animateur.',
  'tools.newState': 'État',
  'tools.apply': 'Changer l’état',
  'tools.reopen': 'Rouvrir',
  'tools.changed': '{name} est maintenant : {state}.',
  'tools.close': 'Fermer…',
  'tools.closeTitle': 'Fermer {name} ?',
  'tools.closeText':
    'Il devient une archive en lecture seule, toujours trouvable parmi les groupes fermés. Ses membres qui ne sont pas encore membres de la communauté mère en deviennent membres.',
  'tools.closeTop': 'Il devient une archive en lecture seule, toujours trouvable parmi les groupes fermés.',
  'tools.confirmClose': 'Fermer le groupe',
  'tools.closed':
    '{name} est fermé. {count, plural, =0 {Ses membres étaient déjà dans la communauté mère.} one {# membre a rejoint la communauté mère.} other {# membres ont rejoint la communauté mère.}}',
  'tools.requests': '{count, plural, one {# demande d’adhésion} other {# demandes d’adhésion}}',
  'tools.noRequests': 'Aucune demande en attente.',
  'tools.approve': 'Accepter',
  'tools.decline': 'Refuser',
  'tools.approved': '{name} est maintenant membre.',
  'tools.declined': 'Vous avez refusé la demande de {name}.',
  'tools.invite': 'Inviter un membre',
  'tools.search': 'Nom, compétence ou organisation',
  'tools.find': 'Rechercher',
  'tools.inviteOne': 'Inviter',
  'tools.invited': '{name} est invité·e : il ou elle accepte en rejoignant le groupe.',
  'tools.letIn': '{name} avait demandé à rejoindre et est maintenant membre.',
  'tools.already': '{name} est déjà membre.',
  'tools.noneFound': 'Personne trouvé.',
  'tools.former': 'Ancien membre',
};

export default fr;
