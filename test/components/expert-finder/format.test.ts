import { expect } from '@open-wc/testing';
import { fillTemplate, invalidAttribute, type FinderAttributes } from '../../../src/components/expert-finder/attributes.js';
import { contactHref, initials, languageName } from '../../../src/components/expert-finder/format.js';

const attributes = (overrides: Partial<FinderAttributes> = {}): FinderAttributes => ({
  community: '', limit: '5', askUrl: '', threadUrl: '', eventUrl: '', profileUrl: '', ...overrides,
});

describe('expert finder formatting', () => {
  it('makes initials from whole graphemes, in any script', () => {
    expect(initials('Jean-Baptiste Kaboré', 'fr')).to.equal('JK');
    expect(initials('فاطمة الزهراء العمراني', 'ar')).to.equal('فا');
    expect(initials('  ', 'en')).to.equal('?');
  });

  it('links a contact channel only through mailto, tel or http(s), never a script URL', () => {
    expect(contactHref('email', 'amina@example.org')).to.equal('mailto:amina@example.org');
    expect(contactHref('phone', '+221 555 01 00')).to.equal('tel:+2215550100');
    expect(contactHref('website', 'https://example.org/amina')).to.equal('https://example.org/amina');
    expect(contactHref('website', 'javascript:alert(1)')).to.equal(undefined);
    expect(contactHref('chat', '@amina')).to.equal(undefined);
  });

  it('names languages in the viewer’s language, and keeps unknown codes', () => {
    expect(languageName('fr', 'es')).to.equal('francés');
    expect(languageName('not a tag', 'en')).to.equal('not a tag');
  });

  it('fills link patterns with encoded values and leaves unknown placeholders', () => {
    expect(fillTemplate('/ask?to={id}&q={query}', { id: '42', query: 'drip & soil?' })).to.equal('/ask?to=42&q=drip%20%26%20soil%3F');
    expect(fillTemplate('/x/{other}', { id: '1' })).to.equal('/x/{other}');
  });

  it('names the first wrong attribute a site editor pasted', () => {
    expect(invalidAttribute(attributes())).to.equal(undefined);
    expect(invalidAttribute(attributes({ community: 'Soil Health' }))).to.deep.equal({ name: 'community', value: 'Soil Health' });
    expect(invalidAttribute(attributes({ limit: '0' }))).to.deep.equal({ name: 'limit', value: '0' });
    expect(invalidAttribute(attributes({ askUrl: 'javascript:alert(1)' }))).to.deep.equal({ name: 'ask-url', value: 'javascript:alert(1)' });
    expect(invalidAttribute(attributes({ profileUrl: ' JavaScript:alert(1)' }))).to.deep.equal({ name: 'profile-url', value: 'JavaScript:alert(1)' });
  });

  it('accepts relative and http(s) link patterns', () => {
    for (const pattern of ['./people#member={id}', 'people/{id}', '/ask?to={id}', '#member={id}', 'https://intranet.example.org/p/{id}'])
      expect(invalidAttribute(attributes({ profileUrl: pattern })), pattern).to.equal(undefined);
  });
});
