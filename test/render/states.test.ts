import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, type TemplateResult } from 'lit';
import { GroveApiError } from '../../src/api/problem.js';
import { ConfigController } from '../../src/controllers/config-controller.js';
import { LocalizeController } from '../../src/controllers/localize-controller.js';
import { defineElement } from '../../src/registry/define-element.js';
import { renderEmpty, renderError, renderInvalidAttribute, renderLoading, renderNotConfigured } from '../../src/render/states.js';
import { hostStyles } from '../../src/styles/host.js';
import { expectAccessible } from '../helpers/axe.js';

/** Renders whatever `view` returns with a real localize controller and the shared host styles. */
class StateHost extends LitElement {
  static override styles = hostStyles;
  readonly t = new LocalizeController(this, new ConfigController(this));
  view: (t: LocalizeController) => TemplateResult = () => html``;
  protected override render() {
    return this.view(this.t);
  }
}
defineElement('grove-state-host', StateHost);

async function show(view: StateHost['view'], lang = 'en'): Promise<StateHost> {
  const host = await fixture<StateHost>(html`<grove-state-host lang=${lang} .view=${view}></grove-state-host>`);
  await host.t.ready;
  await host.updateComplete;
  return host;
}

describe('shared states', () => {
  it('loading is a busy polite status and passes axe', async () => {
    const host = await show((t) => renderLoading(t));
    const status = host.shadowRoot!.querySelector('[role="status"]')!;
    expect(status.getAttribute('aria-busy')).to.equal('true');
    expect(status.getAttribute('aria-live')).to.equal('polite');
    expect(status.textContent.trim()).to.match(/^Loading… Still trying/);
    await expectAccessible(host);
  });

  it('loading says it is still trying once it has taken 6 s, not before', async () => {
    const host = await show((t) => renderLoading(t), 'ar');
    const slow = host.shadowRoot!.querySelector<HTMLElement>('.grove-slow')!;
    expect(slow.textContent).to.equal('ما زلنا نحاول: يستغرق هذا وقتًا أطول من المعتاد.');
    expect(getComputedStyle(slow).visibility).to.equal('hidden');
    const [reveal] = slow.getAnimations();
    expect(reveal, 'a CSS animation reveals it').to.not.equal(undefined);
    reveal!.currentTime = 5_900;
    expect(getComputedStyle(slow).visibility).to.equal('hidden');
    reveal!.currentTime = 6_000;
    expect(getComputedStyle(slow).visibility).to.equal('visible');
    await expectAccessible(host);
  });

  it('empty shows the widget message or the generic one', async () => {
    const host = await show((t) => renderEmpty(t));
    expect(host.shadowRoot!.textContent.trim()).to.equal('Nothing to show yet.');
    await expectAccessible(host);
  });

  it('error shows a translated sentence by kind, never the raw message, and retries from the keyboard', async () => {
    let retried = 0;
    const error = new GroveApiError('rate-limited', 429, { detail: 'bucket grove:1.2.3.4 exhausted' });
    const host = await show((t) => renderError(t, error, () => (retried += 1)), 'fr');
    const alert = host.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('Trop de requêtes');
    expect(alert.textContent).not.to.contain('bucket');
    const button = host.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!;
    expect(button.textContent.trim()).to.equal('Réessayer');
    button.focus();
    expect(host.shadowRoot!.activeElement).to.equal(button);
    button.click();
    expect(retried).to.equal(1);
    await expectAccessible(host);
  });

  it('an unexpected exception still becomes a sentence', async () => {
    const host = await show((t) => renderError(t, new Error('x is undefined')));
    expect(host.shadowRoot!.textContent).to.contain('Something went wrong');
    expect(host.shadowRoot!.textContent).not.to.contain('undefined');
  });

  it('not-configured and invalid-attribute name what to fix, in Arabic too', async () => {
    const notConfigured = await show((t) => renderNotConfigured(t));
    expect(notConfigured.shadowRoot!.textContent).to.contain('<meta name="grove-api">');
    await expectAccessible(notConfigured);
    const invalid = await show(
      (t) => renderInvalidAttribute(t, { name: 'view', value: 'mounth', hint: { oneOf: ['cards', 'list'] } }),
      'ar',
    );
    expect(invalid.shadowRoot!.textContent).to.contain('view').and.to.contain('mounth');
    await expectAccessible(invalid);
  });

  it('one invalid-attribute message says what a valid value looks like, translated', async () => {
    const cases = [
      [{ oneOf: ['cards', 'list'] }, 'en', 'The attribute view has an invalid value “grid”. Possible values: cards or list.'],
      [{ oneOf: ['cards', 'list'] }, 'fr', 'L’attribut view a une valeur non valide « grid ». Valeurs possibles : cards ou list.'],
      [{ example: 'KE' }, 'es', 'El atributo view tiene un valor no válido «grid». Por ejemplo: KE.'],
      [{ min: 1, max: 100 }, 'en', 'The attribute view has an invalid value “grid”. Use a whole number from 1 to 100.'],
    ] as const;
    for (const [hint, lang, expected] of cases) {
      const host = await show((t) => renderInvalidAttribute(t, { name: 'view', value: 'grid', hint }), lang);
      expect(host.shadowRoot!.querySelector('[role="alert"]')?.textContent, lang).to.equal(expected);
    }
    const missing = await show((t) => renderInvalidAttribute(t, { name: 'member', value: '' }));
    expect(missing.shadowRoot!.textContent).to.contain('The attribute member is required.');
  });
});
