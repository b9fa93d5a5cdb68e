/**
 * VTIMEZONE components (RFC 5545 §3.6.5) built from the platform's tz database through `Intl`, so the
 * definitions match the offsets the server used to expand recurrences.
 *
 * Each UTC-offset transition in the covered years becomes its own STANDARD or DAYLIGHT observance with an
 * explicit DTSTART: longer than an RRULE-based summary, but exact for zones whose rules changed (and every
 * client reads it). The last year's two transitions, when they follow a yearly rule ("last Sunday of
 * March at 02:00") that the tz database confirms for the years after, are written as RRULE observances
 * instead, so the definition holds indefinitely: an open-ended series stays right in 2040. A zone whose
 * changes follow no such rule keeps explicit transitions only (correct through the covered years).
 * Calendar clients that know the IANA name use their own definition anyway.
 */
import { CRLF, formatLocalDateTime, formatOffset, property } from './ics-text.ts';
import { fromFloating, offsetAt } from './zone.ts';

export interface Transition {
  /** First instant with the new offset. */
  at: Date;
  offsetFrom: number;
  offsetTo: number;
}

const WEEK_MS = 7 * 86_400_000;

/** The offset transitions of `zone` from January `fromYear` to the end of `toYear`, to the second. */
export function transitions(zone: string, fromYear: number, toYear: number): Transition[] {
  const found: Transition[] = [];
  const end = Date.UTC(toYear + 1, 0, 1);
  let time = Date.UTC(fromYear, 0, 1);
  let offset = offsetAt(new Date(time), zone);
  // Transitions are months apart in every zone in use, so a weekly scan sees each one; bisect to the second.
  while (time < end) {
    const next = Math.min(time + WEEK_MS, end);
    const nextOffset = offsetAt(new Date(next), zone);
    if (nextOffset !== offset) {
      let low = time;
      let high = next;
      while (high - low > 1000) {
        const middle = Math.floor((low + high) / 2000) * 1000;
        if (offsetAt(new Date(middle), zone) === offset) low = middle;
        else high = middle;
      }
      found.push({ at: new Date(high), offsetFrom: offset, offsetTo: nextOffset });
    }
    time = next;
    offset = nextOffset;
  }
  return found;
}

function abbreviation(instant: Date, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' }).formatToParts(instant);
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
}

function observance(kind: 'STANDARD' | 'DAYLIGHT', localStart: Date, from: number, to: number, name: string, rrule?: string): string {
  return [
    `BEGIN:${kind}`,
    // DTSTART of an observance is the local time in the offset before it (§3.6.5).
    property('DTSTART', formatLocalDateTime(fromFloating(localStart))),
    ...(rrule ? [property('RRULE', rrule)] : []),
    property('TZOFFSETFROM', formatOffset(from)),
    property('TZOFFSETTO', formatOffset(to)),
    ...(name ? [property('TZNAME', name)] : []),
    `END:${kind}`,
  ].join(CRLF);
}

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
/**
 * Years after the covered ones in which a yearly rule must match the tz database before it is trusted:
 * 28 is the Gregorian calendar's cycle of weekdays, so a rule like Israel's "Friday before the last Sunday"
 * cannot pass for "last Friday" by luck.
 */
const CONFIRM_YEARS = 28;

interface YearlyRule {
  month: number;
  /** 1..4 for the nth weekday of the month, -1 for the last. */
  week: number;
  weekday: number;
  /** Local time of day (in the offset before the change), in ms. */
  timeOfDay: number;
}

/** The local start (offset before) of a transition, as a floating date. */
const localStart = (change: Transition) => new Date(change.at.getTime() + change.offsetFrom);

function yearlyRuleOf(change: Transition): YearlyRule {
  const local = localStart(change);
  const day = local.getUTCDate();
  const daysInMonth = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 0)).getUTCDate();
  return {
    month: local.getUTCMonth() + 1,
    week: day > daysInMonth - 7 ? -1 : Math.ceil(day / 7),
    weekday: local.getUTCDay(),
    timeOfDay: local.getTime() - Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), day),
  };
}

/** The local start the rule gives in `year`, as a floating date. */
function ruleDate(rule: YearlyRule, year: number): Date {
  let day: number;
  if (rule.week === -1) {
    const last = new Date(Date.UTC(year, rule.month, 0));
    day = last.getUTCDate() - ((last.getUTCDay() - rule.weekday + 7) % 7);
  } else {
    const first = new Date(Date.UTC(year, rule.month - 1, 1)).getUTCDay();
    day = 1 + ((rule.weekday - first + 7) % 7) + 7 * (rule.week - 1);
  }
  return new Date(Date.UTC(year, rule.month - 1, day) + rule.timeOfDay);
}

const ruleText = (rule: YearlyRule) => `FREQ=YEARLY;BYMONTH=${rule.month};BYDAY=${rule.week}${WEEKDAYS[rule.weekday]}`;

/**
 * The yearly rules of the last covered year's two transitions, when the tz database follows them for
 * CONFIRM_YEARS more years (same offsets, same local date and time); otherwise null.
 */
function yearlyRules(zone: string, lastYear: Transition[], toYear: number): YearlyRule[] | null {
  if (lastYear.length !== 2) return null;
  const rules = lastYear.map(yearlyRuleOf);
  const later = transitions(zone, toYear + 1, toYear + CONFIRM_YEARS);
  if (later.length !== 2 * CONFIRM_YEARS) return null;
  const confirmed = later.every((change, index) => {
    const model = lastYear[index % 2];
    const rule = rules[index % 2];
    return (
      model !== undefined &&
      rule !== undefined &&
      change.offsetFrom === model.offsetFrom &&
      change.offsetTo === model.offsetTo &&
      localStart(change).getTime() === ruleDate(rule, change.at.getUTCFullYear()).getTime()
    );
  });
  return confirmed ? rules : null;
}

/** Built VTIMEZONEs: a pure function of the tz database, and confirming a rule scans 28 years. */
const built = new Map<string, string>();
const MAX_BUILT = 500;

/** A VTIMEZONE for `zone` covering `fromYear`..`toYear` (and later years when they follow a yearly rule), without a trailing CRLF. */
export function vtimezone(zone: string, fromYear: number, toYear: number): string {
  const key = `${zone} ${fromYear} ${toYear}`;
  const known = built.get(key);
  if (known !== undefined) return known;
  const text = buildVtimezone(zone, fromYear, toYear);
  if (built.size >= MAX_BUILT) built.clear();
  built.set(key, text);
  return text;
}

function buildVtimezone(zone: string, fromYear: number, toYear: number): string {
  const changes = transitions(zone, fromYear, toYear);
  const lastYear = changes.filter((change) => change.at.getUTCFullYear() === toYear);
  const rules = yearlyRules(zone, lastYear, toYear);
  const write = (change: Transition, rrule?: string) =>
    observance(
      change.offsetTo > change.offsetFrom ? 'DAYLIGHT' : 'STANDARD',
      localStart(change),
      change.offsetFrom,
      change.offsetTo,
      abbreviation(change.at, zone),
      rrule,
    );
  const explicit = rules ? changes.slice(0, changes.length - lastYear.length) : changes;
  const observances = explicit.map((change) => write(change));
  rules?.forEach((rule, index) => {
    const change = lastYear[index];
    if (change) observances.push(write(change, ruleText(rule)));
  });
  if (observances.length === 0) {
    // A zone without changes in range still needs one observance stating its offset.
    const start = new Date(Date.UTC(fromYear, 0, 1));
    const offset = offsetAt(start, zone);
    observances.push(observance('STANDARD', new Date(start.getTime() + offset), offset, offset, abbreviation(start, zone)));
  }
  return [`BEGIN:VTIMEZONE`, property('TZID', zone), ...observances, 'END:VTIMEZONE'].join(CRLF);
}
