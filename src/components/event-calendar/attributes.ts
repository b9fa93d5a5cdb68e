import { listOf, oneOf, pattern, slug } from '../../validation/attributes.js';
import { isCalendarDate, isTimeZone } from './date-grid.js';
import type { CalendarView, EventKind } from './types.js';

export const VIEWS: readonly CalendarView[] = ['month', 'week', 'day', 'agenda'];
export const KINDS: readonly EventKind[] = ['webinar', 'workshop', 'meeting', 'learning-event', 'other'];

/** What a site editor can paste, checked in this order. */
export const ATTRIBUTES = {
  view: oneOf(VIEWS),
  community: slug('water'),
  'time-zone': pattern(isTimeZone, 'Africa/Nairobi'),
  date: pattern(isCalendarDate, '2026-03-17'),
  kinds: listOf(KINDS),
};
