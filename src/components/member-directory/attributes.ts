/**
 * The directory's attributes: their table (validated by the shared attribute layer) and the view state
 * they describe. Codes are accepted in any case and sent as the API spells them (`country="ke"` means KE).
 */
import { oneOf, pattern, range, slug } from '../../validation/attributes.js';
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
  pageSize: number | string;
  view: string;
}

export const VIEWS = ['cards', 'list'] as const;
export const SORTS = ['relevance', 'name', 'recent'] as const;
export const ROLES = ['member', 'facilitator'] as const;

/** What a site editor can paste, checked in this order (free text, `query` and `organisation`, is not). */
export const ATTRIBUTES = {
  community: slug('water'),
  skill: slug('drip-irrigation'),
  country: pattern(/^[a-z]{2}$/i, 'KE'),
  language: pattern(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i, 'fr'),
  'member-role': oneOf(ROLES),
  sort: oneOf(SORTS),
  'page-size': range(1, 100),
  view: oneOf(VIEWS),
};

/** The state the attributes describe, normalised the way the API spells values (`KE`, `fr`). */
export function defaultState(element: DirectoryAttributes): DirectoryState {
  const { organisation, memberRole: role } = element;
  const filters = {
    skill: element.skill.toLowerCase(),
    country: element.country.toUpperCase(),
    language: element.language.toLowerCase(),
    organisation,
    role,
  };
  const set = Object.entries(filters).filter(([, value]) => value.trim() !== '');
  return { query: element.query.trim(), filters: Object.fromEntries(set), sort: element.sort, member: '' };
}

/** The `/v1/members` parameters, in a fixed order so a Task can compare them as plain arguments. */
export const QUERY_FIELDS = ['lang', 'limit', 'q', 'sort', ...FILTER_KEYS] as const;
const DEFAULT_PAGE_SIZE = 24;

/** The parameter values for QUERY_FIELDS: the user's state over the editor's scope; undefined leaves one out. */
export function queryValues(element: DirectoryAttributes, state: DirectoryState, lang: string): (string | number | undefined)[] {
  const community = state.filters.community ?? element.community.trim();
  const values = {
    lang,
    limit: Number(element.pageSize) || DEFAULT_PAGE_SIZE,
    q: state.query,
    sort: state.sort,
    ...state.filters,
    community,
  };
  return QUERY_FIELDS.map((name) => {
    const value = values[name];
    return value === '' ? undefined : value;
  });
}
