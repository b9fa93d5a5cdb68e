import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { GroveApiError } from '../../../src/api/problem.js';
import { GroveParticipationBadge } from '../../../src/components/participation-badge/participation-badge.js';
import { defineElement } from '../../../src/registry/define-element.js';
import { expectAccessible } from '../../helpers/axe.js';
import { FakeClient } from '../../helpers/fake-client.js';
import { fixtureWithClient } from '../../helpers/fixture.js';
import { query as $, $$, deepActive, loaded as loadedWidget } from '../../helpers/dom.js';
import { withoutIntersectionObserver } from '../../helpers/intersection-observer.js';
import { facilitatorRoutes, noActions, waterActions } from './fixtures.js';

defineElement('grove-participation-badge', GroveParticipationBadge);

type Badge = GroveParticipationBadge;
const template = html`<grove-participation-badge community="water"></grove-participation-badge>`;

/** The community view, waited on until its action list has finished loading (or failing). */
async function withActions(client: FakeClient, lang?: string): Promise<Badge> {
  const el = await loadedWidget<Badge>(template, client, { lang });
  await waitUntil(() => $(el, '[part~="actions"]') && !$(el, '[part~="actions"] [aria-busy="true"]'), 'the action list loads');
  await el.updateComplete;
  return el;
}

const itemTexts = (el: Badge, kind: string) => $$(el, `[part~="${kind}"] li`).map((li) => li.textContent.replace(/\s+/g, ' ').trim());

describe('grove-participation-badge: the facilitators’ action list', () => {
  let restoreObserver: (() => void) | undefined;
  before(() => (restoreObserver = withoutIntersectionObserver()));
  after(() => restoreObserver?.());

  it('shows a facilitator every kind of action, with names, ages and links to where they act', async () => {
    const client = new FakeClient(facilitatorRoutes());
    const el = await withActions(client);
    expect($(el, '#actions-title')?.textContent).to.equal('What needs you');
    expect($$(el, '[part~="action-list"] h4').map((h) => h.textContent.trim())).to.deep.equal([
      '2 unanswered questions',
      '2 newcomers not welcomed yet',
      '1 member went quiet',
      '1 open report',
      '1 event without a host',
    ]);
    expect(itemTexts(el, 'questions')).to.deep.equal([
      'Which chlorine dose for rainwater tanks? · asked 3 days ago by Grace Achieng',
      'Any data on handpump repairs? · asked 5 hours ago',
    ]);
    const question = $(el, '[part~="questions"] a') as HTMLAnchorElement;
    expect(question.href).to.equal('https://intranet.example.org/water/chlorine');
    expect($(el, '[part~="reports"] a')?.getAttribute('href')).to.equal('https://intranet.example.org/water/filters');
    expect(itemTexts(el, 'quiet')[0]).to.match(/^Priya Raman · last active (2|3) months ago, 5 contributions before$/);
    expect(itemTexts(el, 'reports')[0]).to.equal('Budget for filters · reported yesterday: “Advertising”');
    expect(itemTexts(el, 'hostless')[0]).to.match(/^Monthly water call · starts Dec 15, 2026/);
    expect($$(el, '[part~="welcome-button"]').map((b) => b.getAttribute('aria-label'))).to.deep.equal([
      'Welcome Lucía Fernández',
      'Welcome Omar Haddad',
    ]);
    await expectAccessible(el);
  });

  it('links members to their profile and events to the calendar’s day through the page’s patterns, and keeps them text without', async () => {
    const linked = await loadedWidget<Badge>(
      html`<grove-participation-badge community="water" profile-url="/people#members.member={id}" event-url="/events#calendar.date={date}&amp;calendar.event={id}"></grove-participation-badge>`,
      new FakeClient(facilitatorRoutes()),
    );
    await waitUntil(() => $(linked, '[part~="hostless"] a'), 'the linked list');
    expect($(linked, '[part~="quiet"] a')?.getAttribute('href')).to.equal('/people#members.member=7');
    expect($(linked, '[part~="quiet"] a')?.textContent).to.equal('Priya Raman');
    expect($$(linked, '[part~="newcomers"] a').map((a) => a.textContent)).to.deep.equal(['Lucía Fernández', 'Omar Haddad']);
    const start = new Date('2026-12-15T14:00:00Z');
    const day = `${start.getFullYear()}-${String(start.getMonth() + 1).padStart(2, '0')}-${String(start.getDate()).padStart(2, '0')}`;
    expect($(linked, '[part~="hostless"] a')?.getAttribute('href')).to.equal(`/events#calendar.date=${day}&calendar.event=9`);
    await expectAccessible(linked);

    const plain = await withActions(new FakeClient(facilitatorRoutes()));
    expect($(plain, '[part~="quiet"] a')).to.equal(null);
    expect($(plain, '[part~="hostless"] a')).to.equal(null);
  });

  it('refuses a link pattern that is not a web address, naming the attribute', async () => {
    const el = await fixtureWithClient<Badge>(
      html`<grove-participation-badge community="water" profile-url="javascript:alert({id})"></grove-participation-badge>`,
      new FakeClient(facilitatorRoutes()),
    );
    await waitUntil(() => $(el, '[role="alert"]'), 'the attribute error');
    expect($(el, '[role="alert"]')?.textContent).to.include('profile-url');
  });

  it('welcomes a newcomer from the keyboard: the write names them, the item says so and focus moves to the next', async () => {
    const client = new FakeClient(facilitatorRoutes());
    const el = await withActions(client);
    $$(el, '[part~="welcome-button"]')[0]!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => $(el, '[part~="welcomed"]'), 'the newcomer is marked welcomed');
    const write = client.calls.find((call) => call.method === 'POST');
    expect(write?.path).to.equal('/v1/participation/communities/water/welcomes');
    expect(write?.body).to.deep.equal({ member: '40' });
    expect(itemTexts(el, 'newcomers')[0]).to.match(/^Lucía Fernández · joined 6 days ago Welcomed$/);
    expect($(el, '[part~="actions"] [role="status"]')?.textContent).to.equal('Lucía Fernández is marked as welcomed.');
    await waitUntil(() => deepActive()?.getAttribute('aria-label') === 'Welcome Omar Haddad', 'focus moves to the next newcomer');
    await expectAccessible(el);
  });

  it('keeps the newcomer and says why when the welcome fails', async () => {
    const client = new FakeClient({
      ...facilitatorRoutes(),
      'POST /v1/participation/communities/water/welcomes': () => {
        throw new GroveApiError('forbidden', 403);
      },
    });
    const el = await withActions(client);
    $$(el, '[part~="welcome-button"]')[0]!.click();
    await waitUntil(() => $(el, '[part~="newcomers"] [role="alert"]'), 'the failure shows');
    expect($(el, '[part~="newcomers"] [role="alert"]')?.textContent).to.equal('You do not have permission to do this.');
    expect($$(el, '[part~="welcome-button"]')).to.have.length(2);
    expect($(el, '[part~="welcomed"]')).to.equal(null);
  });

  it('tells a facilitator with nothing to do so', async () => {
    const el = await withActions(new FakeClient(facilitatorRoutes(noActions)));
    expect($(el, '[part~="actions"] [part~="status"]')?.textContent).to.equal('Nothing needs your attention right now.');
    expect($$(el, '[part~="action-list"]')).to.have.length(0);
    await expectAccessible(el);
  });

  it('shows an error with a retry when the list cannot load, and the list after retrying', async () => {
    let fail = true;
    const client = new FakeClient(
      facilitatorRoutes(() => {
        if (fail) throw new GroveApiError('unavailable', 503);
        return waterActions();
      }),
    );
    const el = await withActions(client);
    expect($(el, '[part~="actions"] [role="alert"]')?.textContent).to.contain('The server is busy');
    await expectAccessible(el);
    fail = false;
    ($(el, '[part~="actions"] [part~="retry-button"]') as HTMLButtonElement).click();
    await waitUntil(() => $$(el, '[part~="action-list"]').length === 5, 'the list loads on retry');
  });

  for (const role of ['member', null] as const) {
    it(`never asks for the list, nor downloads it, for a ${role ?? 'anonymous'} viewer`, async () => {
      const client = new FakeClient(facilitatorRoutes(waterActions, role));
      const el = await loadedWidget<Badge>(template, client);
      await el.updateComplete;
      expect($(el, '[part~="figures"]'), 'the aggregate shows').to.not.equal(null);
      expect($(el, '[part~="actions"]')).to.equal(null);
      expect(client.calls.map((call) => call.path)).to.not.include('/v1/participation/communities/water/actions');
    });
  }

  it('is translated, right to left in Arabic', async () => {
    const el = await withActions(new FakeClient(facilitatorRoutes()), 'ar');
    await waitUntil(() => $(el, '#actions-title')?.textContent === 'ما يحتاج إليك', 'the Arabic catalogue loads');
    expect($(el, '.root')?.getAttribute('dir')).to.equal('rtl');
    expect($$(el, '[part~="welcome-button"]')[0]?.textContent.trim()).to.equal('رحّب');
    await expectAccessible(el);
    const fr = await withActions(new FakeClient(facilitatorRoutes()), 'fr');
    await waitUntil(() => $(fr, '#actions-title')?.textContent === 'Ce qui vous attend', 'the French catalogue loads');
    expect($(fr, '[part~="questions"] h4')?.textContent).to.equal('2 questions sans réponse');
  });
});
