import type { MessageParams } from './types.js';

/**
 * Formats the small ICU MessageFormat subset Grove catalogues use: `{name}`, and
 * `{name, plural, =0 {…} one {# …} other {# …}}` / `{name, select, a {…} other {…}}` with nesting.
 * Enough for our strings without shipping an ICU runtime (about 0.6 KB instead of 10+ KB).
 */
export function formatMessage(template: string, params: MessageParams, locale: string): string {
  let out = '';
  let index = 0;
  while (index < template.length) {
    const open = template.indexOf('{', index);
    if (open === -1) break;
    const close = matchingBrace(template, open);
    if (close === -1) break;
    out += template.slice(index, open) + formatArgument(template.slice(open + 1, close), params, locale);
    index = close + 1;
  }
  return out + template.slice(index);
}

function formatArgument(argument: string, params: MessageParams, locale: string): string {
  const [name = '', type, ...rest] = argument.split(',');
  const value = params[name.trim()];
  if (type === undefined) return value === undefined ? `{${name}}` : formatValue(value, locale);
  const options = parseOptions(rest.join(','));
  const kind = type.trim();
  if (kind === 'plural' && typeof value === 'number') {
    const branch =
      options.get(`=${value}`) ?? options.get(pluralRules(locale).select(value)) ?? options.get('other') ?? '';
    return formatMessage(replaceHash(branch, formatValue(value, locale)), params, locale);
  }
  if (kind === 'select') {
    return formatMessage(options.get(String(value)) ?? options.get('other') ?? '', params, locale);
  }
  return value === undefined ? '' : formatValue(value, locale);
}

/** `one {…} other {…}` into a map; the texts keep their own nested arguments. */
function parseOptions(source: string): Map<string, string> {
  const options = new Map<string, string>();
  let index = 0;
  while (index < source.length) {
    const open = source.indexOf('{', index);
    if (open === -1) break;
    const close = matchingBrace(source, open);
    if (close === -1) break;
    options.set(source.slice(index, open).trim(), source.slice(open + 1, close));
    index = close + 1;
  }
  return options;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index += 1) {
    if (text[index] === '{') depth += 1;
    else if (text[index] === '}' && --depth === 0) return index;
  }
  return -1;
}

/** `#` stands for the count, but only at this level: nested plurals bring their own. */
function replaceHash(branch: string, count: string): string {
  let depth = 0;
  let out = '';
  for (const char of branch) {
    if (char === '{') depth += 1;
    if (char === '}') depth -= 1;
    out += char === '#' && depth === 0 ? count : char;
  }
  return out;
}

function formatValue(value: string | number | Date, locale: string): string {
  if (typeof value === 'number') return cached(`n:${locale}`, () => new Intl.NumberFormat(locale)).format(value);
  if (value instanceof Date) {
    return cached(`d:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(value);
  }
  return value;
}

function pluralRules(locale: string): Intl.PluralRules {
  return cached(`p:${locale}`, () => new Intl.PluralRules(locale));
}

const formatters = new Map<string, unknown>();
/** Intl constructors are slow (~0.1 ms each); lists render hundreds of values. */
export function cached<T>(key: string, create: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (formatter === undefined) {
    formatter = create();
    formatters.set(key, formatter);
  }
  return formatter;
}
