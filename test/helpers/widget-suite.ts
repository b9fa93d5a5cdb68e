/**
 * The contract every Grove widget keeps, tested the same way for each (STYLE.md "A test's shape"):
 * axe in each state, the `grove-load` / `grove-error` event contract, abort on removal, reload when moved
 * while loading, no reload when moved after loading, a wrong attribute named with its valid values,
 * documented attributes as properties of their documented type, no Lit dev-mode warnings, and every
 * documented custom property used (and none undocumented). A widget's own test file calls
 * `widgetSuite({...})` once, then tests what is particular to it.
 */
import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import type { LitElement, TemplateResult } from 'lit';
import { GroveApiError } from '../../src/api/problem.js';
import { GroveErrorEvent } from '../../src/events/grove-error-event.js';
import { GroveLoadEvent } from '../../src/events/grove-load-event.js';
import { expectAccessible } from './axe.js';
import { text } from './dom.js';
import type { FakeClient } from './fake-client.js';
import { fixtureWithClient } from './fixture.js';
import { withoutIntersectionObserver } from './intersection-observer.js';

type Widget = LitElement;

export interface WidgetContract {
  tag: string;
  /** The widget with attributes that make it load at once. */
  template: TemplateResult;
  /** Answers every request of the complete state. */
  client: () => FakeClient;
  /** Answers that make the empty state; omit when the widget has none. */
  emptyClient?: () => FakeClient;
  /** The path of its first GET: held for the loading state, failed for the error state, watched on moves. */
  loadPath: string;
  /** The widget with one wrong attribute, the attribute's name and the text its message must contain. */
  invalid?: { template: TemplateResult; name: string; says: string };
  /** Axe rules to skip, each with its reason in the calling file. */
  ignoredRules?: string[];
}

interface ManifestDeclaration {
  tagName?: string;
  attributes?: { name: string; fieldName?: string; type?: { text: string } }[];
  cssProperties?: { name: string }[];
}

let manifest: Promise<ManifestDeclaration[]> | undefined;
/** The widgets' documented public API, from the committed custom-elements.json. */
function declarations(): Promise<ManifestDeclaration[]> {
  manifest ??= fetch('/custom-elements.json')
    .then((response) => response.json() as Promise<{ modules: { declarations?: ManifestDeclaration[] }[] }>)
    .then(({ modules }) => modules.flatMap((module) => module.declarations ?? []));
  return manifest;
}

const calls = (client: FakeClient, path: string) => client.callsTo('GET', path).length;

export function widgetSuite(contract: WidgetContract): void {
  const { tag, template, loadPath } = contract;

  const failingClient = (): FakeClient =>
    contract.client().route(`GET ${loadPath}`, () => {
      throw new GroveApiError('unavailable', 503);
    });

  /** Renders the widget and waits for its first load; resolves with the event too. */
  async function loaded(client = contract.client()): Promise<{ element: Widget; event: GroveLoadEvent }> {
    const load = oneEvent<GroveLoadEvent>(document, 'grove-load');
    const element = await fixtureWithClient<Widget>(template, client);
    const event = await load;
    await element.updateComplete;
    return { element, event };
  }

  describe(`${tag}: the shared widget contract`, function () {
    // Some of these render a widget in six states, each with its axe run: seconds on a busy machine.
    this.timeout(20_000);
    // Test pages run in background tabs, where IntersectionObserver never reports: widgets load at once.
    let restoreObserver: () => void;
    beforeEach(() => (restoreObserver = withoutIntersectionObserver()));
    afterEach(() => restoreObserver());

    it('is accessible loading, loaded, empty, failed, unconfigured and with a wrong attribute', async () => {
      const holding = contract.client();
      const release = holding.hold();
      const loading = await fixtureWithClient<Widget>(template, holding);
      await expectAccessible(loading, contract.ignoredRules);
      release();
      const { element } = await loaded();
      await expectAccessible(element, contract.ignoredRules);
      if (contract.emptyClient) await expectAccessible((await loaded(contract.emptyClient())).element, contract.ignoredRules);
      const failed = oneEvent(document, 'grove-error');
      const failing = await fixtureWithClient<Widget>(template, failingClient());
      await failed;
      await failing.updateComplete;
      await expectAccessible(failing, contract.ignoredRules);
      const unconfigured = await fixture<Widget>(template);
      await expectAccessible(unconfigured, contract.ignoredRules);
      if (contract.invalid)
        await expectAccessible(await fixtureWithClient<Widget>(contract.invalid.template, contract.client()), contract.ignoredRules);
    });

    it('fires grove-load and grove-error as typed events that bubble out of shadow roots', async () => {
      const { element, event } = await loaded();
      expect(event).to.be.instanceOf(GroveLoadEvent);
      expect(event.target).to.equal(element);
      expect([event.bubbles, event.composed], 'bubbles and composed').to.deep.equal([true, true]);
      const failed = oneEvent<GroveErrorEvent>(document, 'grove-error');
      await fixtureWithClient<Widget>(template, failingClient());
      const failure = await failed;
      expect(failure).to.be.instanceOf(GroveErrorEvent);
      expect([failure.bubbles, failure.composed]).to.deep.equal([true, true]);
      expect(failure.detail.error, 'one error type').to.be.instanceOf(GroveApiError);
      expect(failure.detail.error.kind).to.equal('unavailable');
    });

    it('aborts its request when removed while loading', async () => {
      const client = contract.client();
      const release = client.hold();
      const element = await fixtureWithClient<Widget>(template, client);
      await waitUntil(() => calls(client, loadPath) > 0, 'the first request leaves', { timeout: 4000 });
      element.remove();
      expect(client.callsTo('GET', loadPath)[0]?.signal?.aborted, 'the request is aborted').to.equal(true);
      release();
    });

    it('loads again when moved in the page while loading, and finishes', async () => {
      const client = contract.client();
      const release = client.hold();
      const element = await fixtureWithClient<Widget>(template, client);
      await waitUntil(() => calls(client, loadPath) > 0, 'the first request leaves', { timeout: 4000 });
      const parent = element.parentElement;
      if (!parent) throw new Error('the widget has no parent');
      const reloaded = oneEvent<GroveLoadEvent>(element, 'grove-load');
      parent.append(element);
      release();
      await reloaded;
      expect(calls(client, loadPath), 'one request cut off, one that finished').to.equal(2);
      expect(client.callsTo('GET', loadPath)[0]?.signal?.aborted).to.equal(true);
    });

    it('keeps what it loaded, without a new request, when moved after loading', async () => {
      const client = contract.client();
      const { element } = await loaded(client);
      const requests = client.calls.length;
      const shown = text(element);
      const parent = element.parentElement;
      if (!parent) throw new Error('the widget has no parent');
      parent.append(element);
      await element.updateComplete;
      await new Promise((resolve) => setTimeout(resolve));
      expect(client.calls.length, 'no request after the move').to.equal(requests);
      expect(text(element)).to.equal(shown);
    });

    if (contract.invalid) {
      const invalid = contract.invalid;
      it('names a wrong attribute with what a valid value looks like, and requests nothing', async () => {
        const client = contract.client();
        const element = await fixtureWithClient<Widget>(invalid.template, client);
        const alert = element.shadowRoot?.querySelector('[role="alert"]')?.textContent ?? '';
        expect(alert).to.include(`attribute ${invalid.name} `).and.include(invalid.says);
        expect(client.calls, 'nothing is requested').to.have.length(0);
      });
    }

    it('declares each documented attribute as a property of its documented type', async () => {
      const declaration = (await declarations()).find((candidate) => candidate.tagName === tag);
      expect(declaration, `${tag} in custom-elements.json`).not.to.equal(undefined);
      const element = document.createElement(tag) as unknown as Record<string, unknown>;
      for (const { name, fieldName, type } of declaration?.attributes ?? []) {
        expect(name, 'attributes are lowercase kebab-case (CMS editors lowercase them)').to.match(/^[a-z]+(-[a-z]+)*$/);
        if (!fieldName) continue;
        const kind = type?.text === 'boolean' ? 'boolean' : type?.text === 'number' ? 'number' : 'string';
        expect(typeof element[fieldName], `${tag}.${fieldName}`).to.equal(kind);
        if (kind === 'boolean') expect(element[fieldName], `${name} defaults to false`).to.equal(false);
      }
    });

    it('renders, loads and fails without Lit dev-mode warnings or console errors', async () => {
      const messages: unknown[] = [];
      const { warn, error } = console;
      console.warn = (...args: unknown[]) => messages.push(args);
      console.error = (...args: unknown[]) => messages.push(args);
      try {
        await loaded();
        const failed = oneEvent(document, 'grove-error');
        const failing = await fixtureWithClient<Widget>(template, failingClient());
        await failed;
        await failing.updateComplete;
      } finally {
        Object.assign(console, { warn, error });
      }
      expect(messages).to.deep.equal([]);
    });

    it('uses every custom property it documents, and documents each of its own it reads', async () => {
      const declaration = (await declarations()).find((candidate) => candidate.tagName === tag);
      const properties = (declaration?.cssProperties ?? []).map((property) => property.name);
      const documented = properties.filter((name) => name.startsWith(`--${tag}-`)).sort();
      const { element } = await loaded();
      const sheets = [...(element.shadowRoot?.adoptedStyleSheets ?? [])];
      const css = sheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');
      const own = new RegExp(`--${tag}-[a-z-]+`, 'g');
      const used = [...new Set(css.match(own) ?? [])].sort();
      expect(used, 'own custom properties read by the styles').to.deep.equal(documented);
      // The shared tokens (src/styles/tokens.ts) are documented on every widget, and every widget reads them.
      const shared = [...new Set(css.match(/--grove-(color|radius|space|font-size|focus-ring|motion)[a-z-]*/g) ?? [])].sort();
      expect(properties.filter((name) => !name.startsWith(`--${tag}-`)).sort(), 'shared tokens documented').to.deep.equal(shared);
    });
  });
}
