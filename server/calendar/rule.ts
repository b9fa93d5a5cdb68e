/**
 * Reading and checking the RRULE values stored with events (RFC 5545 §3.3.10, without the `RRULE:` prefix).
 *
 * UNTIL is taken apart here because its form must follow DTSTART's value type (DATE for all-day events,
 * a UTC DATE-TIME for zoned ones), and stored rules may carry any of the three forms. Everything else is
 * passed to the `rrule` package verbatim.
 */
import * as rruleModule from 'rrule';
import type { Options } from 'rrule';
import { type WallClock, toFloating, wallClockAt } from './zone.ts';

// rrule ships a CommonJS main with ESM typings: under Node the named exports sit on `default`.
const { RRule } = (rruleModule as unknown as { default?: typeof rruleModule }).default ?? rruleModule;
export { RRule };

export class InvalidRuleError extends Error {
  override readonly name = 'InvalidRuleError';
}

/** UNTIL as written: a date, a UTC instant, or (tolerated, though RFC 5545 forbids it with TZID) local. */
export type Until =
  { kind: 'date'; year: number; month: number; day: number } | { kind: 'utc'; instant: Date } | { kind: 'local'; clock: WallClock };

export interface ParsedRule {
  /** Rule parts other than UNTIL, upper-cased, in their original order. */
  parts: readonly (readonly [string, string])[];
  until: Until | undefined;
  /** Options for `new RRule()` without `dtstart` and `until`, which depend on the event's zone. */
  options: Partial<Options>;
}

const KNOWN_PARTS = new Set([
  'FREQ',
  'UNTIL',
  'COUNT',
  'INTERVAL',
  'BYSECOND',
  'BYMINUTE',
  'BYHOUR',
  'BYDAY',
  'BYMONTHDAY',
  'BYYEARDAY',
  'BYWEEKNO',
  'BYMONTH',
  'BYSETPOS',
  'WKST',
]);
/** Community events repeat at most daily; finer rules would only let a typo flood every calendar. */
const ALLOWED_FREQUENCIES = new Set(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);
/** Bounds the work of listing a rule's occurrences (ICS time zone ranges, validation). */
const MAX_COUNT = 1000;
const TIME_PARTS = ['BYHOUR', 'BYMINUTE', 'BYSECOND'];
/** rrule's parser accepts garbage silently, so every part's syntax is checked here first (§3.3.10). */
const WEEKDAY = '(?:MO|TU|WE|TH|FR|SA|SU)';
const INTEGER_LIST = /^[+-]?\d{1,3}(?:,[+-]?\d{1,3})*$/;
const PART_SYNTAX: Record<string, RegExp> = {
  FREQ: /^[A-Z]+$/,
  COUNT: /^\d{1,4}$/,
  INTERVAL: /^\d{1,4}$/,
  BYDAY: new RegExp(`^[+-]?\\d{0,2}${WEEKDAY}(?:,[+-]?\\d{0,2}${WEEKDAY})*$`),
  WKST: new RegExp(`^${WEEKDAY}$`),
};
const UNTIL_PATTERN = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/;

/** Parses and validates a stored rule; throws `InvalidRuleError` with a message fit for a problem detail. */
export function parseRule(text: string, allDay: boolean): ParsedRule {
  const parts: [string, string][] = [];
  let until: Until | undefined;
  const seen = new Set<string>();
  for (const chunk of text
    .trim()
    .replace(/^RRULE:/i, '')
    .split(';')) {
    const [rawKey, value, ...rest] = chunk.split('=');
    const key = rawKey?.trim().toUpperCase() ?? '';
    if (!value || rest.length > 0 || !KNOWN_PARTS.has(key)) throw new InvalidRuleError(`Unknown rule part "${chunk}"`);
    if (seen.has(key)) throw new InvalidRuleError(`Rule part ${key} appears twice`);
    seen.add(key);
    if (key === 'UNTIL') {
      until = parseUntil(value.trim());
      continue;
    }
    const normalised = value.trim().toUpperCase();
    if (!(PART_SYNTAX[key] ?? INTEGER_LIST).test(normalised)) throw new InvalidRuleError(`Invalid ${key} "${value}"`);
    parts.push([key, normalised]);
  }
  const frequency = parts.find(([key]) => key === 'FREQ')?.[1];
  if (!frequency || !ALLOWED_FREQUENCIES.has(frequency)) {
    throw new InvalidRuleError('FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY');
  }
  if (until && seen.has('COUNT')) throw new InvalidRuleError('UNTIL and COUNT cannot both be set');
  if (allDay && TIME_PARTS.some((key) => seen.has(key))) {
    throw new InvalidRuleError('An all-day event cannot repeat by hour, minute or second');
  }
  let options: Partial<Options>;
  try {
    options = RRule.parseString(parts.map(([key, value]) => `${key}=${value}`).join(';'));
  } catch (error) {
    throw new InvalidRuleError(`Invalid rule: ${(error as Error).message}`);
  }
  if (options.count !== undefined && options.count !== null && (options.count < 1 || options.count > MAX_COUNT)) {
    throw new InvalidRuleError(`COUNT must be between 1 and ${MAX_COUNT}`);
  }
  if (options.interval !== undefined && options.interval < 1) throw new InvalidRuleError('INTERVAL must be at least 1');
  return { parts, until, options };
}

function parseUntil(value: string): Until {
  const match = UNTIL_PATTERN.exec(value);
  if (!match) throw new InvalidRuleError(`UNTIL "${value}" is neither a DATE nor a DATE-TIME`);
  const [, year, month, day, hour, minute, second, utc] = match;
  const date = { year: Number(year), month: Number(month), day: Number(day) };
  if (hour === undefined) return { kind: 'date', ...date };
  const clock = { ...date, hour: Number(hour), minute: Number(minute), second: Number(second) };
  return utc ? { kind: 'utc', instant: toFloating(clock) } : { kind: 'local', clock };
}

/**
 * UNTIL as a floating wall-clock bound in the event's zone, inclusive. A DATE bound on a timed event
 * keeps every occurrence that starts on that local day.
 */
export function untilFloating(until: Until, zone: string, allDay: boolean): Date {
  const clock: WallClock =
    until.kind === 'utc'
      ? wallClockAt(until.instant, zone)
      : until.kind === 'local'
        ? until.clock
        : { year: until.year, month: until.month, day: until.day, hour: 23, minute: 59, second: 59 };
  return toFloating(allDay ? { ...clock, hour: 0, minute: 0, second: 0 } : clock);
}
