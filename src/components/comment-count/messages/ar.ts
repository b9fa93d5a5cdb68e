import type { CatalogueOf } from '../../../i18n/types.js';
import type { CountMessages } from './en.js';

const ar: CatalogueOf<CountMessages> = {
  'count.label': '{count, plural, =0 {لا تعليقات} one {تعليق واحد} two {تعليقان} few {# تعليقات} many {# تعليقًا} other {# تعليق}}',
};

export default ar;
