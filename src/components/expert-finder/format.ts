/** Small, locale-aware formatting for expert cards; pure, so unit tests stay exact. */

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The first grapheme (not code unit), so decomposed accents and clusters stay whole. */
function firstGrapheme(word: string): string {
  for (const { segment } of graphemes.segment(word)) return segment;
  return '';
}

/** One or two letters for the avatar: first letters of the first and last words. */
export function initials(name: string, locale: string): string {
  const words = name.split(/\s+/).map((word) => word.replace(/^[^\p{L}\p{N}]+/u, '')).filter(Boolean);
  const first = words[0];
  if (first === undefined) return '?';
  const last = words.length > 1 ? firstGrapheme(words[words.length - 1] ?? '') : '';
  return (firstGrapheme(first) + last).toLocaleUpperCase(locale);
}

/** The wall-clock time in an IANA zone, or undefined for a zone this browser does not know. */
export function localTime(timeZone: string, locale: string, now: Date): string | undefined {
  try {
    return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(now);
  } catch {
    return undefined;
  }
}

const languageNames = new Map<string, Intl.DisplayNames>();

/** "fr" -> "French" in the viewer's language; the tag itself when Intl does not know it. */
export function languageName(tag: string, locale: string): string {
  try {
    let names = languageNames.get(locale);
    if (!names) languageNames.set(locale, (names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' })));
    return names.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** A safe link for a contact channel: mailto, tel or an http(s) address; undefined for anything else. */
export function contactHref(kind: string, value: string): string | undefined {
  if (kind === 'email' && /^[^\s@]+@[^\s@]+$/.test(value)) return `mailto:${value}`;
  if (kind === 'phone' && /^\+?[\d\s().-]{4,}$/.test(value)) return `tel:${value.replace(/[^\d+]/g, '')}`;
  return /^https?:\/\//i.test(value) ? value : undefined;
}
