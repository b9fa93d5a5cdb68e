/**
 * The directory's view state (search, filters, sort, open profile) in the URL hash, so a filtered view or
 * a profile can be shared as a link.
 *
 * The hash is shared with the host page and with other widgets, so every key this widget writes carries
 * its namespace (`members.q=amina&members.skill=irrigation`), and segments that are not ours (a host's
 * `#section-2`, another directory's keys) are kept untouched and in order.
 *
 * Only differences from the editor's attributes are written: a key with an empty value means "cleared by
 * the user", so clearing a filter that an attribute set survives a reload.
 */

export const FILTER_KEYS = ['community', 'skill', 'country', 'language', 'organisation', 'role'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

export interface DirectoryState {
  query: string;
  filters: Partial<Record<FilterKey, string>>;
  sort: string;
  /** The member whose profile is open, if any. */
  member: string;
}

export const emptyState = (): DirectoryState => ({ query: '', filters: {}, sort: '', member: '' });

type Field = 'q' | 'sort' | 'member' | FilterKey;
const FIELDS: readonly Field[] = ['q', 'sort', 'member', ...FILTER_KEYS];

function read(state: DirectoryState, field: Field): string {
  if (field === 'q') return state.query;
  if (field === 'sort') return state.sort;
  if (field === 'member') return state.member;
  return state.filters[field] ?? '';
}

function write(state: DirectoryState, field: Field, value: string): void {
  if (field === 'q') state.query = value;
  else if (field === 'sort') state.sort = value;
  else if (field === 'member') state.member = value;
  else state.filters = { ...withoutFilter(state.filters, field), ...(value ? { [field]: value } : {}) };
}

/** `filters` without `key` (absent rather than empty, so requests leave the parameter out). */
export function withoutFilter(filters: DirectoryState['filters'], key: FilterKey): DirectoryState['filters'] {
  return Object.fromEntries(Object.entries(filters).filter(([name]) => name !== key));
}

function segments(hash: string): string[] {
  return hash.replace(/^#/, '').split('&').filter(Boolean);
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    // A hand-edited link with a stray "%" should not break the widget; treat it as literal text.
    return value;
  }
}

/** Reads this namespace's state from a hash, starting from the attribute defaults. */
export function parseHash(hash: string, namespace: string, defaults: DirectoryState): DirectoryState {
  const state: DirectoryState = { ...defaults, filters: { ...defaults.filters } };
  const prefix = `${namespace}.`;
  for (const segment of segments(hash)) {
    if (!segment.startsWith(prefix)) continue;
    const [key = '', ...rest] = segment.slice(prefix.length).split('=');
    if ((FIELDS as readonly string[]).includes(key)) write(state, key as Field, decode(rest.join('=')).trim());
  }
  return state;
}

/** Returns `hash` with this namespace's keys replaced by the differences between `state` and `defaults`. */
export function serializeHash(hash: string, namespace: string, state: DirectoryState, defaults: DirectoryState): string {
  const prefix = `${namespace}.`;
  const foreign = segments(hash).filter((segment) => !segment.startsWith(prefix));
  const ours = FIELDS.filter((field) => read(state, field) !== read(defaults, field)).map(
    (field) => `${prefix}${field}=${encodeURIComponent(read(state, field))}`,
  );
  const all = [...foreign, ...ours];
  return all.length ? `#${all.join('&')}` : '';
}

/** True when the two states would load the same page of results (the open profile does not count). */
export function sameQuery(a: DirectoryState, b: DirectoryState): boolean {
  return a.query === b.query && a.sort === b.sort && FILTER_KEYS.every((key) => (a.filters[key] ?? '') === (b.filters[key] ?? ''));
}
