import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { html } from 'lit';
import { GroveApiError } from '../../../src/api/problem.js';
import { GroveCommentCount } from '../../../src/components/comment-count/comment-count.js';
import { defineElement } from '../../../src/registry/define-element.js';
import { GroveErrorEvent } from '../../../src/events/grove-error-event.js';
import { GroveLoadEvent } from '../../../src/events/grove-load-event.js';
import { expectAccessible } from '../../helpers/axe.js';
import { FakeClient, type FakeCall } from '../../helpers/fake-client.js';
import { fixtureWithClient } from '../../helpers/fixture.js';
import { widgetSuite } from '../../helpers/widget-suite.js';

defineElement('grove-comment-count', GroveCommentCount);

const COUNTS: Record<string, number> = { '/a': 0, '/b': 1, '/c': 12 };

function countsClient(): FakeClient {
  return new FakeClient({
    'GET /v1/threads/counts': ({ query }: FakeCall) => {
      const keys = ([] as unknown[]).concat(query.key).map(String);
      return { counts: Object.fromEntries(keys.map((key) => [key, COUNTS[key] ?? 0])) };
    },
  });
}

/** Polls (not animation frames: a background test page gets none) until every count has rendered. */
async function settle(elements: GroveCommentCount[]): Promise<void> {
  await waitUntil(() => elements.every((element) => element.shadowRoot?.querySelector('[part="count"]')), 'the counts render');
}

const text = (element: Element) => element.shadowRoot?.querySelector('[part="count"]')?.textContent ?? '';

widgetSuite({
  tag: 'grove-comment-count',
  template: html`<grove-comment-count page-key="/c"></grove-comment-count>`,
  client: countsClient,
  loadPath: '/v1/threads/counts',
});

describe('grove-comment-count', () => {
  it('costs one request however many counts the page shows', async () => {
    const client = countsClient();
    const list = await fixtureWithClient<HTMLElement>(
      html`<ul>
        <li><grove-comment-count page-key="/a"></grove-comment-count></li>
        <li><grove-comment-count page-key="/b"></grove-comment-count></li>
        <li><grove-comment-count page-key="/c"></grove-comment-count></li>
        <li><grove-comment-count page-key="/c"></grove-comment-count></li>
      </ul>`,
      client,
    );
    const counts = [...list.querySelectorAll<GroveCommentCount>('grove-comment-count')];
    await settle(counts);
    expect(client.callsTo('GET', '/v1/threads/counts')).to.have.length(1);
    expect(client.calls[0]?.query.key, 'each key asked once').to.deep.equal(['/a', '/b', '/c']);
    expect(counts.map(text)).to.deep.equal(['No comments', '1 comment', '12 comments', '12 comments']);
    await expectAccessible(list);
  });

  it('asks per community: a page key is unique within its community', async () => {
    const client = countsClient();
    const list = await fixtureWithClient<HTMLElement>(
      html`<p>
        <grove-comment-count key="/a" community="Water"></grove-comment-count>
        <grove-comment-count key="/b" community="water"></grove-comment-count>
        <grove-comment-count key="/c"></grove-comment-count>
      </p>`,
      client,
    );
    await settle([...list.querySelectorAll<GroveCommentCount>('grove-comment-count')]);
    const calls = client.callsTo('GET', '/v1/threads/counts').map((call) => ({ community: call.query.community, key: call.query.key }));
    expect(calls).to.have.deep.members([
      { community: 'water', key: ['/a', '/b'] },
      { community: undefined, key: ['/c'] },
    ]);
  });

  it('counts in the page’s language', async () => {
    const element = await fixtureWithClient<GroveCommentCount>(
      html`<grove-comment-count page-key="/c"></grove-comment-count>`,
      countsClient(),
      { lang: 'fr' },
    );
    await waitUntil(() => text(element).includes('commentaires'), 'the French count', { timeout: 4000 });
    expect(text(element)).to.equal('12 commentaires');
  });

  it('fires grove-load with its key and count, bubbling out of shadow roots', async () => {
    const loaded = oneEvent<GroveLoadEvent>(document, 'grove-load');
    const element = await fixtureWithClient<GroveCommentCount>(
      html`<grove-comment-count page-key="/c"></grove-comment-count>`,
      countsClient(),
    );
    const event = await loaded;
    expect(event).to.be.instanceOf(GroveLoadEvent);
    expect(event.target).to.equal(element);
    expect(event.bubbles && event.composed, 'bubbles and composed').to.equal(true);
    expect(event.detail.data).to.deep.equal({ key: '/c', count: 12 });
  });

  it('reports a failure with grove-error and shows nothing', async () => {
    const client = new FakeClient({
      'GET /v1/threads/counts': () => {
        throw new GroveApiError('unavailable', 503);
      },
    });
    const failed = oneEvent(document, 'grove-error');
    const element = await fixtureWithClient<GroveCommentCount>(html`<grove-comment-count page-key="/a"></grove-comment-count>`, client);
    const event = await failed;
    expect(event).to.be.instanceOf(GroveErrorEvent);
    expect(event.composed && event.bubbles).to.equal(true);
    expect(text(element)).to.equal('');
  });
});
