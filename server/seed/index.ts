/**
 * Seeds an empty, migrated database with a generated network (see README.md beside this file).
 * Deterministic: the same preset, seed and anchor give the same rows and ids.
 */
import type { Database } from '../db/index.ts';
import { NetworkGenerator, type GroundTruth, type Progress } from './generate.ts';
import { isPresetName, PRESETS, type PresetName } from './presets.ts';
import { startBulkLoad } from './bulk.ts';
import { seedFacilitatorWork, seedPremoderation } from './facilitator-work.ts';
import { addDemoExtras } from './demo-extras.ts';
import { declareTables } from './schema.ts';
import { startOfUtcWeek } from './time.ts';
import { RowWriter } from './writer.ts';
import { materialisePending } from '../calendar/occurrence-store.ts';

export { PRESETS, isPresetName, type PresetName } from './presets.ts';
export type { GroundTruth } from './generate.ts';
export { WELL_KNOWN_MEMBERS, FIXED_COMMUNITIES, GROUND_TRUTH_TOPICS } from './identities.ts';

export const DEFAULT_SEED = 20_240_601;

export interface SeedOptions {
  preset: PresetName;
  seed?: number;
  /** Dates are placed around this instant (default: Monday 00:00 UTC of the current week). */
  anchor?: Date;
  onProgress?: Progress;
  /** Load with COPY where the database offers it (default); false uses INSERT everywhere (for comparison). */
  copy?: boolean;
  /** Rows buffered before a batch is written (default: the preset's); tests make it small to get many batches. */
  batchSize?: number;
}

export interface SeedResult {
  preset: PresetName;
  seed: number;
  anchor: Date;
  counts: Record<string, number>;
  groundTruth: GroundTruth[];
  milliseconds: number;
}

export async function seed(db: Database, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  if (!isPresetName(options.preset)) throw new TypeError(`Unknown preset "${options.preset as string}"`);
  const preset = PRESETS[options.preset];
  const seedValue = options.seed ?? DEFAULT_SEED;
  const anchor = options.anchor ?? startOfUtcWeek(new Date());
  const { rows } = await db.query<{ n: number }>('select count(*)::int as n from members');
  if ((rows[0]?.n ?? 0) > 0) throw new Error('The database already holds members: seed an empty, migrated database');

  const progress = options.onProgress ?? (() => undefined);
  const writer = new RowWriter(db, options.batchSize ?? preset.batchSize);
  declareTables(writer);
  // Memberships keep their key: the generator's closing update of facilitators finds its rows through it.
  const bulk = await startBulkLoad(
    db,
    writer.tableNames().filter((table) => table !== 'memberships'),
  );
  writer.replica = bulk.replica;
  writer.useCopy = options.copy ?? true;
  const generator = new NetworkGenerator(writer, preset, seedValue, anchor, progress);
  const groundTruth = await generator.run();
  progress(`load (ms per table: ${[...writer.timings].map(([table, ms]) => `${table} ${Math.round(ms)}`).join(', ')})`, 1, 1);
  await bulk.finish(progress);
  await db.transaction(async (tx) => {
    await addDemoExtras(tx, anchor);
    for (const truth of groundTruth) {
      await tx.query('insert into seed_ground_truth (topic, language, query, expected_member_ids) values ($1, $2, $3, $4::bigint[])', [
        truth.topic,
        truth.language,
        truth.query,
        truth.expected,
      ]);
    }
  });
  await db.transaction(async (tx) => {
    await seedFacilitatorWork(tx, anchor);
    await seedPremoderation(tx, anchor);
  });
  // Every event's occurrences as rows (migration 110), written after the load in batches of events; then
  // statistics and the visibility map for the month's index-only reads.
  const occurrencesStarted = performance.now();
  const materialised = await materialisePending(db);
  await db.exec('vacuum analyze event_occurrences');
  await db.exec('analyze events');
  progress(`occurrences of ${materialised} events (${Math.round(performance.now() - occurrencesStarted)} ms)`, 1, 1);
  const counts = writer.counts();
  await db.query('insert into seed_runs (preset, seed, anchor, counts) values ($1, $2, $3, $4::jsonb)', [
    options.preset,
    seedValue,
    anchor.toISOString(),
    JSON.stringify(counts),
  ]);
  return { preset: options.preset, seed: seedValue, anchor, counts, groundTruth, milliseconds: Math.round(performance.now() - started) };
}
