import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { GroveApiError } from '../../../src/api/problem.js';
import { GroveCommunityList } from '../../../src/components/community-list/community-list.js';
import { slugFrom } from '../../../src/components/community-list/facilitator-tools.js';
import { GroveLoadEvent } from '../../../src/events/grove-load-event.js';
import { defineElement } from '../../../src/registry/define-element.js';
import { expectAccessible } from '../../helpers/axe.js';
import { FakeClient, type FakeCall } from '../../helpers/fake-client.js';
import { fixtureWithClient } from '../../helpers/fixture.js';
import { withoutIntersectionObserver } from '../../helpers/intersection-observer.js';
import { widgetSuite } from '../../helpers/widget-suite.js';
import { community, facilitatorScenario, listRoutes, utilities, type Scenario } from './fixtures.js';

defineElement('grove-community-list', GroveCommunityList);

/** A node's text with runs of white space made single, trimmed. */
const text = (node: Node): string => (node.textContent ?? '').replace(/\s+/g, ' ').trim();
/** The paths written to with `method`, in order. */
const writes = (client: FakeClient, method: 'POST' | 'DELETE'): string[] =>
  client.calls.filter((call) => call.method === method).map((call) => call.path);

widgetSuite({
  tag: 'grove-community-list',
  template: html`<grove-community-list community="water"></grove-community-list>`,
  client: () => new FakeClient(listRoutes()),
  emptyClient: () => new FakeClient(listRoutes({ open: [] })),
  loadPath: '/v1/communities',
  invalid: {
    template: html`<grove-community-list community="water and sanitation"></grove-community-list>`,
    name: 'community',
    says: 'For example: water.',
  },
});

async function render(scenario: Scenario = {}, options: { authenticated?: boolean; lang?: string } = {}) {
  const client = new FakeClient(listRoutes(scenario), { authenticated: options.authenticated ?? false });
  const loaded = oneEvent(document, 'grove-load');
  const element = await fixtureWithClient<GroveCommunityList>(
    html`<grove-community-list community="water"></grove-community-list>`,
    client,
    { lang: options.lang ?? 'en' },
  );
  await loaded;
  await element.updateComplete;
  const root = element.shadowRoot!;
  const button = (label: string, within: ParentNode = root) =>
    [...within.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === label) ?? null;
  const item = (name: string) =>
    [...root.querySelectorAll<HTMLElement>('[part~="item"]')].find((li) => text(li.querySelector('h3')!) === name)!;
  return { element, client, root, button, item };
}

describe('grove-community-list', function () {
  this.timeout(20_000);
  let restoreObserver: () => void;
  beforeEach(() => (restoreObserver = withoutIntersectionObserver()));
  afterEach(() => restoreObserver());

  it('shows each group with its purpose, state, size, activity and facilitators; readers get no buttons', async () => {
    const { root, item, client } = await render();
    expect(text(root.querySelector('[part~="title"]')!)).to.equal('Groups of Water');
    const drip = item('Drip irrigation for smallholders');
    expect(text(drip.querySelector('[part~="state"]')!)).to.equal('Active');
    expect(text(drip)).to.contain('Low-cost drip kits');
    expect(text(drip.querySelector('.facts')!)).to.match(
      /^42 members · 1 post in 30 days · Last post Dec 1, 2026 · Facilitated by Jean-Baptiste Kaboré$/,
    );
    const closedToOutsiders = item('Utilities peer review');
    expect(text(closedToOutsiders)).to.contain('Forming').and.contain('Members only');
    expect(text(closedToOutsiders.querySelector('.facts')!)).to.not.contain('posts');
    expect(root.querySelector('[part~="membership-button"]')).to.equal(null);
    expect(client.callsTo('GET', '/v1/communities')[0]!.query).to.deep.include({ parent: 'water', closed: 'exclude' });
  });

  it('a member joins a public group and asks to join a members-only one; the outcome is announced', async () => {
    const { root, item, client, button } = await render({}, { authenticated: true });
    client.route('POST /v1/communities/:slug/join', ({ params }: FakeCall) => ({
      community: params.slug,
      status: params.slug === 'drip-irrigation' ? 'member' : 'pending',
    }));
    const joined = oneEvent(document, 'grove-profile-change');
    button('Join', item('Drip irrigation for smallholders'))!.click();
    await joined;
    await waitUntil(() => text(root.querySelector('[role="status"]')!) === 'You joined Drip irrigation for smallholders.');
    const request = button('Request to join', item('Utilities peer review'))!;
    expect(request.getAttribute('aria-describedby')).to.equal('group-utilities-peer-review');
    request.click();
    await waitUntil(() => text(root.querySelector('[role="status"]')!).startsWith('Your request to join Utilities peer review'));
    expect(writes(client, 'POST')).to.deep.equal(['/v1/communities/drip-irrigation/join', '/v1/communities/utilities-peer-review/join']);
    await expectAccessible(root.host);
  });

  it('a pending request says so and can be withdrawn; a member leaves', async () => {
    const asked = community({ ...utilities, viewerJoinRequested: true });
    const member = community({
      ...utilities,
      slug: 'drip-irrigation',
      name: 'Drip',
      readable: true,
      visibility: 'public',
      viewerRole: 'member',
    });
    const { root, item, client, button } = await render({ open: [member, asked] }, { authenticated: true });
    client.route('DELETE /v1/communities/:slug/membership', () => undefined);
    expect(text(item('Utilities peer review'))).to.contain('Request sent');
    button('Withdraw request', item('Utilities peer review'))!.click();
    await waitUntil(() => text(root.querySelector('[role="status"]')!) === 'You withdrew your request to join Utilities peer review.');
    button('Leave', item('Drip'))!.click();
    await waitUntil(() => text(root.querySelector('[role="status"]')!) === 'You left Drip.');
    expect(writes(client, 'DELETE')).to.deep.equal([
      '/v1/communities/utilities-peer-review/membership',
      '/v1/communities/drip-irrigation/membership',
    ]);
  });

  it('an invited member accepts by joining, also a members-only group', async () => {
    const { root, item, client, button } = await render(
      { open: [community({ ...utilities, viewerInvited: true })] },
      { authenticated: true },
    );
    client.route('POST /v1/communities/:slug/join', () => ({ community: 'utilities-peer-review', status: 'member' }));
    button('Accept invitation', item('Utilities peer review'))!.click();
    await waitUntil(() => text(root.querySelector('[role="status"]')!) === 'You joined Utilities peer review.');
    expect(writes(client, 'POST')).to.deep.equal(['/v1/communities/utilities-peer-review/join']);
  });

  it('a refused action is announced, translated, and the list stays', async () => {
    const { root, client, button, item } = await render({}, { authenticated: true, lang: 'fr' });
    client.route('POST /v1/communities/:slug/join', () => {
      throw new GroveApiError('forbidden', 403);
    });
    button('Rejoindre', item('Drip irrigation for smallholders'))!.click();
    await waitUntil(() => text(root.querySelector('[role="status"]')!) === 'Vous n’avez pas l’autorisation de faire cela.');
    expect(root.querySelectorAll('[part~="item"]').length).to.equal(2);
  });

  it('the closed groups open from the keyboard as a read-only archive', async () => {
    const { root, client, item } = await render({}, { authenticated: true });
    const toggle = root.querySelector<HTMLButtonElement>('[part~="archive-button"]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root.querySelector('#archive [part~="item"]'));
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const closed = item('Rainwater harvesting pilots (2021–2023)');
    expect(text(closed)).to.contain('Closed').and.contain('Closed on Dec 15, 2023: a read-only archive.');
    expect(closed.querySelector('[part~="membership-button"]'), 'a closed group takes no new members').to.equal(null);
    expect(client.callsTo('GET', '/v1/communities').some((call) => call.query.closed === 'only')).to.equal(true);
    await expectAccessible(root.host);
  });

  it('an unknown community names the attribute, translated, without a retry', async () => {
    const client = new FakeClient({
      'GET /v1/communities/:slug': () => {
        throw new GroveApiError('not-found', 404, { title: 'Not found' });
      },
      'GET /v1/communities': () => {
        throw new GroveApiError('not-found', 404, { title: 'Not found' });
      },
    });
    const failed = oneEvent(document, 'grove-error');
    const element = await fixtureWithClient<GroveCommunityList>(
      html`<grove-community-list community="nowhere"></grove-community-list>`,
      client,
      { lang: 'es' },
    );
    await failed;
    await element.updateComplete;
    const alert = element.shadowRoot!.querySelector('[role="alert"]')!;
    expect(text(alert)).to.contain('nowhere').and.contain('community');
    expect(alert.querySelector('button')).to.equal(null);
  });

  it('reads right to left in Arabic', async () => {
    const { root } = await render({}, { lang: 'ar' });
    const section = root.querySelector('section')!;
    expect(section.getAttribute('dir')).to.equal('rtl');
    expect(text(root.querySelector('[part~="state"]')!)).to.equal('نشطة');
    // The space between a name and its badge sits on the badge: a Latin name (dir=auto) in an Arabic list keeps it.
    const badge = root.querySelector('[part~="state"]')!;
    expect(getComputedStyle(badge).marginRight).to.not.equal('0px');
    expect(badge.getBoundingClientRect().right).to.be.lessThan(root.querySelector('[part~="name"]')!.getBoundingClientRect().left);
    await expectAccessible(root.host);
  });

  it('without community, lists the top-level communities', async () => {
    const client = new FakeClient(listRoutes({ open: [community()] }));
    const loaded = oneEvent<GroveLoadEvent>(document, 'grove-load');
    const element = await fixtureWithClient<GroveCommunityList>(html`<grove-community-list></grove-community-list>`, client);
    const event = await loaded;
    expect((event.detail.data as { community: unknown }).community).to.equal(null);
    await element.updateComplete;
    expect(client.callsTo('GET', '/v1/communities')[0]!.query.parent).to.equal(undefined);
    expect(client.callsTo('GET', '/v1/communities/:slug')).to.have.length(0);
  });
});

describe('grove-community-list: facilitator tools', function () {
  this.timeout(20_000);
  let restoreObserver: () => void;
  beforeEach(() => (restoreObserver = withoutIntersectionObserver()));
  afterEach(() => restoreObserver());

  async function asFacilitator(lang = 'en') {
    const rendered = await render(facilitatorScenario(), { authenticated: true, lang });
    await waitUntil(() => rendered.root.querySelector('[part~="tools"]'), 'the tools chunk arrives');
    return rendered;
  }

  it('are not downloaded for a member who manages nothing', async () => {
    const { root } = await render({}, { authenticated: true });
    // A task turn, not an animation frame: frames do not come to a page the browser runs in the background.
    await new Promise((resolve) => setTimeout(resolve));
    expect(root.querySelector('[part~="tools"]')).to.equal(null);
  });

  it('open a sub-group: field errors in place, what was typed kept, the address made from the name', async () => {
    const { root, client, button } = await asFacilitator();
    let attempt = 0;
    client.route('POST /v1/communities', () => {
      if (attempt++ === 0) throw new GroveApiError('conflict', 409, { errors: [{ field: 'body.slug', message: 'Already in use' }] });
      return community({ slug: 'eau-potable', name: 'Eau potable' });
    });
    const create = button('New sub-group')!;
    create.click();
    await waitUntil(() => root.querySelector('form'));
    expect(create.getAttribute('aria-expanded')).to.equal('true');
    expect(root.activeElement?.id).to.equal('new-name');
    const form = root.querySelector('form')!;
    button('Open the sub-group', form)!.click();
    await waitUntil(() => root.querySelector('#name-error'));
    expect(text(root.querySelector('#name-error')!)).to.equal('Give the group a name.');
    expect(root.querySelector('#new-name')!.getAttribute('aria-invalid')).to.equal('true');
    expect(client.callsTo('POST', '/v1/communities')).to.have.length(0);
    const name = root.querySelector<HTMLInputElement>('#new-name')!;
    name.value = 'Eau potable';
    form.querySelector<HTMLTextAreaElement>('textarea')!.value = 'Des réseaux ruraux';
    await expectAccessible(root.host);
    button('Open the sub-group', form)!.click();
    await waitUntil(() => root.querySelector('#slug-error'));
    expect(text(root.querySelector('#slug-error')!)).to.equal('This address is taken: choose another.');
    expect(name.value, 'the name typed stays').to.equal('Eau potable');
    expect(client.callsTo('POST', '/v1/communities')[0]!.body).to.deep.equal({
      parent: 'water',
      slug: 'eau-potable',
      name: 'Eau potable',
      description: 'Des réseaux ruraux',
      visibility: 'public',
      lifecycle: 'forming',
      languages: ['en', 'fr'],
    });
    button('Open the sub-group', form)!.click();
    await waitUntil(() => text(root.querySelector('[role="status"]')!) === 'Eau potable is open, and you are its facilitator.');
    expect(root.querySelector('form')).to.equal(null);
  });

  it('close a group after a confirmation that says its members return to the mother community', async () => {
    const { root, client, item, button } = await asFacilitator();
    client.route('POST /v1/communities/:slug/lifecycle', () => ({ community: community(), returnedMembers: 3 }));
    const drip = item('Drip irrigation for smallholders');
    button('Close…', drip)!.click();
    await waitUntil(() => drip.querySelector('.confirm'));
    const confirm = drip.querySelector('.confirm')!;
    expect(text(confirm)).to.contain('Close Drip irrigation for smallholders?').and.contain('become members of it');
    expect(root.activeElement).to.equal(button('Close the group', confirm));
    await expectAccessible(root.host);
    button('Close the group', confirm)!.click();
    await waitUntil(() => text(root.querySelector('[role="status"]')!).startsWith('Drip irrigation for smallholders is closed.'));
    expect(text(root.querySelector('[role="status"]')!)).to.contain('3 members joined the mother community.');
    expect(client.callsTo('POST', '/v1/communities/drip-irrigation/lifecycle')[0]!.body).to.deep.equal({
      state: 'closed',
      returnMembers: true,
    });
  });

  it('reopen a closed group from the archive', async () => {
    const { root, client, item, button } = await asFacilitator();
    client.route('POST /v1/communities/:slug/lifecycle', () => ({ community: community(), returnedMembers: 0 }));
    button('Closed groups (archive)')!.click();
    await waitUntil(() => root.querySelector('#archive select'));
    const archive = item('Rainwater harvesting pilots (2021–2023)');
    expect(archive.querySelector<HTMLSelectElement>('select')!.value).to.equal('active');
    expect(button('Close…', archive)).to.equal(null);
    button('Reopen', archive)!.click();
    await waitUntil(() => text(root.querySelector('[role="status"]')!) === 'Rainwater harvesting pilots (2021–2023) is now: Active.');
    expect(client.callsTo('POST', '/v1/communities/rainwater-pilots/lifecycle')[0]!.body).to.deep.equal({
      state: 'active',
      returnMembers: true,
    });
  });

  it("change a group's state", async () => {
    const { root, client, item, button } = await asFacilitator();
    client.route('POST /v1/communities/:slug/lifecycle', () => ({ community: community(), returnedMembers: 0 }));
    const drip = item('Drip irrigation for smallholders');
    drip.querySelector<HTMLSelectElement>('select')!.value = 'dormant';
    button('Change state', drip)!.click();
    await waitUntil(() => text(root.querySelector('[role="status"]')!) === 'Drip irrigation for smallholders is now: Dormant.');
    expect(client.callsTo('POST', '/v1/communities/drip-irrigation/lifecycle')[0]!.body).to.deep.equal({
      state: 'dormant',
      returnMembers: true,
    });
  });

  it('decide on a request to join, in Arabic', async () => {
    const { root, client, item, button } = await asFacilitator('ar');
    client.route('POST /v1/communities/:slug/join-requests/:id/approve', ({ params }: FakeCall) => ({ id: params.id, status: 'approved' }));
    const group = item('Utilities peer review');
    const toggle = button('طلب انضمام واحد', group)!;
    toggle.click();
    await waitUntil(() => group.querySelector('.requests li button'));
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(text(group.querySelector('.requests')!))
      .to.contain('Priya Raman')
      .and.contain('I review utilities’ M&E plans.');
    await expectAccessible(root.host);
    button('قبول', group)!.click();
    await waitUntil(() => text(root.querySelector('[role="status"]')!) === 'أصبح Priya Raman عضوًا.');
    expect(writes(client, 'POST')).to.deep.equal(['/v1/communities/utilities-peer-review/join-requests/7/approve']);
  });

  /** Opens a group's invite panel and waits for its standing invitations. */
  async function openInvite(rendered: Awaited<ReturnType<typeof asFacilitator>>, label = 'Invite') {
    const group = rendered.item('Utilities peer review');
    const toggle = rendered.button(label, group)!;
    toggle.click();
    await waitUntil(() => group.querySelector('input[name="q"]'));
    await waitUntil(() => group.querySelector('ul[aria-busy="false"]'), 'the standing invitations load');
    const input = group.querySelector<HTMLInputElement>('input[name="q"]')!;
    return { group, toggle, input };
  }

  it('invite a member found in the directory', async () => {
    const rendered = await asFacilitator();
    const { root, client, button } = rendered;
    client.route('GET /v1/members', { items: [{ id: '4', name: 'Priya Raman' }], next: null });
    client.route('POST /v1/communities/:slug/invitations', () => ({ community: 'utilities-peer-review', member: '4', status: 'invited' }));
    const { group, toggle, input } = await openInvite(rendered);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(root.activeElement).to.equal(input);
    await sendKeys({ type: 'priya' });
    expect(text(group.querySelector('form button')!)).to.equal('Search');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => button('Invite', group.querySelector('#invite-utilities-peer-review')!));
    expect(client.callsTo('GET', '/v1/members')[0]!.query).to.deep.include({ q: 'priya', limit: 5 });
    await expectAccessible(root.host);
    button('Invite', group.querySelector('#invite-utilities-peer-review')!)!.click();
    await waitUntil(() => text(root.querySelector('[role="status"]')!) === 'Priya Raman is invited: they accept by joining.');
    expect(client.callsTo('POST', '/v1/communities/utilities-peer-review/invitations')[0]!.body).to.deep.equal({ member: '4' });
  });

  it('invite an e-mail address from the keyboard: sent, the field emptied, the standing invitations reloaded', async () => {
    const rendered = await asFacilitator();
    const { root, client } = rendered;
    client.route('POST /v1/communities/:slug/invitations', () => ({
      community: 'utilities-peer-review',
      email: 'new.person@example.org',
      status: 'invited',
    }));
    const { group, input } = await openInvite(rendered);
    expect(input.getAttribute('aria-describedby')).to.equal('invite-utilities-peer-review-hint');
    await sendKeys({ type: 'new.person@example.org' });
    await waitUntil(() => text(group.querySelector('form button')!) === 'Send invitation');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => text(root.querySelector('[role="status"]')!) === 'Invitation sent to new.person@example.org.');
    expect(client.callsTo('POST', '/v1/communities/utilities-peer-review/invitations')[0]!.body).to.deep.equal({
      email: 'new.person@example.org',
    });
    await waitUntil(() => client.callsTo('GET', '/v1/communities/utilities-peer-review/invitations').length === 2);
    expect(group.querySelector<HTMLInputElement>('input[name="q"]')!.value).to.equal('');
    await expectAccessible(root.host);
  });

  it('an address already invited: says nobody was mailed again', async () => {
    const rendered = await asFacilitator();
    rendered.client.route('POST /v1/communities/:slug/invitations', () => ({
      community: 'utilities-peer-review',
      email: 'amina.diallo@example.org',
      status: 'already-invited',
    }));
    await openInvite(rendered);
    await sendKeys({ type: 'amina.diallo@example.org' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () =>
        text(rendered.root.querySelector('[role="status"]')!) === 'amina.diallo@example.org is already invited: nobody was mailed again.',
    );
  });

  it('a bad address keeps what was typed, says why and takes the focus: caught here, and when the server refuses it', async () => {
    const rendered = await asFacilitator();
    const { root, client } = rendered;
    client.route('POST /v1/communities/:slug/invitations', () => {
      throw new GroveApiError('invalid', 422, { errors: [{ field: 'body.email', message: 'Must be an e-mail address' }] });
    });
    const { group, input } = await openInvite(rendered);
    await sendKeys({ type: 'amina@example' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => group.querySelector('.error'));
    expect(client.callsTo('POST', '/v1/communities/utilities-peer-review/invitations')).to.have.length(0);
    expect(text(group.querySelector('.error')!)).to.equal('Enter an e-mail address such as name@example.org.');
    expect(input.value).to.equal('amina@example');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.contain('invite-utilities-peer-review-error');
    expect(root.activeElement).to.equal(input);
    await expectAccessible(root.host);
    await sendKeys({ type: '.org' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => client.callsTo('POST', '/v1/communities/utilities-peer-review/invitations').length === 1);
    await waitUntil(() => root.activeElement === input && input.getAttribute('aria-invalid') === 'true');
    expect(input.value).to.equal('amina@example.org');
  });

  it('sending fails (offline): the address stays and the reason is shown', async () => {
    const rendered = await asFacilitator();
    rendered.client.route('POST /v1/communities/:slug/invitations', () => {
      throw new GroveApiError('offline', 0);
    });
    const { group, input } = await openInvite(rendered);
    await sendKeys({ type: 'amina@example.org' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => group.querySelector('.error'));
    expect(input.value).to.equal('amina@example.org');
    expect(text(group.querySelector('.error')!)).to.not.equal('Enter an e-mail address such as name@example.org.');
  });

  it('standing invitations with their age; withdraw one', async () => {
    const rendered = await asFacilitator();
    const { root, client, button } = rendered;
    client.route('DELETE /v1/communities/:slug/invitations/:id', null);
    const { group } = await openInvite(rendered);
    const items = [...group.querySelectorAll('ul[aria-labelledby] li')].map(text);
    expect(items).to.have.length(2);
    expect(items[0]).to.match(/^Irène Martin invited .+ Withdraw$/);
    expect(items[1]).to.match(/^amina\.diallo@example\.org invited .+ Withdraw$/);
    expect(group.querySelector('[id="invite-utilities-peer-review-email-3"]')!.getAttribute('dir')).to.equal('ltr');
    await expectAccessible(root.host);
    client.route('GET /v1/communities/:slug/invitations', { items: [] });
    const withdraw = [...group.querySelectorAll<HTMLButtonElement>('ul[aria-labelledby] button')][1]!;
    expect(withdraw.getAttribute('aria-describedby')).to.equal('invite-utilities-peer-review-email-3');
    withdraw.click();
    await waitUntil(() => text(root.querySelector('[role="status"]')!) === 'The invitation to amina.diallo@example.org is withdrawn.');
    expect(writes(client, 'DELETE')).to.deep.equal(['/v1/communities/utilities-peer-review/invitations/email-3']);
    await waitUntil(() => text(group.querySelector('ul[aria-labelledby]')!) === 'No invitations waiting.');
    expect(button('Invite', group)).to.not.equal(null);
  });

  it('the standing invitations fail to load: the reason and a retry', async () => {
    const rendered = await asFacilitator();
    let attempt = 0;
    rendered.client.route('GET /v1/communities/:slug/invitations', () => {
      if (attempt++ === 0) throw new GroveApiError('offline', 0);
      return { items: [] };
    });
    const { group } = await openInvite(rendered);
    expect(group.querySelector('ul[aria-labelledby] .error')).to.not.equal(null);
    rendered.button('Try again', group)!.click();
    await waitUntil(() => text(group.querySelector('ul[aria-labelledby]')!) === 'No invitations waiting.');
  });

  it('invite in Arabic: right to left, the address left to right', async () => {
    const rendered = await asFacilitator('ar');
    const { group } = await openInvite(rendered, 'دعوة');
    expect(getComputedStyle(group).direction).to.equal('rtl');
    expect(text(group.querySelector('h4')!)).to.equal('الدعوات المعلّقة');
    expect(group.querySelector('[id="invite-utilities-peer-review-email-3"]')!.getAttribute('dir')).to.equal('ltr');
    await expectAccessible(rendered.root.host);
  });

  it('make an address from any name', () => {
    expect(slugFrom('  Eau & Assainissement — Sénégal ')).to.equal('eau-assainissement-senegal');
  });
});
