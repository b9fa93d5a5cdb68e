/**
 * The single door through which markup enters the widget. `bodyHtml` is rendered and sanitised with an
 * allowlist on the server; on the client it is assigned through a named Trusted Types policy, so pages
 * enforcing `require-trusted-types-for 'script'` accept it and a CSP `trusted-types` allowlist can name
 * exactly this policy. No other field is ever rendered as HTML: names, titles and the rest go through Lit
 * text and attribute bindings.
 *
 * Why not `unsafeHTML`: it only takes strings and re-parses them as a Lit template through Lit's own
 * policy, which would make `lit-html` (a policy meant for templates written by developers) the one that
 * vouches for user content.
 */
import { noChange, nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

interface Policy {
  createHTML(input: string): string;
}

interface TrustedTypesGlobal {
  trustedTypes?: { createPolicy(name: string, rules: Policy): Policy };
}

export const POST_HTML_POLICY = 'grove-post-html';

/** Undefined until first asked; null when the page's CSP (`trusted-types`) refuses the policy's name. */
let policy: Policy | null | undefined;

function postPolicy(): Policy | null {
  if (policy === undefined) {
    try {
      // The input was sanitised by the server; the policy records that decision, it does not repeat it.
      policy = (globalThis as TrustedTypesGlobal).trustedTypes?.createPolicy(POST_HTML_POLICY, { createHTML: (input) => input }) ?? {
        createHTML: (input) => input,
      };
    } catch {
      policy = null;
    }
  }
  return policy;
}

/**
 * False when the page's Trusted Types policy refuses `grove-post-html`: posts cannot be shown, and the
 * thread says so (naming the policy) instead of failing inside its render and loading for ever.
 */
export function postHtmlAllowed(): boolean {
  return postPolicy() !== null;
}

class PostHtmlDirective extends Directive {
  #current: string | undefined;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('postHtml() belongs on an element: <div ${postHtml(html)}>');
  }

  render(_bodyHtml: string): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart, [bodyHtml]: [string]): typeof noChange {
    if (bodyHtml !== this.#current) {
      this.#current = bodyHtml;
      const allowed = postPolicy();
      if (allowed) part.element.innerHTML = allowed.createHTML(bodyHtml);
    }
    return noChange;
  }
}

/** Fills the element with a post's server-sanitised `bodyHtml`. Never pass anything else. */
export const postHtml = directive(PostHtmlDirective);
