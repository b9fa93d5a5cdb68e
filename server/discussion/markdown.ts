/**
 * Markdown to safe HTML for post bodies. Raw HTML in the source is never passed through (markdown-it
 * with `html: false` escapes it), and the output is sanitised again against an allowlist so that a
 * renderer bug cannot smuggle markup in. Links open nothing on their own and carry
 * rel="nofollow ugc noopener" (user-generated content must not pass reputation or `window.opener`).
 */
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'hr',
    'strong',
    'em',
    's',
    'del',
    'code',
    'pre',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'h3',
    'h4',
    'h5',
    'h6',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'rel'], ol: ['start'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  // Headings h1/h2 would compete with the host page's outline: demote them instead of dropping text.
  transformTags: {
    h1: 'h3',
    h2: 'h4',
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'nofollow ugc noopener' } }),
  },
  // Images are dropped on purpose (bandwidth on slow links, tracking pixels).
  nonTextTags: ['style', 'script', 'textarea', 'option', 'noscript'],
};

export function renderMarkdown(source: string): string {
  return sanitizeHtml(markdown.render(source), sanitizeOptions).trim();
}
