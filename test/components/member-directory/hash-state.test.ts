import { expect } from '@open-wc/testing';
import {
  emptyState,
  parseHash,
  sameQuery,
  serializeHash,
  type DirectoryState,
} from '../../../src/components/member-directory/hash-state.js';

const state = (patch: Partial<DirectoryState>): DirectoryState => ({ ...emptyState(), ...patch });

describe('directory hash state', () => {
  it('round-trips search, filters, sort and the open profile through the hash', () => {
    const original = state({ query: 'amina é&=', filters: { skill: 'drip-irrigation', country: 'SN' }, sort: 'name', member: '42' });
    const hash = serializeHash('', 'members', original, emptyState());
    expect(parseHash(hash, 'members', emptyState())).to.deep.equal(original);
  });

  it('writes nothing when the state equals the attribute defaults', () => {
    const defaults = state({ filters: { skill: 'gis' } });
    expect(serializeHash('', 'members', defaults, defaults)).to.equal('');
  });

  it('records a cleared attribute default as an empty value so it stays cleared on reload', () => {
    const defaults = state({ filters: { skill: 'gis' } });
    const hash = serializeHash('', 'members', emptyState(), defaults);
    expect(hash).to.equal('#members.skill=');
    expect(parseHash(hash, 'members', defaults).filters).to.deep.equal({});
  });

  it('keeps foreign segments and other namespaces untouched, in order', () => {
    const hash = serializeHash('#intro&team.q=bob&members.q=old', 'members', state({ query: 'new' }), emptyState());
    expect(hash).to.equal('#intro&team.q=bob&members.q=new');
    expect(parseHash(hash, 'team', emptyState()).query).to.equal('bob');
  });

  it('ignores unknown keys and tolerates malformed escapes', () => {
    const parsed = parseHash('#members.evil=1&members.q=100%&members.country=KE', 'members', emptyState());
    expect(parsed).to.deep.equal(state({ query: '100%', filters: { country: 'KE' } }));
  });

  it('compares states by what they load, ignoring the open profile', () => {
    expect(sameQuery(state({ query: 'a', member: '1' }), state({ query: 'a' }))).to.equal(true);
    expect(sameQuery(state({ filters: { role: 'facilitator' } }), state({}))).to.equal(false);
  });
});
