/**
 * The moderation tools in the facilitators' queue (docs/decisions/0184-moderation-tools-ui.md): the
 * pre-moderation setting with its field error, silencing a post's author and lifting it, and the paged
 * moderation log, each by keyboard, with its states, translated and right to left in Arabic.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import { GroveApiError } from '../../../src/api/problem.js';
import { GroveDiscussionThread } from '../../../src/components/discussion-thread/discussion-thread.js';
import type { Post } from '../../../src/components/discussion-thread/types.js';
import { defineElement } from '../../../src/registry/define-element.js';
import { expectAccessible } from '../../helpers/axe.js';
import { fixtureWithClient } from '../../helpers/fixture.js';
import { heldPosts, makePost, makeThread, moderationLog } from './fixtures.js';
import { $, $$, announcement, clearOwnStorage, KEY, render, threadClient, until } from './thread-helpers.js';

defineElement('grove-discussion-thread', GroveDiscussionThread);

const FACILITATOR = { canPost: true, canModerate: true, canAccept: true, following: false };

function facilitatorClient(posts: Post[], routes: Record<string, unknown> = {}) {
  const thread = makeThread({ postCount: posts.length, viewer: FACILITATOR });
  return threadClient(posts, {
    'GET /v1/threads': thread,
    'GET /v1/threads/7': thread,
    'GET /v1/communities/water/reports': { items: [], next: null },
    'GET /v1/communities/water/held-posts': heldPosts([makePost('61')]),
    'GET /v1/communities/water/moderation-log': moderationLog(),
    ...routes,
  });
}

async function openQueue(element: GroveDiscussionThread): Promise<void> {
  $(element, '[part~="reports-button"]')!.focus();
  await sendKeys({ press: 'Enter' });
  await until(element, () => Boolean($(element, '[part~="premoderation-form"]')), 'the loaded queue');
}

const firstPostsInput = (element: GroveDiscussionThread) => $(element, '[part~="premoderation-form"] input') as HTMLInputElement;

beforeEach(() => clearOwnStorage());

describe('grove-discussion-thread: moderation tools', () => {
  it('changes the pre-moderation setting by keyboard and says so', async () => {
    const client = facilitatorClient([makePost('1')], {
      'POST /v1/communities/water/premoderation': ({ body }: { body: { firstPosts: number } }) => ({ community: 'water', ...body }),
    });
    const element = await render(client);
    await openQueue(element);
    const input = firstPostsInput(element);
    expect(input.value).to.equal('2');
    expect(element.shadowRoot?.querySelector(`label[for="${input.id}"]`)?.textContent).to.include('(0 = off)');
    input.focus();
    input.select();
    await sendKeys({ type: '5' });
    await sendKeys({ press: 'Enter' });
    await until(element, () => client.callsTo('POST', '/v1/communities/water/premoderation').length === 1, 'the request');
    expect(client.callsTo('POST', '/v1/communities/water/premoderation')[0]?.body).to.deep.equal({ firstPosts: 5 });
    await until(element, () => $(element, '[part~="held"]')!.textContent.includes('first 5 posts'), 'the new setting');
    expect(announcement(element)).to.include('first 5 posts');
    await expectAccessible(element);
  });

  it('refuses a setting out of range before asking, and shows the server’s field error on the field', async () => {
    const client = facilitatorClient([makePost('1')], {
      'POST /v1/communities/water/premoderation': () => {
        throw new GroveApiError('invalid', 400, { errors: [{ field: 'body.firstPosts', message: 'Number must be at most 100' }] });
      },
    });
    const element = await render(client);
    await openQueue(element);
    const input = firstPostsInput(element);
    input.value = '-3';
    $(element, '[part~="premoderation-button"]')!.click();
    await until(element, () => Boolean($(element, '[part~="field-error"]')), 'the field error');
    expect($(element, '[part~="field-error"]')?.textContent).to.equal('Enter a whole number from 0 to 100.');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.equal($(element, '[part~="field-error"]')?.id);
    expect(element.shadowRoot?.activeElement).to.equal(input);
    expect(client.callsTo('POST', '/v1/communities/water/premoderation')).to.have.length(0);
    input.value = '7';
    $(element, '[part~="premoderation-button"]')!.click();
    await until(element, () => client.callsTo('POST', '/v1/communities/water/premoderation').length === 1, 'the request');
    await until(element, () => input.getAttribute('aria-invalid') === 'true', 'the server’s refusal on the field');
    expect($(element, '[part~="field-error"]')?.textContent).to.equal('Enter a whole number from 0 to 100.');
    await expectAccessible(element);
  });

  it('silences the author of a held post for a week and lifts it again, focus staying on the control', async () => {
    const until7 = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const client = facilitatorClient([makePost('1')], {
      'POST /v1/communities/water/silences': ({ body }: { body: { member: string; hours: number } }) => ({
        member: body.member,
        until: body.hours === 0 ? null : until7,
      }),
    });
    const element = await render(client);
    await openQueue(element);
    const form = $(element, '[part~="held-post"] [part~="silence"]')!;
    const select = form.querySelector('select')!;
    expect(element.shadowRoot?.querySelector(`label[for="${select.id}"]`)?.textContent).to.match(/^Silence .+ for$/);
    select.value = '168';
    form.querySelector<HTMLElement>('[part~="silence-button"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(element, () => Boolean($(element, '[part~="lift-button"]')), 'the silence');
    const [call] = client.callsTo('POST', '/v1/communities/water/silences');
    expect(call?.body).to.deep.include({ hours: 168, reason: '' });
    expect($(element, '[part~="held-post"] [part~="silence"]')?.textContent).to.include('cannot write in this community until');
    expect(announcement(element)).to.include('cannot write in this community until');
    await until(element, () => element.shadowRoot?.activeElement === $(element, '[part~="lift-button"]'), 'focus on Lift');
    await expectAccessible(element);
    await sendKeys({ press: 'Enter' });
    await until(element, () => Boolean($(element, '[part~="held-post"] [part~="silence-button"]')), 'the lifted silence');
    expect(client.callsTo('POST', '/v1/communities/water/silences')[1]?.body).to.deep.include({ hours: 0 });
    expect(announcement(element)).to.include('can write in this community again');
  });

  it('says a facilitator cannot be silenced when the server refuses', async () => {
    const element = await render(
      facilitatorClient([makePost('1')], {
        'POST /v1/communities/water/silences': () => {
          throw new GroveApiError('invalid', 422, { errors: [{ field: 'body.member', message: 'Is a facilitator' }] });
        },
      }),
    );
    await openQueue(element);
    $(element, '[part~="held-post"] [part~="silence-button"]')!.click();
    await until(element, () => Boolean($(element, '[part~="silence"] [role="alert"]')), 'the refusal');
    expect($(element, '[part~="silence"] [role="alert"]')?.textContent.trim()).to.equal(
      'A facilitator of this community cannot be silenced.',
    );
  });

  it('opens the moderation log by keyboard: loading, entries with who did what to whom and when, more pages, empty, error', async () => {
    const client = facilitatorClient([makePost('1')], {
      'GET /v1/communities/water/moderation-log': ({ query }: { query: { cursor?: string } }) =>
        query.cursor ? moderationLog({ from: 3, next: null }) : moderationLog({ next: 'more' }),
    });
    const element = await render(client);
    await openQueue(element);
    const toggle = $(element, '[part~="log-button"]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    await until(element, () => $$(element, '[part~="log-entry"]').length === 3, 'the first page');
    const entries = $$(element, '[part~="log-entry"]');
    expect(entries[0]?.textContent).to.include('Amina Diallo silenced a member');
    expect(entries[0]?.textContent).to.include('member: Nina Newcomer');
    expect(entries[0]?.textContent).to.include('24 h: Adverts');
    expect(entries[1]?.textContent).to.include('in “Drip irrigation in clay soils”');
    expect(entries[0]?.querySelector('time')?.getAttribute('datetime')).to.be.a('string');
    await expectAccessible(element);
    $(element, '[part~="moderation-log"] [part~="more-button"]')!.click();
    await until(element, () => $$(element, '[part~="log-entry"]').length === 6, 'the next page');
    expect($(element, '[part~="moderation-log"] [part~="more-button"]')).to.equal(null);

    const empty = await render(
      facilitatorClient([makePost('1')], { 'GET /v1/communities/water/moderation-log': { items: [], next: null } }),
    );
    await openQueue(empty);
    $(empty, '[part~="log-button"]')!.click();
    await until(empty, () => Boolean($(empty, '[part~="moderation-log"] [part~="status"]')), 'the empty log');
    expect($(empty, '[part~="moderation-log"]')?.textContent).to.include('Nothing has been moderated');

    const failing = await render(
      facilitatorClient([makePost('1')], {
        'GET /v1/communities/water/moderation-log': () => {
          throw new GroveApiError('forbidden', 403);
        },
      }),
    );
    await openQueue(failing);
    $(failing, '[part~="log-button"]')!.click();
    await until(failing, () => Boolean($(failing, '[part~="moderation-log"] [role="alert"]')), 'the error');
    await expectAccessible(failing);
  });

  it('is translated, right to left in Arabic', async () => {
    const client = facilitatorClient([makePost('1')]);
    const element = await fixtureWithClient<GroveDiscussionThread>(
      html`<grove-discussion-thread page-key=${KEY} community="water"></grove-discussion-thread>`,
      client,
      { lang: 'ar' },
    );
    await until(element, () => Boolean($(element, '[part~="reports-button"]')), 'the thread');
    await openQueue(element);
    await until(element, () => $(element, '[part~="premoderation-button"]')?.textContent === 'حفظ', 'the Arabic tools');
    expect($(element, '[dir="rtl"]')).to.not.equal(null);
    expect($(element, '[part~="log-button"]')?.textContent).to.equal('سجل الإشراف');
    $(element, '[part~="log-button"]')!.click();
    await until(element, () => $$(element, '[part~="log-entry"]').length === 3, 'the log');
    expect($(element, '[part~="log-entry"]')?.textContent).to.include('أسكت');
    await expectAccessible(element);
  });
});
