// The contract fuzzer's long run: `npm run fuzz -- --cases 20000 --seed 42` (defaults: 10,000 cases, a
// random seed, printed so a finding can be replayed). Same checks as the CI test, counts printed.
import { fuzzReady, printReport } from '../test/server/fuzz/fuzz-setup.ts';
import { summarise } from '../test/server/fuzz/contract-fuzzer.ts';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a non-negative integer`);
  return value;
}

const cases = option('cases', 10_000);
const seed = option('seed', Math.floor(Math.random() * 2 ** 31));
const started = performance.now();
const fuzz = await fuzzReady();
try {
  const report = await fuzz.run(cases, seed);
  printReport(report);
  const findings = Object.values(summarise(report)).reduce((a, b) => a + b, 0);
  console.log(`seed ${seed}, ${((performance.now() - started) / 1000).toFixed(1)} s, ${findings} finding(s)`);
  process.exitCode = findings > 0 ? 1 : 0;
} finally {
  await fuzz.close();
}
