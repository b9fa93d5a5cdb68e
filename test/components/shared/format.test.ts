import { expect } from '@open-wc/testing';
import { contactHref, countryName, initials, languageName, localTime } from '../../../src/components/shared/format.js';

/** The one formatting module the directory and the expert finder share. */
describe('shared formatting', () => {
  it('takes the first letters of the first and last names', () => {
    expect(initials('amina diallo')).to.equal('AD');
    expect(initials('Jean-Pierre de la Fontaine')).to.equal('JF');
    expect(initials('Madonna')).to.equal('M');
    expect(initials('  ')).to.equal('?');
    expect(initials('(Dr) Émile Zola')).to.equal('DZ');
  });

  it('keeps grapheme clusters whole', () => {
    expect(initials('E\u0301mile Zola')).to.equal('E\u0301Z');
    expect(initials('أمينة الحسن')).to.equal('أا');
  });

  it('formats the local time in the member zone', () => {
    const noonUtc = new Date(Date.UTC(2026, 0, 15, 12, 0));
    expect(localTime('Asia/Kolkata', 'en-GB', noonUtc)).to.equal('17:30');
    expect(localTime('Not/AZone', 'en', noonUtc)).to.equal(undefined);
  });

  it('names countries and languages in the viewer language, falling back to the code', () => {
    expect(countryName('KE', 'en')).to.equal('Kenya');
    expect(countryName('SN', 'fr')).to.equal('Sénégal');
    expect(languageName('sw', 'en')).to.equal('Swahili');
    expect(countryName('not a code', 'en')).to.equal('not a code');
  });

  it("makes initials in any script, with the locale's upper case", () => {
    expect(initials('Jean-Baptiste Kaboré', 'fr')).to.equal('JK');
    expect(initials('فاطمة الزهراء العمراني', 'ar')).to.equal('فا');
  });

  it('names languages in the viewer’s language, and keeps unknown codes', () => {
    expect(languageName('fr', 'es')).to.equal('francés');
    expect(languageName('not a tag', 'en')).to.equal('not a tag');
  });

  it('links a contact channel only through mailto, tel or http(s), never a script URL', () => {
    expect(contactHref({ kind: 'email', value: 'amina@example.org' })).to.equal('mailto:amina@example.org');
    expect(contactHref({ kind: 'email', value: 'a@b.org?bcc=everyone@example.org' }), 'no header injection').to.equal(undefined);
    expect(contactHref({ kind: 'phone', value: '+221 555 01 00' })).to.equal('tel:+2215550100');
    expect(contactHref({ kind: 'website', value: 'https://example.org/amina' })).to.equal('https://example.org/amina');
    expect(contactHref({ kind: 'website', value: 'javascript:alert(1)' })).to.equal(undefined);
    expect(contactHref({ kind: 'website', value: '/relative/page' }), 'a member-typed relative link means nothing elsewhere').to.equal(
      undefined,
    );
    expect(contactHref({ kind: 'chat', value: '@amina' })).to.equal(undefined);
  });
});
