/**
 * The body of the details dialog: when, where, who, the join link, attendance and RSVP, the downloads and
 * the event's discussion. Imported the first time an event is opened, like the directory's profile view:
 * readers who only scan the month never download it. The dialog's header is the calendar's own.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { intl } from '../../i18n/format-message.js';
import { safeUrl } from '../../validation/url.js';
import { googleCalendarUrl, outlookCalendarUrl } from './calendar-links.js';
import { discussionKey } from './discussion.js';
import type { EventOccurrence, RsvpStatus } from './types.js';

export { loadDiscussionElement } from './discussion.js';

export interface DetailsContext {
  t: { t(key: string, params?: Record<string, string | number>): string };
  locale: string;
  /** The grid's time format (`14:00`), for the organiser's time. */
  time: (instant: string, zone: string) => string;
  zone: string;
  now: Date;
  signedIn: boolean;
  saving: boolean;
  /** A translated RSVP failure, shown inline. */
  rsvpError: string | undefined;
  icsUrl: string;
  /** A translated failure of the signed-in download, shown by the link. */
  downloadError: string | undefined;
  /** The event's discussion: folded away, shown, or its code failed to load. */
  discussion: 'closed' | 'open' | 'failed';
  rsvp: (status: RsvpStatus) => void;
  toggleDiscussion: () => void;
  download: (event: MouseEvent) => void;
}

const RSVP_STATUSES: readonly RsvpStatus[] = ['going', 'maybe', 'not-going'];
/** The join link turns into a call to action this long before the start. */
const JOIN_LEAD_MS = 15 * 60_000;

function renderJoin(item: EventOccurrence, context: DetailsContext): TemplateResult | typeof nothing {
  // An organiser's text: only an http(s) link may become the button (never `javascript:` or `data:`).
  const href = safeUrl(item.joinUrl);
  if (!href || item.mode === 'in-person' || item.cancelled) return nothing;
  const now = context.now.getTime();
  const start = new Date(item.start).getTime();
  const live = now >= start - JOIN_LEAD_MS && now < new Date(item.end).getTime();
  const label = !live ? 'calendar.join' : now >= start ? 'calendar.joinNow' : 'calendar.joinSoon';
  return html`<p class="join"><a part="join-link" class="grove-button join-link ${live ? 'live' : ''}" href=${href}
    target="_blank" rel="noopener noreferrer">${context.t.t(label)}</a></p>`;
}

function renderAttendance(item: EventOccurrence, context: DetailsContext): TemplateResult {
  const { going, maybe, waitlisted } = item.attendance;
  const t = context.t;
  return html`<p part="attendance" class="attendance">
    ${t.t('calendar.attendance', { going, maybe })}${
      item.capacity !== null
        ? html` · ${t.t('calendar.capacity', { free: Math.max(0, item.capacity - going), capacity: item.capacity })}`
        : nothing
    }${waitlisted > 0 ? html` · ${t.t('calendar.waitlistCount', { count: waitlisted })}` : nothing}
  </p>`;
}

function renderRsvp(item: EventOccurrence, context: DetailsContext): TemplateResult | typeof nothing {
  const t = context.t;
  if (item.cancelled) return nothing;
  if (!context.signedIn) return html`<p class="hint">${t.t('calendar.rsvpSignIn')}</p>`;
  const answer = item.viewerRsvp;
  const status = context.saving
    ? t.t('calendar.rsvpSaving')
    : answer?.waitlisted && answer.position !== null
      ? t.t('calendar.waitlisted', { position: answer.position })
      : answer
        ? t.t(`calendar.youAre.${answer.status}`)
        : '';
  return html`<div part="rsvp" class="rsvp" role="group" aria-labelledby="rsvp-label">
      <span id="rsvp-label" class="rsvp-label">${t.t('calendar.rsvp')}</span>
      ${RSVP_STATUSES.map(
        (value) => html`<button type="button" part="rsvp-button" class="rsvp-button" data-rsvp=${value}
        aria-pressed=${answer?.status === value ? 'true' : 'false'} ?disabled=${context.saving}
        @click=${() => context.rsvp(value)}>${t.t(`calendar.rsvp.${value}`)}</button>`,
      )}
    </div>
    <p class="rsvp-status" role="status">${status}</p>
    ${context.rsvpError ? html`<p part="error" class="grove-error rsvp-error" role="alert">${context.rsvpError}</p>` : nothing}`;
}

/** The contents of the details dialog for one occurrence, below its header. */
export function renderDetails(item: EventOccurrence, context: DetailsContext): TemplateResult {
  const t = context.t;
  const showOrganiserTime = !item.allDay && zonesDiffer(item.timeZone, context.zone, item.start);
  return html`<p class="tags">
      <span part="tag" class="tag">${t.t(`calendar.kind.${item.kind}`)}</span>
      <span part="tag" class="tag mode-${item.mode}">${t.t(`calendar.mode.${item.mode}`)}</span>
      ${item.recurring ? html`<span part="tag" class="tag">${t.t('calendar.recurring')}</span>` : nothing}
      ${item.cancelled ? html`<span part="tag" class="tag cancelled-tag">${t.t('calendar.cancelled')}</span>` : nothing}
    </p>
    <p part="when" class="when">
      <time datetime=${item.start}>${formatWhen(context.locale, item, context.zone)}</time>
      ${item.allDay ? nothing : html`<span class="zone">(${zoneName(context.locale, context.zone, item.start)})</span>`}
    </p>
    ${
      showOrganiserTime
        ? html`<p class="organiser-time">${t.t('calendar.organiserTime', {
            time: context.time(item.start, item.timeZone),
            zone: zoneName(context.locale, item.timeZone, item.start),
          })}</p>`
        : nothing
    }
    ${renderJoin(item, context)}
    ${item.location ? html`<p class="location"><span class="label">${t.t('calendar.location')}:</span> ${item.location}</p>` : nothing}
    <p class="organiser">${t.t('calendar.organisedBy', { name: item.organiser.name })}</p>
    ${item.description ? html`<p class="description" dir="auto">${item.description}</p>` : nothing}
    ${renderAttendance(item, context)}
    ${renderRsvp(item, context)}
    <p><a part="download-link" href=${context.icsUrl} download="event-${item.id}.ics" @click=${context.download}>${t.t('calendar.download')}</a>${
      item.cancelled
        ? nothing
        : html` · <a part="add-link" href=${googleCalendarUrl(item)} target="_blank" rel="noopener noreferrer">${t.t('calendar.addToGoogle')}</a>
        · <a part="add-link" href=${outlookCalendarUrl(item)} target="_blank" rel="noopener noreferrer">${t.t('calendar.addToOutlook')}</a>`
    }</p>
    ${context.downloadError ? html`<p part="error" class="grove-error" role="alert">${context.downloadError}</p>` : nothing}
    ${renderDiscussion(item, context)}`;
}

/** A disclosure (WAI-ARIA pattern): the thread is fetched only when a member opens it. */
function renderDiscussion(item: EventOccurrence, context: DetailsContext): TemplateResult {
  const open = context.discussion !== 'closed';
  const panel =
    context.discussion === 'failed'
      ? html`<p part="error" class="grove-error" role="alert">${context.t.t('calendar.discussionFailed')}</p>`
      : html`<grove-discussion-thread page-key=${discussionKey(item.id)} community=${item.community} thread-title=${item.title}></grove-discussion-thread>`;
  return html`<section class="discussion">
    <h3 class="discussion-heading">
      <button type="button" part="discussion-button" class="discussion-button" aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${open ? 'discussion-panel' : nothing} @click=${context.toggleDiscussion}>${context.t.t('calendar.discussion')}</button>
    </h3>
    ${open ? html`<div id="discussion-panel" class="discussion-panel">${panel}</div>` : nothing}
  </section>`;
}

/**
 * "Tuesday 17 March 2026, 14:00 – 15:30", or a date range for all-day occurrences: calendar dates at UTC
 * midnight formatted in UTC, so no zone shifts them, and the exclusive end date shown as the last day.
 */
function formatWhen(locale: string, item: EventOccurrence, zone: string): string {
  if (item.allDay && item.startDate && item.endDate) {
    const lastDay = Date.parse(`${item.endDate}T00:00:00Z`) - 86_400_000;
    return intl(Intl.DateTimeFormat, locale, { dateStyle: 'full', timeZone: 'UTC' }).formatRange(
      new Date(`${item.startDate}T00:00:00Z`),
      lastDay,
    );
  }
  return intl(Intl.DateTimeFormat, locale, { dateStyle: 'full', timeStyle: 'short', timeZone: zone }).formatRange(
    new Date(item.start),
    new Date(item.end),
  );
}

/** The zone's name in the viewer's language, e.g. "Central European Time" (falls back to the IANA id). */
function zoneName(locale: string, zone: string, at: string): string {
  const parts = intl(Intl.DateTimeFormat, locale, { timeZone: zone, timeZoneName: 'longGeneric' }).formatToParts(new Date(at));
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? zone;
}

/** True when two zones show different wall-clock times at `at`. */
function zonesDiffer(a: string, b: string, at: string): boolean {
  const clock = (zone: string) =>
    intl(Intl.DateTimeFormat, 'en', { timeZone: zone, hour: 'numeric', minute: 'numeric', day: 'numeric', hourCycle: 'h23' }).format(
      new Date(at),
    );
  return clock(a) !== clock(b);
}
