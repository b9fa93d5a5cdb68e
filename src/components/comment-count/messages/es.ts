import type { CatalogueOf } from '../../../i18n/types.js';
import type { CountMessages } from './en.js';

const es: CatalogueOf<CountMessages> = {
  'count.label': '{count, plural, =0 {Sin comentarios} one {# comentario} other {# comentarios}}',
};

export default es;
