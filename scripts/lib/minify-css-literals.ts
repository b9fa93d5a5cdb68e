/**
 * CDN build plugin: minifies the CSS inside Lit's css`…` tagged templates in our own sources.
 *
 * The JavaScript minifier leaves template literal text alone, so every comment, indent and newline of
 * the shared tokens and host styles (and of each widget's styles) would ship as written. This pass is
 * deliberately conservative, it only removes what cannot change meaning in CSS:
 *   - comments;
 *   - runs of whitespace, collapsed to one space (a descendant combinator stays a space);
 *   - whitespace next to `{`, `}`, `;` and after `,` and `:` at the start of a declaration value.
 * `${…}` interpolations are kept as they are: the text between them is minified piece by piece.
 */
import type { Plugin } from 'vite';

/** The body of each css`…` literal, up to its closing backtick (our CSS never contains one). */
const CSS_LITERAL = /\bcss`([^`]*)`/g;

export function minifyCss(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,]) ?/g, '$1')
    .replace(/([{;][\w-]+): /g, '$1:')
    .replace(/;}/g, '}')
    .trim();
}

export function minifyCssLiterals(): Plugin {
  return {
    name: 'grove:minify-css-literals',
    apply: 'build',
    transform(code, id) {
      if (!/[\\/]src[\\/].*\.ts$/.test(id) || !code.includes('css`')) return null;
      // Minify between interpolations only, so `${unsafeCSS(x)}` and friends keep their code untouched.
      const out = code.replace(CSS_LITERAL, (_, body: string) => {
        const parts = body.split(/(\$\{[^}]*\})/);
        return `css\`${parts.map((part, index) => (index % 2 === 1 ? part : minifyCss(part))).join('')}\``;
      });
      return out === code ? null : { code: out, map: null };
    },
  };
}
