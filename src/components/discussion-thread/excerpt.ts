/** How much of a post the facilitators' queues quote: enough to judge, short enough to scan. */
const EXCERPT_LENGTH = 280;

/** A post's Markdown cut to `EXCERPT_LENGTH` characters, blank lines collapsed. */
export function excerpt(markdown: string): string {
  const text = markdown.replace(/\n\s*\n/g, '\n').trim();
  const characters = Array.from(text);
  return characters.length > EXCERPT_LENGTH ? `${characters.slice(0, EXCERPT_LENGTH).join('').trimEnd()}…` : text;
}
