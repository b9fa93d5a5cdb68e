/**
 * Reading a widget's shadow DOM in tests, and rendering one until it has loaded: the helpers every
 * widget test uses, in one place.
 */
import { oneEvent } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { GroveClient } from '../../src/api/client.js';
import { fixtureWithClient, type ProviderOptions } from './fixture.js';

/** The first match in `element`'s shadow root, or null. */
export const query = (element: Element, selector: string): HTMLElement | null =>
  element.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;

/** The first match in `element`'s shadow root; fails the test, naming the selector, when there is none. */
export function $(element: Element, selector: string): HTMLElement {
  const found = query(element, selector);
  if (!found) throw new Error(`No ${selector} in the shadow root`);
  return found;
}

/** Every match in `element`'s shadow root. */
export const $$ = (element: Element, selector: string): HTMLElement[] => [
  ...(element.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? []),
];

/** The shadow root's text with runs of white space made single, trimmed. */
export const text = (element: Element): string => element.shadowRoot?.textContent.replace(/\s+/g, ' ').trim() ?? '';

/** The focused element, looking through open shadow roots. */
export function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Renders `template` with `client` (inside a provider) and waits for its first `grove-load` and the render after it. */
export async function loaded<T extends HTMLElement & { updateComplete: Promise<unknown> }>(
  template: TemplateResult,
  client: GroveClient,
  options: ProviderOptions = {},
): Promise<T> {
  // Listened for on the document before rendering: a fast fake answers before the fixture resolves.
  const firstLoad = oneEvent(document, 'grove-load');
  const element = await fixtureWithClient<T>(template, client, options);
  await firstLoad;
  await element.updateComplete;
  return element;
}
