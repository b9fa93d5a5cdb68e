/**
 * Prints how long seeding takes on in-memory PGlite (demo and capacity4dev, or the presets given as
 * arguments) and how long a test process needs to load the cached demo template.
 *   node --import tsx bench/seed.ts [demo capacity4dev]
 */
import { migrate, openDatabase } from '../server/db/index.ts';
import { openTestDatabase } from '../server/seed/testing.ts';
import { isPresetName, seed } from '../server/seed/index.ts';

const presets = process.argv.slice(2).filter(isPresetName);
for (const preset of presets.length > 0 ? presets : (['demo', 'capacity4dev'] as const)) {
  const db = await openDatabase();
  await migrate(db);
  const result = await seed(db, { preset });
  console.log(
    `seed ${preset.padEnd(13)} ${(result.milliseconds / 1000).toFixed(1)} s  (${result.counts.members} members, ${result.counts.posts} posts)`,
  );
  await db.close();
}
const started = performance.now();
const template = await openTestDatabase({ url: null });
console.log(`template load      ${Math.round(performance.now() - started)} ms`);
await template.close();
