import { expect, fixture, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { GroveCommentCount } from '../src/components/comment-count/comment-count.js';
import { GroveMemberDirectory } from '../src/components/member-directory/member-directory.js';
import type { GroveProvider } from '../src/context/grove-provider.js';
import '../src/elements/provider.js';
import { defineElement } from '../src/registry/define-element.js';
import { FakeClient, type FakeCall } from './helpers/fake-client.js';
import { fixtureWithClient } from './helpers/fixture.js';
import { directoryRoutes } from './components/member-directory/fixtures.js';
import { withoutIntersectionObserver } from './helpers/intersection-observer.js';

// What framework hosts do to elements (React 19 and Vue 3 set properties with their template's types,
// React and Vue never pass `key`), checked on the elements themselves; test/hosts/ runs the real apps.
defineElement('grove-comment-count', GroveCommentCount);
defineElement('grove-member-directory', GroveMemberDirectory);

const counts = () =>
  new FakeClient({
    'GET /v1/threads/counts': ({ query }: FakeCall) => ({
      counts: Object.fromEntries(([] as unknown[]).concat(query.key).map((key) => [String(key), 3])),
    }),
  });
const alertOf = (element: Element) => element.shadowRoot?.querySelector('[role="alert"]')?.textContent ?? '';

describe('properties as hosts set them', () => {
  let restoreObserver: () => void;
  beforeEach(() => (restoreObserver = withoutIntersectionObserver()));
  afterEach(() => restoreObserver());

  it('takes a number for a whole-number property and asks for that many', async () => {
    const client = new FakeClient(directoryRoutes());
    const directory = await fixtureWithClient<GroveMemberDirectory>(
      html`<grove-member-directory .pageSize=${1}></grove-member-directory>`,
      client,
    );
    await waitUntil(() => client.callsTo('GET', '/v1/members').length > 0, 'the directory asks for members');
    expect(String(client.callsTo('GET', '/v1/members')[0]?.query.limit)).to.equal('1');
    expect(alertOf(directory)).to.equal('');
    expect(typeof directory.pageSize).to.equal('number');
  });

  it('still reads the attribute as text, and names text that is not a whole number', async () => {
    const client = new FakeClient(directoryRoutes());
    const good = await fixtureWithClient<GroveMemberDirectory>(
      html`<grove-member-directory page-size="7"></grove-member-directory>`,
      client,
    );
    expect(good.pageSize).to.equal(7);
    const bad = await fixtureWithClient<GroveMemberDirectory>(
      html`<grove-member-directory page-size="lots"></grove-member-directory>`,
      new FakeClient(directoryRoutes()),
    );
    expect(alertOf(bad)).to.include('attribute page-size ').and.include('“lots”');
    bad.pageSize = 0;
    await bad.updateComplete;
    expect(alertOf(bad)).to.include('“0”');
  });

  it('keeps properties set before the tag was defined', async () => {
    const early = document.createElement('grove-early-count') as HTMLElement & { pageKey: string };
    early.pageKey = '/set-early';
    const provider = await fixture<GroveProvider>(html`<grove-provider></grove-provider>`);
    provider.client = counts();
    provider.append(early);
    customElements.define('grove-early-count', class extends GroveCommentCount {});
    await waitUntil(() => early.shadowRoot?.textContent.includes('3 comments'), 'the count renders');
    expect(early.pageKey).to.equal('/set-early');
  });

  it('reads page-key, and the deprecated key with one warning', async () => {
    const client = counts();
    await fixtureWithClient<GroveCommentCount>(html`<grove-comment-count page-key="/new-name"></grove-comment-count>`, client);
    await waitUntil(() => client.calls.length > 0, 'the count is asked for');
    expect([client.calls[0]?.query.key].flat()).to.deep.equal(['/new-name']);

    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const old = counts();
      await fixtureWithClient<HTMLElement>(
        html`<div><grove-comment-count key="/old-name"></grove-comment-count><grove-comment-count key="/old-name"></grove-comment-count></div>`,
        old,
      );
      await waitUntil(() => old.calls.length > 0, 'the count is asked for');
      expect([old.calls[0]?.query.key].flat()).to.deep.equal(['/old-name']);
      expect(warnings, 'one warning per page').to.have.length(1);
      expect(String(warnings[0]?.[0])).to.include('use page-key');
    } finally {
      console.warn = warn;
    }
  });
});
