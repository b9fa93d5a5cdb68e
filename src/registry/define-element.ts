/**
 * The one define guard. Every place that registers a tag goes through here: the per-widget entries
 * (`@grove/elements/member-directory`), the autoloader, and widgets that load another widget on demand
 * (the calendar's discussion, the badges beside names).
 */
import { registerColourTokens } from '../styles/tokens.js';

/**
 * Registers `tag` unless it is already defined: by an earlier call, or by a second copy of the library
 * on the same page (CDN script plus an npm build), where the first definition wins.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  registerColourTokens();
  if (customElements.get(tag)) return;
  customElements.define(tag, constructor);
}
