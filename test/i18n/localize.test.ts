import { expect, fixture, html } from '@open-wc/testing';
import { relativeTime } from '../../src/components/discussion-thread/relative-time.js';
import { formatMessage } from '../../src/i18n/format-message.js';
import type { GroveProbe } from '../helpers/probe-element.js';
import '../helpers/probe-element.js';

describe('formatMessage', () => {
  const members = '{count, plural, =0 {No members} one {# member} other {# members}}';

  it('picks exact, then plural category, with # as the formatted count', () => {
    expect(formatMessage(members, { count: 0 }, 'en')).to.equal('No members');
    expect(formatMessage(members, { count: 1 }, 'en')).to.equal('1 member');
    expect(formatMessage(members, { count: 1200 }, 'en')).to.equal('1,200 members');
  });

  it('uses the language plural rules (Arabic has six categories)', () => {
    const ar = '{count, plural, zero {صفر} one {واحد} two {اثنان} few {# قليل} many {# كثير} other {# آخر}}';
    expect(formatMessage(ar, { count: 2 }, 'ar')).to.equal('اثنان');
    const n = (value: number) => new Intl.NumberFormat('ar').format(value);
    expect(formatMessage(ar, { count: 5 }, 'ar')).to.equal(`${n(5)} قليل`);
    expect(formatMessage(ar, { count: 11 }, 'ar')).to.equal(`${n(11)} كثير`);
  });

  it('fills placeholders and select, leaving unknown ones visible', () => {
    expect(formatMessage('{name} ({role, select, core {core} other {member}})', { name: 'Amina', role: 'core' }, 'en')).to.equal(
      'Amina (core)',
    );
    expect(formatMessage('Hello {who}', {}, 'en')).to.equal('Hello {who}');
  });
});

describe('LocalizeController', () => {
  it('loads the active language catalogue and sets dir=rtl for Arabic', async () => {
    const probe = await fixture<GroveProbe>(html`<grove-probe lang="ar"></grove-probe>`);
    await probe.localize.ready;
    await probe.updateComplete;
    const paragraph = probe.shadowRoot!.querySelector('p')!;
    expect(paragraph.dir).to.equal('rtl');
    expect(paragraph.textContent).to.equal(`${new Intl.NumberFormat('ar').format(3)} أعضاء`);
  });

  it('loads core messages for the active language and keeps the regional locale for Intl', async () => {
    const probe = await fixture<GroveProbe>(html`<grove-probe lang="es-MX"></grove-probe>`);
    expect(probe.localize.t('core.retry'), 'English until the catalogue arrives').to.equal('Try again');
    await probe.localize.ready;
    expect(probe.localize.language).to.equal('es');
    expect(probe.localize.locale).to.equal('es-MX');
    expect(probe.localize.t('core.retry')).to.equal('Reintentar');
  });

  it('falls back to English for a language we do not translate', async () => {
    const probe = await fixture<GroveProbe>(html`<grove-probe lang="de"></grove-probe>`);
    expect(probe.localize.t('core.retry')).to.equal('Try again');
    expect(probe.localize.formatNumber(1234.5)).to.equal('1,234.5');
  });

  it('formats dates in a given time zone, relative times and lists', async () => {
    const probe = await fixture<GroveProbe>(html`<grove-probe lang="fr"></grove-probe>`);
    const t = probe.localize;
    const date = new Date('2025-03-01T23:30:00Z');
    expect(t.formatDate(date, { timeStyle: 'short', timeZone: 'Asia/Tokyo' })).to.equal('08:30');
    expect(relativeTime(t.locale, new Date('2025-02-27T23:30:00Z'), date)).to.equal('avant-hier');
    expect(relativeTime(t.locale, new Date('2025-03-01T20:30:00Z'), date)).to.equal('il y a 3 heures');
    expect(t.formatList(['français', 'espagnol', 'arabe'])).to.equal('français, espagnol et arabe');
  });
});
