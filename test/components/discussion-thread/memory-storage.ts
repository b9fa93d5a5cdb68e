import type { EnumerableStorage } from '../../../src/components/discussion-thread/outbox.js';

/** A `Storage` stand-in so tests share nothing through the real localStorage. */
export class MemoryStorage implements EnumerableStorage {
  readonly #map = new Map<string, string>();

  get length(): number {
    return this.#map.size;
  }

  key(index: number): string | null {
    return [...this.#map.keys()][index] ?? null;
  }

  getItem(key: string): string | null {
    return this.#map.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.#map.set(key, value);
  }

  removeItem(key: string): void {
    this.#map.delete(key);
  }
}
