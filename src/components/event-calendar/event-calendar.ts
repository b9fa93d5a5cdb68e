import { TaskStatus, initialState } from '@lit/task';
import { LitElement, html, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { GroveClient } from '../../api/client.js';
import { ConfigController } from '../../controllers/config-controller.js';
import { LoadController } from '../../controllers/load-controller.js';
import { LocalizeController } from '../../controllers/localize-controller.js';
import { GroveLoadEvent } from '../../events/grove-load-event.js';
import { GroveNavigateEvent } from '../../events/grove-navigate-event.js';
import { GroveSelectEvent } from '../../events/grove-select-event.js';
import { renderEmpty, renderError, renderLoading, renderUnusable } from '../../render/states.js';
import { hostStyles } from '../../styles/host.js';
import { invalidAttribute, keyword, splitList } from '../../validation/attributes.js';
import { facilitates, feedUrl, loadRange } from './api.js';
import { ATTRIBUTES, VIEWS } from './attributes.js';
import {
  type CalendarDate,
  addDays,
  addMonths,
  firstDayOfWeek,
  groupByDate,
  isCalendarDate,
  isTimeZone,
  viewerTimeZone,
  zonedDate,
} from './date-grid.js';
import { EventDetailsController } from './details-controller.js';
import type { EventEditor } from './event-editor.js';
import type { PrivateFeedPanel } from './private-feed.js';
import { styles } from './event-calendar.styles.js';
import { formatCalendarDate } from './format.js';
import { dateAfterKey, visibleDates } from './keyboard.js';
import en from './messages/en.js';
import { renderToolbar, webcalUrl } from './render-toolbar.js';
import { type ViewContext, occurrenceKey, renderAgenda, renderMonth, renderWeek } from './render-views.js';
import type { CalendarView, EventOccurrence } from './types.js';

const messages = {
  en,
  load: { fr: () => import('./messages/fr.js'), es: () => import('./messages/es.js'), ar: () => import('./messages/ar.js') },
};
/** Below this width the agenda replaces the grid unless `view` says otherwise. */
const NARROW_PX = 560;

/**
 * A community's webinars, workshops and meetings by month, week, day or as an agenda, in the viewer's time
 * zone, with details, RSVP and calendar downloads. Example: `<grove-event-calendar community="water">`.
 *
 * @tag grove-event-calendar
 * @csspart toolbar - Navigation and view buttons.
 * @csspart nav-button - Previous, today, next.
 * @csspart view-button - A view switch (aria-pressed).
 * @csspart title - The period shown.
 * @csspart subscribe-link - The webcal feed link.
 * @csspart grid - The month or week table.
 * @csspart day - One day cell.
 * @csspart event - One event button.
 * @csspart answer - The viewer's own answer on an event (going, maybe, waitlist place).
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
 * @csspart add-link - "Add to Google Calendar" / "Add to Outlook" beside it (not for a cancelled event).
 * @csspart new-event-button - "New event" (facilitators of `community`; the editor loads on sign-in).
 * @csspart editor-status - Announces what a facilitator's change did (created, saved, cancelled).
 * @csspart event-actions - Edit and Cancel in an event's details (facilitators).
 * @csspart edit-event-button - Edits the event (a series: every occurrence).
 * @csspart edit-occurrence-button - Edits one occurrence of a series on its own.
 * @csspart cancel-event-button - Cancels the event, after a confirmation.
 * @csspart cancel-occurrence-button - Cancels one occurrence of a series, after a confirmation.
 * @csspart confirm - The cancellation's confirmation.
 * @csspart confirm-button - Confirms the cancellation.
 * @csspart keep-button - Keeps the event.
 * @csspart editor - The event editor dialog.
 * @csspart form-message - The editor's outcome (refused fields, a conflict, a failure).
 * @csspart save-button - Saves the editor.
 * @csspart close-editor-button - Closes the editor without saving.
 * @csspart discussion-button - Opens the event's discussion (a `<grove-discussion-thread>` keyed `event:<id>`), loaded on demand.
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
  @property({ converter: keyword }) view = '';
  /** Community slug whose events are shown; all readable communities when empty. */
  @property({ converter: keyword }) community = '';
  /** IANA zone to show times in (e.g. `Africa/Nairobi`); the viewer's own zone by default. */
  @property({ attribute: 'time-zone' }) timeZone = '';
  /** The date to open on, `YYYY-MM-DD`; today by default. A link to `#calendar.date=YYYY-MM-DD` opens that day. */
  @property() date = '';
  /** Kinds of event to show, comma-separated (`webinar, workshop`); all by default. */
  @property() kinds = '';

  #chosenView: CalendarView | undefined;
  #focus: CalendarDate | undefined;
  #narrow = false;
  #moveFocus = false;
  // Observes a zero-height probe rather than the host: switching views changes the host's height, which
  // would notify again within the same frame (a "ResizeObserver loop" error); the probe only changes width.
  #resize = new ResizeObserver(([entry]) => this.#handleResize(entry?.contentRect.width ?? 0));
  #observing = false;

  #config = new ConfigController(this);
  #t = new LocalizeController(this, this.#config, messages);
  #load = new LoadController(this);
  #details = new EventDetailsController(this, {
    client: () => this.#config.client,
    t: this.#t,
    reportError: this.#load.fail,
    actions: (item) => this.#editor?.renderActions(item),
  });
  /** Facilitators' tools (./event-editor.ts): loaded once the signed-in viewer facilitates `community`. */
  #editor: EventEditor | undefined;
  /** The signed-in member's private subscription link (./private-feed.ts), loaded when first opened. */
  #privateFeed: PrivateFeedPanel | undefined;

  #togglePrivateFeed = (): void => {
    void import('./private-feed.js').then(({ PrivateFeedPanel }) => {
      this.#privateFeed ??= new PrivateFeedPanel(this);
      this.#privateFeed.toggle();
    });
  };
  /** The client and community the editor was checked for: a new token or community checks again. */
  #editorFor: unknown[] = [];
  #occurrences = this.#load.task({
    task: async ([client, community, first, last], { signal }) => {
      if (!client || invalidAttribute(this, ATTRIBUTES)) return initialState;
      const [items] = await Promise.all([loadRange(client, community, first, last, signal), this.#t.ready]);
      return items;
    },
    args: () => {
      const [first, last] = [this.#dates[0] ?? '', this.#dates.at(-1) ?? ''];
      return [this.#config.client, this.community.trim(), first, last] as const;
    },
    onComplete: (items) => {
      this.#details.forgetAnswers();
      this.dispatchEvent(new GroveLoadEvent(items));
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#followLink);
    // Moved in the page: disconnecting stopped the width observer, which the next update re-attaches.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#followLink);
    this.#resize.disconnect();
    this.#observing = false;
    // The open attribute would outlive the move and show an empty, non-modal box when put back (details and editor).
    for (const dialog of this.renderRoot.querySelectorAll('dialog')) dialog.close();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A host that sets `date` or `view` takes over from the user's own navigation.
    if (changed.has('date')) this.#focus = undefined;
    if (changed.has('view')) this.#chosenView = undefined;
    const linked = this.hasUpdated ? undefined : this.#linkedDate();
    if (linked) [this.#focus, this.#chosenView] = [linked, 'day'];
    // Measured before the first load so a phone's first request is already the agenda's (the observer
    // follows later resizes; it only reports on rendered frames, which background tabs do not have).
    if (!this.hasUpdated) this.#narrow = isNarrow(this.offsetWidth);
    const editorFor = [this.#config.client, this.community.trim()];
    if (editorFor.some((value, index) => value !== this.#editorFor[index])) {
      this.#editorFor = editorFor;
      this.#editor = undefined;
      void this.#loadEditor(editorFor);
    }
  }

  /**
   * `#calendar.date=2026-03-17` in the page's address (the key namespaced by the element's id when it has
   * one, as the directory's are) opens that day: a link from elsewhere on the site, such as an event in the
   * facilitators' action list (the badge's `event-url`), lands on the event's day.
   */
  #linkedDate(): CalendarDate | undefined {
    const prefix = `${this.id.replace(/[^\w-]/g, '') || 'calendar'}.date=`;
    const date = location.hash
      .slice(1)
      .split('&')
      .find((part) => part.startsWith(prefix))
      ?.slice(prefix.length);
    return date && isCalendarDate(date) ? date : undefined;
  }

  #followLink = (): void => {
    const date = this.#linkedDate();
    if (date) this.#navigate('day', date);
  };

  async #loadEditor(editorFor: unknown[]): Promise<void> {
    const [client, community] = editorFor as [GroveClient | undefined, string];
    if (!client?.isAuthenticated || !community || !(await facilitates(client, community).catch(() => false))) return;
    const { EventEditor } = await import('./event-editor.js');
    const editor = new EventEditor(this, this.#config, {
      client: () => client,
      community: () => community,
      zone: () => this.#zone,
      isTimeZone,
      root: () => this.renderRoot as ShadowRoot,
      calendar: this.#t,
      load: this.#load,
      changed: () => {
        // Forgotten before closing, or the next update would open the details again on the old occurrence.
        this.#details.closed();
        this.#closeDialog();
        void this.#occurrences.run();
      },
    });
    await editor.t.ready;
    if (this.#editorFor === editorFor) this.#editor = editor;
    this.requestUpdate();
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
    if (dialog && this.#details.selected && !dialog.open) {
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
    const own = this.view.trim() as CalendarView;
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
      this.#details.open(item, key);
    }
  };

  #handleDialogClose = (): void => {
    const opener = this.#details.opener ?? '';
    this.#details.closed();
    // Return focus to the event that opened the dialog, as the dialog pattern requires.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-key="${CSS.escape(opener)}"]`)?.focus());
  };

  #closeDialog = (): void => this.renderRoot.querySelector('dialog')?.close();

  /** The loaded occurrences, filtered by `kinds`, with the viewer's answers since the load. */
  get #items(): EventOccurrence[] {
    const items = this.#occurrences.value;
    if (!Array.isArray(items)) return [];
    const kinds = splitList(this.kinds);
    const shown = kinds.length ? items.filter((item) => kinds.includes(item.kind)) : items;
    return shown.map((item) => this.#details.latest(item));
  }

  override render() {
    const t = this.#t;
    const client = this.#config.client;
    const body = renderUnusable(t, invalidAttribute(this, ATTRIBUTES), client) ?? (client && this.#renderCalendar(client));
    return html`<div class="width-probe"></div>
      <section class="root" dir=${t.dir} lang=${t.language} aria-label=${t.t('calendar.label')}>${body}</section>`;
  }

  #renderCalendar(client: GroveClient) {
    const t = this.#t;
    const view = this.#currentView;
    const focus = this.#focusDate;
    const firstDay = firstDayOfWeek(t.locale);
    const dates = this.#dates;
    const step = view === 'week' ? 7 : view === 'day' ? 1 : 0;
    const shift = (sign: number) => this.#navigate(view, step ? addDays(focus, sign * step) : addMonths(focus, sign));
    const title =
      view === 'week'
        ? t.t('calendar.weekOf', { date: formatCalendarDate(t.locale, dates[0] ?? focus, { dateStyle: 'long' }) })
        : view === 'day'
          ? formatCalendarDate(t.locale, focus, { dateStyle: 'full' })
          : formatCalendarDate(t.locale, focus, { month: 'long', year: 'numeric' });
    const community = this.community.trim();
    const privateFeed = this.#privateFeed;
    return html`${renderToolbar({
      t,
      view,
      title,
      zone: this.#zone,
      feedUrl: community ? feedUrl(client, community) : '',
      privateFeed: community && client.isAuthenticated ? { open: !!privateFeed?.isOpen, toggle: this.#togglePrivateFeed } : undefined,
      previous: () => shift(-1),
      next: () => shift(1),
      today: () => this.#navigate(view, zonedDate(new Date(), this.#zone)),
      switchTo: (value) => this.#navigate(value, focus),
    })}
      ${privateFeed?.render(t, client, { feed: feedUrl(client, community), webcal: webcalUrl })}
      ${this.#editor?.renderToolbar()}
      ${this.#renderBody(view, focus, firstDay, dates)}
      <dialog part="dialog" class="details" aria-labelledby="dialog-title" @close=${this.#handleDialogClose}>
        ${this.#details.render(this.#zone, this.#closeDialog)}
      </dialog>
      ${this.#editor?.render()}`;
  }

  #renderBody(view: CalendarView, focus: CalendarDate, firstDay: ReturnType<typeof firstDayOfWeek>, dates: CalendarDate[]) {
    const t = this.#t;
    const { status, error } = this.#occurrences;
    if (status === TaskStatus.ERROR)
      return renderError(t, error, () => void this.#occurrences.run(), { name: 'community', value: this.community.trim() });
    if (!Array.isArray(this.#occurrences.value)) return renderLoading(t);
    const items = this.#items;
    const context: ViewContext = {
      t,
      locale: t.locale,
      zone: this.#zone,
      today: zonedDate(new Date(), this.#zone),
      focus,
      firstDay,
      days: groupByDate(items, this.#zone),
      maxPerCell: 3,
    };
    const busy = status === TaskStatus.PENDING ? 'true' : 'false';
    // The day is the agenda of one date: its events in order, every detail one click away.
    const content =
      view === 'agenda' || view === 'day'
        ? dates.some((date) => context.days.has(date))
          ? renderAgenda(context, dates)
          : renderEmpty(t, t.t(view === 'day' ? 'calendar.emptyDay' : 'calendar.empty'))
        : view === 'week'
          ? renderWeek(context)
          : renderMonth(context);
    return html`<div class="body" aria-busy=${busy} @keydown=${this.#handleKeydown} @click=${this.#handleGridClick}>${content}</div>`;
  }
}

const isNarrow = (width: number): boolean => width > 0 && width < NARROW_PX;

declare global {
  interface HTMLElementTagNameMap {
    'grove-event-calendar': GroveEventCalendar;
  }
}
