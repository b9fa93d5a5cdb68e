import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { GroveDiscussionThread } from '../../../src/components/discussion-thread/discussion-thread.js';
import type { Post, Thread } from '../../../src/components/discussion-thread/types.js';
import { defineElement } from '../../../src/define.js';
import { expectAccessible } from '../../helpers/axe.js';
import { fixtureWithClient } from '../../helpers/fixture.js';
import { api, signInAsMember, uniqueKey } from './live-server.js';

defineElement('grove-discussion-thread', GroveDiscussionThread);

describe('grove-discussion-thread against the reference server', function () {
  this.timeout(20000);

  before(function () {
    if (!api) this.skip();
  });

  it('creates the page’s thread with a member’s first post, which then appears', async () => {
    const { client, community } = await signInAsMember(api!);
    const key = uniqueKey('first-post');
    const element = await fixtureWithClient<GroveDiscussionThread>(
      html`<grove-discussion-thread key=${key} community=${community} title="Soil moisture sensors"></grove-discussion-thread>`,
      client,
    );
    const root = element.shadowRoot!;
    await waitUntil(() => root.querySelector('#composer-input'), 'the composer', { timeout: 10000 });
    root.querySelector<HTMLTextAreaElement>('#composer-input')!.focus();
    await sendKeys({ type: 'Has anyone calibrated **capacitive** sensors?' });
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Control' });
    await waitUntil(() => root.querySelector('[part~="body"] strong')?.textContent === 'capacitive', 'the server-rendered post', { timeout: 10000 });

    const thread = await client.get<Thread>('/v1/threads', { query: { key } });
    expect(thread.title).to.equal('Soil moisture sensors');
    expect(thread.postCount).to.equal(1);
    await expectAccessible(element);
  });

  it('does not duplicate a post whose request is replayed with the same Idempotency-Key', async () => {
    const { client, community } = await signInAsMember(api!, 1);
    const key = uniqueKey('replay');
    const body = { key, community, title: 'Replay', body: 'Sent twice over a flaky line', language: 'en' };
    const idempotencyKey = crypto.randomUUID();
    const first = await client.send<Post>('POST', '/v1/posts', { body, idempotencyKey });
    const replayed = await client.send<Post>('POST', '/v1/posts', { body, idempotencyKey });
    expect(replayed.id).to.equal(first.id);
    const page = await client.get<{ items: Post[] }>(`/v1/threads/${first.thread}/posts`, { query: { limit: 10 } });
    expect(page.items.map((post) => post.id)).to.deep.equal([first.id]);
  });
});
