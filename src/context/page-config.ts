import type { GroveClient } from '../api/client.js';
import { createHttpClient } from '../api/http-client.js';
import type { GroveConfig, Theme } from './config-context.js';
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
  /** What `client` was made from: one `configure()` call's settings and the API base. */
  clientFor: { config: GroveConfig; api: string } | undefined;
  events: EventTarget;
}

const STATE_KEY = Symbol.for('grove.page-config');
/** One shared object, not a fresh `{}` per call: the client below is cached per config identity. */
const NO_CONFIG: GroveConfig = Object.freeze({});

function state(): PageState {
  const holder = globalThis as typeof globalThis & { [STATE_KEY]?: PageState };
  return (holder[STATE_KEY] ??= { config: undefined, client: undefined, clientFor: undefined, events: new EventTarget() });
}

/** Sets the page default for every widget not inside a provider; widgets update at once. */
export function configure(config: GroveConfig): void {
  const page = state();
  page.config = { ...config };
  page.events.dispatchEvent(new Event('change'));
}

/** Notifies `listener` after each `configure()`; returns the unsubscribe function. */
export function onPageConfigChange(listener: () => void): () => void {
  const { events } = state();
  events.addEventListener('change', listener);
  return () => events.removeEventListener('change', listener);
}

export interface PageDefaults {
  client: GroveClient | undefined;
  /** The `configure()` settings; its sign-on serves widgets that name their own `api`. */
  auth: GroveConfig;
  lang: string | undefined;
  theme: Theme | undefined;
}

export function pageDefaults(): PageDefaults {
  const page = state();
  const config = page.config ?? NO_CONFIG;
  // `||`, not `??`, below: an empty setting or meta content counts as not set, so the next source applies.
  /* eslint-disable @typescript-eslint/prefer-nullish-coalescing */
  const api = config.api || meta('api');
  const theme = config.theme ?? meta('theme');
  // One client per configuration, shared by every widget on the page (and its token refreshes).
  if (api && (page.clientFor?.config !== config || page.clientFor.api !== api)) {
    page.client = createHttpClient({ ...config, baseUrl: api });
    page.clientFor = { config, api };
  }
  return {
    client: api ? page.client : undefined,
    auth: config,
    lang: config.lang || meta('lang'),
    theme: isTheme(theme) ? theme : undefined,
  };
  /* eslint-enable @typescript-eslint/prefer-nullish-coalescing */
}

/** `<meta name="grove-…">`; empty content counts as not set, so the next source applies. */
function meta(name: string): string | undefined {
  // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
  return document.querySelector<HTMLMetaElement>(`meta[name="grove-${name}"]`)?.content.trim() || undefined;
}

/**
 * The page key of a discussion when the editor gave none: the page's canonical URL (what a CMS publishes
 * as the page's identity), else its address without the fragment, so `#comment-3` links share the page's
 * thread. The thread and the comment count must agree on it.
 */
export function defaultPageKey(doc: Document = document): string {
  const canonical = doc.querySelector<HTMLLinkElement>('link[rel~="canonical"][href]')?.href;
  if (canonical) return canonical;
  const url = new URL(doc.location.href);
  url.hash = '';
  return url.href;
}
