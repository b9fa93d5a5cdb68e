/**
 * The one URL rule for every `href` and `src` a widget renders from data or from a site editor's
 * attribute (join links, avatars, contact channels, evidence links, `*-url` patterns): a URL is used only
 * when it is http(s), mailto or tel, or (where the caller allows it) relative. Everything else is refused,
 * so it renders as text or not at all: `javascript:`, `data:`, `vbscript:` and every other scheme, and the
 * obfuscations browsers or later HTML decoding would undo (` JaVaScRiPt:`, `java\tscript:`,
 * `&#x6A;avascript:`). docs/decisions/0090-shared-widget-layer.md says why tel is in and relative is opt-in.
 */

/** Schemes a link may use; `tel` only ever comes from `contactHref`, which keeps digits alone. */
const SCHEMES = /^(https?|mailto|tel)$/i;
/** C0 controls and DEL: the URL parser drops tabs and newlines anywhere (`java\nscript:`), so none is accepted. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;
/** Character references (`&#106;`, `&#x6A;`, `&colon;`): harmless in a Lit binding, dangerous wherever markup is decoded again. */
const CHARACTER_REFERENCE = /&(#|[a-z][a-z\d]*;)/i;
/** A scheme as the URL parser would read one: anything before a colon that comes before `/`, `?` or `#`. */
const SCHEME_PART = /^([^/?#]*):/;

export interface UrlOptions {
  /** Accept relative URLs (`/people#id=4`, `./ask`): for the site editor's patterns and the API's own links. */
  relative?: boolean;
  /** Resolve a relative URL against this base, e.g. the API's, so an avatar path from the API loads from the API. */
  base?: string | undefined;
}

/** `value` as a URL safe to put in `href` or `src`, or undefined when the rule refuses it. */
export function safeUrl(value: unknown, { relative = false, base }: UrlOptions = {}): string | undefined {
  if (typeof value !== 'string') return undefined;
  const url = value.trim();
  if (url === '' || CONTROL.test(url) || CHARACTER_REFERENCE.test(url)) return undefined;
  const scheme = SCHEME_PART.exec(url)?.[1];
  // "Protocol-relative" `//host/x` keeps the page's http(s) scheme, so it is absolute for this rule.
  if (scheme === undefined) return relative || url.startsWith('//') ? resolve(url, base) : undefined;
  return SCHEMES.test(scheme) ? url : undefined;
}

function resolve(url: string, base: string | undefined): string | undefined {
  if (!base) return url;
  try {
    // The base itself may be relative (`api="/api"`): it is the page's URL that anchors it.
    return new URL(url, new URL(base, document.baseURI)).href;
  } catch {
    return undefined;
  }
}

/**
 * Fills `{name}` placeholders of a site editor's link pattern with URL-encoded values
 * (`/ask?to={id}&q={query}`), then applies the rule: relative or http(s). Encoding keeps a value from
 * changing the pattern's scheme or path.
 */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string | undefined {
  const filled = template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? encodeURIComponent(values[name] ?? '') : whole));
  return safeUrl(filled, { relative: true });
}

/** True for a link pattern attribute the rule accepts (a pattern is checked with its placeholders in place). */
export const isLinkPattern = (value: string): boolean => safeUrl(value, { relative: true }) !== undefined;
