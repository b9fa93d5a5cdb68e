/** The app, its database and a pool of real ids, slugs and tokens for the contract fuzzer. */
import contract from '../../../api/openapi.json' with { type: 'json' };
import { createApp } from '../../../server/http/app.ts';
import { createFixture, testConfig, testDatabase, tokenFor } from '../http/harness.ts';
import { fuzzContract, summarise, type Contract, type FuzzReport } from './contract-fuzzer.ts';

export async function fuzzReady() {
  const db = await testDatabase();
  const fixture = await createFixture(db);
  const grove = createApp({ db, config: testConfig() });
  const ids = await db.query<{ id: string }>(
    `(select id::text from posts order by id desc limit 20) union (select id::text from threads order by id desc limit 10)
     union (select id::text from events order by id limit 10) union (select id::text from members order by id limit 10)
     union (select id::text from reports order by id desc limit 5)`,
  );
  const pool = {
    ids: [
      ...new Set([
        fixture.thread,
        fixture.question,
        fixture.privateThread,
        fixture.event,
        fixture.member,
        fixture.facilitator,
        ...ids.rows.map((r) => r.id),
      ]),
    ],
    slugs: [fixture.grove.slug, fixture.private.slug, fixture.other.slug, 'water', 'soil-health', 'first-accepted-answer'],
    tokens: [await tokenFor(fixture.member), await tokenFor(fixture.facilitator), await tokenFor(fixture.outsider)],
  };
  const run = (cases: number, seed: number): Promise<FuzzReport> =>
    fuzzContract({
      contract: contract as unknown as Contract,
      pool,
      cases,
      seed,
      send: (request) =>
        Promise.resolve(grove.app.request(request.path, { method: request.method, headers: request.headers, body: request.body })),
    });
  return {
    run,
    close: async () => {
      grove.hub.close(); // ends the live streams the fuzzer opened
      await db.close();
    },
  };
}

export function printReport(report: FuzzReport): void {
  const counts = summarise(report);
  console.log(
    `contract fuzz: ${report.cases} cases (${report.valid} valid, ${report.invalid} invalid) over ${Object.keys(report.byOperation).length} operations; ` +
      `statuses ${JSON.stringify(report.byStatus)}; 5xx ${counts['5xx']}, invalid 2xx ${counts['invalid 2xx']}, ` +
      `non-problem 4xx ${counts['non-problem 4xx']}, unnamed 400 ${counts['unnamed 400']}, undocumented status ${counts['undocumented status']}, threw ${counts.threw}`,
  );
  for (const finding of report.findings.slice(0, 20))
    console.log(`  ${finding.kind} ${finding.status} ${finding.operation}: ${finding.request}\n    ${finding.detail}`);
}
