/**
 * Validation of what a site editor can paste. CMS editors lowercase and strip things, so values are
 * compared case-insensitively where the API's form is unambiguous (`country="ke"` means KE, `skill="GIS"`
 * means the slug gis); anything else that is wrong is named back to them in the widget, with what a valid
 * value looks like, rather than silently ignored.
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

/** What a valid value looks like, told to the editor after the error: the allowed values, an example or a range. */
export type AttributeHint = { oneOf: readonly string[] } | { example: string } | { min: number; max: number };

export interface InvalidAttribute {
  name: string;
  value: string;
  hint: AttributeHint;
}

interface Check {
  name: string;
  read: (element: DirectoryAttributes) => string;
  valid: (value: string) => boolean;
  hint: AttributeHint;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/i;
const oneOf = (values: readonly string[]): Pick<Check, 'valid' | 'hint'> => ({
  valid: (value) => values.includes(value),
  hint: { oneOf: values },
});

const CHECKS: readonly Check[] = [
  { name: 'community', read: (element) => element.community, valid: (value) => SLUG.test(value), hint: { example: 'water' } },
  { name: 'skill', read: (element) => element.skill, valid: (value) => SLUG.test(value), hint: { example: 'drip-irrigation' } },
  { name: 'country', read: (element) => element.country, valid: (value) => /^[a-z]{2}$/i.test(value), hint: { example: 'KE' } },
  {
    name: 'language',
    read: (element) => element.language,
    valid: (value) => /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(value),
    hint: { example: 'fr' },
  },
  { name: 'member-role', read: (element) => element.memberRole, ...oneOf(ROLES) },
  { name: 'sort', read: (element) => element.sort, ...oneOf(SORTS) },
  {
    name: 'page-size',
    read: (element) => element.pageSize,
    valid: (value) => /^\d+$/.test(value) && +value >= 1 && +value <= 100,
    hint: { min: 1, max: 100 },
  },
  { name: 'view', read: (element) => element.view, ...oneOf(VIEWS) },
];

/** The first attribute with an invalid value, or undefined when all are usable. Empty means "not set". */
export function invalidAttribute(element: DirectoryAttributes): InvalidAttribute | undefined {
  for (const { name, read, valid, hint } of CHECKS) {
    const value = read(element).trim();
    if (value !== '' && !valid(value)) return { name, value, hint };
  }
  return undefined;
}

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
  const community = state.filters.community ?? element.community.trim().toLowerCase();
  const values = { lang, limit: Number(element.pageSize) || DEFAULT_PAGE_SIZE, q: state.query, sort: state.sort, ...state.filters, community };
  return QUERY_FIELDS.map((name) => {
    const value = values[name];
    return value === '' ? undefined : value;
  });
}
