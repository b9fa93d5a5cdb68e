/**
 * The disclosure that holds a facilitator's reports queue. It stays in the thread's own chunk because it
 * is tiny; the queue itself (`reports-queue.ts`) is downloaded the first time a facilitator opens it.
 */
import { nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { LanguageSource } from '../../controllers/localize-controller.js';
import { renderLoading, type Translator } from '../../render/states.js';
import type { ReportsQueue, ReportsQueueHooks } from './reports-queue.js';

export class ReportsPanel {
  /** The id of the panel, for the toggle's `aria-controls`. */
  readonly id = 'reports';
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #language: LanguageSource;
  readonly #hooks: ReportsQueueHooks;
  #queue: ReportsQueue | undefined;
  #open = false;

  constructor(host: ReactiveControllerHost & HTMLElement, language: LanguageSource, hooks: ReportsQueueHooks) {
    this.#host = host;
    this.#language = language;
    this.#hooks = hooks;
  }

  get isOpen(): boolean {
    return this.#open;
  }

  /** Opens or closes the queue of `community`; each opening shows the queue as it is now. */
  async toggle(community: string): Promise<void> {
    this.#open = !this.#open;
    this.#host.requestUpdate();
    if (!this.#open) return;
    if (this.#queue?.community !== community) {
      const { ReportsQueue } = await import('./reports-queue.js');
      this.#queue = new ReportsQueue(this.#host, this.#language, community, this.#hooks);
    }
    // Other facilitators and new reports move the queue while it is closed.
    this.#queue.refresh();
  }

  /** Reloads an open queue after a post was judged outside it. */
  refresh(): void {
    if (this.#open) this.#queue?.refresh();
  }

  render(t: Translator): TemplateResult | typeof nothing {
    if (!this.#open) return nothing;
    return this.#queue?.render(this.id) ?? renderLoading(t);
  }
}
