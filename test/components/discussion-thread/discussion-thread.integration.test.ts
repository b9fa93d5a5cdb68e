import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { GroveDiscussionThread } from '../../../src/components/discussion-thread/discussion-thread.js';
import type { Post, PostPage, Thread } from '../../../src/components/discussion-thread/types.js';
import { defineElement } from '../../../src/registry/define-element.js';
import { expectAccessible } from '../../helpers/axe.js';
import { fixtureWithClient } from '../../helpers/fixture.js';
import { api, signInAs, signInAsMember, uniqueKey } from './live-server.js';

/** Seeded identities (server/seed/README.md): Amina Diallo facilitates `water`; 192 and 53 are members there. */
const AMINA = '1';
const MEMBER = '192';
const OTHER_MEMBER = '53';

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
      html`<grove-discussion-thread page-key=${key} community=${community} thread-title="Soil moisture sensors"></grove-discussion-thread>`,
      client,
    );
    const root = element.shadowRoot!;
    await waitUntil(() => root.querySelector('#composer-input'), 'the composer', { timeout: 10000 });
    root.querySelector<HTMLTextAreaElement>('#composer-input')!.focus();
    await sendKeys({ type: 'Has anyone calibrated **capacitive** sensors?' });
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Control' });
    await waitUntil(() => root.querySelector('[part~="body"] strong')?.textContent === 'capacitive', 'the server-rendered post', {
      timeout: 10000,
    });

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

  it('marks facilitators and recognised experts exactly as the server ranks the authors', async () => {
    const { client } = await signInAsMember(api!);
    const shown = await fixtureWithClient<GroveDiscussionThread>(
      html`<grove-discussion-thread page-key="intranet:water-help-desk" page-size="100" readonly></grove-discussion-thread>`,
      client,
    );
    const root = shown.shadowRoot!;
    await waitUntil(() => root.querySelector('[part~="post"]'), 'the help desk', { timeout: 10000 });
    const thread = await client.get<Thread>('/v1/threads', { query: { key: 'intranet:water-help-desk' } });
    const page = await client.get<PostPage>(`/v1/threads/${thread.id}/posts`, { query: { limit: 100 } });
    const marks = (id: string) => ({
      facilitator: root.querySelector(`#post-${id} [part="role"]`) !== null,
      expert: root.querySelector(`#post-${id} [part="expert-mark"]`) !== null,
    });
    expect(page.items.map((post) => marks(post.id))).to.deep.equal(
      page.items.map((post) => ({ facilitator: post.author.role === 'facilitator', expert: post.author.expert })),
    );
    expect(
      page.items.some((post) => post.author.role === 'facilitator'),
      'the seed has a facilitator here',
    ).to.equal(true);
    expect(
      page.items.some((post) => post.author.expert),
      'and a recognised expert',
    ).to.equal(true);
  });

  it('takes a member’s report to the facilitator’s queue, where hiding the post resolves it', async () => {
    const author = await signInAs(api!, MEMBER);
    const reporter = await signInAs(api!, OTHER_MEMBER);
    const facilitator = await signInAs(api!, AMINA);
    const key = uniqueKey('reported');
    const post = await author.send<Post>('POST', '/v1/posts', {
      body: { key, community: 'water', title: 'Pumps for sale', body: 'Cheap pumps, message me', language: 'en' },
    });
    await reporter.send('POST', `/v1/posts/${post.id}/reports`, { body: { reason: 'Advertising, not advice' } });

    const element = await fixtureWithClient<GroveDiscussionThread>(
      html`<grove-discussion-thread page-key=${key} community="water"></grove-discussion-thread>`,
      facilitator,
    );
    const root = element.shadowRoot!;
    await waitUntil(() => root.querySelector('[part~="reports-button"]'), 'the facilitator’s reports button', { timeout: 10000 });
    root.querySelector<HTMLButtonElement>('[part~="reports-button"]')!.click();
    const item = () =>
      [...root.querySelectorAll<HTMLElement>('[part~="report"]')].find((report) => report.textContent.includes('Cheap pumps'));
    await waitUntil(
      () => {
        // Other tests report posts too: page through the queue until this one shows.
        if (!item()) root.querySelector<HTMLButtonElement>('[part~="reports"] [part~="more-button"]:not([disabled])')?.click();
        return item();
      },
      'the report in the queue',
      { timeout: 10000 },
    );
    expect(item()!.textContent).to.include('Advertising, not advice').and.include('in this discussion');
    await expectAccessible(element);
    item()!.querySelector<HTMLButtonElement>('[part~="hide-report-button"]')!.click();
    await waitUntil(() => !item(), 'the report leaving the queue', { timeout: 10000 });
    await waitUntil(() => root.querySelector(`#post-${post.id}.hidden`), 'the post hidden in the thread', { timeout: 10000 });
    const stored = await facilitator.get<Post>(`/v1/posts/${post.id}`);
    expect(stored.hidden).to.equal(true);
  });

  it('refuses a post with a NUL character, says why in the member’s language and keeps every word', async () => {
    const { client, community } = await signInAsMember(api!, 3);
    const key = uniqueKey('nul');
    const element = await fixtureWithClient<GroveDiscussionThread>(
      html`<grove-discussion-thread page-key=${key} community=${community} thread-title="NUL"></grove-discussion-thread>`,
      client,
      { lang: 'es' },
    );
    const root = element.shadowRoot!;
    await waitUntil(() => root.querySelector('#composer-input'), 'the composer', { timeout: 10000 });
    const input = root.querySelector<HTMLTextAreaElement>('#composer-input')!;
    const text = 'Texto pegado\u0000 desde un PDF';
    input.focus();
    input.value = text;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ up: 'Control' });
    await waitUntil(() => root.querySelector<HTMLElement>('.outbox-item[data-state="rejected"]'), 'the refusal', { timeout: 10000 });
    const item = root.querySelector<HTMLElement>('.outbox-item')!;
    expect(item.textContent).to.include('No enviado: El servidor no aceptó este texto');
    expect(item.querySelector('.body')?.textContent).to.equal(text);
    await expectAccessible(element);
  });
  it('holds a newcomer’s post for soil-health’s facilitator, marked for its author, and publishes it on approval', async () => {
    // Seeded: Carlos Mendoza (2) facilitates soil-health, which pre-moderates first posts; Irène Martin (12) is not one of its posters.
    const carlos = await signInAs(api!, '2');
    const irene = await signInAs(api!, '12');
    await carlos.send('POST', '/v1/communities/soil-health/premoderation', { body: { firstPosts: 100 } });
    try {
      const key = uniqueKey('held');
      const post = await irene.send<Post>('POST', '/v1/posts', {
        body: { key, community: 'soil-health', title: 'Mulch', body: 'Rice straw or maize stover?', language: 'en' },
      });
      expect(post.held).to.equal(true);
      const visibleTo = async (viewer: string | null) => {
        const response = await fetch(`${api!}/v1/threads/${post.thread}/posts`, {
          headers: viewer ? { authorization: `Bearer ${viewer}` } : {},
        });
        return ((await response.json()) as PostPage).items.some((item) => item.id === post.id);
      };
      expect(await visibleTo(null), 'the public does not see it').to.equal(false);

      const authorView = await fixtureWithClient<GroveDiscussionThread>(
        html`<grove-discussion-thread page-key=${key} community="soil-health"></grove-discussion-thread>`,
        irene,
      );
      await waitUntil(() => authorView.shadowRoot!.querySelector(`#post-${post.id} [part~="held"]`), 'the author’s post marked', {
        timeout: 10000,
      });
      expect(authorView.shadowRoot!.querySelector(`#post-${post.id} [part~="held"]`)?.textContent).to.equal('Awaiting approval');
      await expectAccessible(authorView);

      const element = await fixtureWithClient<GroveDiscussionThread>(
        html`<grove-discussion-thread page-key=${key} community="soil-health"></grove-discussion-thread>`,
        carlos,
      );
      const root = element.shadowRoot!;
      await waitUntil(() => root.querySelector('[part~="reports-button"]'), 'the facilitator’s queue button', { timeout: 10000 });
      root.querySelector<HTMLButtonElement>('[part~="reports-button"]')!.click();
      const item = () => root.querySelector<HTMLElement>(`[part~="held-post"][data-post="${post.id}"]`);
      await waitUntil(item, 'the held post in the queue', { timeout: 10000 });
      await expectAccessible(element);
      item()!.querySelector<HTMLButtonElement>('[part~="approve-button"]')!.click();
      await waitUntil(() => !item(), 'the post leaving the queue', { timeout: 10000 });
      expect(await visibleTo(null), 'published to everyone').to.equal(true);
    } finally {
      await carlos.send('POST', '/v1/communities/soil-health/premoderation', { body: { firstPosts: 1 } });
    }
  });

  it('sets pre-moderation, silences a held post’s author and lifts it, and reads it all back in the moderation log', async () => {
    const carlos = await signInAs(api!, '2');
    const irene = await signInAs(api!, '12');
    await carlos.send('POST', '/v1/communities/soil-health/premoderation', { body: { firstPosts: 100 } });
    try {
      const key = uniqueKey('tools');
      const post = await irene.send<Post>('POST', '/v1/posts', {
        body: { key, community: 'soil-health', title: 'Compost teas', body: 'Aerated or not?', language: 'en' },
      });
      const element = await fixtureWithClient<GroveDiscussionThread>(
        html`<grove-discussion-thread page-key=${key} community="soil-health"></grove-discussion-thread>`,
        carlos,
      );
      const root = element.shadowRoot!;
      await waitUntil(() => root.querySelector('[part~="reports-button"]'), 'the facilitator’s queue button', { timeout: 10000 });
      root.querySelector<HTMLButtonElement>('[part~="reports-button"]')!.click();
      await waitUntil(() => root.querySelector(`[part~="held-post"][data-post="${post.id}"] [part~="silence"]`), 'the held post', {
        timeout: 10000,
      });
      const input = root.querySelector<HTMLInputElement>('[part~="premoderation-form"] input')!;
      expect(input.value).to.equal('100');
      input.value = '3';
      root.querySelector<HTMLButtonElement>('[part~="premoderation-button"]')!.click();
      await waitUntil(() => root.querySelector('[part~="held"]')?.textContent.includes('first 3 posts'), 'the saved setting', {
        timeout: 10000,
      });

      root.querySelector<HTMLButtonElement>(`[part~="held-post"][data-post="${post.id}"] [part~="silence-button"]`)!.click();
      await waitUntil(() => root.querySelector('[part~="lift-button"]'), 'the silence', { timeout: 10000 });
      const refused = await irene
        .send('POST', '/v1/posts', { body: { thread: post.thread, body: 'Still here?', language: 'en' } })
        .catch((error: unknown) => error);
      expect((refused as { status?: number }).status, 'the silenced member cannot write').to.equal(403);
      await expectAccessible(element);
      root.querySelector<HTMLButtonElement>('[part~="lift-button"]')!.click();
      await waitUntil(
        () => root.querySelector(`[part~="held-post"][data-post="${post.id}"] [part~="silence-button"]`),
        'the lifted silence',
        {
          timeout: 10000,
        },
      );

      root.querySelector<HTMLButtonElement>('[part~="log-button"]')!.click();
      await waitUntil(() => root.querySelectorAll('[part~="log-entry"]').length >= 3, 'the log', { timeout: 10000 });
      const actions = [...root.querySelectorAll<HTMLElement>('[part~="log-entry"]')].slice(0, 3).map((entry) => entry.dataset.action);
      expect(actions).to.deep.equal(['lift-silence', 'silence', 'premoderation']);
      expect(root.querySelector('[part~="log-entry"]')?.textContent).to.include('Irène Martin');
      await expectAccessible(element);
    } finally {
      await carlos.send('POST', '/v1/communities/soil-health/premoderation', { body: { firstPosts: 1 } });
      await carlos.send('POST', '/v1/communities/soil-health/silences', { body: { member: '12', hours: 0, reason: '' } });
    }
  });
});
