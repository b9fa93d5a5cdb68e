import type { CatalogueOf } from '../types.js';
import type { CoreMessages } from './en.js';

const fr: CatalogueOf<CoreMessages> = {
  'core.loading': 'Chargement…',
  'core.stillLoading': 'Toujours en cours : c’est plus long que d’habitude.',
  'core.empty': 'Rien à afficher pour le moment.',
  'core.retry': 'Réessayer',
  'core.notConfigured':
    'Aucun serveur Grove n’est configuré pour ce widget : ajoutez un <grove-provider api=…> ou <meta name="grove-api">.',
  'core.invalidAttribute':
    'L’attribut {name} a une valeur non valide « {value} ». {hint, select, oneOf {Valeurs possibles : {values}.} example {Par exemple : {example}.} range {Indiquez un nombre entier de {min} à {max}.} other {}}',
  'core.missingAttribute': 'L’attribut {name} est obligatoire.',
  'core.notFoundAttribute': 'Rien ne s’appelle « {value} » (ou c’est réservé aux membres). Vérifiez l’attribut {name}.',
  'core.error.offline': 'Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.',
  'core.error.timeout': 'Le serveur a mis trop de temps à répondre. Réessayez.',
  'core.error.unauthorized': 'Votre session a expiré. Reconnectez-vous pour continuer.',
  'core.error.forbidden': 'Vous n’avez pas l’autorisation de faire cela.',
  'core.error.not-found': 'Introuvable. Cet élément a peut-être été supprimé.',
  'core.error.conflict': 'Quelqu’un l’a modifié entre-temps. Rechargez et réessayez.',
  'core.error.invalid': 'Certaines informations ne sont pas valides. Vérifiez les champs signalés.',
  'core.error.rate-limited': 'Trop de requêtes. Patientez un instant puis réessayez.',
  'core.error.unavailable': 'Le serveur est occupé ou en maintenance. Réessayez dans un instant.',
  'core.error.server': 'Une erreur est survenue sur le serveur. Réessayez plus tard.',
  'core.error.not-grove': 'L’adresse de l’attribut api ne répond pas comme un serveur Grove. Vérifiez l’attribut api.',
  'core.error.unknown': 'Une erreur est survenue. Réessayez.',
};

export default fr;
