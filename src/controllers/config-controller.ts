import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { GroveClient } from '../api/client.js';
import { createHttpClient } from '../api/http-client.js';
import { groveConfigContext, isTheme, type Theme } from '../context/config-context.js';
import { onPageConfigChange, pageDefaults } from '../context/page-config.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Resolves a widget's configuration, field by field (an empty attribute counts as not set):
 * - `client`: the widget's own `api` attribute, else the nearest `<grove-provider>`, else the page
 *   default (`configure()` / `<meta name="grove-api">`); undefined when none is set (render
 *   `renderNotConfigured`).
 * - `lang`: the widget's `lang` attribute, the provider's, the page default (`configure({ lang })` /
 *   `<meta name="grove-lang">`), the closest `lang` ancestor such as `<html lang>` (across shadow
 *   roots), then `navigator.language`.
 * - `theme`: the widget's `theme` attribute, the provider's, the page default; reflected on the host as
 *   `data-grove-theme` for the shared host styles. Unset means "inherit the page's color-scheme".
 *
 * Requests a host update whenever any of them changes (the context consumer does so for the provider).
 */
export class ConfigController implements ReactiveController {
  readonly #host: Host;
  readonly #consumer: ContextConsumer<typeof groveConfigContext, Host>;
  /** Attributes are read directly (not Lit properties) so every widget gets them without redeclaring. */
  readonly #attributes = new MutationObserver(() => this.#host.requestUpdate());
  #unsubscribePage: (() => void) | undefined;
  #ownClient: { api: string; client: GroveClient } | undefined;

  constructor(host: Host) {
    this.#host = host;
    this.#consumer = new ContextConsumer(host, { context: groveConfigContext, subscribe: true });
    host.addController(this);
  }

  get client(): GroveClient | undefined {
    const api = this.#host.getAttribute('api');
    if (api) return this.#clientFor(api);
    return this.#consumer.value?.client ?? pageDefaults().client;
  }

  get lang(): string {
    // `||`, not `??`: an empty attribute (`lang=""`) counts as not set, so the next source applies.
    /* eslint-disable @typescript-eslint/prefer-nullish-coalescing */
    return (
      this.#host.getAttribute('lang') ||
      this.#consumer.value?.lang ||
      pageDefaults().lang ||
      closestLang(this.#host) ||
      navigator.language ||
      'en'
    );
    /* eslint-enable @typescript-eslint/prefer-nullish-coalescing */
  }

  get theme(): Theme | undefined {
    const own = this.#host.getAttribute('theme');
    return isTheme(own) ? own : (this.#consumer.value?.theme ?? pageDefaults().theme);
  }

  hostConnected(): void {
    this.#unsubscribePage = onPageConfigChange(() => this.#host.requestUpdate());
    this.#attributes.observe(this.#host, { attributeFilter: ['lang', 'api', 'theme'] });
    // Sites switch language client-side by changing `<html lang>`.
    this.#attributes.observe(document.documentElement, { attributeFilter: ['lang'] });
    this.hostUpdate();
  }

  hostDisconnected(): void {
    this.#unsubscribePage?.();
    this.#attributes.disconnect();
  }

  hostUpdate(): void {
    const theme = this.theme;
    if (theme) this.#host.setAttribute('data-grove-theme', theme);
    else this.#host.removeAttribute('data-grove-theme');
  }

  #clientFor(api: string): GroveClient {
    if (this.#ownClient?.api !== api) {
      // The widget names its own server: it borrows sign-on from the page default only.
      this.#ownClient = { api, client: createHttpClient({ ...pageDefaults().auth, baseUrl: api }) };
    }
    return this.#ownClient.client;
  }
}

/** The language of the closest ancestor with `lang`, crossing shadow roots to their hosts. */
export function closestLang(element: Element): string | undefined {
  let node: Node | null = element;
  while ((node = node instanceof ShadowRoot ? node.host : node.parentNode)) {
    const lang = node instanceof Element && node.getAttribute('lang');
    if (lang) return lang;
  }
  return undefined;
}
