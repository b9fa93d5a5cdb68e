/** Sizes of the generated networks. capacity4dev mirrors the real network; x10 and x100 are 10 and 100 times that. */
export type PresetName = 'demo' | 'capacity4dev' | 'x10' | 'x100';

export interface Preset {
  members: number;
  /** Communities in all, the fixed ones of `communities.ts` included. */
  communities: number;
  posts: number;
  /** Average posts per thread (threads = posts / this). */
  postsPerThread: number;
  events: number;
  /** Rows buffered before a batch is written. */
  batchSize: number;
}

export const PRESETS: Record<PresetName, Preset> = {
  demo: { members: 300, communities: 8, posts: 600, postsPerThread: 10, events: 40, batchSize: 5_000 },
  capacity4dev: { members: 12_000, communities: 325, posts: 23_000, postsPerThread: 9, events: 1_300, batchSize: 10_000 },
  x10: { members: 120_000, communities: 3_250, posts: 230_000, postsPerThread: 9, events: 13_000, batchSize: 20_000 },
  x100: { members: 1_200_000, communities: 32_500, posts: 2_300_000, postsPerThread: 9, events: 130_000, batchSize: 20_000 },
};

export function isPresetName(value: string): value is PresetName {
  return Object.hasOwn(PRESETS, value);
}
