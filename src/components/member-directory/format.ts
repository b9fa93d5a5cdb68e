/** Pure, locale-aware formatting for member cards and profiles. No DOM, so unit tests stay exact. */

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function firstGrapheme(word: string): string {
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

/** The wall-clock time in a member's IANA zone, or undefined for an unknown zone. */
export function localTime(timeZone: string, locale: string, now: Date = new Date()): string | undefined {
  try {
    return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(now);
  } catch {
    return undefined;
  }
}

const displayNameCache = new Map<string, Intl.DisplayNames>();

function displayName(locale: string, type: 'region' | 'language', code: string): string {
  const key = `${locale}|${type}`;
  let names = displayNameCache.get(key);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type, fallback: 'code' });
    displayNameCache.set(key, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    // Intl throws a RangeError on malformed codes; the raw code is still more useful than nothing.
    return code;
  }
}

/** "KE" -> "Kenya" (or "كينيا" in Arabic). */
export const countryName = (code: string, locale: string): string => displayName(locale, 'region', code);

/** "sw" -> "Swahili" (or "swahili" in French). */
export const languageName = (tag: string, locale: string): string => displayName(locale, 'language', tag);
