import type { ReactiveController, ReactiveControllerHost } from 'lit';
import coreEn, { type CoreMessages } from '../i18n/core/en.js';
import { cached, formatMessage } from '../i18n/format-message.js';
import { catalogueLanguage, directionOf, formattingLocale } from '../i18n/languages.js';
import type { Catalogue, CatalogueLoaders, MessageParams, SupportedLanguage } from '../i18n/types.js';

/**
 * Core translations load on demand like widget ones, in parallel with them: inlining all four cost
 * 2.4 KB gzip of the 16 KB shared-runtime budget (docs/decisions/0003-i18n-catalogues.md).
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

/** Loaded translations, shared by every instance of a widget (keyed by the loader function). */
const loadedCatalogues = new WeakMap<() => Promise<{ default: Catalogue }>, Promise<Catalogue | undefined>>();

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
  #language: SupportedLanguage = 'en';
  #catalogue: Catalogue | undefined;
  #core: Catalogue | undefined;
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

  /** Resolves when the active language's widget catalogue is loaded (or failed: English then serves). */
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
    const language = this.language;
    const template =
      this.#coreFor(language)?.[key] ??
      this.#catalogueFor(language)?.[key] ??
      (coreEn as Catalogue)[key] ??
      this.#messages?.en[key] ??
      key;
    return formatMessage(template, params, this.locale);
  }

  formatNumber(value: number, options: Intl.NumberFormatOptions = {}): string {
    return this.#formatter('n', options, () => new Intl.NumberFormat(this.locale, options)).format(value);
  }

  /** Dates and times; pass `timeZone` to show an organiser's zone, else the viewer's. */
  formatDate(value: Date | string | number, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
    return this.#formatter('d', options, () => new Intl.DateTimeFormat(this.locale, options)).format(new Date(value));
  }

  /** "3 days ago", "in 2 hours", "yesterday": the largest unit that fits. */
  formatRelativeTime(value: Date | string | number, now: Date = new Date()): string {
    const seconds = (new Date(value).getTime() - now.getTime()) / 1000;
    const [amount, unit] = relativeUnit(seconds);
    const options: Intl.RelativeTimeFormatOptions = { numeric: 'auto' };
    return this.#formatter('r', options, () => new Intl.RelativeTimeFormat(this.locale, options)).format(amount, unit);
  }

  /** "French, Spanish and Arabic" in the active language. */
  formatList(items: readonly string[], options: Intl.ListFormatOptions = { type: 'conjunction' }): string {
    return this.#formatter('l', options, () => new Intl.ListFormat(this.locale, options)).format(items);
  }

  #formatter<T>(kind: string, options: object, create: () => T): T {
    return cached(`${kind}:${this.locale}:${JSON.stringify(options)}`, create);
  }

  #coreFor(language: SupportedLanguage): Catalogue | undefined {
    if (language === 'en') return coreEn;
    return language === this.#language ? this.#core : undefined;
  }

  #catalogueFor(language: SupportedLanguage): Catalogue | undefined {
    if (language === 'en') return this.#messages?.en;
    return language === this.#language ? this.#catalogue : undefined;
  }

  /** Starts loading the active language's catalogues (core and widget, in parallel) when it changed. */
  #sync(): void {
    const language = this.language;
    if (language === this.#language) return;
    this.#language = language;
    this.#catalogue = undefined;
    this.#core = undefined;
    if (language === 'en') {
      this.#ready = Promise.resolve();
      return;
    }
    this.#ready = Promise.all([load(CORE_LOADERS[language]), load(this.#messages?.load?.[language])]).then(
      ([core, catalogue]) => {
        if (this.#language !== language) return;
        this.#core = core;
        this.#catalogue = catalogue;
        this.#host.requestUpdate();
      },
    );
  }
}

/** One download per catalogue per page, shared by every widget instance. */
function load(loader: (() => Promise<{ default: Catalogue }>) | undefined): Promise<Catalogue | undefined> {
  if (!loader) return Promise.resolve(undefined);
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

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.345],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

function relativeUnit(seconds: number): [number, Intl.RelativeTimeFormatUnit] {
  let amount = seconds;
  for (const [unit, size] of UNITS) {
    if (Math.abs(amount) < size) return [Math.round(amount), unit];
    amount /= size;
  }
  return [Math.round(amount), 'year'];
}
