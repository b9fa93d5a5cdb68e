import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { GroveClient } from '../api/client.js';
import { createKyClient } from '../api/ky-client.js';
import { groveConfigContext, isTheme, type Theme } from '../context/config-context.js';
import { nonEmpty, onPageConfigChange, pageDefaults } from '../context/page-config.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Resolves a widget's configuration, field by field:
 * - `client`: the widget's own `api` attribute, else the nearest `<grove-provider>`, else the page
 *   default (`configure()` / `<meta name="grove-api">`); undefined when none is set (render
 *   `renderNotConfigured`).
 * - `lang`: the widget's `lang` attribute, the provider's, the page default (`configure({ lang })` /
 *   `<meta name="grove-lang">`), the closest `lang` ancestor such as `<html lang>` (across shadow
 *   roots), then `navigator.language`.
 * - `theme`: the widget's `theme` attribute, the provider's, the page default; reflected on the host as
 *   `data-grove-theme` for the shared host styles. Unset means "inherit the page's color-scheme".
 *
 * Requests a host update whenever any of them changes.
 */
export class ConfigController implements ReactiveController {
  readonly #host: Host;
  readonly #consumer: ContextConsumer<typeof groveConfigContext, Host>;
  #unsubscribePage: (() => void) | undefined;
  #attributes: MutationObserver | undefined;
  #ownClient: { api: string; client: GroveClient } | undefined;

  constructor(host: Host) {
    this.#host = host;
    this.#consumer = new ContextConsumer(host, {
      context: groveConfigContext,
      subscribe: true,
      callback: () => this.#changed(),
    });
    host.addController(this);
  }

  get client(): GroveClient | undefined {
    const api = this.#host.getAttribute('api');
    if (api) return this.#clientFor(api);
    return this.#consumer.value?.client ?? pageDefaults().client;
  }

  get lang(): string {
    return (
      nonEmpty(this.#host.getAttribute('lang')) ??
      nonEmpty(this.#consumer.value?.lang) ??
      nonEmpty(pageDefaults().lang) ??
      closestLang(this.#host) ??
      nonEmpty(navigator.language) ??
      'en'
    );
  }

  get theme(): Theme | undefined {
    const own = this.#host.getAttribute('theme');
    if (isTheme(own)) return own;
    return this.#consumer.value?.theme ?? pageDefaults().theme;
  }

  hostConnected(): void {
    this.#unsubscribePage = onPageConfigChange(() => this.#changed());
    // Attributes read directly (not Lit properties) so every widget gets them without redeclaring.
    this.#attributes = new MutationObserver(() => this.#changed());
    this.#attributes.observe(this.#host, { attributes: true, attributeFilter: ['lang', 'api', 'theme'] });
    htmlLang.subscribe(this);
    this.#reflectTheme();
  }

  hostDisconnected(): void {
    this.#unsubscribePage?.();
    this.#attributes?.disconnect();
    htmlLang.unsubscribe(this);
  }

  hostUpdate(): void {
    this.#reflectTheme();
  }

  /** Called by the shared `<html lang>` observer. */
  languageChanged(): void {
    this.#changed();
  }

  #changed(): void {
    this.#host.requestUpdate();
  }

  #reflectTheme(): void {
    const theme = this.theme;
    if (theme) this.#host.setAttribute('data-grove-theme', theme);
    else this.#host.removeAttribute('data-grove-theme');
  }

  #clientFor(api: string): GroveClient {
    if (this.#ownClient?.api !== api) {
      // The widget names its own server: it borrows sign-on from the page default only.
      const { token, tokenProvider } = pageDefaults().auth;
      this.#ownClient = { api, client: createKyClient({ baseUrl: api, token, tokenProvider }) };
    }
    return this.#ownClient.client;
  }
}

/** The language of the closest ancestor with `lang`, crossing shadow roots to their hosts. */
export function closestLang(element: Element): string | undefined {
  let node: Node | null = element.parentNode;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
      node = node.parentNode;
    } else if (node instanceof ShadowRoot) {
      node = node.host;
    } else {
      node = node.parentNode;
    }
  }
  return undefined;
}

/** One observer of `<html lang>` for all widgets (sites switch language client-side). */
const htmlLang = (() => {
  const subscribers = new Set<ConfigController>();
  let observer: MutationObserver | undefined;
  return {
    subscribe(controller: ConfigController) {
      subscribers.add(controller);
      if (!observer) {
        observer = new MutationObserver(() => subscribers.forEach((subscriber) => subscriber.languageChanged()));
        observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
      }
    },
    unsubscribe(controller: ConfigController) {
      subscribers.delete(controller);
      if (subscribers.size === 0) {
        observer?.disconnect();
        observer = undefined;
      }
    },
  };
})();
