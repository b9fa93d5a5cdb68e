import { SUPPORTED_LANGUAGES, type SupportedLanguage } from './types.js';

/** The base language subtag, lower-cased: `fr-CA` -> `fr`. */
const baseLanguage = (tag: string): string => (tag.split(/[-_]/)[0] ?? '').toLowerCase();

/** The catalogue to use for a requested BCP 47 tag: its base language if we have it, else English. */
export function catalogueLanguage(tag: string): SupportedLanguage {
  const base = baseLanguage(tag) as SupportedLanguage;
  return SUPPORTED_LANGUAGES.includes(base) ? base : 'en';
}

/**
 * The locale for `Intl`: the requested tag when we translate its language (keeps `fr-CA` formats),
 * else English, so dates and numbers never come in a different language from the words around them.
 */
export function formattingLocale(tag: string): string {
  const language = catalogueLanguage(tag);
  try {
    if (language === baseLanguage(tag)) return Intl.getCanonicalLocales(tag)[0] ?? language;
  } catch {
    // A malformed tag (`fr_CA`): the catalogue language still formats correctly.
  }
  return language;
}

/** Text direction of a catalogue language: of the languages we translate, only Arabic is right-to-left. */
export function directionOf(language: SupportedLanguage): 'ltr' | 'rtl' {
  return language === 'ar' ? 'rtl' : 'ltr';
}
