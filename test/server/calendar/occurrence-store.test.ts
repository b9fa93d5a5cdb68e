import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { listOccurrences } from '../../../server/calendar/events.ts';
import { forgetOccurrencesOfOtherRules, HORIZON_DAYS, materialisePending } from '../../../server/calendar/occurrence-store.ts';
import type { Viewer } from '../../../server/shared/viewer.ts';
import { call, setup, testDatabase, type Fixture } from '../http/harness.ts';

let ctx: Awaited<ReturnType<typeof setup>>;
let f: Fixture;
const DAY_MS = 86_400_000;

/** Every page of a range, followed by cursor, as the API returns them. */
async function allPages(query: { community?: string; from: string; to: string; limit: number }, viewer: Viewer | null) {
  const pages: unknown[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 100; i++) {
    const page = await listOccurrences(ctx.db, { ...query, cursor }, viewer);
    pages.push(page);
    if (!page.next) return pages;
    cursor = page.next;
  }
  throw new Error('more than 100 pages');
}

/** The ranges compared: the demo network's months around its anchor and the fixture's DST weeks. */
async function ranges(): Promise<{ from: string; to: string }[]> {
  const { rows } = await ctx.db.query<{ anchor: Date }>(
    `select coalesce((select anchor from seed_runs order by id desc limit 1), now()) as anchor`,
  );
  const anchor = rows[0]!.anchor;
  const months = [-2, -1, 0, 1, 2, 3].map((offset) => ({
    from: new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() + offset, 1)).toISOString(),
    to: new Date(Date.UTC(anchor.getUTCFullYear(), anchor.getUTCMonth() + offset + 1, 1)).toISOString(),
  }));
  return [
    ...months,
    { from: '2026-03-20T00:00:00Z', to: '2026-04-10T00:00:00Z' }, // Europe: clocks forward on 29 March
    { from: '2026-10-20T00:00:00Z', to: '2026-11-15T00:00:00Z' }, // Europe 25 October, New York 1 November
    { from: '2026-10-01T00:00:00Z', to: '2027-11-01T00:00:00Z' }, // a year and a month, small pages
  ];
}

/** Every listing compared: the fixture community and the whole network, anonymous and signed in, small pages. */
async function listings() {
  const out: unknown[] = [];
  for (const range of await ranges()) {
    for (const viewer of [null, { memberId: f.member }, { memberId: f.facilitator }]) {
      for (const community of [f.grove.slug, undefined]) {
        out.push(await allPages({ ...range, community, limit: community ? 7 : 40 }, viewer));
      }
    }
  }
  return out;
}

async function storedCount(eventId: string): Promise<number> {
  const { rows } = await ctx.db.query<{ n: number }>('select count(*)::int as n from event_occurrences where event_id = $1', [eventId]);
  return rows[0]!.n;
}

before(async () => {
  ctx = await setup();
  f = ctx.fixture;
  const insert = async (values: string, params: unknown[]) => {
    const { rows } = await ctx.db.query<{ id: string }>(
      `insert into events (community_id, organiser_id, title, description, starts_at, ends_at, time_zone, all_day, rrule, exdates, cancelled,
                           series_id, recurrence_id)
       values ${values} returning id`,
      params,
    );
    return rows[0]!.id;
  };
  // Tuesdays 14:00 Paris across the spring change, one occurrence cancelled and one moved out on its own.
  const clinic = await insert(
    `($1, $2, 'Clinic', 'Pumps', '2026-03-17T13:00:00Z', '2026-03-17T14:00:00Z', 'Europe/Paris', false, 'FREQ=WEEKLY;BYDAY=TU;COUNT=6',
      '{2026-04-07T12:00:00Z,2026-03-31T12:00:00Z}', false, null, null)`,
    [f.grove.id, f.facilitator],
  );
  await insert(
    `($1, $2, 'Clinic (moved)', 'Pumps', '2026-04-01T15:00:00Z', '2026-04-01T16:00:00Z', 'Europe/Paris', false, null, '{}', false, $3,
      '2026-03-31T12:00:00Z')`,
    [f.grove.id, f.facilitator, clinic],
  );
  // All-day Fridays in New York across the autumn change, one day excluded.
  await insert(
    `($1, $2, 'Field day', 'Soil', '2026-10-23T04:00:00Z', '2026-10-24T04:00:00Z', 'America/New_York', true, 'FREQ=WEEKLY;BYDAY=FR;COUNT=5',
      '{2026-11-06T05:00:00Z}', false, null, null)`,
    [f.grove.id, f.facilitator],
  );
  // A monthly series without an end (written up to the horizon), in the members-only community.
  await insert(
    `($1, $2, 'Members call', 'Monthly', '2026-10-05T09:00:00Z', '2026-10-05T10:00:00Z', 'Asia/Kolkata', false, 'FREQ=MONTHLY;BYDAY=1MO', '{}',
      false, null, null)`,
    [f.private.id, f.facilitator],
  );
  // A cancelled daily series with UNTIL, a three-day event and a deadline lasting no time.
  await insert(
    `($1, $2, 'Sprint', 'Daily', '2026-10-26T08:00:00Z', '2026-10-26T08:15:00Z', 'Europe/London', false, 'FREQ=DAILY;UNTIL=20261103T235959Z', '{}',
      true, null, null)`,
    [f.grove.id, f.facilitator],
  );
  await insert(
    `($1, $2, 'Gathering', 'Three days', '2026-10-30T08:00:00Z', '2026-11-02T16:00:00Z', 'Africa/Nairobi', false, null, '{}', false, null, null)`,
    [f.grove.id, f.facilitator],
  );
  await insert(
    `($1, $2, 'Deadline', 'Reports due', '2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', 'UTC', false, null, '{}', false, null, null)`,
    [f.grove.id, f.facilitator],
  );
});
after(async () => (await testDatabase()).close());

describe('materialised occurrences (migration 110)', () => {
  test('list exactly what the on-the-fly expansion lists: seeded series, exceptions, moved and cancelled occurrences, DST, all-day', async () => {
    // Nothing stored: every event is expanded on the fly, as before migration 110.
    await ctx.db.query(`update events set occurrences_until = '-infinity'`);
    await ctx.db.query('delete from event_occurrences');
    const expected = await listings();
    const written = await materialisePending(ctx.db);
    const { rows } = await ctx.db.query<{ events: number; pending: number; stored: number }>(
      `select count(*)::int as events, count(*) filter (where occurrences_until < 'infinity')::int as pending,
              (select count(*)::int from event_occurrences) as stored from events`,
    );
    assert.equal(written, rows[0]!.events);
    assert.equal(rows[0]!.pending, 1, 'only the series without an end stops at the horizon');
    assert.ok(rows[0]!.stored > rows[0]!.events);
    const actual = await listings();
    assert.ok(JSON.stringify(expected).length > 100_000, 'the comparison covers a real calendar');
    assert.deepEqual(actual, expected);
  });

  test('a series past its horizon is expanded on read, and housekeeping extends it', async () => {
    const { rows } = await ctx.db.query<{ id: string; until: Date }>(
      `select id, nullif(occurrences_until, 'infinity') as until from events where title = 'Members call' and community_id = $1`,
      [f.private.id],
    );
    const { id, until } = rows[0]!;
    assert.ok(Math.abs(until.getTime() - Date.now() - HORIZON_DAYS * DAY_MS) < DAY_MS);
    const beyond = new Date(until.getTime() + 40 * DAY_MS);
    const range = {
      community: f.private.slug,
      from: beyond.toISOString(),
      to: new Date(beyond.getTime() + 62 * DAY_MS).toISOString(),
      limit: 10,
    };
    const listed = await listOccurrences(ctx.db, range, { memberId: f.member });
    assert.equal(listed.items.filter((item) => item.id === id).length, 2);
    // A year later, housekeeping writes it again up to the new horizon.
    const later = new Date(Date.now() + 300 * DAY_MS);
    const before = await storedCount(id);
    await materialisePending(ctx.db, { now: later });
    assert.ok((await storedCount(id)) > before);
    assert.deepEqual(await listOccurrences(ctx.db, range as never, { memberId: f.member }), listed);
  });

  test('a change to the times or the rule drops the rows; authoring writes them again in its transaction', async () => {
    const created = await call(ctx.grove, '/api/v1/events', {
      method: 'POST',
      as: f.facilitator,
      body: {
        community: f.grove.slug,
        title: 'Weekly seed swap',
        description: 'Bring seeds',
        kind: 'meeting',
        startsAt: '2026-10-20T16:00:00Z',
        endsAt: '2026-10-20T17:00:00Z',
        timeZone: 'Europe/Madrid',
        rrule: 'FREQ=WEEKLY;COUNT=4',
        mode: 'in-person',
        location: 'Seed library',
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    const id = (created.json as { id: string }).id;
    assert.equal(await storedCount(id), 4);
    // Cancelling one occurrence (an EXDATE) rewrites the rows at once.
    const cancelled = await call(ctx.grove, `/api/v1/events/${id}/cancellation`, {
      method: 'POST',
      as: f.facilitator,
      body: { occurrence: '2026-10-27T17:00:00Z' },
    });
    assert.equal(cancelled.status, 200, JSON.stringify(cancelled.json));
    assert.equal(await storedCount(id), 3);
    // A hand-written change leaves the event to the on-the-fly path until the next pass.
    await ctx.db.query(`update events set rrule = 'FREQ=WEEKLY;COUNT=6' where id = $1`, [id]);
    assert.equal(await storedCount(id), 0);
    const range = { community: f.grove.slug, from: '2026-10-01T00:00:00Z', to: '2026-12-31T00:00:00Z', limit: 100 };
    const starts = async () =>
      (await listOccurrences(ctx.db, range as never, null)).items.filter((item) => item.id === id).map((item) => item.start);
    const onTheFly = await starts();
    assert.equal(onTheFly.length, 5);
    await materialisePending(ctx.db);
    assert.equal(await storedCount(id), 5);
    assert.deepEqual(await starts(), onTheFly);
  });

  test('a server with other time-zone rules drops the rows of zoned events and lists them from its own rules', async () => {
    await materialisePending(ctx.db);
    await forgetOccurrencesOfOtherRules(ctx.db, 'tzdata-a');
    const range = { community: f.grove.slug, from: '2026-03-01T00:00:00Z', to: '2026-12-01T00:00:00Z', limit: 100 };
    const listed = await listOccurrences(ctx.db, range, null);
    const zoned = async () => {
      const { rows } = await ctx.db.query<{ n: number }>(
        `select count(*)::int as n from event_occurrences o join events e on e.id = o.event_id where e.community_id = $1 and e.time_zone <> 'UTC'`,
        [f.grove.id],
      );
      return rows[0]!.n;
    };
    assert.ok((await zoned()) > 0);
    // Same rules: nothing happens.
    assert.equal(await forgetOccurrencesOfOtherRules(ctx.db, 'tzdata-a'), 0);
    // Another release: the zoned events' rows go (the UTC deadline keeps its row), they are still listed, and housekeeping writes them again.
    const deadline = await ctx.db.query<{ id: string }>(`select id from events where title = 'Deadline' and community_id = $1`, [
      f.grove.id,
    ]);
    assert.ok((await forgetOccurrencesOfOtherRules(ctx.db, 'tzdata-b')) > 0);
    assert.equal(await zoned(), 0);
    assert.equal(await storedCount(deadline.rows[0]!.id), 1);
    assert.deepEqual(await listOccurrences(ctx.db, range as never, null), listed);
    await materialisePending(ctx.db);
    assert.ok((await zoned()) > 0);
    assert.deepEqual(await listOccurrences(ctx.db, range as never, null), listed);
  });
});
