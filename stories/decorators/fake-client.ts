import type { Decorator } from '@storybook/web-components-vite';
import { html } from 'lit';
import { FakeClient, type FakeClientOptions } from '../../test/helpers/fake-client.js';

/**
 * What a story tells the decorator about its data, under `parameters.grove`:
 *
 *   parameters: { grove: { routes: { 'GET /v1/members': page }, delayMs: 300 } }
 *   parameters: { grove: { loading: true } }            // responses never arrive: the loading state
 *
 * A failing route is a handler that throws a `GroveApiError`, as in the unit tests.
 */
export interface GroveStoryParameters extends FakeClientOptions {
  routes?: Record<string, unknown>;
  /** Park every response forever, to show the loading state. */
  loading?: boolean;
}

/**
 * Wraps each story in a `<grove-provider>` holding a fake client, so stories run without a server,
 * and applies the toolbar's language, theme and direction the way a host page would.
 */
export const withFakeClient: Decorator = (story, context) => {
  const grove = (context.parameters.grove ?? {}) as GroveStoryParameters;
  const { routes = {}, loading = false, ...options } = grove;
  const client = new FakeClient(routes, options);
  if (loading) client.hold();
  const globals = context.globals as { theme?: string; lang?: string; dir?: string };
  // The canvas around the story takes the same scheme (.storybook/preview-head.html paints it).
  document.documentElement.dataset.groveCanvas = globals.theme ?? 'auto';
  return html`<div dir=${globals.dir ?? 'ltr'}>
    <grove-provider .client=${client} lang=${globals.lang ?? 'en'} theme=${globals.theme ?? 'auto'}>${story()}</grove-provider>
  </div>`;
};
