/**
 * "Add to Google Calendar" and "Add to Outlook" links for one occurrence, beside the .ics download (which
 * Apple Calendar and every other client take). Both services add a copy: a later change reaches only the
 * .ics subscription and the mailed invitations. Google takes the series' RRULE; Outlook's compose link
 * has no recurrence, so it adds this occurrence.
 */
import type { EventOccurrence } from './types.js';

/** Links carry the description; very long ones are cut so the URL stays within what browsers accept. */
const MAX_DETAILS = 1500;

const compact = (iso: string): string => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

function details(item: EventOccurrence): string {
  const text = item.joinUrl ? `${item.description}\n\n${item.joinUrl}`.trim() : item.description;
  return text.length > MAX_DETAILS ? `${text.slice(0, MAX_DETAILS - 1)}…` : text;
}

const where = (item: EventOccurrence): string => item.location ?? (item.mode === 'online' ? (item.joinUrl ?? '') : '');

export function googleCalendarUrl(item: EventOccurrence): string {
  const url = new URL('https://calendar.google.com/calendar/render');
  const dates =
    item.allDay && item.startDate && item.endDate
      ? `${item.startDate.replace(/-/g, '')}/${item.endDate.replace(/-/g, '')}`
      : `${compact(item.start)}/${compact(item.end)}`;
  url.searchParams.set('action', 'TEMPLATE');
  url.searchParams.set('text', item.title);
  url.searchParams.set('dates', dates);
  url.searchParams.set('details', details(item));
  if (where(item)) url.searchParams.set('location', where(item));
  url.searchParams.set('ctz', item.timeZone);
  // The series from this occurrence on (Google reads RRULE in the organiser's zone given by ctz).
  if (item.rrule) url.searchParams.set('recur', `RRULE:${item.rrule}`);
  return url.href;
}

export function outlookCalendarUrl(item: EventOccurrence): string {
  const url = new URL('https://outlook.live.com/calendar/0/deeplink/compose');
  url.searchParams.set('path', '/calendar/action/compose');
  url.searchParams.set('rru', 'addevent');
  url.searchParams.set('subject', item.title);
  if (item.allDay && item.startDate && item.endDate) {
    url.searchParams.set('startdt', item.startDate);
    url.searchParams.set('enddt', item.endDate);
    url.searchParams.set('allday', 'true');
  } else {
    url.searchParams.set('startdt', item.start);
    url.searchParams.set('enddt', item.end);
  }
  url.searchParams.set('body', details(item));
  if (where(item)) url.searchParams.set('location', where(item));
  return url.href;
}
