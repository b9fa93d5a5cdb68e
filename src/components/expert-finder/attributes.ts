import { linkPattern, range, slug } from '../../validation/attributes.js';

export const DEFAULT_LIMIT = 5;

/**
 * What a site editor can paste, checked in this order before anything is requested. Link patterns follow
 * the one URL rule (relative or http(s)), so a pasted `javascript:` pattern can never become a link.
 */
export const ATTRIBUTES = {
  community: slug('water'),
  limit: range(1, 50),
  'ask-url': linkPattern('/ask?to={id}&q={query}'),
  'thread-url': linkPattern('/forum#thread={id}'),
  'event-url': linkPattern('/events#event={id}'),
  'profile-url': linkPattern('/people#members.member={id}'),
};
