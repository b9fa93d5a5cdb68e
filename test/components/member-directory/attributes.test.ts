import { expect } from '@open-wc/testing';
import {
  ATTRIBUTES,
  QUERY_FIELDS,
  defaultState,
  queryValues,
  type DirectoryAttributes,
} from '../../../src/components/member-directory/attributes.js';
import { invalidAttribute as check } from '../../../src/validation/attributes.js';

const invalidAttribute = (element: DirectoryAttributes) => check(element, ATTRIBUTES);

/** The attributes of a directory tag with nothing set but what `overrides` pastes. */
const tag = (overrides: Partial<DirectoryAttributes> = {}): DirectoryAttributes => ({
  community: '',
  query: '',
  skill: '',
  country: '',
  language: '',
  organisation: '',
  memberRole: '',
  sort: '',
  pageSize: '24',
  view: 'cards',
  ...overrides,
});

describe('directory attributes', () => {
  it('accepts a bare tag and codes in any case with stray spaces (slugs are lowercased by the attribute converter)', () => {
    expect(invalidAttribute(tag())).to.equal(undefined);
    expect(
      invalidAttribute(tag({ community: 'water ', skill: 'drip-irrigation', country: 'ke', language: 'PT-br', pageSize: ' 100' })),
    ).to.equal(undefined);
  });

  it('names the first wrong attribute with its value and what a valid one looks like', () => {
    expect(invalidAttribute(tag({ view: 'grid', sort: 'newest' }))).to.deep.equal({
      name: 'sort',
      value: 'newest',
      hint: { oneOf: ['relevance', 'name', 'recent'] },
    });
    expect(invalidAttribute(tag({ pageSize: '0' }))?.hint).to.deep.equal({ min: 1, max: 100 });
    expect(invalidAttribute(tag({ pageSize: '2.5' }))?.name).to.equal('page-size');
    expect(invalidAttribute(tag({ country: 'Kenya' }))?.hint).to.deep.equal({ example: 'KE' });
    expect(invalidAttribute(tag({ memberRole: 'admin' }))?.name, 'named as the attribute, not the property').to.equal('member-role');
    expect(invalidAttribute(tag({ skill: 'drip irrigation' }))?.name).to.equal('skill');
  });

  it('normalises filters to the API spelling and leaves unset ones out', () => {
    const state = defaultState(tag({ query: ' amina ', skill: 'GIS', country: 'ma', language: 'FR', organisation: 'Atlas Cooperative' }));
    expect(state).to.deep.equal({
      query: 'amina',
      filters: { skill: 'gis', country: 'MA', language: 'fr', organisation: 'Atlas Cooperative' },
      sort: '',
      member: '',
    });
  });

  it('builds the request from the user state over the editor scope, omitting empty values', () => {
    const editor = tag({ community: 'water', pageSize: '12' });
    const values = queryValues(editor, { query: 'soil', filters: { country: 'SN' }, sort: '', member: '' }, 'fr');
    const query = Object.fromEntries(QUERY_FIELDS.map((name, index) => [name, values[index]]));
    expect(query).to.deep.equal({
      lang: 'fr',
      limit: 12,
      q: 'soil',
      sort: undefined,
      community: 'water',
      skill: undefined,
      country: 'SN',
      language: undefined,
      organisation: undefined,
      role: undefined,
    });
    const chosen = queryValues(editor, { query: '', filters: { community: 'soil-health' }, sort: 'name', member: '' }, 'en');
    expect(chosen[QUERY_FIELDS.indexOf('community')], 'a community the user picked wins over the attribute').to.equal('soil-health');
  });
});
