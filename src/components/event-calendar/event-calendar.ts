import { Task, TaskStatus, initialState } from '@lit/task';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { GroveClient } from '../../api/client.js';
import { GroveApiError, isAbortError } from '../../api/problem.js';
import { ConfigController } from '../../controllers/config-controller.js';
import { LocalizeController } from '../../controllers/localize-controller.js';
import { GroveErrorEvent } from '../../events/grove-error-event.js';
import { GroveLoadEvent } from '../../events/grove-load-event.js';
import { GroveNavigateEvent } from '../../events/grove-navigate-event.js';
import { GroveRsvpEvent } from '../../events/grove-rsvp-event.js';
import { GroveSelectEvent } from '../../events/grove-select-event.js';
import { errorMessageKey, renderEmpty, renderError, renderInvalidAttribute, renderLoading, renderNotConfigured } from '../../render/states.js';
import { hostStyles } from '../../styles/host.js';
import { VIEWS, invalidAttribute, parseKinds } from './attributes.js';
import { type CalendarDate, addDays, addMonths, firstDayOfWeek, groupByDate, isCalendarDate, isTimeZone, requestRange, viewerTimeZone, zonedDate } from './date-grid.js';
import { styles } from './event-calendar.styles.js';
import { formatCalendarDate } from './format.js';
import { dateAfterKey, visibleDates } from './keyboard.js';
import en from './messages/en.js';
import { renderDetails } from './render-details.js';
import { type ViewContext, occurrenceKey, renderAgenda, renderMonth, renderWeek } from './render-views.js';
import type { CalendarView, EventOccurrence, OccurrencePage, RsvpStatus } from './types.js';

const messages = {
  en,
  load: { fr: () => import('./messages/fr.js'), es: () => import('./messages/es.js'), ar: () => import('./messages/ar.js') },
};
/** Below this width the agenda replaces the grid unless `view` says otherwise. */
const NARROW_PX = 560;
/** Pages of 100 occurrences fetched at most for one range (a month of a very busy network). */
const MAX_PAGES = 10;

/**
 * A community's webinars, workshops and meetings by month, week or as an agenda, in the viewer's time
 * zone, with details, RSVP and calendar downloads. Example: `<grove-event-calendar community="water">`.
 *
 * @tag grove-event-calendar
 * @slot discussion - Shown in the details dialog when `<grove-discussion-thread>` is not on the page, e.g. a link to the event's discussion.
 * @csspart toolbar - Navigation and view buttons.
 * @csspart nav-button - Previous, today, next.
 * @csspart view-button - A view switch (aria-pressed).
 * @csspart title - The period shown.
 * @csspart subscribe-link - The webcal feed link.
 * @csspart grid - The month or week table.
 * @csspart day - One day cell.
 * @csspart event - One event button.
 * @csspart more-button - "+N" in a full day.
 * @csspart agenda - The agenda list.
 * @csspart dialog - The details dialog.
 * @csspart close-button - Closes it.
 * @csspart tag - Kind and mode labels.
 * @csspart when - Date and time.
 * @csspart join-link - The online join link.
 * @csspart attendance - Counts and capacity.
 * @csspart rsvp - The RSVP group.
 * @csspart rsvp-button - One answer (aria-pressed).
 * @csspart download-link - The .ics download.
 * @csspart status - Loading and empty states.
 * @csspart error - Errors.
 * @csspart retry-button - Retries.
 * @cssprop [--grove-event-calendar-cell-height=6.5rem] - Minimum height of a month day.
 * @cssprop [--grove-event-calendar-event-color=var(--grove-color-accent)] - Event marker colour.
 * @fires {GroveSelectEvent} grove-select - The user opened an event; `detail.item` is the EventOccurrence. Cancel it to keep the dialog closed.
 * @fires {GroveRsvpEvent} grove-rsvp - The server accepted an RSVP; `detail` has eventId, occurrence, status, waitlisted and position.
 * @fires {GroveNavigateEvent} grove-navigate - The user changed period or view; `detail` has view, date, first and last.
 * @fires {GroveLoadEvent} grove-load - Events for the period arrived; `detail.data` is the list of occurrences.
 * @fires {GroveErrorEvent} grove-error - Loading or an RSVP failed; the widget shows a translated message.
 */
export class GroveEventCalendar extends LitElement {
  static override styles = [hostStyles, styles];

  /** `month`, `week` or `agenda`; by default agenda on narrow widths and month otherwise. */
  @property() view = '';
  /** Community slug whose events are shown; all readable communities when empty. */
  @property() community = '';
  /** IANA zone to show times in (e.g. `Africa/Nairobi`); the viewer's own zone by default. */
  @property({ attribute: 'time-zone' }) timeZone = '';
  /** The date to open on, `YYYY-MM-DD`; today by default. */
  @property() date = '';
  /** Kinds of event to show, comma-separated (`webinar, workshop`); all by default. */
  @property() kinds = '';

  #chosenView: CalendarView | undefined;
  #focus: CalendarDate | undefined;
  #narrow = false;
  #selected: EventOccurrence | undefined;
  #opener: string | undefined;
  #moveFocus = false;
  #saving = false;
  #rsvpError: string | undefined;
  // Observes a zero-height probe rather than the host: switching views changes the host's height, which
  // would notify again within the same frame (a "ResizeObserver loop" error); the probe only changes width.
  #resize = new ResizeObserver(([entry]) => this.#handleResize(entry?.contentRect.width ?? 0));
  #observing = false;

  #config = new ConfigController(this);
  #t = new LocalizeController(this, this.#config, messages);
  #occurrences = new Task(this, {
    task: async ([client, community, first, last], { signal }) => {
      if (!client || invalidAttribute(this)) return initialState;
      const [items] = await Promise.all([loadRange(client, community, first, last, signal), this.#t.ready]);
      return items;
    },
    args: () => {
      const [first, last] = [this.#dates[0] ?? '', this.#dates.at(-1) ?? ''];
      return [this.#config.client, this.community.trim().toLowerCase(), first, last] as const;
    },
    onComplete: (items) => this.dispatchEvent(new GroveLoadEvent(items)),
    onError: (error) => this.#reportError(error),
  });

  override connectedCallback(): void {
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
    this.#observing = false;
    this.#occurrences.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A host that sets `date` or `view` takes over from the user's own navigation.
    if (changed.has('date')) this.#focus = undefined;
    if (changed.has('view')) this.#chosenView = undefined;
    // Measured before the first load so a phone's first request is already the agenda's (the observer
    // follows later resizes; it only reports on rendered frames, which background tabs do not have).
    if (!this.hasUpdated) this.#narrow = isNarrow(this.offsetWidth);
  }

  protected override updated(): void {
    const probe = this.renderRoot.querySelector('.width-probe');
    if (probe && !this.#observing) {
      this.#resize.observe(probe);
      this.#observing = true;
    }
    if (this.#moveFocus) {
      this.#moveFocus = false;
      this.renderRoot.querySelector<HTMLElement>('[role="gridcell"][tabindex="0"]')?.focus();
    }
    const dialog = this.renderRoot.querySelector('dialog');
    if (dialog && this.#selected && !dialog.open) {
      dialog.showModal();
      // The title first, so screen readers start at the top rather than on the close button.
      dialog.querySelector<HTMLElement>('#dialog-title')?.focus();
    }
  }

  get #zone(): string {
    const own = this.timeZone.trim();
    // An invalid zone is reported by `invalidAttribute`; until then nothing may throw on it.
    return own && isTimeZone(own) ? own : viewerTimeZone();
  }

  get #currentView(): CalendarView {
    const own = this.view.trim().toLowerCase() as CalendarView;
    return this.#chosenView ?? ((VIEWS as readonly string[]).includes(own) ? own : this.#narrow ? 'agenda' : 'month');
  }

  get #focusDate(): CalendarDate {
    const own = this.date.trim();
    return this.#focus ?? (isCalendarDate(own) ? own : zonedDate(new Date(), this.#zone));
  }

  get #dates(): CalendarDate[] {
    return visibleDates(this.#currentView, this.#focusDate, firstDayOfWeek(this.#t.locale));
  }

  #handleResize(width: number): void {
    const narrow = isNarrow(width);
    if (narrow !== this.#narrow) {
      this.#narrow = narrow;
      this.requestUpdate();
    }
  }

  #navigate(view: CalendarView, date: CalendarDate, moveFocus = false): void {
    this.#chosenView = view;
    this.#focus = date;
    this.#moveFocus = moveFocus;
    this.requestUpdate();
    const dates = visibleDates(view, date, firstDayOfWeek(this.#t.locale));
    this.dispatchEvent(new GroveNavigateEvent({ view, date, first: dates[0] ?? date, last: dates.at(-1) ?? date }));
  }

  #handleKeydown = (event: KeyboardEvent): void => {
    const cell = (event.target as Element).closest<HTMLElement>('[role="gridcell"]');
    if (!cell || event.target !== cell) return;
    const rtl = this.#t.dir === 'rtl';
    const next = dateAfterKey(event.key, event.shiftKey, this.#focusDate, firstDayOfWeek(this.#t.locale), rtl);
    if (next) {
      event.preventDefault();
      this.#navigate(this.#currentView, next, true);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      cell.querySelector<HTMLElement>('button')?.focus();
    }
  };

  #handleGridClick = (event: Event): void => {
    const target = event.target as Element;
    const more = target.closest<HTMLElement>('[data-more]')?.dataset.more;
    const key = target.closest<HTMLElement>('[data-key]')?.dataset.key;
    const item = this.#items.find((candidate) => occurrenceKey(candidate) === key);
    const cell = target.closest<HTMLElement>('[data-date]')?.dataset.date;
    if (more) {
      this.#navigate('week', more, true);
    } else if (!item) {
      if (cell && cell !== this.#focusDate) this.#navigate(this.#currentView, cell, true);
    } else if (this.dispatchEvent(new GroveSelectEvent(item))) {
      this.#open(item, key);
    }
  };

  #open(item: EventOccurrence, key: string | undefined): void {
    this.#opener = key;
    this.#selected = item;
    this.#rsvpError = undefined;
    this.requestUpdate();
  }

  #handleDialogClose = (): void => {
    this.#selected = undefined;
    this.requestUpdate();
    // Return focus to the event that opened the dialog, as the dialog pattern requires.
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`[data-key="${CSS.escape(this.#opener ?? '')}"]`)?.focus(),
    );
  };

  #closeDialog = (): void => this.renderRoot.querySelector('dialog')?.close();

  #rsvp = async (status: RsvpStatus): Promise<void> => {
    const client = this.#config.client;
    const item = this.#selected;
    if (!client || !item || this.#saving) return;
    this.#saving = true;
    this.#rsvpError = undefined;
    this.requestUpdate();
    try {
      const answer = await client.send<{ occurrence: string; status: RsvpStatus; waitlisted: boolean; position: number | null }>(
        'POST', `/v1/events/${encodeURIComponent(item.id)}/rsvp`, { body: { status, occurrence: item.start } });
      // The server recounts attendance; take its view of this occurrence rather than guessing.
      const fresh = await client.get<EventOccurrence>(`/v1/events/${encodeURIComponent(item.id)}`, { query: { occurrence: item.start } })
        .catch(() => ({ ...item, viewerRsvp: answer }));
      this.#selected = { ...fresh, viewerRsvp: answer };
      this.dispatchEvent(new GroveRsvpEvent({ eventId: item.id, ...answer }));
    } catch (error) {
      this.#rsvpError = this.#t.t(errorMessageKey(error));
      this.#reportError(error);
    } finally {
      this.#saving = false;
      this.requestUpdate();
    }
  };

  #reportError(error: unknown): void {
    if (isAbortError(error)) return;
    this.dispatchEvent(new GroveErrorEvent(error instanceof GroveApiError ? error : new GroveApiError('unknown', 0, {}, { cause: error })));
  }

  /** The loaded occurrences, filtered by `kinds`. */
  get #items(): EventOccurrence[] {
    const items = this.#occurrences.value;
    if (!Array.isArray(items)) return [];
    const kinds = parseKinds(this.kinds);
    return kinds.length ? items.filter((item) => kinds.includes(item.kind)) : items;
  }

  override render() {
    const t = this.#t;
    const invalid = invalidAttribute(this);
    const body = !this.#config.client
      ? renderNotConfigured(t)
      : invalid
        ? renderInvalidAttribute(t, invalid.name, invalid.value)
        : this.#renderCalendar(this.#config.client);
    return html`<div class="width-probe"></div>
      <section class="root" dir=${t.dir} lang=${t.language} aria-label=${t.t('calendar.label')}>${body}</section>`;
  }

  #renderCalendar(client: GroveClient) {
    const t = this.#t;
    const view = this.#currentView;
    const focus = this.#focusDate;
    const firstDay = firstDayOfWeek(t.locale);
    const dates = this.#dates;
    const step = view === 'week' ? 7 : 0;
    const shift = (sign: number) => this.#navigate(view, step ? addDays(focus, sign * step) : addMonths(focus, sign));
    const title = view === 'week'
      ? t.t('calendar.weekOf', { date: formatCalendarDate(t.locale, dates[0] ?? focus, { dateStyle: 'long' }) })
      : formatCalendarDate(t.locale, focus, { month: 'long', year: 'numeric' });
    const feed = this.community.trim() ? client.url(`/v1/communities/${encodeURIComponent(this.community.trim().toLowerCase())}/events.ics`) : '';
    return html`<div part="toolbar" class="toolbar">
        <div class="nav">
          <button type="button" part="nav-button" class="nav-button" @click=${() => shift(-1)}>${t.t('calendar.previous')}</button>
          <button type="button" part="nav-button" class="nav-button" @click=${() => this.#navigate(view, zonedDate(new Date(), this.#zone))}>${t.t('calendar.today')}</button>
          <button type="button" part="nav-button" class="nav-button" @click=${() => shift(1)}>${t.t('calendar.next')}</button>
        </div>
        <h2 id="title" part="title" class="title" aria-live="polite">${title}</h2>
        <div class="views" role="group" aria-label=${t.t('calendar.views')}>
          ${VIEWS.map((value) => html`<button type="button" part="view-button" class="view-button" aria-pressed=${value === view ? 'true' : 'false'}
            @click=${() => this.#navigate(value, focus)}>${t.t(`calendar.view.${value}`)}</button>`)}
        </div>
      </div>
      <p class="meta">${t.t('calendar.shownIn', { zone: this.#zone })}${feed
        ? html` · <a part="subscribe-link" href=${feed.replace(/^https?:/, 'webcal:')}>${t.t('calendar.subscribe')}</a>` : nothing}</p>
      ${this.#renderBody(view, focus, firstDay, dates)}
      <dialog part="dialog" class="details" aria-labelledby="dialog-title" @close=${this.#handleDialogClose}>
        ${this.#selected ? renderDetails(this.#selected, {
          t, locale: t.locale, zone: this.#zone, now: new Date(), signedIn: client.isAuthenticated, saving: this.#saving,
          rsvpError: this.#rsvpError, icsUrl: client.url(`/v1/events/${encodeURIComponent(this.#selected.id)}.ics`),
          hasThreadElement: customElements.get('grove-discussion-thread') !== undefined,
          close: this.#closeDialog, rsvp: (status) => void this.#rsvp(status),
        }) : nothing}
      </dialog>`;
  }

  #renderBody(view: CalendarView, focus: CalendarDate, firstDay: ReturnType<typeof firstDayOfWeek>, dates: CalendarDate[]) {
    const t = this.#t;
    const { status, error } = this.#occurrences;
    if (status === TaskStatus.ERROR && !isAbortError(error)) return renderError(t, error, () => void this.#occurrences.run());
    if (!Array.isArray(this.#occurrences.value)) return renderLoading(t);
    const items = this.#items;
    const context: ViewContext = {
      t, locale: t.locale, zone: this.#zone, today: zonedDate(new Date(), this.#zone), focus, firstDay,
      days: groupByDate(items, this.#zone), maxPerCell: 3,
    };
    const busy = status === TaskStatus.PENDING ? 'true' : 'false';
    const content = view === 'agenda'
      ? items.length ? renderAgenda(context, dates) : renderEmpty(t, t.t('calendar.empty'))
      : view === 'week' ? renderWeek(context) : renderMonth(context);
    return html`<div class="body" aria-busy=${busy} @keydown=${this.#handleKeydown} @click=${this.#handleGridClick}>${content}</div>`;
  }
}

const isNarrow = (width: number): boolean => width > 0 && width < NARROW_PX;

/** Every occurrence in the dates' range, following `next` cursors. */
async function loadRange(client: GroveClient, community: string, first: string, last: string, signal: AbortSignal): Promise<EventOccurrence[]> {
  const range = requestRange(first, last);
  const items: EventOccurrence[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await client.get<OccurrencePage>('/v1/events', {
      query: { community: community || undefined, from: range.from, to: range.to, limit: 100, cursor }, signal,
    });
    items.push(...result.items);
    if (!result.next) break;
    cursor = result.next;
  }
  return items;
}
