/**
 * tsx server/seed/cli.ts --preset capacity4dev [--seed 42] [--database-url postgres://...] [--data-dir .data/grove]
 * Migrates, then seeds an empty database, printing progress on stderr and a summary on stdout.
 * Without --database-url (or DATABASE_URL) and --data-dir, seeds an in-memory PGlite (useful for timing).
 */
import { parseArgs } from 'node:util';
import { migrate, openDatabase } from '../db/index.ts';
import { isPresetName, seed } from './index.ts';

const { values } = parseArgs({
  options: {
    preset: { type: 'string', default: 'demo' },
    seed: { type: 'string' },
    'database-url': { type: 'string' },
    'data-dir': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help || !isPresetName(values.preset)) {
  console.error('Usage: tsx server/seed/cli.ts --preset demo|capacity4dev|x100 [--seed N] [--database-url URL] [--data-dir DIR]');
  process.exit(values.help ? 0 : 2);
}

const url = values['database-url'] ?? process.env.DATABASE_URL;
const db = await openDatabase({ ...(url ? { url } : {}), ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}) });
try {
  const applied = await migrate(db);
  if (applied.length > 0) console.error(`migrated: ${applied.join(', ')}`);
  let lastLine = 0;
  const result = await seed(db, {
    preset: values.preset,
    ...(values.seed ? { seed: Number(values.seed) } : {}),
    onProgress: (phase, done, total) => {
      const now = performance.now();
      if (done === total || now - lastLine > 1_000) {
        lastLine = now;
        console.error(
          `${(now / 1000).toFixed(1).padStart(7)} s ${phase.padEnd(8)} ${done.toLocaleString('en')} / ${total.toLocaleString('en')} (${Math.round((done / total) * 100)}%)`,
        );
      }
    },
  });
  console.log(`seeded ${result.preset} (seed ${result.seed}) on ${db.kind} in ${(result.milliseconds / 1000).toFixed(1)} s`);
  for (const [table, count] of Object.entries(result.counts)) console.log(`  ${table.padEnd(20)} ${count.toLocaleString('en')}`);
} finally {
  await db.close();
}
