import { expect } from '@open-wc/testing';
import { countryName, initials, languageName, localTime } from '../../../src/components/member-directory/format.js';

describe('member formatting', () => {
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
});
