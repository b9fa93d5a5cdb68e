/**
 * Attributes renamed because frameworks reserve their names: React and Vue keep `key` for themselves and
 * never pass it to the element, and `title` is the global HTML attribute (a tooltip). The old names keep
 * working for one release, with one console warning per page and name (docs/decisions/0161-host-safe-names.md).
 */
const warned = new Set<string>();

/**
 * The documented attribute's value, else its deprecated alias's, trimmed. Using the alias warns once,
 * naming the replacement.
 */
export function preferredValue(element: Element, value: string, alias: { name: string; value: string; use: string }): string {
  const chosen = value.trim();
  if (chosen !== '') return chosen;
  const old = alias.value.trim();
  const id = `${element.localName} ${alias.name}`;
  if (old !== '' && !warned.has(id)) {
    warned.add(id);
    console.warn(`Grove: <${element.localName} ${alias.name}> is deprecated; use ${alias.use}.`);
  }
  return old;
}
