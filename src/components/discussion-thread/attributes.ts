import { id, linkPattern, oneOf, range, slug } from '../../validation/attributes.js';

export const ORDERS = ['oldest', 'newest'] as const;

/** What a site editor can paste, checked in this order before any request. */
export const ATTRIBUTES = {
  thread: id,
  community: slug('water'),
  order: oneOf(ORDERS),
  'page-size': range(1, 100),
  'profile-url': linkPattern('/people#members.member={id}'),
};

/** The contract's limit on a thread title, in characters (code points). */
const TITLE_LENGTH = 200;

/**
 * The title a first post gives its new thread: the editor's `title`, else the page's, else `fallback`,
 * cut to what the server accepts. A CMS page title can be long or empty, and a post refused for its
 * thread's title would be a post the user cannot fix.
 */
export function newThreadTitle(title: string, pageTitle: string, fallback: string): string {
  const chosen = [title, pageTitle, fallback].map((candidate) => candidate.trim()).find((candidate) => candidate !== '') ?? fallback;
  return Array.from(chosen).slice(0, TITLE_LENGTH).join('').trim();
}
