import { html, nothing, type TemplateResult } from 'lit';
import { GroveApiError, type GroveErrorKind } from '../api/problem.js';
import type { CoreMessages } from '../i18n/core/en.js';
import type { MessageParams } from '../i18n/types.js';
import type { InvalidAttribute } from '../validation/attributes.js';

/** The part of `LocalizeController` the shared states need. */
export interface Translator {
  t(key: keyof CoreMessages, params?: MessageParams): string;
  formatList(items: readonly string[], options?: Intl.ListFormatOptions): string;
}

// Templates are written on one line: whitespace inside them would ship in the runtime chunk.

/**
 * Polite, busy status while loading: announced once, not repeated on every re-render. A second sentence
 * shows after a few seconds (CSS, `.grove-slow`), when a slow line or a server asking to be retried later
 * (503 + Retry-After, which the client honours) keeps the widget waiting: it says it is still trying.
 */
export function renderLoading(t: Translator): TemplateResult {
  return html`<div part="status" class="grove-state" role="status" aria-live="polite" aria-busy="true">${t.t('core.loading')} <span class="grove-slow">${t.t('core.stillLoading')}</span></div>`;
}

/** The empty state; `message` is a widget-specific translated sentence, else the generic one. */
export function renderEmpty(t: Translator, message?: string): TemplateResult {
  return html`<div part="status" class="grove-state" role="status">${message ?? t.t('core.empty')}</div>`;
}

/**
 * A failure: translated by error kind (never the raw exception), announced as an alert, with a retry
 * button when the caller can retry. `subject` is the attribute the request was about (`community`):
 * when the server knows nothing by that value, the message names the attribute and quotes the value for
 * the site editor, and offers no retry (trying again cannot help).
 */
export function renderError(
  t: Translator,
  error: unknown,
  onRetry?: () => void,
  subject?: { name: string; value: string },
): TemplateResult {
  // Only a Grove problem+json 404 (it has a title) is about the value: a 404 page from a wrong `api` is not.
  if (subject?.value && error instanceof GroveApiError && error.kind === 'not-found' && error.title)
    return alert(t.t('core.notFoundAttribute', subject));
  const key = errorMessageKey(error);
  // Trying again cannot help when `api` is not a Grove server: the message says what to fix instead.
  return alert(
    html`<p>${t.t(key)}</p>${
      onRetry && key !== 'core.error.not-grove'
        ? html`<button type="button" part="retry-button" class="grove-button" @click=${onRetry}>${t.t('core.retry')}</button>`
        : nothing
    }`,
  );
}

export function renderNotConfigured(t: Translator): TemplateResult {
  return alert(t.t('core.notConfigured'));
}

/**
 * What stops a widget before any request, in the one order every widget checks: a wrong or missing
 * attribute first (the editor's fix, and it needs no server to show), then a missing server
 * configuration. Undefined when the widget can load.
 */
export function renderUnusable(t: Translator, invalid: InvalidAttribute | undefined, client: unknown): TemplateResult | undefined {
  return invalid ? renderInvalidAttribute(t, invalid) : client ? undefined : renderNotConfigured(t);
}

/**
 * For a site editor's typo (`view="mounth"`) or a missing attribute: names the attribute, quotes the value
 * back and says what a valid one looks like (the values it takes, an example or the range), in one alert
 * so a screen reader reads it all.
 */
export function renderInvalidAttribute(t: Translator, { name, value, hint }: InvalidAttribute): TemplateResult {
  if (!value) return alert(t.t('core.missingAttribute', { name }));
  const params: MessageParams = !hint
    ? {}
    : 'oneOf' in hint
      ? { hint: 'oneOf', values: t.formatList(hint.oneOf, { type: 'disjunction' }) }
      : 'example' in hint
        ? { hint: 'example', example: hint.example }
        : { hint: 'range', ...hint };
  return alert(t.t('core.invalidAttribute', { name, value, ...params }).trim());
}

function alert(content: unknown): TemplateResult {
  return html`<div part="error" class="grove-state grove-error" role="alert">${content}</div>`;
}

export function errorMessageKey(error: unknown): `core.error.${GroveErrorKind}` {
  if (error instanceof GroveApiError) return `core.error.${error.kind}`;
  // Anything else is a bug or an unexpected failure; users still get a sentence, not a stack trace.
  return navigator.onLine ? 'core.error.unknown' : 'core.error.offline';
}
