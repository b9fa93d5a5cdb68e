/**
 * Ids are PostgreSQL bigint identities written as decimal strings. A string of digits is not enough: a
 * 19-digit value above 2^63 - 1 makes the database fail the cast (a 500 before this rule), so the range
 * is part of the pattern the contract publishes and every hand-read id (tokens, cursors) is held to it.
 */
export const MAX_ID = 9_223_372_036_854_775_807n;

/**
 * A regular expression matching the decimal integers 1..max without leading zeros: shorter numbers
 * freely, numbers as long as `max` digit by digit (at each position a smaller digit frees the rest).
 */
function rangePattern(max: string): string {
  const shorter = max.length > 1 ? `[1-9]\\d{0,${max.length - 2}}` : '';
  const sameLength: string[] = [];
  for (let i = 0; i < max.length; i++) {
    const digit = Number(max[i]);
    const low = i === 0 ? 1 : 0;
    if (digit > low) {
      const rest = max.length - i - 1;
      const range = digit - 1 === low ? `${low}` : `[${low}-${digit - 1}]`;
      sameLength.push(`${max.slice(0, i)}${range}${rest > 0 ? `\\d{${rest}}` : ''}`);
    }
  }
  sameLength.push(max);
  return `^(?:${[shorter, ...sameLength].filter(Boolean).join('|')})$`;
}

export const ID_PATTERN = new RegExp(rangePattern(MAX_ID.toString()));

export const isId = (value: unknown): value is string => typeof value === 'string' && ID_PATTERN.test(value);
