import type { CatalogueOf } from '../../../i18n/types.js';
import type { CountMessages } from './en.js';

const fr: CatalogueOf<CountMessages> = {
  'count.label': '{count, plural, =0 {Aucun commentaire} one {# commentaire} other {# commentaires}}',
};

export default fr;
