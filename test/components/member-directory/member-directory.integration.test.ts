import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { GroveMemberDirectory } from '../../../src/components/member-directory/member-directory.js';
import { defineElement } from '../../../src/registry/define-element.js';
import { expectAccessible } from '../../helpers/axe.js';
import { withoutIntersectionObserver } from '../../helpers/intersection-observer.js';

defineElement('grove-member-directory', GroveMemberDirectory);

/** Set by web-test-runner.config.js: the reference server, on another origin than the test page. */
const api = (window as { GROVE_API?: string | null }).GROVE_API;

describe('grove-member-directory against the reference server', function () {
  this.timeout(20000);

  let restoreLazyLoading: (() => void) | undefined;
  before(function () {
    if (!api) this.skip();
    restoreLazyLoading = withoutIntersectionObserver();
  });
  after(() => restoreLazyLoading?.());

  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('finds a seeded member by typing her name and opens her profile', async () => {
    const firstLoad = oneEvent(document, 'grove-load');
    const el = await fixture<GroveMemberDirectory>(html`<grove-member-directory api=${api!}></grove-member-directory>`);
    await firstLoad;
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('[part~="card"]').length, 'the demo network lists members').to.be.greaterThan(0);
    expect(root.querySelector('[part~="facets"]'), 'facets come with the first page').not.to.equal(null);

    root.querySelector<HTMLInputElement>('input[type="search"]')!.focus();
    const searched = oneEvent(el, 'grove-load');
    await sendKeys({ type: 'Amina' });
    await searched;
    await el.updateComplete;
    const names = [...root.querySelectorAll<HTMLElement>('[data-member]')];
    const amina = names.find((button) => button.textContent.trim() === 'Amina Diallo');
    expect(amina, `Amina Diallo among ${names.map((n) => n.textContent).join(', ')}`).not.to.equal(undefined);
    expect(root.querySelector('[part~="toolbar"] [role="status"]')!.textContent).to.match(/members? found/);

    amina!.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = root.querySelector('dialog')!;
    await waitUntil(() => dialog.querySelector('[part~="vcard-button"]'), 'the profile loads', { timeout: 10000 });
    expect(dialog.open).to.equal(true);
    expect(dialog.querySelector('#profile-title')!.textContent).to.equal('Amina Diallo');
    expect(dialog.textContent).to.match(/endorsements?/);
    expect(location.hash).to.match(/^#members\.q=Amina&members\.member=\d+$/);
    await expectAccessible(el);

    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
  });
});
