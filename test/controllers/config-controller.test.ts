import { expect, fixture, html } from '@open-wc/testing';
import { configure } from '../../src/context/page-config.js';
import { FakeClient } from '../helpers/fake-client.js';
import { fixtureWithClient } from '../helpers/fixture.js';
import type { GroveProbe } from '../helpers/probe-element.js';
import '../helpers/probe-element.js';

describe('ConfigController', () => {
  afterEach(() => {
    configure({});
    document.head.querySelectorAll('meta[name^="grove-"]').forEach((meta) => meta.remove());
  });

  it('has no client when nothing configures an API', async () => {
    const probe = await fixture<GroveProbe>(html`<grove-probe></grove-probe>`);
    expect(probe.config.client).to.equal(undefined);
  });

  it('takes the client from the nearest provider', async () => {
    const client = new FakeClient();
    const probe = await fixtureWithClient<GroveProbe>(html`<grove-probe></grove-probe>`, client);
    expect(probe.config.client).to.equal(client);
  });

  it('falls back to <meta name="grove-api">', async () => {
    const meta = Object.assign(document.createElement('meta'), { name: 'grove-api', content: 'https://meta.test/api/' });
    document.head.append(meta);
    const probe = await fixture<GroveProbe>(html`<grove-probe></grove-probe>`);
    expect(probe.config.client?.baseUrl).to.equal('https://meta.test/api');
  });

  it('shares one meta-tag client across reads when configure() was never called', async () => {
    // A page that only has the meta tag: the state as the library first finds it, before any configure().
    Reflect.deleteProperty(globalThis, Symbol.for('grove.page-config'));
    const meta = Object.assign(document.createElement('meta'), { name: 'grove-api', content: 'https://meta.test/api/' });
    document.head.append(meta);
    const probe = await fixture<GroveProbe>(html`<grove-probe></grove-probe>`);
    // A new client per read made every widget's load task see changed arguments and reload for ever.
    expect(probe.config.client).to.equal(probe.config.client);
  });

  it('prefers configure() over the meta tag and updates widgets when it is called', async () => {
    const probe = await fixture<GroveProbe>(html`<grove-probe></grove-probe>`);
    configure({ api: 'https://configured.test/api', lang: 'fr' });
    await probe.updateComplete;
    expect(probe.config.client?.baseUrl).to.equal('https://configured.test/api');
    expect(probe.config.lang).to.equal('fr');
  });

  it('resolves lang from the attribute before the provider', async () => {
    const own = await fixtureWithClient<GroveProbe>(html`<grove-probe lang="es"></grove-probe>`, undefined, { lang: 'fr' });
    expect(own.config.lang).to.equal('es');
    const fromProvider = await fixtureWithClient<GroveProbe>(html`<grove-probe></grove-probe>`, undefined, { lang: 'fr' });
    expect(fromProvider.config.lang).to.equal('fr');
  });

  it('finds the closest lang ancestor across shadow roots', () => {
    // Built by hand: open-wc's fixture waits a frame for non-Lit elements, which background tabs throttle.
    const outer = Object.assign(document.createElement('div'), { lang: 'ar' });
    const inner = outer.appendChild(document.createElement('div'));
    const nested = document.createElement('grove-probe');
    inner.attachShadow({ mode: 'open' }).append(nested);
    document.body.append(outer);
    try {
      expect(nested.config.lang, 'crosses the shadow boundary').to.equal('ar');
    } finally {
      outer.remove();
    }
  });

  it('falls back to the browser language without any lang', async () => {
    const lang = document.documentElement.getAttribute('lang');
    document.documentElement.removeAttribute('lang');
    try {
      const probe = await fixture<GroveProbe>(html`<grove-probe></grove-probe>`);
      expect(probe.config.lang).to.equal(navigator.language);
    } finally {
      if (lang !== null) document.documentElement.setAttribute('lang', lang);
    }
  });

  it('re-renders when the lang attribute changes', async () => {
    const probe = await fixture<GroveProbe>(html`<grove-probe lang="en"></grove-probe>`);
    probe.setAttribute('lang', 'fr');
    await probe.localize.ready;
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).to.contain('3 membres');
  });

  it('reflects the resolved theme for the host styles', async () => {
    const probe = await fixtureWithClient<GroveProbe>(html`<grove-probe></grove-probe>`, undefined, { theme: 'dark' });
    expect(probe.getAttribute('data-grove-theme')).to.equal('dark');
    expect(getComputedStyle(probe).colorScheme).to.equal('dark');
  });
});
