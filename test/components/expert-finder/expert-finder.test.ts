import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { GroveApiError } from '../../../src/api/problem.js';
import { GroveExpertFinder } from '../../../src/components/expert-finder/expert-finder.js';
import type { ExpertPage } from '../../../src/components/expert-finder/types.js';
import { defineElement } from '../../../src/registry/define-element.js';
import type { GroveErrorEvent } from '../../../src/events/grove-error-event.js';
import type { GroveLoadEvent } from '../../../src/events/grove-load-event.js';
import type { GroveSearchEvent } from '../../../src/events/grove-search-event.js';
import { GroveSelectEvent } from '../../../src/events/grove-select-event.js';
import { expectAccessible } from '../../helpers/axe.js';
import { FakeClient } from '../../helpers/fake-client.js';
import { $, $$, loaded as loadedWidget, text } from '../../helpers/dom.js';
import { fixtureWithClient } from '../../helpers/fixture.js';
import { amina, finderClient } from './fixtures.js';
import { withoutIntersectionObserver } from '../../helpers/intersection-observer.js';
import { widgetSuite } from '../../helpers/widget-suite.js';

defineElement('grove-expert-finder', GroveExpertFinder);

type Finder = GroveExpertFinder;

/** Renders a finder and waits for its first load (test/helpers/dom.ts). */
const loaded = (client: FakeClient, template = html`<grove-expert-finder query="drip irrigation"></grove-expert-finder>`, lang?: string) =>
  loadedWidget<Finder>(template, client, lang ? { lang } : {});

widgetSuite({
  tag: 'grove-expert-finder',
  template: html`<grove-expert-finder query="drip irrigation"></grove-expert-finder>`,
  client: finderClient,
  emptyClient: () => finderClient([]),
  loadPath: '/v1/experts',
  invalid: { template: html`<grove-expert-finder limit="0"></grove-expert-finder>`, name: 'limit', says: 'from 1 to 50' },
});

describe('grove-expert-finder', () => {
  let restoreLazyLoading: () => void;
  before(() => (restoreLazyLoading = withoutIntersectionObserver()));
  after(() => restoreLazyLoading());

  it('invites a question and asks the server nothing until there is one', async () => {
    const client = finderClient();
    const el = await fixtureWithClient<Finder>(html`<grove-expert-finder></grove-expert-finder>`, client);
    expect(text(el)).to.include('Type a question to see who is best placed to help');
    expect(client.calls).to.have.length(0);
    await expectAccessible(el);
  });

  it('shows each expert with the evidence that ranks them, availability, languages and local time', async () => {
    const el = await loaded(
      finderClient(),
      html`<grove-expert-finder query="drip irrigation" thread-url="/forum#thread={id}"></grove-expert-finder>`,
    );
    const experts = $$(el, '[part~="expert"]');
    expect(experts).to.have.length(2);
    const first = experts[0]!.textContent.replace(/\s+/g, ' ');
    expect(first).to.include('Amina Diallo').and.include('Community facilitator · ENDA').and.include('Open to questions');
    expect(first).to.include('3 accepted answers on Drip irrigation');
    expect(first).to.include('Endorsed for Drip irrigation 5 times');
    expect(first).to.include('Led 1 event on this question');
    expect(first)
      .to.include('Speaks French and Wolof')
      .and.match(/\d{1,2}:\d{2}.* local time/);
    const links = [...experts[0]!.querySelectorAll('[part~="evidence-link"]')].map((a) => a.getAttribute('href'));
    expect(links, 'own page first, else the thread-url pattern').to.deep.equal(['https://intranet.example.org/q/11', '/forum#thread=12']);
    expect($(el, '[part~="topics"]').textContent).to.include('Drip irrigation');
    expect($(el, '[role="status"]').textContent).to.equal('2 experts found');
    const second = experts[1]!.textContent.replace(/\s+/g, ' ');
    expect(second).to.include('Limited time for questions').and.include('14 contributions in the last 30 days');
    expect(second, 'no visible channel: said, not hidden').to.include('No contact details shared with you');
  });

  it('asks the server with the question, the community, the limit and the widget language', async () => {
    const client = finderClient();
    await loaded(client, html`<grove-expert-finder query=" soil health " community="Water" limit="3"></grove-expert-finder>`);
    expect(client.callsTo('GET', '/v1/experts')[0]!.query).to.include({ q: 'soil health', community: 'water', limit: 3, lang: 'en' });
  });

  it('searches when the user submits a question by keyboard, firing grove-search then grove-load', async () => {
    const client = finderClient();
    const el = await fixtureWithClient<Finder>(html`<grove-expert-finder></grove-expert-finder>`, client);
    $(el, 'input').focus();
    await sendKeys({ type: 'Who knows compost?' });
    const searched = oneEvent(el, 'grove-search');
    const done: Promise<GroveLoadEvent<ExpertPage>> = oneEvent(el, 'grove-load');
    await sendKeys({ press: 'Enter' });
    const event = await searched;
    expect(event.detail).to.deep.equal({ query: 'Who knows compost?' });
    expect(event.bubbles && event.composed, 'grove-search leaves the shadow root').to.equal(true);
    const load = await done;
    expect(load.detail.data.items).to.have.length(2);
    expect(load.bubbles && load.composed).to.equal(true);
    expect(client.callsTo('GET', '/v1/experts')[0]!.query.q).to.equal('Who knows compost?');
  });

  it('suggests topics from the taxonomy in the widget language as the user types', async () => {
    const client = finderClient();
    const el = await fixtureWithClient<Finder>(html`<grove-expert-finder></grove-expert-finder>`, client, { lang: 'fr' });
    $(el, 'input').focus();
    await sendKeys({ type: 'goutte' });
    await waitUntil(() => $$(el, 'datalist option').length > 0, 'suggestions arrive');
    expect(client.callsTo('GET', '/v1/skills').at(-1)!.query).to.include({ q: 'goutte', lang: 'fr' });
    expect($(el, 'datalist option').getAttribute('value')).to.equal('Drip irrigation');
    expect($(el, 'input').getAttribute('list')).to.equal('topics');
  });

  it('is accessible while loading, with experts, when nobody matches and on error', async () => {
    const client = finderClient();
    const release = client.hold();
    const el = await fixtureWithClient<Finder>(html`<grove-expert-finder query="drip"></grove-expert-finder>`, client);
    expect($(el, '[aria-busy="true"]').textContent).to.include('Loading');
    await expectAccessible(el);
    const done = oneEvent(el, 'grove-load');
    release();
    await done;
    await el.updateComplete;
    await expectAccessible(el);

    const empty = await loaded(finderClient([]));
    expect(text(empty)).to.include('Nobody matches this question yet.');
    await expectAccessible(empty);

    const failing = new FakeClient({
      'GET /v1/experts': () => {
        throw new GroveApiError('unavailable', 503);
      },
    });
    const failed: Promise<GroveErrorEvent> = oneEvent(document, 'grove-error');
    const broken = await fixtureWithClient<Finder>(html`<grove-expert-finder query="drip"></grove-expert-finder>`, failing);
    expect((await failed).detail.error.kind).to.equal('unavailable');
    await broken.updateComplete;
    expect($(broken, '[role="alert"]').textContent).to.include('The server is busy');
    await expectAccessible(broken);
  });

  it('retries a failed search from the keyboard', async () => {
    let fail = true;
    const client = new FakeClient({
      'GET /v1/experts': () => {
        if (fail) throw new GroveApiError('offline', 0);
        return { items: [amina], topics: [] };
      },
    });
    const failed = oneEvent(document, 'grove-error');
    const el = await fixtureWithClient<Finder>(html`<grove-expert-finder query="drip"></grove-expert-finder>`, client);
    await failed;
    await el.updateComplete;
    fail = false;
    $(el, '[part~="retry-button"]').focus();
    const done = oneEvent(el, 'grove-load');
    await sendKeys({ press: 'Enter' });
    await done;
    await el.updateComplete;
    expect($$(el, '[part~="expert"]')).to.have.length(1);
  });

  it('fires a cancelable grove-select when the user asks an expert, and fills the ask-url', async () => {
    const el = await loaded(
      finderClient(),
      html`<grove-expert-finder query="drip irrigation" ask-url="/ask?to={id}&amp;q={query}"></grove-expert-finder>`,
    );
    const ask = $(el, '[part~="ask-button"]');
    expect(ask.getAttribute('href')).to.equal('/ask?to=1&q=drip%20irrigation');
    expect(ask.textContent.trim()).to.equal('Ask Amina Diallo');
    el.addEventListener('grove-select', (event) => event.preventDefault(), { once: true });
    const selected: Promise<GroveSelectEvent<typeof amina>> = oneEvent(el, 'grove-select');
    let click: Event | undefined;
    ask.addEventListener('click', (event) => (click = event), { once: true });
    ask.focus();
    await sendKeys({ press: 'Enter' });
    const event = await selected;
    expect(event).to.be.instanceOf(GroveSelectEvent);
    expect(event.detail.item.member.id).to.equal('1');
    expect(event.cancelable && event.bubbles && event.composed).to.equal(true);
    expect(click?.defaultPrevented, 'a host that cancels grove-select handles asking itself').to.equal(true);
  });

  it('links "ask" to the expert’s visible contact channel when the page gives no ask-url', async () => {
    const el = await loaded(finderClient());
    expect($(el, '[part~="ask-button"]').getAttribute('href')).to.equal('mailto:amina@example.org');
  });

  it('links each name to the profile pattern when profile-url is set', async () => {
    const el = await loaded(
      finderClient(),
      html`<grove-expert-finder query="drip" profile-url="/people#members.member={id}"></grove-expert-finder>`,
    );
    const links = $$(el, '[part~="name-link"]');
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['/people#members.member=1', '/people#members.member=6']);
    expect(links[0]!.closest('h3')?.id, 'the name stays the heading that labels the expert').to.equal('expert-1');
  });

  it('searches at once when the user picks a suggested topic', async () => {
    const client = finderClient();
    const el = await fixtureWithClient<Finder>(html`<grove-expert-finder></grove-expert-finder>`, client);
    const input = $(el, 'input') as HTMLInputElement;
    input.value = 'Drip irrigation';
    const searched: Promise<GroveSearchEvent> = oneEvent(el, 'grove-search');
    const done = oneEvent(el, 'grove-load');
    // What Chromium dispatches when a <datalist> option is chosen.
    input.dispatchEvent(new InputEvent('input', { inputType: 'insertReplacementText', bubbles: true, composed: true }));
    expect((await searched).detail.query).to.equal('Drip irrigation');
    await done;
    expect(client.callsTo('GET', '/v1/experts').at(-1)!.query.q).to.equal('Drip irrigation');
  });

  it('hides the evidence with no-evidence', async () => {
    const el = await loaded(finderClient(), html`<grove-expert-finder query="drip" no-evidence></grove-expert-finder>`);
    expect($$(el, '[part~="evidence"]')).to.have.length(0);
    expect($$(el, '[part~="expert"]')).to.have.length(2);
  });

  it('names a wrong attribute back to the editor, translated, and requests nothing', async () => {
    const client = finderClient();
    const el = await fixtureWithClient<Finder>(html`<grove-expert-finder query="drip" limit="500"></grove-expert-finder>`, client);
    expect($(el, '[role="alert"]').textContent).to.include('The attribute limit has an invalid value “500”.');
    expect(client.calls).to.have.length(0);
    await expectAccessible(el);
  });

  it('says so when no server is configured', async () => {
    const el = await fixtureWithClient<Finder>(html`<grove-expert-finder query="drip"></grove-expert-finder>`, undefined);
    expect($(el, '[role="alert"]').textContent).to.include('No Grove server is configured');
  });

  it('speaks Arabic right to left, with Arabic plurals', async () => {
    const el = await loaded(finderClient(), undefined, 'ar');
    const root = $(el, 'section');
    expect(root.getAttribute('dir')).to.equal('rtl');
    expect(root.getAttribute('lang')).to.equal('ar');
    expect(text(el)).to.include('عُثر على خبيرين').and.include('3 إجابات مقبولة');
    expect(getComputedStyle($(el, '.evidence')).borderInlineStartWidth).to.equal('3px');
    await expectAccessible(el);
  });

  it('renders every part it documents in custom-elements.json', async () => {
    const manifest = (await (await fetch(new URL('../../../custom-elements.json', import.meta.url))).json()) as {
      modules: { declarations?: { tagName?: string; cssParts?: { name: string }[] }[] }[];
    };
    const declaration = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'grove-expert-finder');
    const documented = (declaration?.cssParts ?? []).map((part) => part.name);
    expect(documented.length).to.be.greaterThan(10);
    const idle = await fixtureWithClient<Finder>(html`<grove-expert-finder></grove-expert-finder>`, finderClient());
    const results = await loaded(
      finderClient(),
      html`<grove-expert-finder query="drip" profile-url="/people#members.member={id}"></grove-expert-finder>`,
    );
    const failed = oneEvent(document, 'grove-error');
    const failing = new FakeClient({
      'GET /v1/experts': () => {
        throw new GroveApiError('server', 500);
      },
    });
    const broken = await fixtureWithClient<Finder>(html`<grove-expert-finder query="x"></grove-expert-finder>`, failing);
    await failed;
    await broken.updateComplete;
    const rendered = new Set(
      [idle, results, broken].flatMap((el) => $$(el, '[part]').flatMap((node) => node.getAttribute('part')!.split(' '))),
    );
    for (const part of documented) expect(rendered.has(part), `part "${part}" is documented but never rendered`).to.equal(true);
  });

  it('renders, searches, suggests and asks without Lit warnings', async () => {
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const el = await loaded(finderClient());
      $(el, 'input').focus();
      await sendKeys({ type: ' compost' });
      await waitUntil(() => $$(el, 'datalist option').length > 0, 'suggestions arrive');
      const again = oneEvent(el, 'grove-load');
      await sendKeys({ press: 'Enter' });
      await again;
      el.addEventListener('grove-select', (event) => event.preventDefault(), { once: true });
      $(el, '[part~="ask-button"]').click();
      await el.updateComplete;
    } finally {
      console.warn = original;
    }
    expect(warnings.filter((w) => !String((w as unknown[])[0]).includes('Lit is in dev mode'))).to.deep.equal([]);
  });
});
