import { expect, fixture, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { GroveExpertFinder } from '../../../src/components/expert-finder/expert-finder.js';
import type { ExpertPage } from '../../../src/components/expert-finder/types.js';
import { defineElement } from '../../../src/registry/define-element.js';
import type { GroveLoadEvent } from '../../../src/events/grove-load-event.js';
import { expectAccessible } from '../../helpers/axe.js';
import { withoutIntersectionObserver } from '../../helpers/intersection-observer.js';

defineElement('grove-expert-finder', GroveExpertFinder);

/** Set by web-test-runner.config.js: the reference server, on another origin than the test page. */
const api = (window as { GROVE_API?: string | null }).GROVE_API;

const names = (el: Element) => [...(el.shadowRoot?.querySelectorAll('[part~="expert"] h3') ?? [])].map((h) => h.textContent.trim());

describe('grove-expert-finder against the reference server', function () {
  this.timeout(20000);

  let restoreLazyLoading: (() => void) | undefined;
  before(function () {
    if (!api) this.skip();
    restoreLazyLoading = withoutIntersectionObserver();
  });
  after(() => restoreLazyLoading?.());

  it('finds the planted drip-irrigation experts from a typed question, with evidence and an ask action', async () => {
    const el = await fixture<GroveExpertFinder>(html`<grove-expert-finder api=${api!}></grove-expert-finder>`);
    el.shadowRoot!.querySelector('input')!.focus();
    await sendKeys({ type: 'Who can help with drip irrigation?' });
    const loaded: Promise<GroveLoadEvent<ExpertPage>> = oneEvent(el, 'grove-load');
    await sendKeys({ press: 'Enter' });
    const page = (await loaded).detail.data;
    await el.updateComplete;
    expect(page.topics[0]?.slug).to.equal('drip-irrigation');
    const shown = names(el);
    expect(shown.slice(0, 3), `ranking: ${shown.join(', ')}`).to.include.members(['Amina Diallo', 'Jean-Baptiste Kaboré']);
    const first = el.shadowRoot!.querySelector('[part~="expert"]')!;
    expect(first.querySelectorAll('[part~="evidence-item"]').length, 'evidence under the first expert').to.be.greaterThan(0);
    expect(first.textContent).to.match(/answers? on Drip irrigation|Endorsed for Drip irrigation/);
    await expectAccessible(el);
  });

  it('answers an Arabic question in Arabic, right to left, and never lists the opted-out member', async () => {
    const loaded = oneEvent(document, 'grove-load');
    const el = await fixture<GroveExpertFinder>(
      html`<grove-expert-finder api=${api!} lang="ar" limit="20" query="من يمكنه المساعدة في حصاد مياه الأمطار؟"></grove-expert-finder>`,
    );
    await loaded;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('section')!.getAttribute('dir')).to.equal('rtl');
    expect(el.shadowRoot!.querySelector('[part~="topics"]')!.textContent).to.include('حصاد مياه الأمطار');
    const shown = names(el);
    expect(shown.length).to.be.greaterThan(0);
    expect(shown, 'Omar Haddad opted out of the directory').not.to.include('Omar Haddad');
    expect(shown, 'Nour Khalil is unavailable').not.to.include('Nour Khalil');
    await expectAccessible(el);
  });
});
