import { expect, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { memberChangesOpen } from '../../../src/components/shared/member-changes.js';
import { GroveExpertFinder } from '../../../src/components/expert-finder/expert-finder.js';
import { GroveDiscussionThread } from '../../../src/components/discussion-thread/discussion-thread.js';
import { GroveMemberDirectory } from '../../../src/components/member-directory/member-directory.js';
import type { MemberSummary } from '../../../src/components/member-directory/types.js';
import { GroveParticipationBadge } from '../../../src/components/participation-badge/participation-badge.js';
import { GroveProfileChangeEvent } from '../../../src/events/grove-profile-change-event.js';
import { defineElement } from '../../../src/registry/define-element.js';
import { createHttpClient } from '../../../src/api/http-client.js';
import { ResponseCache } from '../../../src/api/response-cache.js';
import { FakeClient, type FakeCall } from '../../helpers/fake-client.js';
import { fakeFetch, json, problem } from '../../helpers/fake-fetch.js';
import { text } from '../../helpers/dom.js';
import { fixtureWithClient } from '../../helpers/fixture.js';
import { withoutIntersectionObserver } from '../../helpers/intersection-observer.js';
import { makePost, makeThread } from '../discussion-thread/fixtures.js';
import { amina as aminaExpert, expertPage, jeanBaptiste } from '../expert-finder/fixtures.js';
import { amina } from '../member-directory/fixtures.js';
import { badge } from '../participation-badge/fixtures.js';

defineElement('grove-discussion-thread', GroveDiscussionThread);
defineElement('grove-expert-finder', GroveExpertFinder);
defineElement('grove-member-directory', GroveMemberDirectory);
defineElement('grove-participation-badge', GroveParticipationBadge);

const CHANGES = '/v1/members/changes';

/**
 * A server whose members can change between requests: `people` holds each one's name and whether they
 * opted out, and every route answers from it as the reference server would (an opted-out member has no
 * badge, no directory card, and their posts name them in plain text).
 */
function changingServer() {
  const people: Record<string, { name: string; optedOut: boolean }> = {
    '11': { name: 'Amina Diallo', optedOut: false },
    '12': { name: 'Omar Haddad', optedOut: false },
  };
  const posts = [makePost('1'), makePost('2')].map((post, index) => ({ ...post, author: { ...post.author, id: String(11 + index) } }));
  const author = (id: string) => ({
    ...posts[0]!.author,
    id,
    name: people[id]!.name,
    presence: people[id]!.optedOut ? ('unlisted' as const) : ('listed' as const),
  });
  const client = new FakeClient({
    'GET /v1/threads/7': makeThread({ postCount: 2 }),
    'GET /v1/threads/7/posts': () => ({ items: posts.map((post) => ({ ...post, author: author(post.author.id) })), next: null }),
    'GET /v1/participation/badges': ({ query }: FakeCall) => ({
      items: ([query.member].flat() as string[])
        .filter((id) => people[id] && !people[id].optedOut)
        .map((id) => badge(id, 'active', { name: people[id]!.name })),
    }),
    'GET /v1/members': (): { items: MemberSummary[]; next: null; total: number } => {
      const items = Object.entries(people)
        .filter(([, person]) => !person.optedOut)
        .map(([id, person]) => ({ ...amina, id, name: person.name }));
      return { items, next: null, total: items.length };
    },
  });
  return { client, people };
}

/** A thread by Amina (11) and Omar (12), their inline badges and the directory, in one provider. */
async function page(client: FakeClient) {
  const container = await fixtureWithClient<HTMLElement>(
    html`<div>
      <grove-discussion-thread thread="7" readonly profile-url="/people#member={id}"></grove-discussion-thread>
      <grove-participation-badge member="11"></grove-participation-badge>
      <grove-participation-badge member="12"></grove-participation-badge>
      <grove-member-directory no-facets></grove-member-directory>
    </div>`,
    client,
  );
  const thread = container.querySelector<GroveDiscussionThread>('grove-discussion-thread')!;
  const [badge1, badge2] = [...container.querySelectorAll<GroveParticipationBadge>('grove-participation-badge')];
  const directory = container.querySelector<GroveMemberDirectory>('grove-member-directory')!;
  const author = (id: string) => thread.shadowRoot?.querySelector<HTMLElement>(`#author-${id}`) ?? null;
  const badgeName = (el: GroveParticipationBadge) => el.shadowRoot?.querySelector('.details .name')?.textContent ?? '';
  await waitUntil(
    () => author('1')?.textContent === 'Amina Diallo' && badgeName(badge1!) === 'Amina Diallo' && text(directory).includes('Amina Diallo'),
    'every widget shows Amina',
  );
  return { container, thread, badge1: badge1!, badge2: badge2!, directory, author, badgeName };
}

describe('member changes shown at once in every widget', () => {
  let restoreObserver: (() => void) | undefined;
  beforeEach(() => (restoreObserver = withoutIntersectionObserver()));
  afterEach(() => restoreObserver?.());

  it("refreshes every widget showing the member after the member's own edit on this page", async () => {
    const { client, people } = changingServer();
    const view = await page(client);
    const badgeCalls = client.callsTo('GET', '/v1/participation/badges').length;

    people['11']!.name = 'Amina Diallo-Sow';
    document.dispatchEvent(new GroveProfileChangeEvent('11', 2));

    await waitUntil(
      () =>
        view.author('1')?.textContent === 'Amina Diallo-Sow' &&
        view.badgeName(view.badge1) === 'Amina Diallo-Sow' &&
        text(view.directory).includes('Amina Diallo-Sow'),
      'the thread, the badge and the directory show the new name',
    );
    // Only the badge showing Amina asked again: Omar's did not.
    const asked = client.callsTo('GET', '/v1/participation/badges').slice(badgeCalls);
    expect(asked.map((call) => call.query.member)).to.deep.equal([['11']]);
  });

  it('follows announcements from the server with one stream for the whole page, and refetches only what shows the member', async () => {
    const { client, people } = changingServer();
    const view = await page(client);
    expect(client.openStreams(CHANGES), 'one stream for four widgets').to.equal(1);
    await memberChangesOpen(client);
    const postsCalls = client.callsTo('GET', '/v1/threads/7/posts').length;

    // Someone nobody here shows changed: nothing is fetched.
    client.emit(CHANGES, { event: 'member-changed', data: JSON.stringify({ id: '19', version: 3 }) });
    // Omar changed, in another browser.
    people['12']!.name = 'Omar El Haddad';
    client.emit(CHANGES, { event: 'member-changed', data: JSON.stringify({ id: '12', version: 3 }) });
    await waitUntil(() => view.author('2')?.textContent === 'Omar El Haddad', "the thread shows Omar's new name");
    await waitUntil(() => view.badgeName(view.badge2) === 'Omar El Haddad', "Omar's badge too");
    expect(client.callsTo('GET', '/v1/threads/7/posts').length - postsCalls, 'one reread of the thread for Omar, none for 19').to.equal(1);

    // The same version again (a repeated announcement) changes nothing and fetches nothing.
    const total = client.calls.length;
    client.emit(CHANGES, { event: 'member-changed', data: JSON.stringify({ id: '12', version: 3 }) });
    await view.thread.updateComplete;
    expect(client.calls.length).to.equal(total);
  });

  it('turns a member who opts out into plain text in threads and takes their badge and card away, at once', async () => {
    const { client, people } = changingServer();
    const view = await page(client);
    expect(view.author('1')?.tagName, 'a link to the profile while listed').to.equal('A');

    people['11']!.optedOut = true;
    client.emit(CHANGES, { event: 'member-changed', data: JSON.stringify({ id: '11', version: 4 }) });

    await waitUntil(() => view.author('1')?.tagName === 'SPAN', 'the author is plain text');
    expect(view.author('1')?.textContent).to.equal('Amina Diallo');
    await waitUntil(() => !view.badge1.shadowRoot?.querySelector('[part~="badge"]'), 'the badge goes');
    await waitUntil(() => !text(view.directory).includes('Amina Diallo'), 'the directory card goes');
    expect(view.badgeName(view.badge2)).to.equal('Omar Haddad');
  });

  it('opens no stream where no widget shows a member, and closes it when the last one leaves', async () => {
    const { client } = changingServer();
    client.route('GET /v1/participation/communities/water', { community: 'water' });
    const profile = await fixtureWithClient<GroveParticipationBadge>(
      html`<grove-participation-badge community="water" variant="card"></grove-participation-badge>`,
      client,
    );
    await profile.updateComplete;
    expect(client.openStreams(CHANGES), "a community's profile names nobody").to.equal(0);
    profile.member = '11';
    await waitUntil(() => client.openStreams(CHANGES) === 1, 'a member badge follows changes');
    profile.remove();
    await Promise.resolve();
    await Promise.resolve();
    expect(client.openStreams(CHANGES), 'closed with the last widget').to.equal(0);
  });

  it("refetches the expert finder's answers when an expert changes elsewhere, and drops one who opts out", async () => {
    const expert = { name: aminaExpert.member.name, optedOut: false };
    const client = new FakeClient({
      'GET /v1/experts': () =>
        expertPage(
          expert.optedOut ? [jeanBaptiste] : [{ ...aminaExpert, member: { ...aminaExpert.member, name: expert.name } }, jeanBaptiste],
        ),
      'GET /v1/skills': { items: [], next: null },
    });
    const finder = await fixtureWithClient<GroveExpertFinder>(
      html`<grove-expert-finder query="drip irrigation"></grove-expert-finder>`,
      client,
    );
    await waitUntil(() => text(finder).includes('Amina Diallo'), 'Amina is an expert');
    await memberChangesOpen(client);
    const asked = client.callsTo('GET', '/v1/experts').length;

    client.emit(CHANGES, { event: 'member-changed', data: JSON.stringify({ id: '99', version: 1 }) });
    expert.name = 'Amina Diallo-Sow';
    client.emit(CHANGES, { event: 'member-changed', data: JSON.stringify({ id: aminaExpert.member.id, version: 50 }) });
    await waitUntil(() => text(finder).includes('Amina Diallo-Sow'), 'the new name');
    expect(client.callsTo('GET', '/v1/experts').length - asked, 'asked again for Amina only, not for member 99').to.equal(1);

    expert.optedOut = true;
    client.emit(CHANGES, { event: 'member-changed', data: JSON.stringify({ id: aminaExpert.member.id, version: 51 }) });
    await waitUntil(() => !text(finder).includes('Amina'), 'Amina is no longer recommended');
    expect(text(finder)).to.include(jeanBaptiste.member.name);
  });

  it('gives up the stream, not the widget, on a server from before live member changes', async () => {
    const network = fakeFetch((request) =>
      new URL(request.url).pathname.endsWith('/members/changes')
        ? problem(404, { title: 'No route' })
        : json({ items: [badge('11', 'active', { name: 'Amina Diallo' })] }),
    );
    const client = createHttpClient({ baseUrl: 'https://old-grove.test/api', fetch: network.fetch, cache: new ResponseCache() });
    const card = await fixtureWithClient<GroveParticipationBadge>(
      html`<grove-participation-badge member="11" variant="card"></grove-participation-badge>`,
      client,
    );
    await waitUntil(() => card.shadowRoot?.querySelector('.card-header .name')?.textContent === 'Amina Diallo', 'the badge shows');
    const streams = () => network.requests.filter((request) => new URL(request.url).pathname.endsWith('/members/changes'));
    await waitUntil(() => streams()[0]?.signal.aborted, 'the 404 ends the stream for good');
    expect(streams()).to.have.length(1);
  });
});
