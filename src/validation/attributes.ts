/**
 * The one attribute layer. Each widget lists its checked attributes in a table, in the order of its
 * properties: `{ community: slug('water'), 'page-size': range(1, 100) }`. A table entry is read from the
 * property of the same name in camelCase (`page-size` -> `pageSize`), trimmed, and an empty value means
 * "not set" (the widget's default applies). The first value its rule refuses is named back to the site
 * editor, translated, with what a valid value looks like (`renderInvalidAttribute` in render/states.ts).
 *
 * One case rule: slugs and keywords are lowercase, and the `keyword` converter lowercases what an
 * editor pastes into those attributes (`community="Water"`, `view="Month"`), so every widget accepts
 * them alike; values set as properties from script are checked as they are.
 */
import { isLinkPattern } from './url.js';

/** What a valid value looks like, told to the editor after the error: the allowed values, an example or a range. */
export type AttributeHint = { oneOf: readonly string[] } | { example: string } | { min: number; max: number };

export interface AttributeRule {
  valid(value: string): boolean;
  hint: AttributeHint;
}

/** Attribute name -> rule, checked in this order. */
export type AttributeTable = Readonly<Record<string, AttributeRule>>;

export interface InvalidAttribute {
  name: string;
  /** The value as given; '' when a required attribute is missing. */
  value: string;
  /** Absent for a missing attribute: the message names it, any value of its kind will do. */
  hint?: AttributeHint;
}

/** A Lit converter for slug and keyword attributes: CMS editors capitalise and pad what they paste. */
export const keyword = { fromAttribute: (value: string | null): string => (value ?? '').trim().toLowerCase() };

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** A community or skill slug, as the API spells it. */
export const slug = (example: string): AttributeRule => ({ valid: (value) => SLUG.test(value), hint: { example } });

/** A numeric id (bigint as a string, as the API sends them). */
export const id: AttributeRule = { valid: (value) => /^[1-9]\d{0,18}$/.test(value), hint: { example: '42' } };

/** One of a fixed list of keywords. */
export const oneOf = (values: readonly string[]): AttributeRule => ({ valid: (value) => values.includes(value), hint: { oneOf: values } });

/** A comma- or space-separated list of keywords (`kinds="webinar, workshop"`). */
export const listOf = (values: readonly string[]): AttributeRule => ({
  valid: (value) => splitList(value).every((item) => values.includes(item)),
  hint: { oneOf: values },
});

/** A whole number from `min` to `max`. */
export const range = (min: number, max: number): AttributeRule => ({
  valid: (value) => /^\d+$/.test(value) && +value >= min && +value <= max,
  hint: { min, max },
});

/** A value of a documented form, shown by one example. */
export const pattern = (test: RegExp | ((value: string) => boolean), example: string): AttributeRule => ({
  valid: typeof test === 'function' ? test : (value) => test.test(value),
  hint: { example },
});

/** A link pattern with `{id}`-style placeholders: relative or http(s), by the one URL rule. */
export const linkPattern = (example: string): AttributeRule => pattern(isLinkPattern, example);

/** `webinar, workshop` or `webinar workshop` -> ['webinar', 'workshop'], lowercase. */
export function splitList(value: string): string[] {
  return value
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean);
}

const propertyOf = (name: string): string => name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/**
 * A Lit converter for whole-number attributes (`page-size="20"`): the property is a number, so hosts can
 * set it as one (`pageSize={20}` in React, `:page-size="20"` in Vue). Text that is not a whole number
 * becomes NaN and the attribute layer names the attribute's own text back to the editor; a removed
 * attribute is NaN too, which reads as unset.
 */
export const wholeNumber = {
  fromAttribute: (value: string | null): number => (value !== null && /^\s*\d+\s*$/.test(value) ? Number(value) : Number.NaN),
  toAttribute: (value: number): string => String(value),
};

/**
 * The attribute's current value, read from its property and trimmed ('' when unset). Frameworks set
 * properties with whatever type their template gives (`limit={3}`, `:limit="'3'"`), so numbers are read
 * as their decimal text; NaN (text the number converter refused) as the attribute's text.
 */
export function attributeValue(element: object, name: string): string {
  const value = (element as Record<string, unknown>)[propertyOf(name)];
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') {
    if (!Number.isNaN(value)) return String(value);
    return element instanceof Element ? (element.getAttribute(name) ?? '').trim() : '';
  }
  return '';
}

/**
 * The first attribute the editor must fix, or undefined. `required` lists attributes of which at least
 * one must be set (checked first: nothing else matters without them); then each table entry in order.
 */
export function invalidAttribute(element: object, table: AttributeTable, required: readonly string[] = []): InvalidAttribute | undefined {
  if (required.length > 0 && required.every((name) => attributeValue(element, name) === '')) return { name: required[0] ?? '', value: '' };
  for (const [name, rule] of Object.entries(table)) {
    const value = attributeValue(element, name);
    if (value !== '' && !rule.valid(value)) return { name, value, hint: rule.hint };
  }
  return undefined;
}
