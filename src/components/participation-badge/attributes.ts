import { id, linkPattern, oneOf, slug } from '../../validation/attributes.js';

export const VARIANTS = ['inline', 'card'] as const;
export type Variant = (typeof VARIANTS)[number];

/** What a site editor can paste, checked in this order; `member` or `community` must be set. */
export const ATTRIBUTES = {
  member: id,
  community: slug('water'),
  variant: oneOf(VARIANTS),
  'profile-url': linkPattern('/people#members.member={id}'),
  'event-url': linkPattern('/events#calendar.date={date}'),
};
export const REQUIRED = ['member', 'community'];
