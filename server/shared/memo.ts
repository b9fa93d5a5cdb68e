/**
 * A bounded memo for pure functions of a string key: the least recently used entry goes first when full.
 * For work that repeats across requests on unchanged data (expanding a series for a month, rendering a
 * seeded description), keyed by everything the result depends on, so it never needs invalidating.
 */
export class Memo<V> {
  readonly #entries = new Map<string, V>();

  constructor(readonly capacity: number) {}

  get(key: string, compute: () => V): V {
    const found = this.#entries.get(key);
    if (found !== undefined || this.#entries.has(key)) {
      // Re-inserting moves the key to the end: Map iterates in insertion order.
      this.#entries.delete(key);
      this.#entries.set(key, found as V);
      return found as V;
    }
    const value = compute();
    this.#entries.set(key, value);
    if (this.#entries.size > this.capacity) this.#entries.delete(this.#entries.keys().next().value as string);
    return value;
  }

  get size(): number {
    return this.#entries.size;
  }
}
