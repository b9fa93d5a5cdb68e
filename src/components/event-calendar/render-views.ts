import { html, nothing, type TemplateResult } from 'lit';
import { type CalendarDate, monthWeeks, sameMonth, weekDates, type Weekday } from './date-grid.js';
import { formatCalendarDate, formatTime } from './format.js';
import type { EventOccurrence } from './types.js';

/** What every view needs; built once per render by the element. */
export interface ViewContext {
  t: { t(key: string, params?: Record<string, string | number>): string };
  locale: string;
  zone: string;
  today: CalendarDate;
  focus: CalendarDate;
  firstDay: Weekday;
  days: ReadonlyMap<CalendarDate, readonly EventOccurrence[]>;
  /** Chips shown per month cell before "+N more" (keeps a busy month light to render). */
  maxPerCell: number;
}

/** The key that identifies one occurrence: event id and start instant. */
export const occurrenceKey = (item: EventOccurrence): string => `${item.id}@${item.start}`;

/** The viewer's own answer, so members see at a glance what they signed up for; not shown for "not going". */
function answerLabel(item: EventOccurrence, context: ViewContext): string | undefined {
  const answer = item.viewerRsvp;
  if (!answer || answer.status === 'not-going') return undefined;
  if (answer.waitlisted && answer.position !== null) return context.t.t('calendar.onWaitlist', { position: answer.position });
  return context.t.t(`calendar.rsvp.${answer.status}`);
}

function renderChip(item: EventOccurrence, context: ViewContext, focusable: boolean): TemplateResult {
  const time = item.allDay ? context.t.t('calendar.allDay') : formatTime(context.locale, item.start, context.zone);
  const answer = answerLabel(item, context);
  return html`<li>
    <button type="button" part="event" class="event kind-${item.kind} ${item.cancelled ? 'cancelled' : ''}" data-key=${occurrenceKey(item)} tabindex=${focusable ? 0 : -1}>
      <span class="time">${time}</span> <span class="title" dir="auto">${item.title}</span>${
        item.cancelled ? html` <span class="visually-hidden">(${context.t.t('calendar.cancelled')})</span>` : nothing
      }${answer ? html` <span part="answer" class="answer">${answer}</span>` : nothing}
    </button>
  </li>`;
}

/** One day of the month or week grid: the focusable gridcell of the roving tabindex. */
function renderCell(date: CalendarDate, context: ViewContext, limit: number, outside: boolean): TemplateResult {
  const items = context.days.get(date) ?? [];
  const isFocus = date === context.focus;
  const shown = items.slice(0, limit);
  const label = `${formatCalendarDate(context.locale, date, { dateStyle: 'full' })}, ${context.t.t('calendar.dayEvents', { count: items.length })}`;
  return html`<td role="gridcell" part="day" class="day ${outside ? 'outside' : ''}" data-date=${date} tabindex=${isFocus ? 0 : -1}
      aria-current=${date === context.today ? 'date' : nothing}>
    <span class="visually-hidden">${label}</span>
    <span class="day-number" aria-hidden="true">${formatCalendarDate(context.locale, date, { day: 'numeric' })}</span>
    ${shown.length ? html`<ul class="events">${shown.map((item) => renderChip(item, context, isFocus))}</ul>` : nothing}
    ${
      items.length > shown.length
        ? html`<button type="button" part="more-button" class="more" data-more=${date} tabindex=${isFocus ? 0 : -1}>+${items.length - shown.length}</button>`
        : nothing
    }
  </td>`;
}

function renderHead(dates: readonly CalendarDate[], context: ViewContext, withDate: boolean): TemplateResult {
  return html`<thead><tr>${dates.map(
    (date) => html`<th scope="col" abbr=${formatCalendarDate(context.locale, date, { weekday: 'long' })}>
    ${formatCalendarDate(context.locale, date, withDate ? { weekday: 'short', day: 'numeric' } : { weekday: 'short' })}
  </th>`,
  )}</tr></thead>`;
}

/** The month as a labelled table grid (WAI-ARIA grid pattern); keys are handled by the element. */
export function renderMonth(context: ViewContext): TemplateResult {
  const weeks = monthWeeks(context.focus, context.firstDay);
  return html`<table role="grid" part="grid" class="grid month" aria-labelledby="title">
    ${renderHead(weeks[0] ?? [], context, false)}
    <tbody>${weeks.map((week) => html`<tr>${week.map((date) => renderCell(date, context, context.maxPerCell, !sameMonth(date, context.focus)))}</tr>`)}</tbody>
  </table>`;
}

/** The week: the same grid with one row and every event listed. */
export function renderWeek(context: ViewContext): TemplateResult {
  const dates = weekDates(context.focus, context.firstDay);
  return html`<table role="grid" part="grid" class="grid week" aria-labelledby="title">
    ${renderHead(dates, context, true)}
    <tbody><tr>${dates.map((date) => renderCell(date, context, Number.POSITIVE_INFINITY, false))}</tr></tbody>
  </table>`;
}

/** The agenda: only the days that have events, as a list of headed lists. */
export function renderAgenda(context: ViewContext, dates: readonly CalendarDate[]): TemplateResult {
  const busy = dates.filter((date) => context.days.has(date));
  return html`<ol part="agenda" class="agenda" aria-labelledby="title">
    ${busy.map(
      (date) => html`<li class="agenda-day" aria-current=${date === context.today ? 'date' : nothing}>
      <h3 class="agenda-date">${formatCalendarDate(context.locale, date, { dateStyle: 'full' })}</h3>
      <ul class="events">${(context.days.get(date) ?? []).map((item) => renderChip(item, context, true))}</ul>
    </li>`,
    )}
  </ol>`;
}
