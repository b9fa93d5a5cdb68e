import { expect } from '@open-wc/testing';
import { buildVCard, escapeText, foldLine, vCardFileName } from '../../../src/components/member-directory/vcard.js';

const octets = (text: string): number => new TextEncoder().encode(text).length;

describe('vCard (RFC 6350 / RFC 6715)', () => {
  it('escapes backslash, comma, semicolon and every kind of line break in text values', () => {
    expect(escapeText('a\\b,c;d\ne\r\nf\rg')).to.equal('a\\\\b\\,c\\;d\\ne\\nf\\ng');
  });

  it('leaves lines of 75 octets or fewer unfolded', () => {
    const line = `NOTE:${'x'.repeat(70)}`;
    expect(octets(line)).to.equal(75);
    expect(foldLine(line)).to.equal(line);
  });

  it('folds long lines at 75 octets with a leading space on each continuation', () => {
    const line = `NOTE:${'x'.repeat(200)}`;
    const physical = foldLine(line).split('\r\n');
    expect(physical.length).to.equal(3);
    for (const part of physical) expect(octets(part), part).to.be.at.most(75);
    expect(physical.slice(1).every((part) => part.startsWith(' '))).to.equal(true);
    expect(physical.map((part, i) => (i === 0 ? part : part.slice(1))).join('')).to.equal(line);
  });

  it('never splits a multi-byte UTF-8 character when folding', () => {
    const line = `FN:${'أمينة '.repeat(30)}`;
    const physical = foldLine(line).split('\r\n');
    for (const part of physical) {
      expect(octets(part)).to.be.at.most(75);
      expect(part).not.to.include('\uFFFD');
    }
    expect(physical.map((part, i) => (i === 0 ? part : part.slice(1))).join('')).to.equal(line);
  });

  it('builds a vCard 4.0 with expertise, interests, languages and only the channels given', () => {
    const card = buildVCard(
      {
        id: '7',
        name: 'Amina Diallo',
        practice: 'Extension officer; irrigation',
        organisation: 'Water, Land & Life',
        country: 'SN',
        languages: ['fr', 'wo'],
        timeZone: 'Africa/Dakar',
        bio: 'Line one\nLine two',
        skills: [
          { label: 'Drip irrigation', level: 4 },
          { label: 'Soil health', level: 2 },
          { label: 'GIS', level: 1 },
        ],
        interests: [{ label: 'Remote sensing' }],
        contacts: [
          { kind: 'email', value: 'amina@example.org' },
          { kind: 'phone', value: '+221 77 123 45 67' },
          { kind: 'website', value: 'https://example.org/a,b' },
        ],
      },
      { countryName: 'Senegal', uid: 'https://api.example.org/api/v1/members/7' },
    );
    const lines = card.split('\r\n');
    expect(lines[0]).to.equal('BEGIN:VCARD');
    expect(lines[1]).to.equal('VERSION:4.0');
    expect(card.endsWith('END:VCARD\r\n')).to.equal(true);
    expect(lines).to.include('FN:Amina Diallo');
    expect(lines, 'the structured name several address books require').to.include('N:Diallo;Amina;;;');
    expect(lines).to.include('TITLE:Extension officer\\; irrigation');
    expect(lines).to.include('ORG:Water\\, Land & Life');
    expect(lines).to.include('ADR;CC=SN:;;;;;;Senegal');
    expect(lines).to.include('LANG;PREF=1:fr');
    expect(lines).to.include('LANG;PREF=2:wo');
    expect(lines).to.include('TZ:Africa/Dakar');
    expect(lines).to.include('EXPERTISE;LEVEL=expert:Drip irrigation');
    expect(lines).to.include('EXPERTISE;LEVEL=average:Soil health');
    expect(lines).to.include('EXPERTISE;LEVEL=beginner:GIS');
    expect(lines).to.include('INTEREST:Remote sensing');
    expect(lines).to.include('EMAIL:amina@example.org');
    expect(lines).to.include('TEL;VALUE=uri:tel:+221771234567');
    expect(lines, 'URIs are not escaped like text').to.include('URL;TYPE=home:https://example.org/a,b');
    expect(lines).to.include('NOTE:Line one\\nLine two');
    expect(lines).to.include('UID:https://api.example.org/api/v1/members/7');
  });

  it('omits what the viewer was not shown instead of writing empty properties', () => {
    const card = buildVCard({ id: '1', name: 'Lone Name' });
    expect(card).to.equal('BEGIN:VCARD\r\nVERSION:4.0\r\nKIND:individual\r\nFN:Lone Name\r\nN:Name;Lone;;;\r\nEND:VCARD\r\n');
  });

  it('refuses non-http avatar and website values rather than embedding script URLs', () => {
    const card = buildVCard({
      id: '1',
      name: 'X',
      avatarUrl: 'javascript:alert(1)',
      contacts: [{ kind: 'website', value: 'javascript:alert(1)' }],
    });
    expect(card).not.to.include('javascript:');
  });

  it('writes a one-word name as the family name and escapes structure characters in N', () => {
    expect(buildVCard({ id: '1', name: 'Omar' }).split('\r\n')).to.include('N:Omar;;;;');
    expect(buildVCard({ id: '1', name: 'Ana María; Pérez' }).split('\r\n')).to.include('N:Pérez;Ana María\\;;;;');
  });

  it('strips control characters from every URI-valued property so a line break cannot inject a property', () => {
    const card = buildVCard(
      {
        id: '1',
        name: 'X',
        avatarUrl: 'https://img.example.org/a.png\r\nEMAIL:photo@evil.example',
        languages: ['fr\nNOTE:lang'],
        contacts: [
          { kind: 'website', value: 'https://example.org/\r\nEMAIL:attacker@evil.example' },
          { kind: 'linkedin', value: 'https://linkedin.com/in/x\u0000\u001fy' },
          { kind: 'chat', value: 'xmpp:x@example.org\nTEL:+1' },
        ],
      },
      { uid: 'https://api.example.org/m/1\nKIND:group' },
    );
    const names = card
      .split('\r\n')
      .filter((line) => !line.startsWith(' '))
      .map((line) => line.split(/[:;]/)[0]);
    expect(
      names.filter((name) => name === 'EMAIL' || name === 'TEL' || name === 'NOTE'),
      card,
    ).to.deep.equal([]);
    expect(names.filter((name) => name === 'KIND')).to.have.length(1);
    expect(card).to.include('URL;TYPE=home:https://example.org/EMAIL:attacker@evil.example');
    expect(card).to.include('URL;TYPE=linkedin:https://linkedin.com/in/xy');
    const controls = Array.from(card.replace(/\r\n /g, '').replace(/\r\n/g, '')).filter(
      (char) => char.charCodeAt(0) < 0x20 || char === '\u007f',
    );
    expect(controls, 'no control character outside line ends').to.deep.equal([]);
  });

  it('derives a safe file name', () => {
    expect(vCardFileName('Amina / Diallo: "x"')).to.equal('Amina  Diallo x.vcf');
    expect(vCardFileName('***')).to.equal('contact.vcf');
  });
});
