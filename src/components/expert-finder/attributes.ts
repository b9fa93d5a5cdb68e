/**
 * What a site editor can paste, checked before anything is requested: a wrong value is named back to them
 * in the widget (translated) rather than silently ignored or sent to the server.
 */
export interface FinderAttributes {
  community: string;
  limit: string;
  askUrl: string;
  threadUrl: string;
  eventUrl: string;
  profileUrl: string;
}

export const DEFAULT_LIMIT = 5;

/**
 * A link pattern: relative (`./people#member={id}`, `/ask?to={id}`) or http(s). Any other scheme is
 * refused, so a pasted `javascript:` pattern can never become a link.
 */
const isTemplate = (value: string): boolean => /^https?:\/\//i.test(value) || !/^[a-z][a-z0-9+.-]*:/i.test(value);

const CHECKS: readonly [attribute: string, read: (element: FinderAttributes) => string, valid: (value: string) => boolean][] = [
  ['community', (element) => element.community, (value) => /^[a-z0-9][a-z0-9-]{0,62}$/i.test(value)],
  ['limit', (element) => element.limit, (value) => /^\d+$/.test(value) && +value >= 1 && +value <= 50],
  ['ask-url', (element) => element.askUrl, isTemplate],
  ['thread-url', (element) => element.threadUrl, isTemplate],
  ['event-url', (element) => element.eventUrl, isTemplate],
  ['profile-url', (element) => element.profileUrl, isTemplate],
];

/** The first attribute with an invalid value, or undefined. Empty means "not set". */
export function invalidAttribute(element: FinderAttributes): { name: string; value: string } | undefined {
  for (const [name, read, valid] of CHECKS) {
    const value = read(element).trim();
    if (value !== '' && !valid(value)) return { name, value };
  }
  return undefined;
}

/** Fills `{name}` placeholders with URL-encoded values: `/ask?to={id}&q={query}`. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? encodeURIComponent(values[name] ?? '') : whole));
}
