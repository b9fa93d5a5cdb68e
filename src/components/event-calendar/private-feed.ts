/**
 * The signed-in member's private subscription link (issue 14; docs/decisions/0144-calendar-feed-keys.md):
 * the community's feed as the member sees it, members-only events included, for calendar apps that send
 * no token. Loaded when a member first opens it. The server keeps only a hash of the key, so a link can
 * be shown once, when it is made; making one stops the previous one, which is why opening the panel
 * makes nothing until the member asks.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { GroveClient } from '../../api/client.js';
import { newIdempotencyKey } from '../../api/client.js';
import { send } from '../../api/typed.js';
import { renderError } from '../../render/states.js';
import type { LocalizeController } from '../../controllers/localize-controller.js';
import type { CalendarMessages } from './messages/en.js';

/**
 * What the panel needs from the calendar. Passed in rather than imported: importing the calendar's own
 * modules from this chunk would split them into a shared chunk every first view then waits for.
 */
export interface FeedLinks {
  /** The community feed's http(s) URL. */
  feed: string;
  /** The same URL as `webcal:`, which calendar apps subscribe to. */
  webcal: (url: string) => string;
}

export class PrivateFeedPanel {
  readonly #host: ReactiveControllerHost;
  #open = false;
  #busy = false;
  #url = '';
  #copied = false;
  #error: unknown;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  get isOpen(): boolean {
    return this.#open;
  }

  toggle(): void {
    this.#open = !this.#open;
    this.#host.requestUpdate();
  }

  async #make(client: GroveClient, links: FeedLinks): Promise<void> {
    this.#busy = true;
    this.#error = undefined;
    this.#copied = false;
    this.#host.requestUpdate();
    try {
      const { key } = await send(client, 'POST', '/v1/calendar/feed-key', { idempotencyKey: newIdempotencyKey() });
      const url = new URL(links.feed, document.baseURI);
      url.searchParams.set('key', key);
      this.#url = links.webcal(url.href);
    } catch (error) {
      this.#error = error;
    } finally {
      this.#busy = false;
      this.#host.requestUpdate();
    }
  }

  async #copy(): Promise<void> {
    await navigator.clipboard.writeText(this.#url).then(
      () => (this.#copied = true),
      // No clipboard permission: the link stays selected in its field for the member to copy.
      () => undefined,
    );
    this.#host.requestUpdate();
  }

  render(t: LocalizeController<CalendarMessages>, client: GroveClient, links: FeedLinks): TemplateResult | typeof nothing {
    if (!this.#open) return nothing;
    const make = () => void this.#make(client, links);
    return html`<div part="private-feed" class="private-feed" id="private-feed">
      <p>${t.t('calendar.privateFeed.explain')}</p>
      ${
        this.#url
          ? html`<label class="private-feed-url">${t.t('calendar.privateFeed.url')}
              <input part="private-feed-url" dir="ltr" readonly .value=${this.#url} @focus=${(event: FocusEvent) => (event.target as HTMLInputElement).select()} />
            </label>
            <button type="button" class="nav-button" @click=${() => void this.#copy()}>${t.t('calendar.privateFeed.copy')}</button>
            <a part="private-feed-link" href=${this.#url}>${t.t('calendar.privateFeed.open')}</a>
            <span role="status">${this.#copied ? t.t('calendar.privateFeed.copied') : ''}</span>`
          : nothing
      }
      ${this.#error ? renderError(t, this.#error) : nothing}
      <button type="button" part="private-feed-button" class="nav-button" ?disabled=${this.#busy} @click=${make}>
        ${t.t(this.#url ? 'calendar.privateFeed.remake' : 'calendar.privateFeed.make')}
      </button>
    </div>`;
  }
}
