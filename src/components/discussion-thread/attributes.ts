/**
 * What a site editor can paste, checked before any request: a wrong value is named back to them in the
 * widget (translated) instead of turning into a confusing server error.
 */
export const ORDERS = ['oldest', 'newest'] as const;

export interface ThreadAttributes {
  thread: string;
  community: string;
  order: string;
  pageSize: string;
}

const CHECKS: readonly [name: string, read: (element: ThreadAttributes) => string, valid: (value: string) => boolean][] = [
  ['thread', (element) => element.thread, (value) => /^[1-9]\d{0,18}$/.test(value)],
  ['community', (element) => element.community, (value) => /^[a-z0-9][a-z0-9-]{0,62}$/.test(value)],
  ['order', (element) => element.order, (value) => (ORDERS as readonly string[]).includes(value)],
  ['page-size', (element) => element.pageSize, (value) => /^\d+$/.test(value) && +value >= 1 && +value <= 100],
];

/** The first attribute with an unusable value; empty means "not set" and is allowed. */
export function invalidAttribute(element: ThreadAttributes): { name: string; value: string } | undefined {
  for (const [name, read, valid] of CHECKS) {
    const value = read(element).trim();
    if (value !== '' && !valid(value)) return { name, value };
  }
  return undefined;
}

/**
 * The page key when the editor gave none: the page's canonical URL (what a CMS publishes as the page's
 * identity), else its address without the fragment, so `#comment-3` links share the page's thread.
 */
export function defaultPageKey(doc: Document = document): string {
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel~="canonical"][href]')?.href;
  if (canonical) return canonical;
  const url = new URL(doc.location.href);
  url.hash = '';
  return url.href;
}

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
