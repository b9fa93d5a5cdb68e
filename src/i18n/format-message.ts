import type { MessageParams } from './types.js';

/**
 * Formats the small ICU MessageFormat subset Grove catalogues use: `{name}`, and
 * `{name, plural, =0 {…} one {# …} other {# …}}` / `{name, select, a {…} other {…}}` with nesting.
 * Enough for our strings without shipping an ICU runtime (about 0.4 KB instead of 10+ KB):
 * `Intl.PluralRules` picks the plural category, `Intl.NumberFormat` formats the count.
 *
 * `count` is the formatted number that `#` stands for inside a plural branch (that level only:
 * nested plurals bring their own).
 */
export function formatMessage(template: string, params: MessageParams, locale: string, count?: string): string {
  return groups(template)
    .map((part, index) => (index % 2 ? formatArgument(part, params, locale) : count ? part.replaceAll('#', count) : part))
    .join('');
}

/**
 * Splits on top-level braces: `a {b {c}} d` -> ['a ', 'b {c}', ' d']. Odd indexes are group bodies.
 * An unclosed brace leaves the rest of the text as it is.
 */
function groups(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    if (text[index] === '{' && !depth++) {
      parts.push(text.slice(start, index));
      start = index + 1;
    } else if (text[index] === '}' && depth && !--depth) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  if (depth) parts.push(`${parts.pop() ?? ''}{${text.slice(start)}`);
  else parts.push(text.slice(start));
  return parts;
}

function formatArgument(argument: string, params: MessageParams, locale: string): string {
  const [name = '', type, ...rest] = argument.split(',');
  const value = params[name.trim()];
  if (type === undefined) return value === undefined ? `{${argument}}` : formatValue(value, locale);
  // `=0 {…} one {…} other {…}`: each text follows its selector.
  const parts = groups(rest.join(','));
  const branches = new Map<string, string>();
  for (let index = 1; index < parts.length; index += 2) branches.set(parts[index - 1]?.trim() ?? '', parts[index] ?? '');
  const branch = (selector: string) => branches.get(selector);
  if (type.trim() === 'plural' && typeof value === 'number') {
    const text = branch(`=${value}`) ?? branch(intl(Intl.PluralRules, locale).select(value)) ?? branch('other') ?? '';
    return formatMessage(text, params, locale, formatValue(value, locale));
  }
  return formatMessage(branch(String(value)) ?? branch('other') ?? '', params, locale);
}

function formatValue(value: string | number | Date, locale: string): string {
  if (typeof value === 'number') return intl(Intl.NumberFormat, locale).format(value);
  return value instanceof Date ? intl(Intl.DateTimeFormat, locale, { dateStyle: 'medium' }).format(value) : value;
}

const formatters = new Map<string, unknown>();
/** Intl constructors are slow (~0.1 ms each); lists render hundreds of values. */
export function cached<T>(key: string, create: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (formatter === undefined) formatters.set(key, (formatter = create()));
  return formatter;
}

/** A cached `new Intl.X(locale, options)`. */
export function intl<T, O extends object>(Formatter: new (locale: string, options: O) => T, locale: string, options?: NoInfer<O>): T {
  return cached(`${Formatter.name} ${locale} ${JSON.stringify(options)}`, () => new Formatter(locale, options as O));
}
