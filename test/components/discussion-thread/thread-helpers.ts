/** Shared by the thread's browser tests: finding things in the shadow root and waiting for the widget. */
import { sendKeys } from '@web/test-runner-commands';
import { html } from 'lit';
import type { GroveDiscussionThread } from '../../../src/components/discussion-thread/discussion-thread.js';
import type { NewPost, Post } from '../../../src/components/discussion-thread/types.js';
import { FakeClient, type FakeCall } from '../../helpers/fake-client.js';
import { fixtureWithClient } from '../../helpers/fixture.js';
import { makePost, makeThread } from './fixtures.js';
import { $$, query as $ } from '../../helpers/dom.js';

/**
 * Unique per test page: test files run side by side in one browser and share its localStorage, where
 * drafts and the outbox are kept under the page key. One file's clean-up must not eat another's draft.
 */
export const KEY = `https://example.org/articles/drip-${crypto.randomUUID().slice(0, 8)}`;

/** Forgets this page's drafts and outbox, and nothing another test file keeps in localStorage. */
export function clearOwnStorage(): void {
  for (const name of Object.keys(localStorage)) if (name.includes(KEY)) localStorage.removeItem(name);
}
/** A fake server holding thread 7 (found by `KEY`) with `posts`; `routes` add or replace routes. */
export function threadClient(posts: Post[] = [makePost('1'), makePost('2')], routes: Record<string, unknown> = {}): FakeClient {
  return new FakeClient(
    {
      'GET /v1/threads': makeThread({ postCount: posts.length }),
      'GET /v1/threads/7': makeThread({ postCount: posts.length }),
      'GET /v1/threads/7/posts': { items: posts, next: null },
      'POST /v1/posts': ({ body }: FakeCall) =>
        makePost('100', { bodyMd: (body as NewPost).body, bodyHtml: `<p>${(body as NewPost).body}</p>`, viewerCanEdit: true }),
      ...routes,
    },
    { authenticated: true },
  );
}

/** Renders the widget in a provider with `client` and waits until it has loaded. */
export async function render(
  client: FakeClient,
  attributes = html`<grove-discussion-thread page-key=${KEY} community="water"></grove-discussion-thread>`,
) {
  const element = await fixtureWithClient<GroveDiscussionThread>(attributes, client);
  await element.updateComplete;
  await until(element, () => !element.shadowRoot?.querySelector('[aria-busy="true"]'));
  return element;
}

/** Waits for render cycles until `condition` holds (the widget's work is promise-driven, not timed). */
export async function until(element: GroveDiscussionThread, condition: () => boolean, what = 'condition'): Promise<void> {
  // Bounded by time, not by a count of turns: on a busy shared machine 200 turns passed in under a second.
  const deadline = performance.now() + 5000;
  while (performance.now() < deadline) {
    if (condition()) return;
    // A macrotask, not an animation frame: a test page running in the background gets no frames.
    await new Promise((resolve) => setTimeout(resolve));
    await element.updateComplete;
  }
  if (condition()) return;
  throw new Error(`Timed out waiting for ${what}`);
}

export { $, $$ };
export const textarea = (element: Element) => element.shadowRoot?.querySelector('textarea') ?? null;
export const postTexts = (element: Element) => $$(element, '[part~="body"]').map((body) => body.textContent.trim());
/** The polite live region's current sentence. */
export const announcement = (element: Element) => $(element, '.visually-hidden')?.textContent ?? '';

/** The actions under each post come with the authoring chunk, loaded on demand for signed-in viewers. */
export async function postActions(element: GroveDiscussionThread): Promise<void> {
  await until(element, () => Boolean(element.shadowRoot?.querySelector('.post-footer[role="group"]')), 'the post actions');
}

/** The composer loads on demand for signed-in viewers. */
export async function composer(element: GroveDiscussionThread): Promise<HTMLTextAreaElement> {
  await until(element, () => textarea(element) !== null, 'the composer');
  const input = textarea(element);
  if (!input) throw new Error('no composer');
  return input;
}

export async function type(element: GroveDiscussionThread, text: string): Promise<HTMLTextAreaElement> {
  const input = await composer(element);
  input.focus();
  await sendKeys({ type: text });
  await element.updateComplete;
  return input;
}

/**
 * Puts text the keyboard cannot type (a NUL character) into the composer as a paste would: the value
 * changes and an `input` event follows.
 */
export async function paste(element: GroveDiscussionThread, text: string): Promise<HTMLTextAreaElement> {
  const input = await composer(element);
  input.focus();
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
  await element.updateComplete;
  return input;
}

/** Puppeteer's `press` takes one key: hold Control around Enter as a person does. */
export async function ctrlEnter(): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: 'Enter' });
  await sendKeys({ up: 'Control' });
}
