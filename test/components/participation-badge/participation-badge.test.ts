import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { GroveApiError } from '../../../src/api/problem.js';
import { GroveParticipationBadge } from '../../../src/components/participation-badge/participation-badge.js';
import { defineElement } from '../../../src/registry/define-element.js';
import { GroveErrorEvent } from '../../../src/events/grove-error-event.js';
import { GroveLoadEvent } from '../../../src/events/grove-load-event.js';
import { GroveSelectEvent } from '../../../src/events/grove-select-event.js';
import { expectAccessible } from '../../helpers/axe.js';
import { FakeClient } from '../../helpers/fake-client.js';
import { query as $, loaded as loadedWidget, text } from '../../helpers/dom.js';
import { fixtureWithClient } from '../../helpers/fixture.js';
import { fakeIntersectionObserver, withoutIntersectionObserver } from '../../helpers/intersection-observer.js';
import { amina, badgeClient, waterProfile } from './fixtures.js';
import { widgetSuite } from '../../helpers/widget-suite.js';

defineElement('grove-participation-badge', GroveParticipationBadge);

type Badge = GroveParticipationBadge;

const root = (el: Element) => el.shadowRoot!;

/** Renders one badge and waits for its data (grove-load) and the render that follows. */
const loaded = (template: ReturnType<typeof html>, client = badgeClient(), lang?: string) =>
  loadedWidget<Badge>(template, client, { lang });

widgetSuite({
  tag: 'grove-participation-badge',
  // The card shows every state; an inline badge stays quiet while loading and on errors.
  template: html`<grove-participation-badge member="1" community="water" variant="card"></grove-participation-badge>`,
  client: badgeClient,
  emptyClient: () => badgeClient(() => undefined),
  loadPath: '/v1/participation/badges',
  invalid: {
    template: html`<grove-participation-badge member="1" variant="big"></grove-participation-badge>`,
    name: 'variant',
    says: 'inline or card',
  },
});

describe('grove-participation-badge', () => {
  // Background test tabs get no IntersectionObserver callbacks: cards and profiles load at once here.
  let restoreObserver: (() => void) | undefined;
  beforeEach(() => (restoreObserver = withoutIntersectionObserver()));
  afterEach(() => restoreObserver?.());

  it('loads a card or profile below the fold only when the reader comes near it; inline badges at once', async () => {
    restoreObserver?.();
    const observer = fakeIntersectionObserver();
    restoreObserver = observer.restore;
    const client = badgeClient();
    const list = await fixtureWithClient<HTMLElement>(
      html`<div>
        <grove-participation-badge community="water"></grove-participation-badge>
        <grove-participation-badge member="1"></grove-participation-badge>
      </div>`,
      client,
    );
    const [profile, inline] = [...list.querySelectorAll<Badge>('grove-participation-badge')];
    await waitUntil(() => $(inline!, '[part~="badge"]'), 'the inline badge loads without waiting');
    expect(client.callsTo('GET', '/v1/participation/communities/water'), 'the profile waits').to.have.length(0);
    const loaded = oneEvent<GroveLoadEvent>(profile!, 'grove-load');
    expect(observer.intersect(profile!)).to.equal(1);
    await loaded;
    expect(client.callsTo('GET', '/v1/participation/communities/water')).to.have.length(1);
  });

  it('costs one request for a directory page of 50 inline badges, each member asked once', async () => {
    const client = badgeClient();
    const ids = Array.from({ length: 50 }, (_, index) => String(index + 1));
    const list = await fixtureWithClient<HTMLElement>(
      html`<ul>
        ${ids.map((id) => html`<li>Name ${id} <grove-participation-badge member=${id} community="water"></grove-participation-badge></li>`)}
        <li><grove-participation-badge member="1" community="water"></grove-participation-badge></li>
      </ul>`,
      client,
    );
    const badges = [...list.querySelectorAll<Badge>('grove-participation-badge')];
    await waitUntil(() => badges.every((el) => $(el, '[part~="badge"]')), 'every badge renders');
    const calls = client.callsTo('GET', '/v1/participation/badges');
    expect(calls, 'one batched request').to.have.length(1);
    expect(calls[0]?.query.member, 'each member once, in page order').to.deep.equal(ids);
    expect(calls[0]?.query.community).to.equal('water');
    expect($(badges[0]!, '[part~="level"]')?.textContent).to.equal('Core contributor');
    expect($(badges[50]!, '[part~="level"]')?.textContent, 'the duplicate shares the answer').to.equal('Core contributor');
  });

  it('asks separately per community, and without one for a member across communities', async () => {
    const client = badgeClient();
    const list = await fixtureWithClient<HTMLElement>(
      html`<p>
        <grove-participation-badge member="1"></grove-participation-badge>
        <grove-participation-badge member="2" community="Water"></grove-participation-badge>
      </p>`,
      client,
    );
    const badges = [...list.querySelectorAll<Badge>('grove-participation-badge')];
    await waitUntil(() => badges.every((el) => $(el, '[part~="badge"]')), 'both badges render');
    const queries = client.callsTo('GET', '/v1/participation/badges').map((call) => call.query);
    expect(queries).to.deep.equal([
      { member: ['1'], community: undefined },
      { member: ['2'], community: 'water' },
    ]);
  });

  it('keeps a quieter member’s level and says when they were last active, never a lower rank', async () => {
    const el = await loaded(html`<grove-participation-badge member="2" community="water"></grove-participation-badge>`);
    expect(text(el)).to.contain('Active contributor');
    expect(text(el)).to.contain('last active March 2026');
    expect($(el, '.glyph')?.getAttribute('aria-hidden'), 'the shape repeats the text label').to.equal('true');
    expect(getComputedStyle(el).display, 'beside a name').to.equal('inline-block');
  });

  it('opens the details from the keyboard, fires grove-select and returns focus on Escape', async () => {
    const el = await loaded(html`<grove-participation-badge member="1" community="water"></grove-participation-badge>`);
    const button = $(el, '[part~="badge"]')!;
    const details = $(el, '[part~="details"]')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.focus();
    const selected = oneEvent<GroveSelectEvent>(el, 'grove-select');
    await sendKeys({ press: 'Enter' });
    const event = await selected;
    expect(event).to.be.instanceOf(GroveSelectEvent);
    expect([event.bubbles, event.composed, event.cancelable]).to.deep.equal([true, true, true]);
    expect(event.detail.item).to.deep.equal(amina);
    await el.updateComplete;
    expect(details.matches(':popover-open')).to.equal(true);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(root(el).activeElement, 'focus moves into the details').to.equal($(el, '[part~="close-button"]'));
    expect(details.textContent).to.contain('9 posts');
    expect(details.textContent).to.contain('First post');
    await expectAccessible(el);

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => root(el).activeElement === button, 'focus returns to the badge');
    expect(details.matches(':popover-open')).to.equal(false);
    expect(button.getAttribute('aria-expanded')).to.equal('false');
  });

  it('lets the host take over by cancelling grove-select', async () => {
    const el = await loaded(html`<grove-participation-badge member="1"></grove-participation-badge>`);
    el.addEventListener('grove-select', (event) => event.preventDefault(), { once: true });
    $(el, '[part~="badge"]')!.click();
    await el.updateComplete;
    expect($(el, '[part~="details"]')!.matches(':popover-open')).to.equal(false);
  });

  it('shows the card with contributions over the window and dated achievements', async () => {
    const el = await loaded(html`<grove-participation-badge member="1" community="water" variant="card"></grove-participation-badge>`);
    const card = $(el, '[part~="card"]')!;
    expect(card.getAttribute('aria-label')).to.equal('Participation of Amina Diallo: Core contributor');
    const contributions = [...root(el).querySelectorAll('[part~="contributions"] li')].map((li) => li.textContent);
    expect(contributions).to.deep.equal(['9 posts', '3 answers', '1 accepted answer', '1 event hosted']);
    expect(text(el)).to.contain('In the last 12 months');
    const achievements = [...root(el).querySelectorAll('[part~="achievement"]')].map((li) => li.textContent.replace(/\s+/g, ' ').trim());
    expect(achievements[0]).to.match(/^★ First post Earned Apr 13, 2025/);
    expect(el.getAttribute('variant'), 'reflected for styling').to.equal('card');
    await expectAccessible(el);
  });

  it('offers the viewer their own achievements as Open Badges credentials, and reports a failed download', async () => {
    const own = { ...amina, isViewer: true };
    let fail = false;
    const client = badgeClient(() => own).route('GET /v1/participation/members/:id/credentials/:achievement', () => {
      if (fail) throw new GroveApiError('forbidden', 403);
      return 'header.payload.signature';
    });
    const blobs: Blob[] = [];
    const original = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob) => (blobs.push(blob), original(blob));
    try {
      const el = await loaded(html`<grove-participation-badge member="1" variant="card"></grove-participation-badge>`, client);
      const buttons = [...root(el).querySelectorAll<HTMLElement>('[part~="credential-button"]')];
      expect(buttons.map((button) => button.getAttribute('aria-label'))).to.deep.equal([
        'Download credential: First post (Open Badges 3.0)',
        'Download credential: Hosted an event (Open Badges 3.0)',
      ]);
      buttons[0]!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => blobs.length === 1, 'the credential is saved');
      const call = client.callsTo('GET', '/v1/participation/members/1/credentials/first-post')[0];
      expect(call?.query).to.deep.equal({ community: 'water' });
      expect(await blobs[0]!.text()).to.equal('header.payload.signature');
      expect(blobs[0]!.type).to.equal('application/vc+jwt');

      fail = true;
      const failed = oneEvent<GroveErrorEvent>(el, 'grove-error');
      buttons[1]!.click();
      expect((await failed).detail.error.kind).to.equal('forbidden');
      await el.updateComplete;
      expect($(el, '[part~="card"] [role="alert"]')?.textContent).to.contain('permission');
      await expectAccessible(el);
    } finally {
      URL.createObjectURL = original;
    }
  });

  it('lets members hide their own badge from others, and show it again, from the keyboard', async () => {
    let hidden = false;
    const client = badgeClient(() => ({ ...amina, isViewer: true, hidden })).route(
      'POST /v1/participation/members/:id/visibility',
      ({ body }: { body: unknown }) => {
        hidden = (body as { hidden: boolean }).hidden;
        return { hidden };
      },
    );
    const el = await loaded(html`<grove-participation-badge member="1" variant="card"></grove-participation-badge>`, client);
    const button = () => $(el, '[part~="visibility-button"]')!;
    expect(button().textContent.trim()).to.equal('Hide my badge from others');
    button().focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => button().textContent.includes('Show'), 'the card reloads hidden');
    expect(client.callsTo('POST', '/v1/participation/members/1/visibility')[0]?.body).to.deep.equal({ hidden: true });
    expect(text(el)).to.contain('Your badge is hidden: only you can see it.');
    expect(root(el).activeElement, 'focus stays on the toggle').to.equal(button());
    await expectAccessible(el);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => button().textContent.includes('Hide'), 'the card reloads shown');
    expect(text(el)).not.to.contain('only you can see it');
  });

  it('offers no download on someone else’s badge', async () => {
    const el = await loaded(html`<grove-participation-badge member="1" variant="card"></grove-participation-badge>`);
    expect($(el, '[part~="credential-button"]')).to.equal(null);
  });

  it('fires grove-load with the badge, and with null for a member who hides it', async () => {
    const load = oneEvent<GroveLoadEvent>(document, 'grove-load');
    await fixtureWithClient<Badge>(html`<grove-participation-badge member="1"></grove-participation-badge>`, badgeClient());
    const event = await load;
    expect(event).to.be.instanceOf(GroveLoadEvent);
    expect([event.bubbles, event.composed]).to.deep.equal([true, true]);
    expect(event.detail.data).to.deep.equal(amina);

    const hiddenClient = badgeClient(() => undefined);
    const inline = await loaded(html`<grove-participation-badge member="9"></grove-participation-badge>`, hiddenClient);
    expect(root(inline).childElementCount, 'nothing beside the name').to.equal(0);
    const hiddenLoad = oneEvent<GroveLoadEvent>(document, 'grove-load');
    const card = await fixtureWithClient<Badge>(
      html`<grove-participation-badge member="9" variant="card"></grove-participation-badge>`,
      hiddenClient,
    );
    expect((await hiddenLoad).detail.data).to.equal(null);
    await card.updateComplete;
    expect($(card, '[part~="status"]')?.textContent.trim()).to.equal('This member does not show a participation badge.');
    await expectAccessible(card);
  });

  it('shows a community’s profile to its facilitators: figures, shares per level and the trend as a table', async () => {
    const el = await loaded(html`<grove-participation-badge community="water"></grove-participation-badge>`);
    expect($(el, '[part~="title"]')?.textContent).to.equal('Participation in Water and sanitation');
    const figures = [...root(el).querySelectorAll('[part~="figures"] li')].map((li) => li.textContent.trim());
    expect(figures).to.deep.equal([
      '100 members',
      '4 newcomers this month',
      '3 unanswered questions',
      'Median time to a first reply: 31 hours',
    ]);
    const legend = [...root(el).querySelectorAll('.legend li')].map((li) => li.textContent.replace(/\s+/g, ' ').trim());
    expect(legend).to.deep.equal([
      '◆ Core: 2 (2%)',
      '▲ Active: 18 (18%)',
      '● Occasional: 10 (10%)',
      '○ Peripheral (follow and learn): 70 (70%)',
      '◇ Guests (not members): 1 (–)',
    ]);
    expect(getComputedStyle(el).display, 'the profile is a block, not an inline badge').to.equal('block');
    const chart = $(el, '[part~="trend"] svg')!;
    expect(chart.getAttribute('role')).to.equal('img');
    expect(chart.getAttribute('aria-label')).to.equal(
      'Contributors (core, active, occasional) by month, from 21 in September 2026 to 30 in November 2026.',
    );
    const rows = [...root(el).querySelectorAll('[part~="table"] tbody tr')].map((tr) =>
      [...tr.children].map((cell) => cell.textContent.trim()).join(' '),
    );
    expect(rows).to.deep.equal(['September 2026 1 12 8 75 1', 'October 2026 2 15 9 72 1', 'November 2026 2 18 10 70 1']);
    await expectAccessible(el);
  });

  it('opens the trend table from the keyboard', async () => {
    const el = await loaded(html`<grove-participation-badge community="water"></grove-participation-badge>`);
    const toggle = $(el, '[part~="table-toggle"]') as HTMLDetailsElement;
    toggle.querySelector('summary')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(toggle.open).to.equal(true);
  });

  it('is accessible while loading and on error, and retries from the keyboard', async () => {
    const client = badgeClient();
    const release = client.hold();
    const loading = await fixtureWithClient<Badge>(html`<grove-participation-badge community="water"></grove-participation-badge>`, client);
    expect($(loading, '[part~="status"]')?.getAttribute('aria-busy')).to.equal('true');
    await expectAccessible(loading);
    release();

    let fail = true;
    const flaky = new FakeClient({
      'GET /v1/participation/communities/water': () => {
        if (fail) throw new GroveApiError('unavailable', 503);
        return waterProfile;
      },
    });
    const failed = oneEvent<GroveErrorEvent>(document, 'grove-error');
    const el = await fixtureWithClient<Badge>(html`<grove-participation-badge community="water"></grove-participation-badge>`, flaky);
    const error = await failed;
    expect(error).to.be.instanceOf(GroveErrorEvent);
    expect([error.bubbles, error.composed]).to.deep.equal([true, true]);
    await el.updateComplete;
    expect($(el, '[role="alert"]')?.textContent).to.contain('The server is busy');
    await expectAccessible(el);
    fail = false;
    $(el, '[part~="retry-button"]')!.focus();
    const reloaded = oneEvent<GroveLoadEvent>(el, 'grove-load');
    await sendKeys({ press: 'Enter' });
    await reloaded;
    await el.updateComplete;
    expect($(el, '[part~="title"]')).not.to.equal(null);
  });

  it('leaves an inline badge empty when loading fails, rather than breaking the host’s line', async () => {
    const client = new FakeClient({
      'GET /v1/participation/badges': () => {
        throw new GroveApiError('server', 500);
      },
    });
    const failed = oneEvent<GroveErrorEvent>(document, 'grove-error');
    const el = await fixtureWithClient<Badge>(html`<grove-participation-badge member="1"></grove-participation-badge>`, client);
    await failed;
    await el.updateComplete;
    expect(root(el).childElementCount).to.equal(0);
  });

  it('names a missing or invalid attribute, in the page language, instead of loading', async () => {
    const client = badgeClient();
    const missing = await fixtureWithClient<Badge>(html`<grove-participation-badge></grove-participation-badge>`, client);
    expect($(missing, '[role="alert"]')?.textContent.trim()).to.equal('The attribute member is required.');
    const wrong = await fixtureWithClient<Badge>(
      html`<grove-participation-badge member="1" variant="big"></grove-participation-badge>`,
      client,
      {
        lang: 'fr',
      },
    );
    await waitUntil(() => $(wrong, '[role="alert"]')?.textContent.includes('attribut'), 'the French message');
    expect($(wrong, '[role="alert"]')?.textContent).to.contain('variant');
    expect($(wrong, '[role="alert"]')?.textContent).to.contain('big');
    expect(client.calls, 'nothing is fetched').to.deep.equal([]);
    await expectAccessible(wrong);
  });

  it('speaks French and Spanish, and Arabic right to left', async () => {
    const fr = await loaded(
      html`<grove-participation-badge member="2" community="water"></grove-participation-badge>`,
      badgeClient(),
      'fr',
    );
    expect(text(fr)).to.contain('Contributeur actif');
    expect(text(fr)).to.contain('actif pour la dernière fois en mars 2026');
    const es = await loaded(html`<grove-participation-badge member="1" variant="card"></grove-participation-badge>`, badgeClient(), 'es');
    expect(text(es)).to.contain('9 mensajes');
    const ar = await loaded(html`<grove-participation-badge community="water"></grove-participation-badge>`, badgeClient(), 'ar');
    expect($(ar, '.root')?.getAttribute('dir')).to.equal('rtl');
    expect($(ar, '[part~="title"]')?.textContent).to.equal('المشاركة في Water and sanitation');
    expect(getComputedStyle($(ar, '[part~="figures"]')!).direction).to.equal('rtl');
    await expectAccessible(ar);
  });

  it('aborts the shared request when its last badge is removed, not before', async () => {
    const client = badgeClient();
    const release = client.hold();
    const list = await fixtureWithClient<HTMLElement>(
      html`<p>
        <grove-participation-badge member="1" variant="card"></grove-participation-badge>
        <grove-participation-badge member="2" variant="card"></grove-participation-badge>
      </p>`,
      client,
    );
    const [first, second] = [...list.querySelectorAll<Badge>('grove-participation-badge')];
    const loads: Event[] = [];
    list.addEventListener('grove-load', (event) => loads.push(event));
    await waitUntil(() => client.calls.length === 1, 'the batched request leaves');
    const signal = client.calls[0]!.signal!;
    first!.remove();
    expect(signal.aborted, 'the other badge still waits').to.equal(false);
    second!.remove();
    expect(signal.aborted, 'nobody waits any more').to.equal(true);
    release();
    await first!.updateComplete;
    await second!.updateComplete;
    expect(loads, 'the aborted tasks complete nothing').to.deep.equal([]);
    expect($(second!, '[part~="card"]')).to.equal(null);
  });

  it('shows a member’s name as text, never as markup', async () => {
    const hostile = '<img src=x onerror="window.__badgeXss = 1">';
    const el = await loaded(
      html`<grove-participation-badge member="1" variant="card"></grove-participation-badge>`,
      badgeClient(() => ({ ...amina, name: hostile })),
    );
    expect(root(el).querySelector('img'), 'no element from the name').to.equal(null);
    expect($(el, '.name')?.textContent).to.equal(hostile);
    expect((window as { __badgeXss?: number }).__badgeXss).to.equal(undefined);
  });

  it('renders every mode without Lit warnings', async () => {
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const inline = await loaded(html`<grove-participation-badge member="1"></grove-participation-badge>`);
      $(inline, '[part~="badge"]')!.click();
      await inline.updateComplete;
      await loaded(html`<grove-participation-badge member="1" variant="card"></grove-participation-badge>`);
      await loaded(html`<grove-participation-badge community="water"></grove-participation-badge>`);
    } finally {
      console.warn = original;
    }
    expect(warnings).to.deep.equal([]);
  });
});
