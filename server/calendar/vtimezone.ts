/**
 * VTIMEZONE components (RFC 5545 §3.6.5) built from the platform's tz database through `Intl`, so the
 * definitions match the offsets the server used to expand recurrences.
 *
 * Each UTC-offset transition in the covered years becomes its own STANDARD or DAYLIGHT observance with an
 * explicit DTSTART: longer than an RRULE-based summary, but exact for zones whose rules changed (and every
 * client reads it). Calendar clients that know the IANA name use their own definition anyway.
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

function observance(kind: 'STANDARD' | 'DAYLIGHT', localStart: Date, from: number, to: number, name: string): string {
  return [
    `BEGIN:${kind}`,
    // DTSTART of an observance is the local time in the offset before it (§3.6.5).
    property('DTSTART', formatLocalDateTime(fromFloating(localStart))),
    property('TZOFFSETFROM', formatOffset(from)),
    property('TZOFFSETTO', formatOffset(to)),
    ...(name ? [property('TZNAME', name)] : []),
    `END:${kind}`,
  ].join(CRLF);
}

/** A VTIMEZONE for `zone` covering `fromYear`..`toYear`, without a trailing CRLF. */
export function vtimezone(zone: string, fromYear: number, toYear: number): string {
  const changes = transitions(zone, fromYear, toYear);
  const observances = changes.map((change) =>
    observance(
      change.offsetTo > change.offsetFrom ? 'DAYLIGHT' : 'STANDARD',
      new Date(change.at.getTime() + change.offsetFrom),
      change.offsetFrom,
      change.offsetTo,
      abbreviation(change.at, zone),
    ),
  );
  if (observances.length === 0) {
    // A zone without changes in range still needs one observance stating its offset.
    const start = new Date(Date.UTC(fromYear, 0, 1));
    const offset = offsetAt(start, zone);
    observances.push(observance('STANDARD', new Date(start.getTime() + offset), offset, offset, abbreviation(start, zone)));
  }
  return [`BEGIN:VTIMEZONE`, property('TZID', zone), ...observances, 'END:VTIMEZONE'].join(CRLF);
}
