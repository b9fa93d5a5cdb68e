import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { GroveApiError } from '../../../src/api/problem.js';
import { GroveMemberDirectory } from '../../../src/components/member-directory/member-directory.js';
import { defineElement } from '../../../src/registry/define-element.js';
import type { GroveErrorEvent } from '../../../src/events/grove-error-event.js';
import { GroveSelectEvent } from '../../../src/events/grove-select-event.js';
import { expectAccessible } from '../../helpers/axe.js';
import { FakeClient, type FakeCall } from '../../helpers/fake-client.js';
import { $, $$, deepActive, loaded as loadedWidget, text } from '../../helpers/dom.js';
import { fixtureWithClient } from '../../helpers/fixture.js';
import type { MemberSummary } from '../../../src/components/member-directory/types.js';
import { amina, broadSearchRoutes, directoryClient, manyMembers } from './fixtures.js';
import { withoutIntersectionObserver } from '../../helpers/intersection-observer.js';
import { widgetSuite } from '../../helpers/widget-suite.js';

defineElement('grove-member-directory', GroveMemberDirectory);

type Directory = GroveMemberDirectory;

/** Renders a directory and waits for its first load (test/helpers/dom.ts). */
const loaded = (client: FakeClient, template = html`<grove-member-directory></grove-member-directory>`, lang?: string) =>
  loadedWidget<Directory>(template, client, lang ? { lang } : {});

widgetSuite({
  tag: 'grove-member-directory',
  template: html`<grove-member-directory community="water"></grove-member-directory>`,
  client: directoryClient,
  emptyClient: () => directoryClient([]),
  loadPath: '/v1/members',
  invalid: { template: html`<grove-member-directory view="grid"></grove-member-directory>`, name: 'view', says: 'cards or list' },
});

describe('grove-member-directory', () => {
  let restoreLazyLoading: () => void;
  before(() => (restoreLazyLoading = withoutIntersectionObserver()));
  after(() => restoreLazyLoading());
  afterEach(() => history.replaceState(null, '', location.pathname + location.search));

  it('waits until it is near the viewport before loading', async () => {
    restoreLazyLoading();
    const observed: { callback: IntersectionObserverCallback; target?: Element }[] = [];
    const original = window.IntersectionObserver;
    window.IntersectionObserver = class {
      constructor(callback: IntersectionObserverCallback) {
        observed.push({ callback });
      }
      observe(target: Element) {
        observed.at(-1)!.target = target;
      }
      disconnect() {
        // Nothing to release: the fake only records what is observed.
      }
    } as unknown as typeof IntersectionObserver;
    try {
      const client = directoryClient();
      const el = await fixtureWithClient<Directory>(html`<grove-member-directory></grove-member-directory>`, client);
      expect(client.calls, 'nothing is fetched off screen').to.have.length(0);
      const { callback, target } = observed.find((entry) => entry.target === el)!;
      const firstLoad = oneEvent(el, 'grove-load');
      callback([{ isIntersecting: true, target } as IntersectionObserverEntry], {} as IntersectionObserver);
      await firstLoad;
      expect(client.calls).to.have.length(1);
    } finally {
      window.IntersectionObserver = original;
      restoreLazyLoading = withoutIntersectionObserver();
    }
  });

  it('renders member cards with initials, practice, organisation, country name, skills, languages and local time', async () => {
    const el = await loaded(directoryClient());
    const cards = $$(el, '[part~="card"]');
    expect(cards).to.have.length(2);
    const card = cards[0]!.textContent.replace(/\s+/g, ' ');
    expect(card).to.include('AD').and.include('Amina Diallo').and.include('Extension officer');
    expect(card).to.include('Sahel Water Network · Senegal');
    expect(card).to.include('Drip irrigation').and.include('Speaks French and Wolof');
    expect(card).to.match(/\d{1,2}:\d{2}.* local time/);
    expect(text(el)).to.include('2 members found');
  });

  it('says "1,000+" when the server stopped counting, and that facet counts cover those first matches', async () => {
    const el = await loaded(new FakeClient(broadSearchRoutes()));
    expect($(el, '[part~="toolbar"] [role="status"]').textContent).to.equal('1,000+ members found');
    expect(text(el)).to.include('Showing 2 of 1,000+');
    expect($(el, '[part~="facets"] .sampled').textContent).to.equal('Counted over the first 1,000 members found');
    const french = await loaded(new FakeClient(broadSearchRoutes()), html`<grove-member-directory></grove-member-directory>`, 'fr');
    expect($(french, '[part~="toolbar"] [role="status"]').textContent).to.equal('Plus de 1\u202f000 membres trouvés');
    await expectAccessible(el);
  });

  it('asks the server for facets on the first page, in the widget language, scoped to the community attribute', async () => {
    const client = directoryClient();
    await loaded(client, html`<grove-member-directory community="Water" page-size="10"></grove-member-directory>`);
    expect(client.callsTo('GET', '/v1/members')[0]!.query).to.include({ community: 'water', facets: 'true', limit: 10, lang: 'en' });
  });

  it('is accessible while loading, with results, when empty and on error', async () => {
    const client = directoryClient();
    const release = client.hold();
    const el = await fixtureWithClient<Directory>(html`<grove-member-directory></grove-member-directory>`, client);
    expect($(el, '[aria-busy="true"]').textContent).to.include('Loading');
    await expectAccessible(el);
    const done = oneEvent(el, 'grove-load');
    release();
    await done;
    await el.updateComplete;
    await expectAccessible(el);

    const empty = await loaded(directoryClient([]));
    expect(text(empty)).to.include('No members match this search.');
    await expectAccessible(empty);

    const failing = new FakeClient({
      'GET /v1/members': () => {
        throw new GroveApiError('unavailable', 503);
      },
    });
    const failed = oneEvent(document, 'grove-error');
    const broken = await fixtureWithClient<Directory>(html`<grove-member-directory></grove-member-directory>`, failing);
    await failed;
    await broken.updateComplete;
    expect($(broken, '[role="alert"]').textContent).to.include('The server is busy');
    await expectAccessible(broken);
  });

  it('searches on the server as the user types, fires grove-search and announces the count politely', async () => {
    const client = directoryClient();
    const el = await loaded(client);
    const input = $(el, 'input[type="search"]') as HTMLInputElement;
    input.focus();
    const searched = oneEvent(el, 'grove-search');
    // Three keystrokes' input events in one turn: typed through sendKeys, a busy machine could pause longer
    // than the debounce between two keys, and the test would measure the machine, not the debounce.
    for (const value of ['a', 'am', 'ami']) {
      input.value = value;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: value.at(-1) ?? null, inputType: 'insertText' }));
    }
    const event = await searched;
    expect(event.detail).to.deep.equal({ query: 'ami' });
    expect(event.bubbles && event.composed, 'grove-search bubbles out of shadow roots').to.equal(true);
    await oneEvent(el, 'grove-load');
    await el.updateComplete;
    expect(client.calls.at(-1)!.query.q).to.equal('ami');
    expect(client.callsTo('GET', '/v1/members'), 'one request per pause in typing, not per key').to.have.length(2);
    expect($(el, '[part~="toolbar"] [role="status"]').textContent).to.equal('1 member found');
    expect(location.hash).to.equal('#members.q=ami');
  });

  it('aborts a stale search when a newer one starts', async () => {
    const client = directoryClient();
    const el = await loaded(client);
    const input = $(el, 'input[type="search"]') as HTMLInputElement;
    client.hold();
    input.focus();
    await sendKeys({ type: 'a' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ type: 'm' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const [, stale, fresh] = client.callsTo('GET', '/v1/members');
    expect(stale!.query.q).to.equal('a');
    expect(stale!.signal!.aborted, 'the request for "a" is aborted').to.equal(true);
    expect(fresh!.signal!.aborted).to.equal(false);
  });

  it('toggles a facet by keyboard, shows it as a removable chip and writes it to the hash', async () => {
    const client = directoryClient();
    const el = await loaded(client, html`<grove-member-directory id="team"></grove-member-directory>`);
    const summary = $$(el, 'summary').find((s) => s.textContent === 'Skill')!;
    summary.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()?.textContent).to.include('Drip irrigation');
    expect(deepActive()?.getAttribute('aria-label')).to.equal('Drip irrigation, 1 member');
    let reloaded = oneEvent(el, 'grove-load');
    await sendKeys({ press: 'Space' });
    await reloaded;
    await el.updateComplete;
    expect(client.calls.at(-1)!.query.skill).to.equal('drip-irrigation');
    expect(location.hash, 'namespaced by the element id').to.equal('#team.skill=drip-irrigation');
    const chip = $(el, '[part~="chip"]');
    expect(chip.getAttribute('aria-label')).to.equal('Remove filter: Skill: Drip irrigation');

    chip.focus();
    reloaded = oneEvent(el, 'grove-load');
    await sendKeys({ press: 'Enter' });
    await reloaded;
    await el.updateComplete;
    expect(client.calls.at(-1)!.query.skill).to.equal(undefined);
    expect($$(el, '[part~="chip"]')).to.have.length(0);
    expect(location.hash).to.equal('');
  });

  it('sorts from the keyboard, asking the server and recording the choice in the hash', async () => {
    const client = directoryClient();
    const el = await loaded(client);
    const select = $(el, '[part~="sort"]') as HTMLSelectElement;
    expect(select.value, 'name is the default without a search').to.equal('name');
    select.focus();
    const reloaded = oneEvent(el, 'grove-load');
    await sendKeys({ press: 'ArrowDown' });
    await reloaded;
    expect(client.calls.at(-1)!.query.sort).to.equal('recent');
    expect(location.hash).to.equal('#members.sort=recent');
  });

  it('keeps two directories on one page apart, each in its own hash namespace', async () => {
    const client = directoryClient();
    const both = await fixtureWithClient<HTMLElement>(
      html`<div>
        <grove-member-directory id="left"></grove-member-directory>
        <grove-member-directory id="right" view="list"></grove-member-directory>
      </div>`,
      client,
    );
    const [left, right] = [...both.querySelectorAll<Directory>('grove-member-directory')] as [Directory, Directory];
    await waitUntil(() => $$(left, '[part~="card"]').length && $$(right, '[part~="card"]').length, 'both load', { timeout: 4000 });
    const reloaded = oneEvent(left, 'grove-load');
    $$(left, '[part~="facet-option"]')
      .find((option) => option.textContent.includes('GIS'))!
      .click();
    await reloaded;
    await right.updateComplete;
    expect(location.hash).to.equal('#left.skill=gis');
    expect($$(left, '[part~="card"]'), 'the left one is filtered').to.have.length(1);
    expect($$(right, '[part~="card"]'), 'the right one is not').to.have.length(2);
    expect($(right, '[part~="list"]').classList.contains('rows'), 'each keeps its own view').to.equal(true);
    expect(getComputedStyle($(right, '.skills')).display, 'compact rows leave skills out').to.equal('none');
  });

  it('clears every filter at once, including those an attribute set, and remembers that in the hash', async () => {
    const client = directoryClient();
    const el = await loaded(client, html`<grove-member-directory skill="gis" country="ma"></grove-member-directory>`);
    expect(client.calls[0]!.query).to.include({ skill: 'gis', country: 'MA' });
    const reloaded = oneEvent(el, 'grove-load');
    $(el, '[part~="clear-button"]').click();
    await reloaded;
    expect(client.calls.at(-1)!.query).to.include({ skill: undefined, country: undefined });
    expect(location.hash).to.equal('#members.skill=&members.country=');
  });

  it('restores filters and an open profile from a shared link', async () => {
    history.replaceState(null, '', '#members.q=amina&members.member=1');
    const client = directoryClient();
    const el = await loaded(client);
    expect(client.callsTo('GET', '/v1/members')[0]!.query.q).to.equal('amina');
    await el.updateComplete;
    const dialog = $(el, 'dialog') as HTMLDialogElement;
    expect(dialog.open).to.equal(true);
    expect(client.callsTo('GET', '/v1/members/1')).to.have.length(1);
  });

  it('opens the profile from the keyboard, fires grove-select and returns focus on Escape', async () => {
    const client = directoryClient();
    const el = await loaded(client);
    const name = $(el, '[data-member="1"]');
    name.focus();
    const selected = oneEvent<GroveSelectEvent<MemberSummary>>(el, 'grove-select');
    await sendKeys({ press: 'Enter' });
    const event = await selected;
    expect(event).to.be.instanceOf(GroveSelectEvent);
    expect(event.detail.item).to.deep.equal(amina);
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
    await el.updateComplete;
    const dialog = $(el, 'dialog') as HTMLDialogElement;
    expect(dialog.open).to.equal(true);
    expect(dialog.contains(deepActive()), 'focus moves into the dialog').to.equal(true);
    expect(location.hash).to.equal('#members.member=1');

    await waitUntil(() => dialog.querySelector('[part~="vcard-button"]'), 'the profile loads', { timeout: 4000 });
    await expectAccessible(el);
    expect(dialog.textContent).to.include('12 endorsements').and.include('Remote sensing').and.include('Open to questions');
    expect(dialog.querySelector('a[href="mailto:amina@example.org"]')).not.to.equal(null);
    expect(dialog.querySelector('a[href="https://example.org/amina"]')!.getAttribute('rel')).to.include('nofollow');

    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    expect(deepActive(), 'focus returns to the card that opened it').to.equal(name);
    expect(location.hash).to.equal('');
  });

  it('renders the profile in the page language, never English first, with its own stylesheet', async () => {
    const el = await loaded(directoryClient(), html`<grove-member-directory></grove-member-directory>`, 'fr');
    $(el, '[data-member="1"]').click();
    const dialog = $(el, 'dialog');
    await waitUntil(() => dialog.querySelector('[part~="vcard-button"]'), 'the profile loads', { timeout: 4000 });
    expect(dialog.textContent).to.include('Compétences').and.include('12 recommandations').and.include('Parle français et wolof');
    expect($(el, '[part~="vcard-button"]').textContent.trim()).to.equal('Télécharger la fiche contact (vCard)');
    expect(dialog.textContent, 'no English left over').not.to.include('Skills');
    const availability = getComputedStyle($(el, '.availability'));
    expect(availability.borderInlineStartWidth, 'the profile sheet is adopted when its chunk arrives').to.equal('4px');
    await expectAccessible(el);
  });

  it('lets the host take over selection by cancelling grove-select', async () => {
    const el = await loaded(directoryClient());
    el.addEventListener('grove-select', (event) => event.preventDefault());
    $(el, '[data-member="1"]').click();
    await el.updateComplete;
    expect(($(el, 'dialog') as HTMLDialogElement).open).to.equal(false);
  });

  it('downloads the profile as a vCard built from what the viewer sees', async () => {
    const blobs: Blob[] = [];
    const original = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob) => (blobs.push(blob), original(blob));
    try {
      const el = await loaded(directoryClient());
      $(el, '[data-member="1"]').click();
      await waitUntil(() => el.shadowRoot?.querySelector('[part~="vcard-button"]'), 'the profile loads', { timeout: 4000 });
      $(el, '[part~="vcard-button"]').click();
      const card = await blobs[0]!.text();
      expect(blobs[0]!.type).to.equal('text/vcard;charset=utf-8');
      expect(card).to.include('FN:Amina Diallo').and.include('EXPERTISE;LEVEL=expert:Drip irrigation');
      expect(card).to.include('EMAIL:amina@example.org').and.include('UID:https://grove.test/api/v1/members/1');
    } finally {
      URL.createObjectURL = original;
    }
  });

  it('shows more results on demand and moves focus to the first new member', async () => {
    const client = directoryClient(manyMembers(5));
    const el = await loaded(client, html`<grove-member-directory page-size="2"></grove-member-directory>`);
    expect(text(el)).to.include('Showing 2 of 5');
    $(el, '[part~="more-button"]').focus();
    const more = oneEvent(el, 'grove-load');
    await sendKeys({ press: 'Enter' });
    await more;
    await el.updateComplete;
    expect($$(el, '[part~="card"]')).to.have.length(4);
    expect(client.calls.at(-1)!.query).to.include({ cursor: '2', facets: 'false' });
    expect(deepActive()?.textContent.trim()).to.equal('Member 003');
  });

  it('names an invalid attribute and the values it takes, in each language, instead of loading', async () => {
    const expected = {
      en: 'The attribute view has an invalid value “grid”. Possible values: cards or list.',
      fr: 'L’attribut view a une valeur non valide « grid ». Valeurs possibles : cards ou list.',
      es: 'El atributo view tiene un valor no válido «grid». Valores posibles: cards o list.',
      ar: 'قيمة السمة view غير صالحة: «grid». القيم الممكنة: cards أو list.',
    };
    for (const [lang, sentence] of Object.entries(expected)) {
      const client = directoryClient();
      const el = await fixtureWithClient<Directory>(html`<grove-member-directory view="grid"></grove-member-directory>`, client, { lang });
      const alert = () => $(el, '[role="alert"]').textContent.trim();
      await waitUntil(() => alert() === sentence, `the ${lang} message, got ${alert()}`, { timeout: 4000 });
      expect(client.calls, 'nothing is requested').to.have.length(0);
    }
  });

  it('lays out right to left in Arabic', async () => {
    const el = await loaded(directoryClient(), html`<grove-member-directory></grove-member-directory>`, 'ar');
    const root = $(el, '.root');
    expect(root.dir).to.equal('rtl');
    expect(root.lang).to.equal('ar');
    expect(text(el)).to.include('البحث عن أعضاء');
    expect(getComputedStyle($(el, '.card')).direction).to.equal('rtl');
  });

  it('hides search and facets on request', async () => {
    const el = await loaded(directoryClient(), html`<grove-member-directory no-search no-facets></grove-member-directory>`);
    expect($$(el, '[part~="search"], [part~="facets"]')).to.have.length(0);
    expect($(el, '.results').getBoundingClientRect().width, 'the results take the whole width').to.equal(el.getBoundingClientRect().width);
  });

  it('puts the facets beside the results when wide and above them when narrow', async () => {
    const el = await loaded(directoryClient(), html`<grove-member-directory style="inline-size: 1000px"></grove-member-directory>`);
    const beside = () => $(el, '[part~="facets"]').getBoundingClientRect().right <= $(el, '.results').getBoundingClientRect().left;
    expect(beside(), 'side by side at 1000px').to.equal(true);
    el.style.inlineSize = '320px';
    expect(beside(), 'stacked at 320px (a sidebar or a phone)').to.equal(false);
    expect($(el, '.results').getBoundingClientRect().width).to.equal(320);
  });

  it('renders a badge per card from the renderBadge hook', async () => {
    const el = await loaded(
      directoryClient(),
      html`<grove-member-directory .renderBadge=${(member: { id: string }) => `badge for ${member.id}`}></grove-member-directory>`,
    );
    expect($(el, 'slot[name="badge-1"]').textContent).to.equal('badge for 1');
  });

  it('closes the profile with its close button and returns focus to the card', async () => {
    const el = await loaded(directoryClient());
    const name = $(el, '[data-member="2"]');
    name.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const dialog = $(el, 'dialog') as HTMLDialogElement;
    expect(deepActive(), 'the close button takes focus first').to.equal(dialog.querySelector('[part~="close-button"]'));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    expect(deepActive()).to.equal(name);
    expect(location.hash).to.equal('');
  });

  it('follows the hash when it changes (a link, back or forward)', async () => {
    const client = directoryClient();
    const el = await loaded(client);
    const reloaded = oneEvent(el, 'grove-load');
    location.hash = '#members.skill=gis&members.q=omar';
    await reloaded;
    await el.updateComplete;
    expect(client.calls.at(-1)!.query).to.include({ skill: 'gis', q: 'omar' });
    expect(($(el, 'input[type="search"]') as HTMLInputElement).value).to.equal('omar');
    expect($(el, '[part~="chip"]').textContent).to.include('Skill: GIS');
  });

  it('keeps the list and offers a retry when the next page fails', async () => {
    let failNext = true;
    const client = directoryClient(manyMembers(3));
    const routes = directoryClient(manyMembers(3));
    client.route('GET /v1/members', async (call: FakeCall) => {
      if (call.query.cursor && failNext) throw new GroveApiError('offline', 0);
      return routes.get('/v1/members', { query: call.query });
    });
    const el = await loaded(client, html`<grove-member-directory page-size="2"></grove-member-directory>`);
    const failed = oneEvent(el, 'grove-error');
    $(el, '[part~="more-button"]').click();
    await failed;
    await el.updateComplete;
    expect($$(el, '[part~="card"]'), 'the first page stays').to.have.length(2);
    expect($(el, '[role="alert"]').textContent).to.include('Could not reach the server');
    await expectAccessible(el);
    failNext = false;
    const more = oneEvent(el, 'grove-load');
    $(el, '[part~="retry-button"]').click();
    await more;
    await el.updateComplete;
    expect($$(el, '[part~="card"]')).to.have.length(3);
  });

  it('finishes loading an open profile when moved in the page, without a false error', async () => {
    const client = directoryClient();
    const el = await loaded(client);
    const release = client.hold();
    $(el, '[data-member="1"]').click();
    await waitUntil(() => client.callsTo('GET', '/v1/members/1').length === 1, 'the profile is asked for', { timeout: 4000 });
    el.parentElement!.append(el);
    release();
    const dialog = $(el, 'dialog') as HTMLDialogElement;
    await waitUntil(() => dialog.querySelector('[part~="vcard-button"]'), 'the profile loads after the move', { timeout: 4000 });
    expect(dialog.querySelector('[role="alert"]'), 'no error shown').to.equal(null);
    expect(client.callsTo('GET', '/v1/members/1'), 'the cut-off request is made again').to.have.length(2);
  });

  it('shows a translated error inside the profile when it cannot be loaded', async () => {
    const client = directoryClient();
    client.route('GET /v1/members/:id', () => {
      throw new GroveApiError('not-found', 404);
    });
    const el = await loaded(client);
    const failed = oneEvent<GroveErrorEvent>(el, 'grove-error');
    $(el, '[data-member="2"]').click();
    const event = await failed;
    expect(event.detail.error.kind).to.equal('not-found');
    await el.updateComplete;
    const dialog = $(el, 'dialog') as HTMLDialogElement;
    expect(dialog.querySelector('[role="alert"]')!.textContent).to.include('could not be found');
    expect(dialog.querySelector('#profile-title')!.textContent, 'the name from the card stays').to.equal('عمر الفاسي');
    await expectAccessible(el);
  });

  it('reloads in the new language when the page language changes', async () => {
    const client = directoryClient();
    const el = await loaded(client);
    const provider = el.parentElement!;
    const reloaded = oneEvent(el, 'grove-load');
    provider.setAttribute('lang', 'fr');
    await reloaded;
    await el.updateComplete;
    expect(client.calls.at(-1)!.query.lang, 'skill labels come in French').to.equal('fr');
    expect(text(el)).to.include('Rechercher des membres').and.include('2 membres trouvés');
    expect(text(el)).to.include('Sénégal');
  });

  it('tells the editor what a valid value looks like for each kind of attribute', async () => {
    const cases = [
      [
        html`<grove-member-directory member-role="admin"></grove-member-directory>`,
        'member-role',
        'Possible values: member or facilitator.',
      ],
      [html`<grove-member-directory page-size="500"></grove-member-directory>`, 'page-size', 'Use a whole number from 1 to 100.'],
      [html`<grove-member-directory country="Kenya"></grove-member-directory>`, 'country', 'For example: KE.'],
      [html`<grove-member-directory skill="Drip irrigation"></grove-member-directory>`, 'skill', 'For example: drip-irrigation.'],
      [html`<grove-member-directory community="Water and sanitation"></grove-member-directory>`, 'community', 'For example: water.'],
    ] as const;
    for (const [template, name, hint] of cases) {
      const el = await fixtureWithClient<Directory>(template, directoryClient());
      const alert = $(el, '[role="alert"]').textContent.replace(/\s+/g, ' ');
      expect(alert, name).to.include(`attribute ${name} has an invalid value`).and.include(hint);
    }
  });

  it('reads attribute values as the API spells them, whatever their case', async () => {
    const client = directoryClient();
    await loaded(client, html`<grove-member-directory country="sn" skill="Drip-Irrigation" language="FR"></grove-member-directory>`);
    expect(client.calls[0]?.query).to.include({ country: 'SN', skill: 'drip-irrigation', language: 'fr' });
  });

  it('renders, searches and opens a profile without Lit warnings', async () => {
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const el = await loaded(directoryClient());
      const reloaded = oneEvent(el, 'grove-load');
      $(el, 'input[type="search"]').focus();
      await sendKeys({ type: 'ami' });
      await sendKeys({ press: 'Enter' });
      await reloaded;
      await el.updateComplete;
      $(el, '[data-member="1"]').click();
      await waitUntil(() => el.shadowRoot?.querySelector('[part~="vcard-button"]'), 'the profile loads', { timeout: 4000 });
    } finally {
      console.warn = original;
    }
    expect(warnings).to.deep.equal([]);
  });
});
