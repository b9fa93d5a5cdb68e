import { ContextProvider } from '@lit/context';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { GroveClient } from '../api/client.js';
import { createHttpClient } from '../api/http-client.js';
import { groveConfigContext, isTheme, type Theme, type TokenProvider } from './config-context.js';

/**
 * Configures every Grove widget inside it once: API base, sign-on, language and theme.
 *
 * @tag grove-provider
 * @slot - The widgets (and any other content) it configures.
 */
export class GroveProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
    /* color-scheme is inherited: widgets inside follow the provider's theme. */
    :host([theme='auto']) {
      color-scheme: light dark;
    }
    :host([theme='light']) {
      color-scheme: light;
    }
    :host([theme='dark']) {
      color-scheme: dark;
    }
  `;

  /** API base URL, e.g. `https://grove.example.org/api`. */
  @property() api: string | undefined;

  /** Language for the widgets inside (BCP 47, e.g. `fr`); defaults to the page's. */
  @property({ reflect: true }) override lang = '';

  /** `auto` follows the system setting, `light` or `dark` force one; unset inherits the page's `color-scheme`. */
  @property({ reflect: true }) theme: Theme | undefined;

  /** A bearer token from the host's sign-on. Prefer `tokenProvider` for tokens that expire. */
  @property({ attribute: false }) token: string | undefined;

  /** Returns a current token; called again with `{ refresh: true }` after a 401. */
  @property({ attribute: false }) tokenProvider: TokenProvider | undefined;

  /** A ready-made client (tests, stories, custom transports); takes precedence over `api`. */
  @property({ attribute: false }) client: GroveClient | undefined;

  #madeClient: GroveClient | undefined;

  readonly #provider = new ContextProvider(this, {
    context: groveConfigContext,
    initialValue: { client: undefined, lang: undefined, theme: undefined },
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') || changed.has('token') || changed.has('tokenProvider')) {
      this.#madeClient = this.api
        ? createHttpClient({ baseUrl: this.api, token: this.token, tokenProvider: this.tokenProvider })
        : undefined;
    }
    // A new object each time so consumers (subscribed) are notified.
    this.#provider.setValue({
      client: this.client ?? this.#madeClient,
      lang: this.lang || undefined,
      theme: isTheme(this.theme) ? this.theme : undefined,
    });
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'grove-provider': GroveProvider;
  }
}
