import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { GroveDiscussionThread } from '../../src/components/discussion-thread/discussion-thread.js';
import { GroveExpertFinder } from '../../src/components/expert-finder/expert-finder.js';
import { GroveMemberDirectory } from '../../src/components/member-directory/member-directory.js';
import { defineElement } from '../../src/registry/define-element.js';
import { conversation, threadRoutes } from '../components/discussion-thread/fixtures.js';
import { finderRoutes } from '../components/expert-finder/fixtures.js';
import { directoryRoutes } from '../components/member-directory/fixtures.js';
import { badge, badgeRoutes, variedBadge } from '../components/participation-badge/fixtures.js';
import { FakeClient } from '../helpers/fake-client.js';
import { fixtureWithClient } from '../helpers/fixture.js';
import { withoutIntersectionObserver } from '../helpers/intersection-observer.js';

defineElement('grove-member-directory', GroveMemberDirectory);
defineElement('grove-discussion-thread', GroveDiscussionThread);
defineElement('grove-expert-finder', GroveExpertFinder);
// grove-participation-badge is deliberately not defined here: the widgets must load it themselves.

const badgesIn = (el: Element) => [...(el.shadowRoot?.querySelectorAll('grove-participation-badge') ?? [])];

/** Waits until every badge in `el` shows its level, and returns the members and communities they show. */
async function shownBadges(el: Element): Promise<string[]> {
  await waitUntil(
    () => badgesIn(el).length > 0 && badgesIn(el).every((badge) => badge.shadowRoot?.querySelector('[part~="level"]')),
    'badges with levels',
    { timeout: 4000 },
  );
  return badgesIn(el).map((badge) => `${badge.getAttribute('member')}@${badge.getAttribute('community')}`);
}

describe('the badges attribute', () => {
  let restoreObserver: (() => void) | undefined;
  beforeEach(() => (restoreObserver = withoutIntersectionObserver()));
  afterEach(() => restoreObserver?.());

  it('puts each member’s badge on their directory card, loading the badge element, in one request', async () => {
    const client = new FakeClient({ ...directoryRoutes(), ...badgeRoutes(variedBadge) });
    const el = await fixtureWithClient(html`<grove-member-directory community="water" badges></grove-member-directory>`, client);
    expect(await shownBadges(el)).to.deep.equal(['1@water', '2@water']);
    expect(customElements.get('grove-participation-badge'), 'defined by the directory').to.not.equal(undefined);
    expect(client.callsTo('GET', '/v1/participation/badges')).to.have.length(1);
  });

  it('shows no badge without the attribute', async () => {
    const client = new FakeClient({ ...directoryRoutes(), ...badgeRoutes(variedBadge) });
    const el = await fixtureWithClient(html`<grove-member-directory community="water"></grove-member-directory>`, client);
    await waitUntil(() => el.shadowRoot?.querySelector('[part~="card"]'), 'cards');
    expect(badgesIn(el)).to.have.length(0);
  });

  it('puts each author’s badge beside their name in a thread, in the thread’s community', async () => {
    // Member ids as the server gives them (the thread fixtures' `m1` is not one a badge accepts).
    const posts = conversation(3).map((post) => ({ ...post, author: { ...post.author, id: post.author.id.slice(1) } }));
    const client = new FakeClient({ ...threadRoutes(posts), ...badgeRoutes((id) => badge(id)) });
    const el = await fixtureWithClient(
      html`<grove-discussion-thread page-key="https://example.org/badges" badges></grove-discussion-thread>`,
      client,
    );
    const shown = await shownBadges(el);
    expect(shown).to.have.length(3);
    expect(
      shown.every((entry) => entry.endsWith('@water')),
      shown.join(),
    ).to.equal(true);
  });

  it('puts each expert’s badge beside their name', async () => {
    const client = new FakeClient({ ...finderRoutes(), ...badgeRoutes(variedBadge) });
    const el = await fixtureWithClient(html`<grove-expert-finder community="water" query="drip" badges></grove-expert-finder>`, client);
    const shown = await shownBadges(el);
    expect(shown[0]).to.equal('1@water');
    expect(el.shadowRoot?.querySelector('h3 grove-participation-badge'), 'the heading, which names the item, holds only the name').to.equal(
      null,
    );
  });
});
