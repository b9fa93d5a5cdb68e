import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { defaultPageKey } from '../../context/page-config.js';
import { ConfigController } from '../../controllers/config-controller.js';
import { LoadController } from '../../controllers/load-controller.js';
import { LocalizeController } from '../../controllers/localize-controller.js';
import { GroveLoadEvent } from '../../events/grove-load-event.js';
import { tokens } from '../../styles/tokens.js';
import { preferredValue } from '../../validation/deprecated.js';
import { countFor } from './api.js';
import en from './messages/en.js';

const messages = {
  en,
  load: { fr: () => import('./messages/fr.js'), es: () => import('./messages/es.js'), ar: () => import('./messages/ar.js') },
};

/**
 * The number of comments on a page's discussion, inline, e.g. beside each article in a list. Every count
 * on a page is fetched in one request.
 * Example: `<a href="/news/42#comments"><grove-comment-count page-key="https://example.org/news/42"></grove-comment-count></a>`.
 *
 * @tag grove-comment-count
 * @csspart count - The text.
 * @fires {GroveLoadEvent} grove-load - The count arrived; `detail.data` is `{ key, count }`, `key` being the one used (this page's when the attribute is unset).
 * @fires {GroveErrorEvent} grove-error - The count could not be loaded; the element stays empty.
 */
export class GroveCommentCount extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: inline;
      }
      :host([hidden]) {
        display: none;
      }
    `,
  ];

  /** The page key of the thread, as on `<grove-discussion-thread page-key>`; by default this page's. */
  @property({ attribute: 'page-key' }) pageKey = '';
  /** Deprecated alias of `page-key` (React and Vue keep `key` for themselves); warns once. */
  @property() key = '';

  /** The community of the thread, as on `<grove-discussion-thread community>`: a page key is unique within a community. */
  @property() community = '';

  #config = new ConfigController(this);
  #t = new LocalizeController(this, this.#config, messages);
  #load = new LoadController(this);
  #count = this.#load.task({
    task: async ([client, key, community], { signal }) => {
      if (!client) return undefined;
      const [count] = await Promise.all([countFor(client, community, key, signal), this.#t.ready]);
      return { key, count };
    },
    args: () =>
      [
        this.#config.client,
        preferredValue(this, this.pageKey, { name: 'key', value: this.key, use: 'page-key' }) || defaultPageKey(),
        this.community.trim().toLowerCase(),
      ] as const,
    onComplete: (loaded) => {
      if (loaded) this.dispatchEvent(new GroveLoadEvent(loaded));
    },
  });

  override render(): TemplateResult | typeof nothing {
    const loaded = this.#count.value;
    // Inline text in someone else's sentence: no spinner, no alert box; the count appears when known.
    return loaded ? html`<span part="count">${this.#t.t('count.label', { count: loaded.count })}</span>` : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'grove-comment-count': GroveCommentCount;
  }
}
