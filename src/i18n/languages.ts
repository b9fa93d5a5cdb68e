import { SUPPORTED_LANGUAGES, type SupportedLanguage } from './types.js';

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

/** The base language subtag, lower-cased: `fr-CA` -> `fr`. */
export function baseLanguage(tag: string): string {
  return tag.split(/[-_]/)[0]?.toLowerCase() ?? '';
}

/** The catalogue to use for a requested BCP 47 tag: its base language if we have it, else English. */
export function catalogueLanguage(tag: string): SupportedLanguage {
  const base = baseLanguage(tag);
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(base) ? (base as SupportedLanguage) : 'en';
}

/**
 * The locale for `Intl`: the requested tag when we translate its language (keeps `fr-CA` formats),
 * else English, so dates and numbers never come in a different language from the words around them.
 */
export function formattingLocale(tag: string): string {
  if (catalogueLanguage(tag) !== baseLanguage(tag)) return 'en';
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'en';
  } catch {
    return catalogueLanguage(tag);
  }
}

export function directionOf(tag: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(baseLanguage(tag)) ? 'rtl' : 'ltr';
}
