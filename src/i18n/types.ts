/**
 * Message catalogues. English is the source of truth, written `as const`; every other language is typed
 * against it with `CatalogueOf<typeof en>`, so a missing or misspelt key fails the type check.
 *
 * A message is a string with ICU-like placeholders: `{name}` and
 * `{count, plural, =0 {none} one {# member} other {# members}}` (`#` is the formatted count), chosen
 * with `Intl.PluralRules` for the active language (Arabic's zero/two/few/many included).
 */
export type Catalogue = Readonly<Record<string, string>>;

/** The shape a translation of `T` must have: the same keys, any string. */
export type CatalogueOf<T extends Catalogue> = { readonly [K in keyof T]: string };

/** Values a message may interpolate. Numbers are formatted for the language; dates as medium date. */
export type MessageParams = Readonly<Record<string, string | number | Date>>;

export const SUPPORTED_LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

/** Loads one translation; en is always bundled with the code as the fallback. */
export type CatalogueLoaders<T extends Catalogue> = Partial<
  Record<Exclude<SupportedLanguage, 'en'>, () => Promise<{ default: CatalogueOf<T> }>>
>;
