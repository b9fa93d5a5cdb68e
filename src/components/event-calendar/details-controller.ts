import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { GroveClient } from '../../api/client.js';
import type { LocalizeController } from '../../controllers/localize-controller.js';
import { GroveRsvpEvent } from '../../events/grove-rsvp-event.js';
import { errorMessageKey, renderError, renderLoading } from '../../render/states.js';
import { answerRsvp, downloadIcs, icsUrl } from './api.js';
import { formatTime } from './format.js';
import type { CalendarMessages } from './messages/en.js';
import { occurrenceKey } from './render-views.js';
import type { EventOccurrence, RsvpStatus } from './types.js';

/** The dialog's body, its discussion loader and their formats load with the first event opened. */
const loadDetailsView = () => import('./render-details.js');
type DetailsView = Awaited<ReturnType<typeof loadDetailsView>>;

type Host = ReactiveControllerHost & HTMLElement;

export interface DetailsOptions {
  client: () => GroveClient | undefined;
  /** The element's localize controller: messages and the locale for dates. */
  t: LocalizeController<CalendarMessages>;
  /** The host's load lifecycle `fail`: reports with `grove-error` and returns the normalised error. */
  reportError: (error: unknown) => unknown;
  /** What a facilitator may do with the occurrence (the editor chunk's buttons), below its details. */
  actions?: (item: EventOccurrence) => unknown;
}

/**
 * The contents of the details dialog: which occurrence is open, the RSVP in flight and its outcome, the
 * download and the discussion disclosure. The element owns the `<dialog>` itself and its focus.
 */
export class EventDetailsController implements ReactiveController {
  readonly #host: Host;
  readonly #options: DetailsOptions;
  #selected: EventOccurrence | undefined;
  #opener: string | undefined;
  #saving = false;
  #rsvpError: string | undefined;
  #downloadError: string | undefined;
  #discussion: 'closed' | 'open' | 'failed' = 'closed';
  #view: DetailsView | undefined;
  /** The body's chunk could not be fetched (offline): shown with a retry in the dialog. */
  #viewError: unknown;
  /** Occurrences re-read after the viewer answered, by key, until the next load brings them anyway. */
  readonly #answered = new Map<string, EventOccurrence>();

  constructor(host: Host, options: DetailsOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    // Removed from the page: a modal must not reopen by itself if the calendar is put back.
    this.#selected = undefined;
  }

  /** The occurrence shown, if the dialog is open. */
  get selected(): EventOccurrence | undefined {
    return this.#selected;
  }

  /** The key of the event that opened the dialog, where focus returns when it closes. */
  get opener(): string | undefined {
    return this.#opener;
  }

  open(item: EventOccurrence, key: string | undefined): void {
    this.#opener = key;
    this.#selected = this.latest(item);
    this.#rsvpError = undefined;
    this.#downloadError = undefined;
    this.#discussion = 'closed';
    this.#host.requestUpdate();
    void this.#loadView();
  }

  async #loadView(): Promise<void> {
    if (this.#view) return;
    this.#viewError = undefined;
    try {
      this.#view = await loadDetailsView();
    } catch (error) {
      this.#viewError = this.#options.reportError(error);
    }
    this.#host.requestUpdate();
  }

  /** The dialog closed (button, Escape or the host). */
  closed(): void {
    this.#selected = undefined;
    this.#host.requestUpdate();
  }

  /** The occurrence as last read after the viewer answered it, else as loaded. */
  latest(item: EventOccurrence): EventOccurrence {
    return this.#answered.get(occurrenceKey(item)) ?? item;
  }

  /** Fresh occurrences arrived: they carry the viewer's answers, so the local copies go. */
  forgetAnswers(): void {
    this.#answered.clear();
  }

  render(zone: string, close: () => void): TemplateResult | typeof nothing {
    const client = this.#options.client();
    const item = this.#selected;
    if (!client || !item) return nothing;
    const t = this.#options.t;
    // The header is here, not in the lazy body: it names the dialog and takes focus the moment it opens.
    const header = html`<header class="dialog-header">
      <h2 id="dialog-title" tabindex="-1" dir="auto">${item.title}</h2>
      <button type="button" part="close-button" class="close" aria-label=${t.t('calendar.close')} @click=${close}>×</button>
    </header>`;
    const body = !this.#view
      ? this.#viewError
        ? renderError(t, this.#viewError, () => void this.#loadView())
        : renderLoading(t)
      : this.#view.renderDetails(item, {
          t,
          locale: t.locale,
          zone,
          now: new Date(),
          time: (instant, timeZone) => formatTime(t.locale, instant, timeZone),
          signedIn: client.isAuthenticated,
          saving: this.#saving,
          rsvpError: this.#rsvpError,
          icsUrl: icsUrl(client, item.id),
          downloadError: this.#downloadError,
          discussion: this.#discussion,
          rsvp: (status) => void this.#rsvp(status),
          download: this.#download,
          toggleDiscussion: this.#toggleDiscussion,
        });
    // One template for both states: the header (and the focus on its title) stays when the body arrives.
    return html`${header}${body}${this.#options.actions?.(item) ?? nothing}`;
  }

  async #rsvp(status: RsvpStatus): Promise<void> {
    const client = this.#options.client();
    const item = this.#selected;
    if (!client || !item || this.#saving) return;
    this.#saving = true;
    this.#rsvpError = undefined;
    this.#host.requestUpdate();
    try {
      const { answer, occurrence } = await answerRsvp(client, item, status);
      this.#selected = occurrence;
      this.#answered.set(occurrenceKey(item), occurrence);
      this.#host.dispatchEvent(new GroveRsvpEvent({ eventId: item.id, ...answer }));
    } catch (error) {
      this.#rsvpError = this.#options.t.t(errorMessageKey(error));
      this.#options.reportError(error);
    } finally {
      this.#saving = false;
      this.#host.requestUpdate();
    }
  }

  #download = (event: MouseEvent): void => {
    const client = this.#options.client();
    const item = this.#selected;
    // Anonymous viewers follow the plain link (public events only); members send their token.
    if (!client?.isAuthenticated || !item) return;
    event.preventDefault();
    this.#downloadError = undefined;
    downloadIcs(client, item.id).catch((error: unknown) => {
      this.#downloadError = this.#options.t.t(errorMessageKey(error));
      this.#host.requestUpdate();
      this.#options.reportError(error);
    });
  };

  #toggleDiscussion = (): void => {
    this.#discussion = this.#discussion === 'closed' ? 'open' : 'closed';
    this.#host.requestUpdate();
    if (this.#discussion === 'closed' || !this.#view) return;
    this.#view.loadDiscussionElement().catch((error: unknown) => {
      if (this.#discussion !== 'open') return;
      this.#discussion = 'failed';
      this.#host.requestUpdate();
      this.#options.reportError(error);
    });
  };
}
