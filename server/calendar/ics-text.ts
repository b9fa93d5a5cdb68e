/**
 * The lexical layer of iCalendar (RFC 5545 §3.1-3.3): content lines, folding, escaping and value formats.
 */
import type { WallClock } from './zone.ts';

export const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;
const encoder = new TextEncoder();
// Control characters other than HTAB are not allowed in any value (§3.1, "CONTROL").
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000A-\u001F\u007F]/g;

/** Escapes a TEXT value (§3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n|\r/g, '\n')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n')
    .replace(CONTROL, '');
}

/** A parameter value (§3.2): quoted when it holds `:;,`; DQUOTE cannot be represented and is dropped. */
export function paramValue(value: string): string {
  const clean = value.replace(/"/g, '').replace(CONTROL, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/** A URI value: not escaped (§3.3.13), but control characters would break the line and are removed. */
export function uriValue(value: string): string {
  return value.replace(CONTROL, '');
}

/**
 * Folds a content line at 75 octets (§3.1): continuation lines begin with one space, which counts towards
 * their 75. Folding happens between code points so multi-byte UTF-8 (Arabic, accents) is never split.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > MAX_LINE_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

/** One property line, e.g. `property('DTSTART', '20260101T090000', { TZID: 'Europe/Paris' })`. */
export function property(name: string, value: string, params: Record<string, string | undefined> = {}): string {
  const paramText = Object.entries(params)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, param]) => `;${key}=${paramValue(param)}`)
    .join('');
  return foldLine(`${name}${paramText}:${value}`);
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** DATE (§3.3.4): `20261122`. */
export function formatDate(clock: Pick<WallClock, 'year' | 'month' | 'day'>): string {
  return `${pad(clock.year, 4)}${pad(clock.month)}${pad(clock.day)}`;
}

/** Local DATE-TIME (§3.3.5 form 1 or 3, with TZID): `20261122T140000`. */
export function formatLocalDateTime(clock: WallClock): string {
  return `${formatDate(clock)}T${pad(clock.hour)}${pad(clock.minute)}${pad(clock.second)}`;
}

/** UTC DATE-TIME (§3.3.5 form 2): `20261122T130000Z`. */
export function formatUtcDateTime(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** UTC-OFFSET (§3.3.14) from milliseconds: `+0100`, `-0330`, `+053328` when seconds are needed. */
export function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const total = Math.round(Math.abs(offsetMs) / 1000);
  const seconds = total % 60;
  const text = `${sign}${pad(Math.floor(total / 3600))}${pad(Math.floor(total / 60) % 60)}`;
  return seconds ? `${text}${pad(seconds)}` : text;
}
