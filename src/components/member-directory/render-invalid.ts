import { html, type TemplateResult } from 'lit';
import type { AttributeHint, InvalidAttribute } from './attributes.js';
import type { Localize } from './render-card.js';

function hintText(hint: AttributeHint, t: Localize): string {
  if ('oneOf' in hint) return t.t('directory.attribute.oneOf', { values: t.formatList(hint.oneOf, { type: 'disjunction' }) });
  if ('example' in hint) return t.t('directory.attribute.example', { example: hint.example });
  return t.t('directory.attribute.range', hint);
}

/**
 * A site editor's typo (`view="grid"`): the shared translated sentence naming the attribute and value,
 * then what a valid value looks like, in one alert so a screen reader reads both.
 */
export function renderInvalidAttribute(invalid: InvalidAttribute, t: Localize): TemplateResult {
  return html`<div part="error" class="grove-state grove-error" role="alert">
    <p>${t.t('core.invalidAttribute', { name: invalid.name, value: invalid.value })}</p>
    <p>${hintText(invalid.hint, t)}</p>
  </div>`;
}
