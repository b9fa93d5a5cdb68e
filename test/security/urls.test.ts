/**
 * The one URL rule (src/validation/url.ts) where widgets render data as links and images: hostile join
 * links, avatars, contact channels, evidence links and link patterns never become an `href` or `src`
 * that runs script, and a hit would call `window.__xss`.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { GroveDiscussionThread } from '../../src/components/discussion-thread/discussion-thread.js';
import { GroveEventCalendar } from '../../src/components/event-calendar/event-calendar.js';
import { GroveExpertFinder } from '../../src/components/expert-finder/expert-finder.js';
import { GroveMemberDirectory } from '../../src/components/member-directory/member-directory.js';
import { defineElement } from '../../src/registry/define-element.js';
import { calendarClient, occurrence } from '../components/event-calendar/fixtures.js';
import { makePost, threadRoutes } from '../components/discussion-thread/fixtures.js';
import { amina as expert, expertPage, finderRoutes } from '../components/expert-finder/fixtures.js';
import { amina as member, aminaProfile, directoryRoutes } from '../components/member-directory/fixtures.js';
import { $, $$, loaded } from '../helpers/dom.js';
import { FakeClient } from '../helpers/fake-client.js';
import { fixtureWithClient } from '../helpers/fixture.js';
import { withoutIntersectionObserver } from '../helpers/intersection-observer.js';

defineElement('grove-event-calendar', GroveEventCalendar);
defineElement('grove-member-directory', GroveMemberDirectory);
defineElement('grove-expert-finder', GroveExpertFinder);
defineElement('grove-discussion-thread', GroveDiscussionThread);

const HOSTILE = [
  'javascript:window.__xss(1)',
  ' JaVaScRiPt:window.__xss(2)',
  'java\tscript:window.__xss(3)',
  'data:text/html,<script>window.__xss(4)</script>',
  'vbscript:msgbox(5)',
  '&#x6A;avascript:window.__xss(6)',
];

/** Every `href` and `src` in the widget's shadow root. */
const urls = (element: Element): string[] =>
  $$(element, '[href], [src]').map((node) => node.getAttribute('href') ?? node.getAttribute('src') ?? '');

function expectNoScriptUrl(element: Element): void {
  for (const url of urls(element)) expect(url, url).not.to.match(/^\s*(javascript|data|vbscript):|&#/i);
}

describe('hostile URLs in data and attributes', function () {
  // Each test renders several widgets and loads their on-demand chunks; beside the XSS corpus test, which
  // runs in parallel and keeps the server busy, that takes seconds.
  this.timeout(30_000);
  let restoreObserver: () => void;
  beforeEach(() => (restoreObserver = withoutIntersectionObserver()));
  afterEach(() => restoreObserver());

  it('renders no join link for a script or data URL, and the https one as given', async () => {
    for (const joinUrl of HOSTILE) {
      const client = calendarClient([occurrence({ joinUrl })]);
      const el = await loaded<GroveEventCalendar>(
        html`<grove-event-calendar date="2026-11-10" time-zone="Europe/Paris"></grove-event-calendar>`,
        client,
      );
      $(el, '[data-key^="12@"]').click();
      await el.updateComplete;
      await waitUntil(() => el.shadowRoot?.querySelector('dialog [part~="when"]'), 'the details body renders', { timeout: 15_000 });
      expect(el.shadowRoot?.querySelector('[part~="join-link"]'), JSON.stringify(joinUrl)).to.equal(null);
      expectNoScriptUrl(el);
      // A modal left open would make the rest of the page inert for the next tests.
      el.shadowRoot?.querySelector('dialog')?.close();
      el.remove();
    }
  });

  it('shows initials instead of a hostile avatar, and loads a relative one from the API', async () => {
    for (const avatarUrl of HOSTILE) {
      const client = new FakeClient(directoryRoutes([{ ...member, avatarUrl }]));
      const el = await loaded<GroveMemberDirectory>(html`<grove-member-directory></grove-member-directory>`, client);
      expect(el.shadowRoot?.querySelector('[part~="avatar"] img'), JSON.stringify(avatarUrl)).to.equal(null);
      expectNoScriptUrl(el);
    }
    const client = new FakeClient(directoryRoutes([{ ...member, avatarUrl: '/api/v1/members/1/avatar' }]));
    const el = await loaded<GroveMemberDirectory>(html`<grove-member-directory></grove-member-directory>`, client);
    expect($(el, '[part~="avatar"] img').getAttribute('src'), 'the API path, on the API origin').to.equal(
      'https://grove.test/api/v1/members/1/avatar',
    );
  });

  it('shows a hostile contact channel as text, never as a link', async () => {
    const contacts = HOSTILE.map((value) => ({ kind: 'website' as const, value, visibility: 'public' as const }));
    const client = new FakeClient({ ...directoryRoutes(), 'GET /v1/members/:id': { ...aminaProfile, contacts } });
    const el = await loaded<GroveMemberDirectory>(html`<grove-member-directory></grove-member-directory>`, client);
    $(el, '[data-member="1"]').click();
    await waitUntil(() => client.callsTo('GET', '/v1/members/1').length === 1, 'the profile is asked for', { timeout: 15_000 });
    await waitUntil(
      () => el.shadowRoot?.querySelector('dialog [part~="vcard-button"]'),
      'the profile loads (its chunk is fetched on first use)',
      { timeout: 15_000 },
    ).catch((error: unknown) => {
      throw new Error(
        `${String(error)}; the dialog says: ${el.shadowRoot?.querySelector('dialog')?.textContent.replace(/\s+/g, ' ') ?? 'no dialog'}`,
      );
    });
    expect(el.shadowRoot?.querySelector('[part~="contact-link"]')).to.equal(null);
    expectNoScriptUrl(el);
  });

  it('never links an expert’s evidence or contact through a hostile URL', async () => {
    const evidence = expert.evidence.map((item) => ({
      ...item,
      items: item.items.map((entry, index) => ({ ...entry, url: HOSTILE[index % HOSTILE.length] ?? null })),
    }));
    const hostile = { ...expert, evidence, contact: { kind: 'website' as const, value: HOSTILE[0] ?? '', visibility: 'public' as const } };
    const client = new FakeClient({ ...finderRoutes(), 'GET /v1/experts': expertPage([hostile]) });
    const el = await loaded<GroveExpertFinder>(html`<grove-expert-finder query="drip"></grove-expert-finder>`, client);
    expect(el.shadowRoot?.querySelectorAll('[part~="evidence-item"]').length, 'the evidence is shown, as text').to.be.above(0);
    expect(el.shadowRoot?.querySelector('[part~="ask-button"]')).to.equal(null);
    expectNoScriptUrl(el);
  });

  it('refuses a hostile link pattern as an invalid attribute, on the expert finder and on the thread', async () => {
    for (const pattern of ['javascript:alert({id})', ' JavaScript:alert({id})', 'data:text/html,{id}']) {
      const finder = await fixtureWithClient<GroveExpertFinder>(
        html`<grove-expert-finder query="drip" profile-url=${pattern}></grove-expert-finder>`,
        new FakeClient(finderRoutes()),
      );
      expect($(finder, '[role="alert"]').textContent, pattern).to.include('profile-url');
      const thread = await fixtureWithClient<GroveDiscussionThread>(
        html`<grove-discussion-thread page-key="https://example.org/x" profile-url=${pattern}></grove-discussion-thread>`,
        new FakeClient(threadRoutes([makePost('1')])),
      );
      expect($(thread, '[role="alert"]').textContent, pattern).to.include('profile-url');
    }
  });

  it('links authors through a valid profile pattern, with the id encoded', async () => {
    const thread = await loaded<GroveDiscussionThread>(
      html`<grove-discussion-thread page-key="https://example.org/x" profile-url="/people#members.member={id}"></grove-discussion-thread>`,
      new FakeClient(threadRoutes([makePost('1')])),
    );
    expect($(thread, 'a[part~="author"]').getAttribute('href')).to.equal('/people#members.member=m1');
  });
});
