/**
 * The contract fuzzer in CI: 2,000 generated requests with a fixed seed, so a failure reproduces; the
 * longer run is `npm run fuzz` (scripts/fuzz.ts), which prints the same counts.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { fuzzReady, printReport } from './fuzz-setup.ts';
import { summarise } from './contract-fuzzer.ts';

const CASES = 2000;
const SEED = 20261207;

const ready = fuzzReady();
after(async () => (await ready).close());

test(`${CASES} generated requests: no 5xx, problem+json naming the field for every 4xx, every 2xx as documented`, async () => {
  const { run } = await ready;
  const report = await run(CASES, SEED);
  printReport(report);
  const counts = summarise(report);
  assert.equal(report.cases, CASES);
  assert.ok(report.valid > CASES / 4 && report.invalid > CASES / 4, 'both valid and invalid requests were sent');
  const reached = Object.entries(report.byStatus)
    .filter(([status]) => status.startsWith('2'))
    .reduce((n, [, count]) => n + count, 0);
  assert.ok(reached > CASES / 10, `requests got past validation and access checks (${reached} answered 2xx)`);
  assert.deepEqual(
    counts,
    { '5xx': 0, 'non-problem 4xx': 0, 'unnamed 400': 0, 'invalid 2xx': 0, 'undocumented status': 0, threw: 0 },
    JSON.stringify(report.findings.slice(0, 10), null, 1),
  );
});
