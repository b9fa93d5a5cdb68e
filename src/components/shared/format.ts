/**
 * The one formatting module for what several widgets show about people: initials, a member's local time,
 * country and language names, and a contact channel as a link (through the one URL rule). Pure functions of a locale (the widget's `t.locale`), built on the shared
 * `Intl` cache, so unit tests stay exact. Messages, numbers, dates and lists go through
 * `LocalizeController`; formats only one widget shows (the calendar's dates, the thread's relative
 * times) live beside it.
 */
import { cached, intl } from '../../i18n/format-message.js';
import { safeUrl } from '../../validation/url.js';

function firstGrapheme(word: string): string {
  const graphemes = cached('graphemes', () => new Intl.Segmenter(undefined, { granularity: 'grapheme' }));
  for (const { segment } of graphemes.segment(word)) return segment;
  return '';
}

/**
 * One or two letters for the avatar fallback: the first grapheme of the first and last words. Graphemes,
 * not code units, so "Émile" (decomposed), emoji and Devanagari clusters stay whole. Punctuation such as
 * brackets or a leading "@" is skipped.
 */
export function initials(name: string, locale?: string): string {
  const words = name
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+/u, ''))
    .filter(Boolean);
  const first = words[0];
  if (first === undefined) return '?';
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  return (firstGrapheme(first) + (last ? firstGrapheme(last) : '')).toLocaleUpperCase(locale);
}

/** The wall-clock time in a member's IANA zone, or undefined for a zone this browser does not know. */
export function localTime(timeZone: string, locale: string, now: Date = new Date()): string | undefined {
  try {
    return intl(Intl.DateTimeFormat, locale, { timeStyle: 'short', timeZone }).format(now);
  } catch {
    return undefined;
  }
}

function displayName(locale: string, type: 'region' | 'language', code: string): string {
  try {
    return intl(Intl.DisplayNames, locale, { type, fallback: 'code' }).of(code) ?? code;
  } catch {
    // Intl throws a RangeError on malformed codes; the raw code is still more useful than nothing.
    return code;
  }
}

/** "KE" -> "Kenya" (or "كينيا" in Arabic). */
export const countryName = (code: string, locale: string): string => displayName(locale, 'region', code);

/** "sw" -> "Swahili" (or "swahili" in French). */
export const languageName = (tag: string, locale: string): string => displayName(locale, 'language', tag);

/**
 * A link for a member's contact channel, or undefined to show it as text. Email and phone become mailto
 * and tel links when they look like one (tel keeps only digits and `+`); every other kind only when its
 * value is an absolute http(s) URL: a member-typed relative "website" means nothing on someone else's page.
 */
export function contactHref({ kind, value }: { kind: string; value: string }): string | undefined {
  if (kind === 'email') return /^[^\s@/?#:]+@[^\s@/?#:]+$/.test(value) ? safeUrl(`mailto:${value}`) : undefined;
  if (kind === 'phone') return /^\+?[\d\s().-]{4,}$/.test(value) ? `tel:${value.replace(/[^\d+]/g, '')}` : undefined;
  return /^https?:/i.test(value.trim()) ? safeUrl(value) : undefined;
}
