import { isCalendarDate, isTimeZone } from './date-grid.js';
import type { CalendarView, EventKind } from './types.js';

/**
 * Validation of what a site editor can paste. Values are trimmed and compared case-insensitively where
 * that is unambiguous (`view="Month"`); anything else wrong is named back in the widget.
 */
export interface CalendarAttributes {
  view: string;
  community: string;
  timeZone: string;
  date: string;
  kinds: string;
}

export const VIEWS: readonly CalendarView[] = ['month', 'week', 'agenda'];
export const KINDS: readonly EventKind[] = ['webinar', 'workshop', 'meeting', 'learning-event', 'other'];

/** `kinds="webinar, workshop"` or space-separated: the editor's list, lower-cased. */
export function parseKinds(value: string): string[] {
  return value.toLowerCase().split(/[\s,]+/).filter(Boolean);
}

const CHECKS: readonly [name: string, read: (element: CalendarAttributes) => string, valid: (value: string) => boolean][] = [
  ['view', (element) => element.view, (value) => (VIEWS as readonly string[]).includes(value.toLowerCase())],
  ['community', (element) => element.community, (value) => /^[a-z0-9][a-z0-9-]{0,62}$/i.test(value)],
  ['time-zone', (element) => element.timeZone, isTimeZone],
  ['date', (element) => element.date, isCalendarDate],
  ['kinds', (element) => element.kinds, (value) => parseKinds(value).every((kind) => (KINDS as readonly string[]).includes(kind))],
];

/** The first attribute with an invalid value, or undefined. Empty means "not set". */
export function invalidAttribute(element: CalendarAttributes): { name: string; value: string } | undefined {
  for (const [name, read, valid] of CHECKS) {
    const value = read(element).trim();
    if (value !== '' && !valid(value)) return { name, value };
  }
  return undefined;
}
