/** A small seeded PRNG (mulberry32) and the sampling helpers the generator needs: same seed, same data. */
export class Random {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return at(items, Math.floor(this.next() * items.length));
  }

  /** Distinct items, at most `count`. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice();
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, n);
  }

  /** Picks by weight from parallel arrays, e.g. `weighted(['open', 'limited'], [3, 1])`. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return items[i] as T;
    }
    return items[items.length - 1] as T;
  }

  /** A geometric-like count with the given mean, at least `min`. */
  count(mean: number, min = 0): number {
    const u = Math.max(this.next(), 1e-12);
    return min + Math.floor(-Math.log(u) * Math.max(mean - min, 0));
  }

  /** A child generator, so that one part of the data does not shift when another part changes size. */
  fork(label: string): Random {
    let h = this.#state ^ 0x9e3779b9;
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
    return new Random(h >>> 0);
  }
}

/**
 * Samples indices 0..n-1 by fixed weights in O(log n): a cumulative table and a binary search.
 * Used for Zipf-like skill popularity and for the 90-9-1 choice of authors.
 */
export class WeightedIndex {
  readonly #cumulative: Float64Array;

  constructor(weights: ArrayLike<number>) {
    this.#cumulative = new Float64Array(weights.length);
    let total = 0;
    for (let i = 0; i < weights.length; i++) {
      total += weights[i] ?? 0;
      this.#cumulative[i] = total;
    }
  }

  get total(): number {
    return this.#cumulative.length === 0 ? 0 : (this.#cumulative[this.#cumulative.length - 1] ?? 0);
  }

  /** -1 when every weight is zero. */
  draw(random: Random): number {
    const total = this.total;
    if (total <= 0) return -1;
    const target = random.next() * total;
    let lo = 0;
    let hi = this.#cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.#cumulative[mid] ?? 0) > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** `items[index]`, or a RangeError: generator indices come from draws that must stay in range. */
export function at<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new RangeError(`No item at ${index} of ${items.length}`);
  return item;
}

/** Zipf weights 1/(rank+1)^s for n items. */
export function zipfWeights(n: number, s = 1.1): number[] {
  return Array.from({ length: n }, (_, rank) => 1 / (rank + 1) ** s);
}
