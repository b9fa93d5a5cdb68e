import { slug } from '../../validation/attributes.js';

/** What a site editor can paste, checked in this order (src/validation/attributes.ts). */
export const ATTRIBUTES = {
  community: slug('water'),
};
