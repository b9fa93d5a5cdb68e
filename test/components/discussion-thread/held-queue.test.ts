import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { GroveApiError } from '../../../src/api/problem.js';
import { GroveDiscussionThread } from '../../../src/components/discussion-thread/discussion-thread.js';
import type { Post } from '../../../src/components/discussion-thread/types.js';
import type { GroveModerateEvent } from '../../../src/events/grove-moderate-event.js';
import { defineElement } from '../../../src/registry/define-element.js';
import { expectAccessible } from '../../helpers/axe.js';
import { fixtureWithClient } from '../../helpers/fixture.js';
import { heldPosts, makePost, makeThread } from './fixtures.js';
import { $, $$, announcement, clearOwnStorage, KEY, postActions, render, threadClient, until } from './thread-helpers.js';

defineElement('grove-discussion-thread', GroveDiscussionThread);

const FACILITATOR = { canPost: true, canModerate: true, canAccept: true, following: false };
const HELD = 'GET /v1/communities/water/held-posts';

/** A facilitator's view of thread 7 whose community holds `held` for approval (and has no open report). */
function facilitatorClient(posts: Post[], held: unknown, routes: Record<string, unknown> = {}) {
  const thread = makeThread({ postCount: posts.length, viewer: FACILITATOR });
  return threadClient(posts, {
    'GET /v1/threads': thread,
    'GET /v1/threads/7': thread,
    'GET /v1/communities/water/reports': { items: [], next: null },
    [HELD]: held,
    ...routes,
  });
}

async function openQueue(element: GroveDiscussionThread): Promise<HTMLElement | null> {
  const toggle = $(element, '[part~="reports-button"]')!;
  toggle.focus();
  await sendKeys({ press: 'Enter' });
  await until(
    element,
    () => Boolean($(element, '[part~="reports"]')) && !$(element, '[part~="reports"] [aria-busy="true"]'),
    'the loaded queue',
  );
  return $(element, '[part~="held"]');
}

const heldItems = (element: GroveDiscussionThread) => $$(element, '[part~="held-post"]');

beforeEach(() => clearOwnStorage());

describe('grove-discussion-thread: posts awaiting approval', () => {
  it('lists held posts above the reports, with the setting, the author, the text and the two decisions', async () => {
    const first = makePost('61', { bodyMd: 'My **first** post <script>x</script>' });
    const second = makePost('62', { thread: '9', bodyMd: 'Second newcomer' });
    const element = await render(facilitatorClient([makePost('1')], heldPosts([first, second])));
    const held = await openQueue(element);
    expect(held?.querySelector('.reports-title')?.textContent).to.equal('Posts awaiting approval');
    expect(held?.textContent).to.include('A member’s first 2 posts in this community wait for a facilitator.');
    const items = heldItems(element);
    expect(items.map((item) => item.dataset.post)).to.deep.equal(['61', '62']);
    expect(items[0]?.querySelector('.report-body')?.textContent, 'Markdown source as text').to.equal(
      'My **first** post <script>x</script>',
    );
    expect(held?.querySelector('script')).to.equal(null);
    expect(items[0]?.textContent).to.include('in this discussion');
    expect(items[1]?.textContent).to.include('in “Drip irrigation in clay soils”');
    expect([...items[0]!.querySelectorAll('.report-actions button')].map((button) => button.textContent.trim())).to.deep.equal([
      'Approve and publish',
      'Reject',
    ]);
    expect($(element, '[part~="reports"]')?.textContent).to.include('No open reports');
    await expectAccessible(element);
  });

  it('approves by keyboard: publishes, updates the thread, announces it and moves focus to the next held post', async () => {
    const first = makePost('61', { held: true });
    const second = makePost('62');
    const client = facilitatorClient([makePost('1'), first], heldPosts([first, second]), {
      'POST /v1/posts/61/approval': { ...first, held: false, version: 2 },
    });
    const element = await render(client);
    await openQueue(element);
    heldItems(element)[0]!.querySelector<HTMLElement>('[part~="approve-button"]')!.focus();
    const moderated = oneEvent<GroveModerateEvent>(element, 'grove-moderate');
    await sendKeys({ press: 'Enter' });
    expect((await moderated).detail).to.deep.equal({ action: 'restore', threadId: '7', postId: '61' });
    await until(element, () => heldItems(element).length === 1, 'the post leaving the queue');
    expect(client.callsTo('POST', '/v1/posts/61/approval')).to.have.length(1);
    expect(announcement(element)).to.equal('The post is published.');
    await until(
      element,
      () => element.shadowRoot?.activeElement?.closest('[part~="held-post"]')?.getAttribute('data-post') === '62',
      'focus on the next held post',
    );
  });

  it('rejects, says when nothing waits any more, and treats another facilitator’s decision as done', async () => {
    const first = makePost('61');
    const second = makePost('62');
    const client = facilitatorClient([makePost('1')], heldPosts([first, second]), {
      'POST /v1/posts/61/rejection': { ...first, hidden: true, version: 2 },
      'POST /v1/posts/62/approval': () => {
        throw new GroveApiError('conflict', 409);
      },
    });
    const element = await render(client);
    await openQueue(element);
    heldItems(element)[0]!.querySelector<HTMLElement>('[part~="reject-button"]')!.click();
    await until(element, () => heldItems(element).length === 1, 'the rejected post leaving the queue');
    expect(client.callsTo('POST', '/v1/posts/61/rejection')[0]?.body).to.deep.equal({ reason: '' });
    expect(announcement(element)).to.equal('The post was rejected: only facilitators can see it.');
    heldItems(element)[0]!.querySelector<HTMLElement>('[part~="approve-button"]')!.click();
    await until(element, () => heldItems(element).length === 0, 'the decided post leaving the queue');
    expect(announcement(element)).to.equal('Another facilitator has already decided on this post.');
    expect($(element, '[part~="held"] [part~="status"]')?.textContent).to.equal('No post is waiting for approval.');
    expect(element.shadowRoot?.activeElement?.classList.contains('reports-title'), 'focus stays in the panel').to.equal(true);
  });

  it('keeps a post whose decision failed, with the reason', async () => {
    const first = makePost('61');
    const element = await render(
      facilitatorClient([makePost('1')], heldPosts([first]), {
        'POST /v1/posts/61/approval': () => {
          throw new GroveApiError('unavailable', 503);
        },
      }),
    );
    await openQueue(element);
    heldItems(element)[0]!.querySelector<HTMLElement>('[part~="approve-button"]')!.click();
    await until(element, () => Boolean($(element, '[part~="held-post"] [role="alert"]')), 'the failure');
    expect($(element, '[part~="held-post"] [role="alert"]')?.textContent).to.include('The server is busy');
    expect(heldItems(element)).to.have.length(1);
  });

  it('says pre-moderation is off, with the setting to turn it on, when nothing waits', async () => {
    const element = await render(facilitatorClient([makePost('1')], { items: [], next: null, firstPosts: 0 }));
    const held = await openQueue(element);
    expect(held?.textContent).to.include('Pre-moderation is off');
    expect((held?.querySelector('[part~="premoderation-form"] input') as HTMLInputElement | null)?.value).to.equal('0');
    expect(heldItems(element)).to.have.length(0);
  });

  it('marks the author’s own held post "Awaiting approval" and offers facilitators Approve and Reject on it', async () => {
    const own = makePost('70', { held: true, viewerCanEdit: true });
    const author = await render(threadClient([makePost('1'), own]));
    await postActions(author);
    expect($(author, '#post-70 [part~="held"]')?.textContent).to.equal('Awaiting approval');
    expect($(author, '#post-1 [part~="held"]')).to.equal(null);
    expect($(author, '#post-70')?.textContent, 'not called hidden by a facilitator').to.not.include('hidden by a facilitator');
    await expectAccessible(author);

    const facilitator = await render(
      facilitatorClient([makePost('1'), makePost('70', { held: true })], { items: [], next: null, firstPosts: 2 }),
    );
    await postActions(facilitator);
    const buttons = [...$(facilitator, '#post-70 .post-footer')!.querySelectorAll('button')].map((button) => button.textContent.trim());
    expect(buttons).to.include.members(['Approve', 'Reject']);
    expect(buttons).to.not.include('Hide');
  });

  it('is translated, right to left in Arabic', async () => {
    const thread = makeThread({ postCount: 1, viewer: FACILITATOR });
    const client = threadClient([makePost('1')], {
      'GET /v1/threads': thread,
      'GET /v1/threads/7': thread,
      'GET /v1/communities/water/reports': { items: [], next: null },
      [HELD]: heldPosts([makePost('61')]),
    });
    const element = await fixtureWithClient<GroveDiscussionThread>(
      html`<grove-discussion-thread page-key=${KEY} community="water"></grove-discussion-thread>`,
      client,
      { lang: 'ar' },
    );
    await until(element, () => Boolean($(element, '[part~="reports-button"]')), 'the thread');
    await openQueue(element);
    await until(element, () => $(element, '[part~="held"] .reports-title')?.textContent === 'مشاركات بانتظار الموافقة', 'the Arabic queue');
    expect($(element, '[dir="rtl"]')).to.not.equal(null);
    expect(heldItems(element)[0]?.querySelector('[part~="approve-button"]')?.textContent.trim()).to.equal('وافق وانشر');
    await expectAccessible(element);
  });
});
