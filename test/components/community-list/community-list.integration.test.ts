import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { GroveCommunityList } from '../../../src/components/community-list/community-list.js';
import { GroveProvider } from '../../../src/context/grove-provider.js';
import { defineElement } from '../../../src/registry/define-element.js';
import { expectAccessible } from '../../helpers/axe.js';
import { withoutIntersectionObserver } from '../../helpers/intersection-observer.js';
import { demoToken } from '../discussion-thread/live-server.js';

defineElement('grove-community-list', GroveCommunityList);
defineElement('grove-provider', GroveProvider);

/** Set by web-test-runner.config.js: the reference server, on another origin than the test page. */
const api = (window as { GROVE_API?: string | null }).GROVE_API;
/** Seeded (server/seed/demo-extras.ts): Amina facilitates water and its members-only peer review, which Priya asked to join. */
const AMINA = '1';
const PRIYA = '4';

const text = (node: Node): string => (node.textContent ?? '').replace(/\s+/g, ' ').trim();

const signIn = (member: string) => demoToken(api!, member);

async function render(token?: string) {
  const loaded = oneEvent(document, 'grove-load');
  const provider = await fixture<GroveProvider>(
    html`<grove-provider api=${api!} .token=${token}><grove-community-list community="water"></grove-community-list></grove-provider>`,
  );
  await loaded;
  const element = provider.querySelector<GroveCommunityList>('grove-community-list')!;
  await element.updateComplete;
  const root = element.shadowRoot!;
  const item = (name: string) =>
    [...root.querySelectorAll<HTMLElement>('[part~="item"]')].find((li) => text(li.querySelector('h3')!) === name);
  const button = (label: string, within: ParentNode = root) =>
    [...within.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === label);
  const status = () => text(root.querySelector('[role="status"]')!);
  return { element, root, item, button, status };
}

describe('grove-community-list against the reference server', function () {
  this.timeout(30_000);
  let restoreLazyLoading: (() => void) | undefined;
  before(function () {
    if (!api) this.skip();
    restoreLazyLoading = withoutIntersectionObserver();
  });
  after(() => restoreLazyLoading?.());

  it("a reader sees water's public groups with their facts, and the closed archive with its date", async () => {
    const { root, item } = await render();
    expect(item('Drip irrigation for smallholders'), 'a public sub-group').to.not.equal(undefined);
    expect(item('Utilities peer review'), 'members-only: not to a reader').to.equal(undefined);
    expect(text(item('Drip irrigation for smallholders')!))
      .to.match(/\d+ members/)
      .and.match(/Facilitated by Jean-Baptiste Kaboré/);
    root.querySelector<HTMLButtonElement>('[part~="archive-button"]')!.click();
    await waitUntil(() => item('Rainwater harvesting pilots (2021–2023)'), 'the archive loads', { timeout: 10_000 });
    expect(text(item('Rainwater harvesting pilots (2021–2023)')!))
      .to.contain('Closed on')
      .and.contain('Last post');
    await expectAccessible(root.host);
  });

  it('a member who asked to join withdraws the request and asks again, across origins', async () => {
    const { item, button, status } = await render(await signIn(PRIYA));
    const review = () => item('Utilities peer review')!;
    expect(text(review())).to.contain('Members only').and.contain('Request sent');
    button('Withdraw request', review())!.click();
    await waitUntil(() => status() === 'You withdrew your request to join Utilities peer review.', 'withdrawn', { timeout: 10_000 });
    await waitUntil(() => button('Request to join', review()), 'the list reloads', { timeout: 10_000 });
    button('Request to join', review())!.click();
    await waitUntil(() => status().startsWith('Your request to join Utilities peer review'), 'requested', { timeout: 10_000 });
    await waitUntil(() => text(review()).includes('Request sent'), 'the request shows', { timeout: 10_000 });
  });

  it('a facilitator sees the request, opens a sub-group and closes it into the archive', async () => {
    const { root, item, button, status } = await render(await signIn(AMINA));
    await waitUntil(() => root.querySelector('[part~="tools"]'), 'the facilitator tools arrive', { timeout: 10_000 });
    const review = item('Utilities peer review')!;
    button('1 request to join', review)!.click();
    await waitUntil(() => review.querySelector('.requests button'), 'the requests load', { timeout: 10_000 });
    expect(text(review.querySelector('.requests')!)).to.contain('Priya Raman');

    const name = `Spring protection ${Date.now().toString(36)}`;
    button('New sub-group')!.click();
    await waitUntil(() => root.querySelector('form'));
    root.querySelector<HTMLInputElement>('#new-name')!.value = name;
    button('Open the sub-group', root.querySelector('form')!)!.click();
    await waitUntil(() => status() === `${name} is open, and you are its facilitator.`, 'opened', { timeout: 10_000 });
    await waitUntil(() => item(name), 'listed', { timeout: 10_000 });
    expect(text(item(name)!)).to.contain('Forming');

    button('Close…', item(name))!.click();
    await waitUntil(() => item(name)!.querySelector('.confirm'));
    button('Close the group', item(name)!.querySelector('.confirm')!)!.click();
    await waitUntil(() => status().startsWith(`${name} is closed.`), 'closed', { timeout: 10_000 });
    await waitUntil(() => !item(name), 'gone from the open groups', { timeout: 10_000 });
    root.querySelector<HTMLButtonElement>('[part~="archive-button"]')!.click();
    await waitUntil(() => item(name), 'found in the archive', { timeout: 10_000 });
  });

  it('a facilitator invites an e-mail address, sees it among the standing invitations and withdraws it', async () => {
    const { root, item, button, status } = await render(await signIn(AMINA));
    await waitUntil(() => root.querySelector('[part~="tools"]'), 'the facilitator tools arrive', { timeout: 10_000 });
    const review = item('Utilities peer review')!;
    button('Invite', review)!.click();
    const list = () => review.querySelector('ul[aria-labelledby]');
    await waitUntil(() => list()?.getAttribute('aria-busy') === 'false', 'the standing invitations load', { timeout: 10_000 });
    const address = `guest.${Date.now().toString(36)}@example.org`;
    await sendKeys({ type: address });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => status() === `Invitation sent to ${address}.`, 'sent', { timeout: 10_000 });
    await waitUntil(() => text(list()!).includes(address), 'listed', { timeout: 10_000 });
    await expectAccessible(root.host);
    const row = [...list()!.querySelectorAll('li')].find((li) => text(li).includes(address))!;
    button('Withdraw', row)!.click();
    await waitUntil(() => status() === `The invitation to ${address} is withdrawn.`, 'withdrawn', { timeout: 10_000 });
    await waitUntil(() => !text(list()!).includes(address), 'gone from the list', { timeout: 10_000 });
  });
});
