/**
 * Pure calendar logic of the reference server: recurrence expansion and iCalendar output, no I/O.
 * (event-store.ts reads the database and ics-response.ts answers HTTP; both are imported directly.)
 */
export { expandOccurrences, occursAt, type ExpandOptions, type Occurrence, type RecurringEvent } from './recurrence.ts';
export { InvalidRuleError, parseRule } from './rule.ts';
export {
  communityFeed,
  eventCalendar,
  invitationCalendar,
  type FeedOptions,
  type IcsEvent,
  type IcsOptions,
  type Invitation,
} from './ics.ts';
export { isValidTimeZone } from './zone.ts';
export { compareOccurrenceKeys, occurrencePage, type OccurrencePageOptions, type PagedOccurrence } from './occurrence-page.ts';
