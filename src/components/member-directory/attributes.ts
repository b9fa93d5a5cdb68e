/**
 * Validation of what a site editor can paste. CMS editors lowercase and strip things, so values are
 * compared case-insensitively where the API's form is unambiguous (`country="ke"` means KE); anything
 * else that is wrong is named back to them in the widget rather than silently ignored.
 */
import { FILTER_KEYS, type DirectoryState } from './hash-state.js';

export interface DirectoryAttributes {
  community: string;
  query: string;
  skill: string;
  country: string;
  language: string;
  organisation: string;
  memberRole: string;
  sort: string;
  pageSize: string;
  view: string;
}

export const VIEWS = ['cards', 'list'] as const;
export const SORTS = ['relevance', 'name', 'recent'] as const;
export const ROLES = ['member', 'facilitator'] as const;

const CHECKS: readonly [attribute: string, read: (element: DirectoryAttributes) => string, valid: (value: string) => boolean][] = [
  ['community', (element) => element.community, (value) => /^[a-z0-9][a-z0-9-]{0,62}$/i.test(value)],
  ['country', (element) => element.country, (value) => /^[a-z]{2}$/i.test(value)],
  ['language', (element) => element.language, (value) => /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(value)],
  ['member-role', (element) => element.memberRole, (value) => (ROLES as readonly string[]).includes(value)],
  ['sort', (element) => element.sort, (value) => (SORTS as readonly string[]).includes(value)],
  ['page-size', (element) => element.pageSize, (value) => /^\d+$/.test(value) && +value >= 1 && +value <= 100],
  ['view', (element) => element.view, (value) => (VIEWS as readonly string[]).includes(value)],
];

/** The first attribute with an invalid value, or undefined when all are usable. Empty means "not set". */
export function invalidAttribute(element: DirectoryAttributes): { name: string; value: string } | undefined {
  for (const [name, read, valid] of CHECKS) {
    const value = read(element).trim();
    if (value !== '' && !valid(value)) return { name, value };
  }
  return undefined;
}

/** The state the attributes describe, normalised the way the API spells values (`KE`, `fr`). */
export function defaultState(element: DirectoryAttributes): DirectoryState {
  const { skill, organisation, memberRole: role } = element;
  const filters = { skill, country: element.country.toUpperCase(), language: element.language.toLowerCase(), organisation, role };
  const set = Object.entries(filters).filter(([, value]) => value.trim() !== '');
  return { query: element.query.trim(), filters: Object.fromEntries(set), sort: element.sort, member: '' };
}

/** The `/v1/members` parameters, in a fixed order so a Task can compare them as plain arguments. */
export const QUERY_FIELDS = ['lang', 'limit', 'q', 'sort', ...FILTER_KEYS] as const;
const DEFAULT_PAGE_SIZE = 24;

/** The parameter values for QUERY_FIELDS: the user's state over the editor's scope; undefined leaves one out. */
export function queryValues(element: DirectoryAttributes, state: DirectoryState, lang: string): (string | number | undefined)[] {
  const community = state.filters.community ?? element.community.trim().toLowerCase();
  const values = { lang, limit: Number(element.pageSize) || DEFAULT_PAGE_SIZE, q: state.query, sort: state.sort, ...state.filters, community };
  return QUERY_FIELDS.map((name) => {
    const value = values[name];
    return value === '' ? undefined : value;
  });
}
