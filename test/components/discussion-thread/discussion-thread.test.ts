import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { GroveApiError } from '../../../src/api/problem.js';
import { GroveDiscussionThread } from '../../../src/components/discussion-thread/discussion-thread.js';
import type { NewPost, PostPage, Thread } from '../../../src/components/discussion-thread/types.js';
import { defineElement } from '../../../src/registry/define-element.js';
import type { GroveLoadEvent } from '../../../src/events/grove-load-event.js';
import { GroveModerateEvent } from '../../../src/events/grove-moderate-event.js';
import { GrovePostEvent } from '../../../src/events/grove-post-event.js';
import { expectAccessible } from '../../helpers/axe.js';
import { FakeClient, type FakeCall } from '../../helpers/fake-client.js';
import { fixtureWithClient } from '../../helpers/fixture.js';
import { widgetSuite } from '../../helpers/widget-suite.js';
import { makePost, makeThread, threadRoutes } from './fixtures.js';
import {
  $,
  $$,
  clearOwnStorage,
  composer,
  ctrlEnter,
  KEY,
  paste,
  postActions,
  postTexts,
  render,
  textarea,
  threadClient,
  type,
  until,
} from './thread-helpers.js';

defineElement('grove-discussion-thread', GroveDiscussionThread);

const STREAM = '/v1/threads/7/stream';

beforeEach(() => clearOwnStorage());

widgetSuite({
  tag: 'grove-discussion-thread',
  template: html`<grove-discussion-thread page-key="https://example.org/suite" community="water"></grove-discussion-thread>`,
  client: () => new FakeClient(threadRoutes([makePost('1'), makePost('2')])),
  emptyClient: () => new FakeClient(threadRoutes([])),
  loadPath: '/v1/threads',
  invalid: {
    template: html`<grove-discussion-thread order="sideways"></grove-discussion-thread>`,
    name: 'order',
    says: 'oldest or newest',
  },
});

describe('grove-discussion-thread', () => {
  it('renders the posts of the page’s thread with author, times and per-post language', async () => {
    const client = threadClient([makePost('1', { language: 'fr', editedAt: '2026-11-02T10:00:00Z' }), makePost('2')]);
    const element = await render(client);
    expect(client.calls[0]?.query, 'the thread is looked up by page key in its community').to.deep.equal({ key: KEY, community: 'water' });
    expect(postTexts(element)).to.deep.equal(['Body of 1', 'Body of 2']);
    const body = $(element, '[part~="body"]');
    expect(body?.getAttribute('lang')).to.equal('fr');
    expect(body?.getAttribute('dir')).to.equal('auto');
    const time = $(element, 'time');
    expect(time?.getAttribute('datetime')).to.match(/^2026-11-/);
    expect(time?.getAttribute('title'), 'the absolute time is on hover and for assistive tech').to.match(/2026/);
    expect($(element, '.post')?.textContent).to.include('edited');
  });

  it('lets a signed-in member follow the thread by e-mail and stop, as a toggle button', async () => {
    const client = threadClient([makePost('1')], {
      'PUT /v1/threads/:id/follow': { following: true },
      'DELETE /v1/threads/:id/follow': { following: false },
    });
    const element = await render(client);
    await until(element, () => Boolean($(element, '[part~="follow-button"]')), 'the follow button');
    const button = () => $(element, '[part~="follow-button"]');
    expect(button()?.getAttribute('aria-pressed')).to.equal('false');
    expect(button()?.textContent.trim()).to.equal('Follow by e-mail');
    button()?.focus();
    await sendKeys({ press: 'Enter' });
    await until(element, () => button()?.getAttribute('aria-pressed') === 'true', 'following');
    expect(client.callsTo('PUT', '/v1/threads/7/follow')).to.have.length(1);
    expect(button()?.textContent.trim()).to.equal('Following by e-mail');
    await until(element, () => ($(element, '.visually-hidden')?.textContent ?? '').includes('by e-mail'), 'the announcement');
    await expectAccessible(element);
    button()?.click();
    await until(element, () => button()?.getAttribute('aria-pressed') === 'false', 'not following');
    expect(client.callsTo('DELETE', '/v1/threads/7/follow')).to.have.length(1);
  });

  it('names authors who left the directory in plain text and former members as such, with no profile link or badge', async () => {
    const posts = [
      makePost('1'),
      makePost('2', { author: { id: 'm2', name: 'Omar Haddad', avatarUrl: null, presence: 'unlisted', role: 'member', expert: false } }),
      makePost('3', { author: { id: 'm3', name: '', avatarUrl: null, presence: 'former', role: 'member', expert: false } }),
    ];
    const element = await render(
      threadClient(posts),
      html`<grove-discussion-thread key=${KEY} community="water" profile-url="/people/{id}"></grove-discussion-thread>`,
    );
    const author = (id: string) => $(element, `#author-${id}`);
    expect(author('1')?.tagName).to.equal('A');
    expect(author('2')?.tagName, 'no profile to open').to.equal('SPAN');
    expect(author('2')?.textContent).to.equal('Omar Haddad');
    expect(author('3')?.tagName).to.equal('SPAN');
    expect(author('3')?.textContent).to.equal('Former member');
    expect(element.shadowRoot?.querySelector('slot[name="badge-m1"]')).not.to.equal(null);
    expect(element.shadowRoot?.querySelector('slot[name="badge-m2"]'), 'no badge for an unlisted author').to.equal(null);
    await expectAccessible(element);
  });

  it('fires grove-load with the thread and its first page, and logs no warnings', async () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const loaded = oneEvent<GroveLoadEvent<{ thread: Thread; page: PostPage }>>(document, 'grove-load');
      await render(threadClient());
      const event = await loaded;
      expect(event.bubbles && event.composed).to.equal(true);
      expect(event.detail.data.thread.id).to.equal('7');
      expect(event.detail.data.page.items).to.have.length(2);
    } finally {
      console.warn = warn;
    }
    expect(warnings, 'Lit dev-mode warnings and others').to.deep.equal([]);
  });

  it('shows the author’s standing: facilitator role and topic expertise, as the server sends them', async () => {
    const facilitator = makePost('1', {
      author: { id: 'm1', name: 'Amina Diallo', avatarUrl: null, presence: 'listed', role: 'facilitator', expert: false },
    });
    const expert = makePost('2', {
      author: { id: 'm2', name: 'Carlos Mendoza', avatarUrl: null, presence: 'listed', role: 'member', expert: true },
    });
    const member = makePost('3');
    const element = await render(threadClient([facilitator, expert, member]));
    const header = (id: string) => $(element, `#post-${id} .post-header`);
    expect(header('1')?.querySelector('[part="role"]')?.textContent.trim()).to.equal('Facilitator');
    expect(header('1')?.querySelector('[part="expert-mark"]'), 'no expert mark without recognition').to.equal(null);
    const mark = header('2')?.querySelector('[part="expert-mark"]');
    expect(mark?.textContent.trim()).to.equal('Topic expert');
    expect(mark?.getAttribute('title'), 'the mark explains itself').to.include('expert on this discussion’s topic');
    expect(header('2')?.querySelector('[part="role"]'), 'members carry no role tag').to.equal(null);
    expect(header('3')?.querySelectorAll('.tag')).to.have.length(0);
  });

  it('nests a reply under the post it answers, one level deep', async () => {
    const root = makePost('1');
    const reply = makePost('2', { replyTo: { id: '1', author: 'Member 1' } });
    const replyToReply = makePost('3', { replyTo: { id: '2', author: 'Member 2' } });
    const element = await render(threadClient([root, reply, replyToReply]));
    const nested = $$(element, '.replies .post');
    expect(nested.map((post) => post.id)).to.deep.equal(['post-2', 'post-3']);
    expect(nested[1]?.textContent).to.include('In reply to Member 2');
  });

  it('is accessible while loading, loaded, empty and failed', async () => {
    const loading = threadClient();
    const release = loading.hold();
    const pending = await fixtureWithClient<GroveDiscussionThread>(
      html`<grove-discussion-thread page-key=${KEY}></grove-discussion-thread>`,
      loading,
    );
    expect($(pending, '[aria-busy="true"]')).not.to.equal(null);
    await expectAccessible(pending);
    release();

    await expectAccessible(await render(threadClient()));

    const empty = await render(threadClient([], { 'GET /v1/threads': () => undefined }));
    expect($(empty, '[part="status"]')?.textContent).to.include('Start the conversation');
    await expectAccessible(empty);

    const failing = await render(
      threadClient([], {
        'GET /v1/threads': () => {
          throw new GroveApiError('server', 500);
        },
      }),
    );
    expect($(failing, '[role="alert"]')?.textContent).to.include('Something went wrong on the server');
    expect($(failing, '[part="retry-button"]')).not.to.equal(null);
    await expectAccessible(failing);
  });

  it('sends with Ctrl+Enter, shows the post and fires grove-post once the server confirms', async () => {
    const client = threadClient();
    const element = await render(client);
    await type(element, 'Mulch keeps the clay from cracking');
    const posted = oneEvent<GrovePostEvent>(element, 'grove-post');
    await ctrlEnter();
    const event = await posted;
    expect(event).to.be.instanceOf(GrovePostEvent);
    expect(event.bubbles && event.composed, 'bubbles out of shadow roots').to.equal(true);
    expect(event.detail.change).to.equal('created');
    const [call] = client.callsTo('POST', '/v1/posts');
    expect(call?.body).to.deep.include({ thread: '7', body: 'Mulch keeps the clay from cracking', language: 'en' });
    expect(call?.idempotencyKey).to.be.a('string').with.length.greaterThan(8);
    await until(element, () => postTexts(element).includes('Mulch keeps the clay from cracking'), 'the new post');
    expect(textarea(element)?.value, 'the composer is cleared').to.equal('');
    expect($(element, '[role="status"][aria-live="polite"]')?.textContent).to.include('published');
  });

  it('answers a post with Reply, by keyboard', async () => {
    const client = threadClient();
    const element = await render(client);
    await composer(element);
    const reply = $$(element, '[part~="reply-button"]')[1];
    reply?.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(element.shadowRoot?.activeElement?.id, 'focus moves to the composer').to.equal('composer-input');
    expect($(element, '.composer-label')?.textContent).to.include('Your reply to Member 2');
    await sendKeys({ type: 'Agreed' });
    await ctrlEnter();
    await until(element, () => client.callsTo('POST', '/v1/posts').length === 1);
    expect(client.callsTo('POST', '/v1/posts')[0]?.body).to.deep.include({ replyTo: '2', body: 'Agreed' });
  });

  it('loads the next page with "Load more"', async () => {
    const client = threadClient([], {
      'GET /v1/threads/7/posts': ({ query }: FakeCall) =>
        query.cursor ? { items: [makePost('3')], next: null } : { items: [makePost('1'), makePost('2')], next: 'c2' },
    });
    const element = await render(client);
    const more = $(element, '[part~="more-button"]');
    more?.focus();
    await sendKeys({ press: 'Enter' });
    await until(element, () => postTexts(element).length === 3, 'the second page');
    expect(client.callsTo('GET', '/v1/threads/7/posts')[1]?.query).to.deep.include({ cursor: 'c2', order: 'oldest' });
    expect($(element, '[part~="more-button"]'), 'no more pages').to.equal(null);
  });

  it('keeps a failed post with its text and resends it with the same Idempotency-Key', async () => {
    let attempts = 0;
    const client = threadClient(undefined, {
      'POST /v1/posts': ({ body }: FakeCall) => {
        attempts += 1;
        if (attempts === 1) throw new GroveApiError('unavailable', 503);
        return makePost('100', { bodyHtml: `<p>${(body as NewPost).body}</p>`, viewerCanEdit: true });
      },
    });
    const element = await render(client);
    await type(element, 'Do not lose me');
    await ctrlEnter();
    await until(element, () => $(element, '.outbox-item')?.dataset.state === 'failed-will-retry', 'the retry state');
    expect($(element, '.outbox-item')?.textContent).to.include('Do not lose me');
    $$(element, '.outbox-item button')[0]?.click();
    await until(element, () => postTexts(element).includes('Do not lose me'), 'the resent post');
    const keys = client.callsTo('POST', '/v1/posts').map((call) => call.idempotencyKey);
    expect(keys).to.have.length(2);
    expect(keys[1]).to.equal(keys[0]);
  });

  it('keeps a post the server refuses (a NUL character) with a translated reason, and gives it back to edit', async () => {
    const client = threadClient(undefined, {
      'POST /v1/posts': () => {
        throw new GroveApiError('invalid', 400, {
          errors: [{ field: 'body.body', message: 'Must not contain the NUL character (U+0000)' }],
        });
      },
    });
    const element = await render(client);
    await paste(element, 'Pasted from a PDF\u0000 with a stray byte');
    await ctrlEnter();
    await until(element, () => $(element, '.outbox-item')?.dataset.state === 'rejected', 'the refusal');
    const item = $(element, '.outbox-item');
    expect(item?.textContent).to.include('Pasted from a PDF').and.include('Not sent: The server did not accept this text');
    expect(item?.textContent, 'never the server’s English detail').not.to.include('U+0000');
    expect(client.callsTo('POST', '/v1/posts'), 'a refusal is not retried by itself').to.have.length(1);
    const buttons = $$(element, '.outbox-item button');
    expect(
      buttons.map((button) => button.textContent.trim()),
      'resending the same text would fail again',
    ).to.deep.equal(['Edit and resend']);
    const edit = buttons[0];
    edit?.focus();
    await sendKeys({ press: 'Enter' });
    await until(element, () => textarea(element)?.value === 'Pasted from a PDF\u0000 with a stray byte', 'the text back in the composer');
    expect($(element, '.outbox-item'), 'it left the queue').to.equal(null);
  });

  it('explains a refused edit in the reader’s language and keeps the edited text', async () => {
    const own = makePost('1', { viewerCanEdit: true });
    const client = threadClient([own], {
      'PATCH /v1/posts/1': () => {
        throw new GroveApiError('invalid', 400, {
          errors: [{ field: 'body.body', message: 'Must not contain the NUL character (U+0000)' }],
        });
      },
    });
    const element = await fixtureWithClient<GroveDiscussionThread>(
      html`<grove-discussion-thread page-key=${KEY} community="water"></grove-discussion-thread>`,
      client,
      { lang: 'fr' },
    );
    await until(element, () => Boolean($(element, '[part~="edit-button"]')) && textarea(element) !== null, 'the thread in French');
    $(element, '[part~="edit-button"]')?.click();
    await paste(element, 'Corrigé\u0000');
    await ctrlEnter();
    await until(element, () => Boolean($(element, '.action-error')), 'the refusal');
    expect($(element, '.action-error')?.textContent).to.include('Le serveur n’a pas accepté ce texte');
    expect(textarea(element)?.value).to.equal('Corrigé\u0000');
  });

  it('queues posts while offline and sends them in order when the connection returns', async () => {
    const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine');
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      const client = threadClient();
      const element = await render(client);
      for (const text of ['first', 'second']) {
        await type(element, text);
        await ctrlEnter();
        await element.updateComplete;
      }
      expect($$(element, '.outbox-item').map((item) => item.dataset.state)).to.deep.equal(['queued-offline', 'queued-offline']);
      expect(client.callsTo('POST', '/v1/posts')).to.have.length(0);
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => true });
      window.dispatchEvent(new Event('online'));
      await until(element, () => client.callsTo('POST', '/v1/posts').length === 2 && $$(element, '.outbox-item').length === 0);
      expect(client.callsTo('POST', '/v1/posts').map((call) => (call.body as NewPost).body)).to.deep.equal(['first', 'second']);
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
      if (onLine) expect(navigator.onLine).to.equal(true);
    }
  });

  it('restores an unsent draft in a re-created element', async () => {
    const first = await render(threadClient());
    await type(first, 'Half-written thought');
    first.remove();
    const second = await render(threadClient());
    expect((await composer(second)).value).to.equal('Half-written thought');
    expect(second.shadowRoot?.textContent).to.include('Your unsent draft was restored.');
  });

  it('stops loading and streaming when removed from the page', async () => {
    const client = threadClient();
    const element = await render(client);
    expect(client.openStreams(STREAM), 'live updates follow the thread').to.equal(1);
    element.remove();
    expect(client.openStreams(STREAM)).to.equal(0);

    const slow = threadClient();
    slow.hold();
    const pending = await fixtureWithClient<GroveDiscussionThread>(
      html`<grove-discussion-thread page-key=${KEY}></grove-discussion-thread>`,
      slow,
    );
    const signal = slow.calls[0]?.signal;
    pending.remove();
    expect(signal?.aborted, 'the pending request is aborted').to.equal(true);
  });

  it('appends live posts and announces them politely without moving focus', async () => {
    const client = threadClient();
    const element = await render(client);
    const input = await composer(element);
    input.focus();
    client.emit(STREAM, {
      event: 'post',
      id: '9',
      data: JSON.stringify(
        makePost('9', { author: { id: 'm9', name: 'Amina', avatarUrl: null, presence: 'listed', role: 'member', expert: false } }),
      ),
    });
    await until(element, () => postTexts(element).includes('Body of 9'), 'the live post');
    await until(element, () => ($(element, '.visually-hidden')?.textContent ?? '').includes('Amina'), 'the announcement');
    expect(element.shadowRoot?.activeElement, 'focus stays in the composer').to.equal(input);
  });

  it('lets a facilitator hide a post and reports it with grove-moderate', async () => {
    const post = makePost('1');
    const client = threadClient([post], {
      'GET /v1/threads': makeThread({ viewer: { canPost: true, canModerate: true, canAccept: true, following: false } }),
      'POST /v1/posts/:id/hide': { ...post, hidden: true },
    });
    const element = await render(client);
    await postActions(element);
    const moderated = oneEvent<GroveModerateEvent>(element, 'grove-moderate');
    $(element, '[part~="hide-button"]')?.click();
    const event = await moderated;
    expect(event).to.be.instanceOf(GroveModerateEvent);
    expect(event.detail).to.deep.equal({ action: 'hide', threadId: '7', postId: '1' });
    await until(element, () => Boolean($(element, '[part~="restore-button"]')), 'the restore button');
  });

  it('reports a post with a reason typed in an inline form', async () => {
    const client = threadClient([makePost('1')], {
      'POST /v1/posts/:id/reports': { id: '5', post: '1', reason: 'Spam', createdAt: '2026-11-03T00:00:00Z' },
    });
    const element = await render(client);
    await postActions(element);
    $(element, '[part~="report-button"]')?.click();
    await element.updateComplete;
    $(element, 'input[name="reason"]')?.focus();
    const moderated = oneEvent<GroveModerateEvent>(element, 'grove-moderate');
    await sendKeys({ type: 'Advertising, not advice' });
    await sendKeys({ press: 'Enter' });
    expect((await moderated).detail).to.deep.equal({ action: 'report', threadId: '7', postId: '1' });
    expect(client.callsTo('POST', '/v1/posts/1/reports')[0]?.body).to.deep.equal({ reason: 'Advertising, not advice' });
    await until(element, () => ($(element, '.visually-hidden')?.textContent ?? '').includes('A facilitator will review'), 'the thanks');
  });

  it('lets the asker accept an answer, sending the thread version as If-Match', async () => {
    const question = makeThread({
      kind: 'question',
      viewer: { canPost: true, canModerate: false, canAccept: true, following: false },
      version: 4,
    });
    const client = threadClient([makePost('1'), makePost('2')], {
      'GET /v1/threads': question,
      'PATCH /v1/threads/7': { ...question, status: 'answered', acceptedPostId: '2', version: 5 },
    });
    const element = await render(client);
    await postActions(element);
    $$(element, '[part~="accept-button"]')[1]?.click();
    await until(element, () => Boolean($(element, '#post-2[part~="accepted-post"]')), 'the accepted mark');
    const [call] = client.callsTo('PATCH', '/v1/threads/7');
    expect(call?.body).to.deep.equal({ acceptedPost: '2' });
    expect(call?.ifMatch).to.equal('W/"4"');
  });

  it('edits the author’s own post with If-Match, then gives the unsent draft back', async () => {
    const own = makePost('1', { viewerCanEdit: true, version: 3 });
    const client = threadClient([own], { 'PATCH /v1/posts/1': { ...own, bodyHtml: '<p>Fixed</p>', version: 4 } });
    const element = await render(client);
    await type(element, 'A reply in progress');
    $(element, '[part~="edit-button"]')?.click();
    await element.updateComplete;
    const input = textarea(element);
    expect(input?.value).to.equal('Body of 1');
    input?.select();
    await sendKeys({ type: 'Fixed' });
    await ctrlEnter();
    await until(element, () => postTexts(element).includes('Fixed'), 'the edited post');
    expect(client.callsTo('PATCH', '/v1/posts/1')[0]?.ifMatch).to.equal('W/"3"');
    await until(element, () => textarea(element)?.value === 'A reply in progress', 'the draft back in the composer');
  });

  it('keeps the text when a reply is cancelled', async () => {
    const element = await render(threadClient());
    await composer(element);
    $$(element, '[part~="reply-button"]')[0]?.click();
    await sendKeys({ type: 'Still useful' });
    $(element, '[part~="cancel-button"]')?.click();
    await element.updateComplete;
    expect(textarea(element)?.value).to.equal('Still useful');
    expect($(element, '.composer-label')?.textContent.trim()).to.equal('Your post');
  });

  it('names an invalid attribute instead of loading', async () => {
    const client = threadClient();
    const element = await render(client, html`<grove-discussion-thread page-key=${KEY} order="sideways"></grove-discussion-thread>`);
    expect($(element, '[role="alert"]')?.textContent).to.include('order').and.include('sideways');
    expect(client.calls).to.have.length(0);
  });

  it('lays out right to left and speaks Arabic', async () => {
    const element = await fixtureWithClient<GroveDiscussionThread>(
      html`<grove-discussion-thread page-key=${KEY} community="water"></grove-discussion-thread>`,
      threadClient(),
      { lang: 'ar' },
    );
    await until(element, () => Boolean($(element, '.post')) && ($(element, '[part~="send-button"]')?.textContent ?? '').includes('نشر'));
    expect($(element, '.thread')?.getAttribute('dir')).to.equal('rtl');
    await expectAccessible(element);
  });
});
