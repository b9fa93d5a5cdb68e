import { intl } from '../../i18n/format-message.js';

/** Units for "3 days ago", each with how many of it make the next one; past months it is years. */
const RELATIVE_UNITS = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.345],
  ['month', 12],
] as const;

/**
 * "3 days ago", "in 2 hours", "yesterday" in `locale`: the largest unit that fits. Only the thread (and
 * its reports queue) shows relative times, so this lives with it.
 */
export function relativeTime(locale: string, value: Date | string | number, now: Date = new Date()): string {
  let amount = (new Date(value).getTime() - now.getTime()) / 1000;
  let unit: Intl.RelativeTimeFormatUnit = 'year';
  for (const [name, size] of RELATIVE_UNITS) {
    if (Math.abs(amount) < size) {
      unit = name;
      break;
    }
    amount /= size;
  }
  return intl(Intl.RelativeTimeFormat, locale, { numeric: 'auto' }).format(Math.round(amount), unit);
}
