import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { GroveApiError } from '../../../src/api/problem.js';
import { GroveDiscussionThread } from '../../../src/components/discussion-thread/discussion-thread.js';
import type { Post, QueuedReport } from '../../../src/components/discussion-thread/types.js';
import { defineElement } from '../../../src/registry/define-element.js';
import type { GroveErrorEvent } from '../../../src/events/grove-error-event.js';
import { GroveModerateEvent } from '../../../src/events/grove-moderate-event.js';
import { expectAccessible } from '../../helpers/axe.js';
import type { FakeCall } from '../../helpers/fake-client.js';
import { fixtureWithClient } from '../../helpers/fixture.js';
import { makePost, makeThread } from './fixtures.js';
import { $, $$, clearOwnStorage, announcement, KEY, postActions, render, threadClient, until } from './thread-helpers.js';

defineElement('grove-discussion-thread', GroveDiscussionThread);

const QUEUE = 'GET /v1/communities/water/reports';
const FACILITATOR = { canPost: true, canModerate: true, canAccept: true, following: false };

function report(id: string, post: Post, overrides: Partial<QueuedReport['post']> = {}): QueuedReport {
  return {
    id,
    reason: `Reason ${id}: advertising`,
    reporter: { id: 'm20', name: 'Omar Haddad', avatarUrl: null, presence: 'listed' },
    createdAt: '2026-11-01T08:00:00Z',
    resolvedAt: null,
    resolvedBy: null,
    post: {
      id: post.id,
      thread: post.thread,
      threadTitle: 'Drip irrigation in clay soils',
      author: { id: post.author.id, name: post.author.name, avatarUrl: null, presence: 'listed' },
      bodyMd: post.bodyMd,
      hidden: post.hidden,
      deleted: false,
      openReports: 1,
      ...overrides,
    },
  };
}

/** A facilitator's view of thread 7, whose community queue holds `reports`. */
function facilitatorClient(posts: Post[], reports: QueuedReport[] | ((call: FakeCall) => unknown), routes: Record<string, unknown> = {}) {
  const thread = makeThread({ postCount: posts.length, viewer: FACILITATOR });
  return threadClient(posts, {
    'GET /v1/threads': thread,
    'GET /v1/threads/7': thread,
    [QUEUE]: Array.isArray(reports) ? { items: reports, next: null } : reports,
    'GET /v1/communities/water/held-posts': { items: [], next: null, firstPosts: 0 },
    ...routes,
  });
}

/** Opens the queue from its header button by keyboard and waits for its first state after loading. */
async function openQueue(element: GroveDiscussionThread): Promise<HTMLElement> {
  const toggle = $(element, '[part~="reports-button"]');
  if (!toggle) throw new Error('no reports button');
  toggle.focus();
  await sendKeys({ press: 'Enter' });
  await until(
    element,
    () => Boolean($(element, '[part~="reports"]')) && !$(element, '[part~="reports"] [aria-busy="true"]'),
    'the loaded queue',
  );
  expect(toggle.getAttribute('aria-expanded')).to.equal('true');
  return $(element, '[part~="reports"]')!;
}

beforeEach(() => clearOwnStorage());

describe('grove-discussion-thread reports queue', () => {
  it('is offered to facilitators only', async () => {
    const member = await render(threadClient());
    expect($(member, '[part~="reports-button"]'), 'a member sees no queue').to.equal(null);
    const facilitator = await render(facilitatorClient([makePost('1')], []));
    expect($(facilitator, '[part~="reports-button"]')?.getAttribute('aria-expanded')).to.equal('false');
  });

  it('lists open reports with the reported text, the reason and who reported it', async () => {
    const post = makePost('1', { bodyMd: 'Buy cheap pumps at <script>alert(1)</script>' });
    const other = makePost('40', { thread: '9' });
    const client = facilitatorClient(
      [post],
      [
        report('5', post, { openReports: 2 }),
        report('6', other, { threadTitle: 'Mulch <b>tips</b>' }),
        {
          ...report('7', post, { openReports: 2 }),
          reason: 'Spam',
          reporter: { id: 'm21', name: 'Lucía Pérez', avatarUrl: null, presence: 'listed' },
        },
      ],
    );
    const element = await render(client);
    const queue = await openQueue(element);
    expect(client.callsTo('GET', '/v1/communities/water/reports')[0]?.query).to.deep.include({ status: 'open' });
    const items = [...queue.querySelectorAll<HTMLElement>('[part~="report"]')];
    expect(
      items.map((item) => item.dataset.post),
      'one entry per reported post',
    ).to.deep.equal(['1', '40']);
    expect(
      [...items[0]!.querySelectorAll('.reason')].map((reason) => reason.textContent),
      'with every reason given',
    ).to.deep.equal(['Reason 5: advertising', 'Spam']);
    expect(items[0]?.querySelector('.report-body')?.textContent, 'Markdown source shown as text').to.equal(
      'Buy cheap pumps at <script>alert(1)</script>',
    );
    expect(queue.querySelector('script'), 'nothing from a report becomes markup').to.equal(null);
    expect(items[0]?.textContent)
      .to.include('Reported by Omar Haddad')
      .and.include('Reported by Lucía Pérez')
      .and.include('in this discussion');
    expect(items[0]?.textContent).to.include('2 open reports on this post');
    expect(items[1]?.textContent, 'a report from another thread names it').to.include('in “Mulch <b>tips</b>”');
    await expectAccessible(element);
  });

  it('hides a reported post by keyboard, updates it in the thread and moves focus to the next report', async () => {
    const first = makePost('1');
    const second = makePost('2');
    const client = facilitatorClient([first, second], [report('5', first), report('6', second)], {
      'POST /v1/posts/1/hide': { ...first, hidden: true, version: 2 },
    });
    const element = await render(client);
    const queue = await openQueue(element);
    const hide = queue.querySelector<HTMLElement>('[data-post="1"] [part~="hide-report-button"]');
    hide?.focus();
    const moderated = oneEvent<GroveModerateEvent>(element, 'grove-moderate');
    await sendKeys({ press: 'Enter' });
    expect((await moderated).detail).to.deep.equal({ action: 'hide', threadId: '7', postId: '1' });
    await until(element, () => !$(element, '[data-post="1"]'), 'the report leaving the queue');
    await until(element, () => Boolean($(element, '#post-1.hidden')), 'the hidden post in the thread');
    await until(
      element,
      () => element.shadowRoot?.activeElement?.closest('[data-post]')?.getAttribute('data-post') === '2',
      'focus on the next report',
    );
    expect(announcement(element)).to.include('The post is hidden');
  });

  it('dismisses a report, keeping the post, and says when the queue is empty', async () => {
    const post = makePost('1');
    const client = facilitatorClient([post], [report('5', post)], {
      'POST /v1/reports/5/resolution': ({ body }: FakeCall) => ({ ...report('5', post), resolvedAt: '2026-11-02T00:00:00Z', body }),
    });
    const element = await render(client);
    const queue = await openQueue(element);
    queue.querySelector<HTMLElement>('[part~="dismiss-report-button"]')?.click();
    await until(element, () => ($(element, '[part~="reports"]')?.textContent ?? '').includes('No open reports'), 'the empty queue');
    expect(client.callsTo('POST', '/v1/reports/5/resolution')[0]?.body).to.deep.equal({ action: 'dismiss' });
    expect($(element, '#post-1')?.classList.contains('hidden')).to.equal(false);
    expect(element.shadowRoot?.activeElement?.classList.contains('reports-title'), 'focus stays in the panel').to.equal(true);
  });

  it('restores a hidden post and closes its reports, or keeps it hidden', async () => {
    const hidden = makePost('1', { hidden: true });
    const other = makePost('2', { hidden: true });
    const client = facilitatorClient([hidden, other], [report('5', hidden), report('6', other)], {
      'POST /v1/posts/1/restore': { ...hidden, hidden: false, version: 2 },
      'POST /v1/reports/:id/resolution': ({ params }: FakeCall) => ({
        ...report(params.id ?? '', hidden),
        resolvedAt: '2026-11-02T00:00:00Z',
      }),
    });
    const element = await render(client);
    const queue = await openQueue(element);
    expect(queue.querySelector('[data-post="1"]')?.textContent).to.include('Hidden');
    const restored = oneEvent<GroveModerateEvent>(element, 'grove-moderate');
    queue.querySelector<HTMLElement>('[data-post="1"] [part~="restore-report-button"]')?.click();
    expect((await restored).detail).to.deep.equal({ action: 'restore', threadId: '7', postId: '1' });
    await until(element, () => !$(element, '[data-post="1"]'), 'the restored post’s report leaving');
    expect(client.callsTo('POST', '/v1/reports/5/resolution')[0]?.body).to.deep.equal({ action: 'dismiss' });
    expect($(element, '#post-1')?.classList.contains('hidden'), 'the post shows again').to.equal(false);

    $(element, '[data-post="2"] [part~="keep-hidden-report-button"]')?.click();
    await until(element, () => !$(element, '[data-post="2"]'), 'the kept-hidden report leaving');
    expect(client.callsTo('POST', '/v1/reports/6/resolution')[0]?.body).to.deep.equal({ action: 'hide-post' });
  });

  it('drops a report another facilitator resolved first, and keeps one that failed with a translated message', async () => {
    const first = makePost('1');
    const second = makePost('2');
    const client = facilitatorClient([first, second], [report('5', first), report('6', second)], {
      'POST /v1/reports/5/resolution': () => {
        throw new GroveApiError('conflict', 409, { type: 'https://grove.dev/problems/already-resolved' });
      },
      'POST /v1/reports/6/resolution': () => {
        throw new GroveApiError('unavailable', 503);
      },
    });
    const element = await render(client);
    await openQueue(element);
    $(element, '[data-post="1"] [part~="dismiss-report-button"]')?.click();
    await until(element, () => !$(element, '[data-post="1"]'), 'the settled report leaving');
    expect(announcement(element)).to.include('Another facilitator');
    const failed = oneEvent<GroveErrorEvent>(element, 'grove-error');
    const dismiss = $(element, '[data-post="2"] [part~="dismiss-report-button"]');
    dismiss?.focus();
    await sendKeys({ press: 'Enter' });
    expect((await failed).detail.error.kind).to.equal('unavailable');
    await until(element, () => Boolean($(element, '[data-post="2"] [role="alert"]')), 'the failure');
    expect($(element, '[data-post="2"] [role="alert"]')?.textContent).to.include('The server is busy');
    expect(element.shadowRoot?.activeElement, 'focus stays on the button to try again').to.equal(dismiss);
  });

  it('shows a failed load with a retry, and pages with "Load more reports"', async () => {
    const post = makePost('1');
    let failing = true;
    const client = facilitatorClient([post], ({ query }: FakeCall) => {
      if (failing) throw new GroveApiError('server', 500);
      return query.cursor ? { items: [report('6', makePost('2'))], next: null } : { items: [report('5', post)], next: 'r5' };
    });
    const element = await render(client);
    const queue = await openQueue(element);
    expect(queue.querySelector('[role="alert"]')?.textContent).to.include('Something went wrong on the server');
    await expectAccessible(element);
    failing = false;
    queue.querySelector<HTMLElement>('[part~="retry-button"]')?.click();
    await until(element, () => Boolean($(element, '[data-post="1"]')), 'the queue after retrying');
    $(element, '[part~="reports"] [part~="more-button"]')?.click();
    await until(element, () => Boolean($(element, '[data-post="2"]')), 'the second page');
    expect(client.callsTo('GET', '/v1/communities/water/reports').at(-1)?.query).to.deep.include({ cursor: 'r5' });
    expect($(element, '[part~="reports"] [part~="more-button"]')).to.equal(null);
  });

  it('refreshes an open queue when a post is hidden from its own footer', async () => {
    const post = makePost('1');
    let hidden = false;
    const client = facilitatorClient([post], () => ({ items: hidden ? [] : [report('5', post)], next: null }), {
      'POST /v1/posts/1/hide': () => {
        hidden = true;
        return { ...post, hidden: true, version: 2 };
      },
    });
    const element = await render(client);
    await openQueue(element);
    await postActions(element);
    $(element, '#post-1 [part~="hide-button"]')?.click();
    await until(element, () => ($(element, '[part~="reports"]')?.textContent ?? '').includes('No open reports'), 'the refreshed queue');
    expect(client.callsTo('GET', '/v1/communities/water/reports')).to.have.length(2);
  });

  it('stops loading the queue when the thread leaves the page, and reloads it when it comes back', async () => {
    const post = makePost('1');
    const client = facilitatorClient([post], [report('5', post)]);
    const element = await render(client);
    const release = client.hold();
    $(element, '[part~="reports-button"]')?.click();
    await until(element, () => client.callsTo('GET', '/v1/communities/water/reports').length === 1, 'the queue request');
    const signal = client.callsTo('GET', '/v1/communities/water/reports')[0]?.signal;
    const parent = element.parentElement!;
    element.remove();
    expect(signal?.aborted, 'the request is aborted').to.equal(true);
    release();
    parent.append(element);
    await until(element, () => Boolean($(element, '[data-post="1"]')), 'the queue after coming back');
    expect($(element, '[part~="reports"] [role="alert"]'), 'no error left from the cut-off load').to.equal(null);
  });

  it('speaks Arabic in the queue', async () => {
    const post = makePost('1');
    const element = await fixtureWithClient<GroveDiscussionThread>(
      html`<grove-discussion-thread page-key=${KEY} community="water"></grove-discussion-thread>`,
      facilitatorClient([post], [report('5', post, { openReports: 2 })]),
      { lang: 'ar' },
    );
    await until(element, () => Boolean($(element, '[part~="reports-button"]')), 'the header');
    const queue = await openQueue(element);
    expect(queue.textContent).to.include('بلاغات تنتظر المراجعة').and.include('إخفاء المشاركة');
    expect($$(element, '[part~="report"]')).to.have.length(1);
    await expectAccessible(element);
  });
});
