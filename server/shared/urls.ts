/**
 * The one rule for URLs that people write and others open (event join links, websites, avatars): an
 * absolute http(s) URL (mailto where a channel is an address), nothing else. `javascript:`, `data:`,
 * `vbscript:` and every other scheme are refused, and so is any control or space character anywhere
 * (the obfuscations `java\tscript:` and `\u0000javascript:` rely on parsers that skip them), and any
 * user:password part (`https://bank.example@evil.example`). The widgets apply the same rule before
 * rendering an `href` or `src`; the server applies it when it stores such a URL and again when it
 * serves one that was stored before the rule existed.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_OR_SPACE = /[\u0000-\u0020\u007f-\u009f\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]/;

export type LinkScheme = 'http:' | 'https:' | 'mailto:';

/** The normalised URL when `value` passes the rule, else null. */
export function safeLink(value: string | null | undefined, schemes: readonly LinkScheme[] = ['http:', 'https:']): string | null {
  if (!value || value.length > 2000 || CONTROL_OR_SPACE.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (!(schemes as readonly string[]).includes(url.protocol)) return null;
  if (url.username || url.password) return null;
  return url.href;
}
