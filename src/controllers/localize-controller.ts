import type { ReactiveController, ReactiveControllerHost } from 'lit';
import coreEn, { type CoreMessages } from '../i18n/core/en.js';
import { formatMessage, intl } from '../i18n/format-message.js';
import { catalogueLanguage, directionOf, formattingLocale } from '../i18n/languages.js';
import type { Catalogue, CatalogueLoaders, MessageParams, SupportedLanguage } from '../i18n/types.js';

/**
 * Core translations load on demand like widget ones, in parallel with them: inlining all four cost
 * 2.4 KB gzip on every page's first view (docs/decisions/0003-i18n-catalogues.md).
 */
const CORE_LOADERS: CatalogueLoaders<CoreMessages> = {
  fr: () => import('../i18n/core/fr.js'),
  es: () => import('../i18n/core/es.js'),
  ar: () => import('../i18n/core/ar.js'),
};

export interface WidgetMessages<M extends Catalogue> {
  /** The English catalogue, bundled with the widget: source of truth and fallback. */
  en: M;
  /** Other languages, imported on demand so only the active one is downloaded. */
  load?: CatalogueLoaders<M>;
}

/** Where the requested language comes from; `ConfigController` fits. */
export interface LanguageSource {
  readonly lang: string;
}

type Loader = () => Promise<{ default: Catalogue }>;

/** Loaded translations, shared by every instance of a widget (keyed by the loader function). */
const loadedCatalogues = new WeakMap<Loader, Promise<Catalogue | undefined>>();

/**
 * Translates and formats for one widget, in the language its `LanguageSource` resolves.
 * Usage: `#t = new LocalizeController(this, this.#config, { en, load: { fr: () => import('./messages/fr.js') } })`.
 * Until a lazily loaded catalogue arrives, missing messages fall back to English; a widget that would
 * rather not flash English awaits `ready` in its data task (the load runs in parallel with the request).
 */
export class LocalizeController<M extends Catalogue = CoreMessages> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #source: LanguageSource;
  readonly #messages: WidgetMessages<M> | undefined;
  /** The language `#table` is for; undefined until the first sync. */
  #language: SupportedLanguage | undefined;
  /** Every message of `#language`, core and widget, over their English fallbacks. */
  #table: Catalogue = {};
  #ready: Promise<void> = Promise.resolve();

  constructor(host: ReactiveControllerHost, source: LanguageSource, messages?: WidgetMessages<M>) {
    this.#host = host;
    this.#source = source;
    this.#messages = messages;
    host.addController(this);
  }

  /** The requested tag as used for `Intl` (e.g. `fr-CA`), or `en` when we do not translate that language. */
  get locale(): string {
    return formattingLocale(this.#source.lang);
  }

  /** The catalogue language actually shown. */
  get language(): SupportedLanguage {
    return catalogueLanguage(this.#source.lang);
  }

  /** `rtl` for Arabic: widgets set `dir=${t.dir}` on their root element. */
  get dir(): 'ltr' | 'rtl' {
    return directionOf(this.language);
  }

  /** Resolves when the active language's catalogues are loaded (or failed: English then serves). */
  get ready(): Promise<void> {
    this.#sync();
    return this.#ready;
  }

  hostConnected(): void {
    this.#sync();
  }

  hostUpdate(): void {
    this.#sync();
  }

  /** The message for `key` in the active language, with `{placeholders}` and plurals filled in. */
  t(key: (keyof CoreMessages | keyof M) & string, params: MessageParams = {}): string {
    this.#sync();
    return formatMessage(this.#table[key] ?? key, params, this.locale);
  }

  formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
    return intl(Intl.NumberFormat, this.locale, options).format(value);
  }

  /** Dates and times; pass `timeZone` to show an organiser's zone, else the viewer's. */
  formatDate(value: Date | string | number, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
    return intl(Intl.DateTimeFormat, this.locale, options).format(new Date(value));
  }

  /** "French, Spanish and Arabic" in the active language. */
  formatList(items: readonly string[], options: Intl.ListFormatOptions = { type: 'conjunction' }): string {
    return intl(Intl.ListFormat, this.locale, options).format(items);
  }

  /** When the language changed: English at once, then the language's core and widget catalogues (in parallel). */
  #sync(): void {
    const language = this.language;
    if (language === this.#language) return;
    this.#language = language;
    const english: Catalogue = { ...this.#messages?.en, ...coreEn };
    this.#table = english;
    // English has no loader, so for it both loads are undefined and nothing more happens.
    const other = language as Exclude<SupportedLanguage, 'en'>;
    this.#ready = Promise.all([load(CORE_LOADERS[other]), load(this.#messages?.load?.[other])]).then(([core, own]) => {
      if (this.#language !== language || !(core || own)) return;
      this.#table = { ...english, ...own, ...core };
      this.#host.requestUpdate();
    });
  }
}

/** One download per catalogue per page, shared by every widget instance. Undefined for English. */
function load(loader: Loader | undefined): Promise<Catalogue | undefined> | undefined {
  if (!loader) return undefined;
  let loading = loadedCatalogues.get(loader);
  if (!loading) {
    loading = loader().then(
      (module) => module.default,
      () => undefined, // offline or missing chunk: English serves; the next page load tries again
    );
    loadedCatalogues.set(loader, loading);
  }
  return loading;
}
