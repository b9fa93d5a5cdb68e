/**
 * The items on screen after a page arrives: a first page (no cursor) replaces them, a later page is
 * appended without repeating an item already shown (a new entry written meanwhile shifts the pages).
 */
export function appendPage<T extends { id: string }>(shown: readonly T[], page: readonly T[], cursor: string | null | undefined): T[] {
  const known = cursor ? shown : [];
  return [...known, ...page.filter((item) => !known.some((other) => other.id === item.id))];
}
