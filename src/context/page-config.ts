import type { GroveClient } from '../api/client.js';
import { createKyClient } from '../api/ky-client.js';
import type { GroveConfig, Theme, TokenProvider } from './config-context.js';
import { isTheme } from './config-context.js';

/**
 * The page-level default, for widgets outside any `<grove-provider>`: a `configure()` call, else
 * `<meta name="grove-api" content="…">` (and optionally `grove-lang`, `grove-theme` metas) so a site
 * editor can paste a bare tag.
 *
 * Kept on `globalThis` under a registered symbol so that two copies of the library on one page
 * (the CDN bundle and an npm build, say) see the same configuration.
 */
interface PageState {
  config: GroveConfig | undefined;
  client: GroveClient | undefined;
  /** The settings `client` was made from. */
  clientFor: { api: string; token: string | undefined; tokenProvider: TokenProvider | undefined } | undefined;
  events: EventTarget;
}

const STATE_KEY = Symbol.for('grove.page-config');
const CHANGE = 'change';

function state(): PageState {
  const holder = globalThis as typeof globalThis & { [STATE_KEY]?: PageState };
  holder[STATE_KEY] ??= { config: undefined, client: undefined, clientFor: undefined, events: new EventTarget() };
  return holder[STATE_KEY];
}

/** Sets the page default for every widget not inside a provider; widgets update at once. */
export function configure(config: GroveConfig): void {
  const page = state();
  page.config = { ...config };
  page.events.dispatchEvent(new Event(CHANGE));
}

/** Notifies `listener` after each `configure()`; returns the unsubscribe function. */
export function onPageConfigChange(listener: () => void): () => void {
  const { events } = state();
  events.addEventListener(CHANGE, listener);
  return () => events.removeEventListener(CHANGE, listener);
}

export interface PageDefaults {
  client: GroveClient | undefined;
  /** Sign-on for widgets that name their own `api`. */
  auth: { token: string | undefined; tokenProvider: TokenProvider | undefined };
  lang: string | undefined;
  theme: Theme | undefined;
}

export function pageDefaults(): PageDefaults {
  const page = state();
  const config = page.config ?? {};
  const api = config.api ?? meta('grove-api');
  const theme = config.theme ?? meta('grove-theme');
  return {
    client: api ? pageClient(page, api, config) : undefined,
    auth: { token: config.token, tokenProvider: config.tokenProvider },
    lang: config.lang ?? meta('grove-lang'),
    theme: isTheme(theme) ? theme : undefined,
  };
}

/** One client per distinct configuration, so widgets share its token refreshes. */
function pageClient(page: PageState, api: string, config: GroveConfig): GroveClient {
  const made = page.clientFor;
  if (!page.client || made?.api !== api || made.token !== config.token || made.tokenProvider !== config.tokenProvider) {
    page.client = createKyClient({ baseUrl: api, token: config.token, tokenProvider: config.tokenProvider });
    page.clientFor = { api, token: config.token, tokenProvider: config.tokenProvider };
  }
  return page.client;
}

function meta(name: string): string | undefined {
  return nonEmpty(document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content.trim());
}

/** An empty attribute or meta content (`lang=""`, `content=""`) counts as not set, so the next source applies. */
export function nonEmpty(value: string | null | undefined): string | undefined {
  return value === null || value === '' ? undefined : value;
}
