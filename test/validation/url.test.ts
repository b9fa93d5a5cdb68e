import { expect } from '@open-wc/testing';
import { fillTemplate, isLinkPattern, safeUrl } from '../../src/validation/url.js';

/** URLs an attacker (or a careless organiser) can put in data the widgets render as `href` or `src`. */
const HOSTILE = [
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java\u0000script:alert(1)',
  '\u0001javascript:alert(1)',
  'javascript\u000b:alert(1)',
  '&#x6A;avascript:alert(1)',
  '&#106;avascript:alert(1)',
  'javascript&colon;alert(1)',
  '\u00a0javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'blob:https://example.org/uuid',
  '%6Aavascript:alert(1)',
];

describe('the one URL rule', () => {
  it('refuses script, data and other schemes, and their obfuscations, wherever relative links are allowed or not', () => {
    for (const url of HOSTILE) {
      expect(safeUrl(url), JSON.stringify(url)).to.equal(undefined);
      expect(safeUrl(url, { relative: true }), `${JSON.stringify(url)} as a relative link`).to.equal(undefined);
    }
  });

  it('accepts http(s), mailto and tel in any case, trimmed', () => {
    expect(safeUrl('https://meet.example.org/drip')).to.equal('https://meet.example.org/drip');
    expect(safeUrl(' HTTP://example.org/a ')).to.equal('HTTP://example.org/a');
    expect(safeUrl('mailto:amina@example.org')).to.equal('mailto:amina@example.org');
    expect(safeUrl('tel:+221555')).to.equal('tel:+221555');
  });

  it('accepts relative URLs only where the caller allows them, resolved against a base when given', () => {
    expect(safeUrl('/people#member=4')).to.equal(undefined);
    expect(safeUrl('/people#member=4', { relative: true })).to.equal('/people#member=4');
    expect(safeUrl('./a:b', { relative: true }), 'a colon after the first slash is a path').to.equal('./a:b');
    expect(safeUrl('//cdn.example.org/a.png'), 'protocol-relative keeps http(s)').to.equal('//cdn.example.org/a.png');
    const base = 'https://grove.example.org/api/';
    expect(safeUrl('/api/v1/members/4/avatar', { relative: true, base })).to.equal('https://grove.example.org/api/v1/members/4/avatar');
    expect(safeUrl('v1/members/4/avatar', { relative: true, base })).to.equal('https://grove.example.org/api/v1/members/4/avatar');
    expect(safeUrl('https://images.example.org/4.png', { relative: true, base }), 'absolute URLs stay as they are').to.equal(
      'https://images.example.org/4.png',
    );
  });

  it('refuses what is not a string or is empty', () => {
    for (const [index, value] of [null, undefined, 42, {}, '', '   '].entries())
      expect(safeUrl(value, { relative: true }), `case ${index}`).to.equal(undefined);
  });

  it('checks link patterns with their placeholders and fills them with encoded values', () => {
    for (const pattern of ['./people#member={id}', 'people/{id}', '/ask?to={id}', '#member={id}', 'https://intranet.example.org/p/{id}'])
      expect(isLinkPattern(pattern), pattern).to.equal(true);
    for (const pattern of ['javascript:alert({id})', ' JavaScript:x', 'data:text/html,{id}'])
      expect(isLinkPattern(pattern), pattern).to.equal(false);
    expect(fillTemplate('/ask?to={id}&q={query}', { id: '42', query: 'drip & soil?' })).to.equal('/ask?to=42&q=drip%20%26%20soil%3F');
    expect(fillTemplate('/x/{other}', { id: '1' }), 'unknown placeholders stay').to.equal('/x/{other}');
    expect(fillTemplate('{id}', { id: 'javascript:alert(1)' }), 'a value cannot become a scheme').to.equal('javascript%3Aalert(1)');
  });
});
