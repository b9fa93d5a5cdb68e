/**
 * Materialised occurrences (migration 110, docs/decisions/0200-materialised-occurrences.md): each event's
 * occurrences as rows of `event_occurrences`, computed by the same expansion the listing runs
 * (recurrence.ts), so a calendar month is a keyset read of `limit + 1` rows instead of reading and
 * expanding every unfinished series of a community's scope.
 *
 * `events.occurrences_until` says how far an event's rows go: every occurrence starting before it is
 * stored. Singles and series that end before the horizon get 'infinity'; series without a decidable end
 * are written up to HORIZON_DAYS ahead and extended by housekeeping when fewer than EXTEND_DAYS are left.
 * The listing expands on the fly whatever is not covered (calendar/events.ts), so a row missing or not
 * written yet only costs time.
 */
import type { Database, Queryable } from '../db/index.ts';
import { renderMarkdown } from '../discussion/markdown.ts';
import { type Occurrence, type RecurringEvent, expandOccurrences } from './recurrence.ts';
import { InvalidRuleError, parseRule } from './rule.ts';

const DAY_MS = 86_400_000;
/** How far ahead a series without a decidable end is written (about 18 months). */
export const HORIZON_DAYS = 548;
/** Housekeeping writes a series again when fewer days than this are left before its rows end. */
export const EXTEND_DAYS = 365;
/** Most rows for one event (a daily series over 13 years); past it the rest is expanded on read. */
const MAX_OCCURRENCES = 5_000;
/** Events written per transaction by `materialisePending`. */
const BATCH = 2_000;

interface ExpansionRow {
  id: string;
  community_id: string;
  starts_at: Date;
  ends_at: Date;
  time_zone: string;
  all_day: boolean;
  rrule: string | null;
  exdates: Date[];
  /** Null: no decidable end (infinity). */
  series_until: Date | null;
  description: string;
  description_html: string | null;
}

/**
 * The event as the listing expands it: a stored rule the server cannot read (written by hand into the
 * database) makes the event its first occurrence (calendarEvent in events.ts does the same).
 */
export function expandable(
  row: Pick<ExpansionRow, 'starts_at' | 'ends_at' | 'time_zone' | 'all_day' | 'rrule' | 'exdates'>,
): RecurringEvent {
  let rrule = row.rrule;
  if (rrule) {
    try {
      parseRule(rrule, row.all_day);
    } catch (error) {
      if (!(error instanceof InvalidRuleError)) throw error;
      rrule = null;
    }
  }
  return { startsAt: row.starts_at, endsAt: row.ends_at, timeZone: row.time_zone, allDay: row.all_day, rrule, exdates: row.exdates };
}

/** The rows to store for one event, and how far they go ('infinity': all of them). */
export function occurrencesToStore(row: ExpansionRow, now: Date): { occurrences: Occurrence[]; until: Date | 'infinity' } {
  const event = expandable(row);
  const horizon = new Date(now.getTime() + HORIZON_DAYS * DAY_MS);
  // No occurrence starts before local midnight of the first start's day.
  const from = new Date(row.starts_at.getTime() - 2 * DAY_MS);
  const ends = event.rrule === null ? new Date(row.starts_at.getTime() + 2 * DAY_MS) : row.series_until;
  const complete = ends !== null && ends.getTime() < horizon.getTime();
  const to = complete ? ends : horizon;
  const occurrences = expandOccurrences(event, from, to, { limit: MAX_OCCURRENCES });
  const last = occurrences.at(-1);
  if (occurrences.length === MAX_OCCURRENCES && last) return { occurrences, until: last.start };
  return { occurrences, until: complete ? 'infinity' : horizon };
}

/** `series_until` null when infinite: drivers read 'infinity' as a number, a string or an invalid Date. */
const EXPANSION_COLUMNS = `id, community_id, starts_at, ends_at, time_zone, all_day, rrule, exdates,
  nullif(series_until, 'infinity') as series_until, description, description_html`;

/** Writes the rows of the given events (locked), replacing what they had. */
async function write(tx: Queryable, rows: readonly ExpansionRow[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  const eventIds: string[] = [];
  const communities: string[] = [];
  const starts: string[] = [];
  const ends: string[] = [];
  const startDates: (string | null)[] = [];
  const endDates: (string | null)[] = [];
  const untils: string[] = [];
  for (const row of rows) {
    const { occurrences, until } = occurrencesToStore(row, now);
    untils.push(until === 'infinity' ? until : until.toISOString());
    for (const occurrence of occurrences) {
      eventIds.push(row.id);
      communities.push(row.community_id);
      starts.push(occurrence.start.toISOString());
      ends.push(occurrence.end.toISOString());
      startDates.push(occurrence.startDate ?? null);
      endDates.push(occurrence.endDate ?? null);
    }
  }
  const ids = rows.map((row) => row.id);
  await tx.query('delete from event_occurrences where event_id = any($1::bigint[])', [ids]);
  if (eventIds.length > 0) {
    await tx.query(
      `insert into event_occurrences (event_id, community_id, starts_at, ends_at, start_date, end_date)
       select * from unnest($1::bigint[], $2::bigint[], $3::timestamptz[], $4::timestamptz[], $5::date[], $6::date[])`,
      [eventIds, communities, starts, ends, startDates, endDates],
    );
  }
  // Descriptions stored without their HTML (bulk-loaded events; authoring stores both) are rendered here
  // once, not by every calendar page that lists the event.
  const html = rows.map((row) => row.description_html ?? renderMarkdown(row.description));
  await tx.query(
    `update events e set occurrences_until = u.until, description_html = coalesce(e.description_html, u.html)
     from unnest($1::bigint[], $2::timestamptz[], $3::text[]) as u(id, until, html) where e.id = u.id`,
    [ids, untils, html],
  );
}

/**
 * Writes the occurrences of events just created or changed, in the writer's transaction: the trigger of
 * migration 110 marked those whose times or rule changed.
 */
export async function materialiseEvents(tx: Queryable, ids: readonly string[], now = new Date()): Promise<void> {
  const { rows } = await tx.query<ExpansionRow>(
    `select ${EXPANSION_COLUMNS} from events where id = any($1::bigint[]) and occurrences_until < 'infinity'
       and occurrences_until < $2 order by id for update`,
    [ids, new Date(now.getTime() + EXTEND_DAYS * DAY_MS)],
  );
  await write(tx, rows, now);
}

/** Zones whose rules no tzdata release changes: their rows never go stale. */
const FIXED_ZONES = ['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT'];

/**
 * Stored occurrences are instants computed from wall-clock times with the time-zone rules this server
 * carries (`process.versions.tz`). Started with other rules than the ones recorded (migration 111), it drops
 * the rows of events outside fixed zones and marks them pending, in one transaction: listings expand them
 * on read, from the new rules, until `materialisePending` writes them again. Returns the events marked.
 */
export async function forgetOccurrencesOfOtherRules(db: Database, tzdata = process.versions.tz ?? 'unknown'): Promise<number> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ version: string }>('select version from occurrence_tzdata for update');
    const recorded = rows[0]?.version;
    if (recorded === tzdata) return 0;
    await tx.query(`insert into occurrence_tzdata (version) values ($1) on conflict (singleton) do update set version = excluded.version`, [
      tzdata,
    ]);
    if (recorded === undefined) return 0;
    await tx.query(`delete from event_occurrences o using events e where e.id = o.event_id and e.time_zone <> all($1::text[])`, [
      FIXED_ZONES,
    ]);
    const marked = await tx.query<{ n: number }>(
      `with marked as (update events set occurrences_until = '-infinity'
                       where time_zone <> all($1::text[]) and occurrences_until > '-infinity' returning 1)
       select count(*)::int as n from marked`,
      [FIXED_ZONES],
    );
    return marked.rows[0]?.n ?? 0;
  });
}

/**
 * Catches up with every event not written yet or whose rows end within EXTEND_DAYS: after a migration or
 * a bulk load (the backfill), then periodically (housekeeping). Several instances share the work (`skip
 * locked`). Returns the number of events written.
 */
export async function materialisePending(
  db: Database,
  { now = new Date(), batch = BATCH, stopped = () => false }: { now?: Date; batch?: number; stopped?: () => boolean } = {},
): Promise<number> {
  let written = 0;
  // In id order, each event once per pass: one whose rows stop short (MAX_OCCURRENCES) stays pending.
  let after = '0';
  for (;;) {
    const rows = await db.transaction(async (tx) => {
      const { rows } = await tx.query<ExpansionRow>(
        `select ${EXPANSION_COLUMNS} from events where occurrences_until < 'infinity' and occurrences_until < $1 and id > $2
         order by id limit $3 for update skip locked`,
        [new Date(now.getTime() + EXTEND_DAYS * DAY_MS), after, batch],
      );
      await write(tx, rows, now);
      return rows;
    });
    written += rows.length;
    const last = rows.at(-1);
    if (!last || rows.length < batch || stopped()) return written;
    after = last.id;
  }
}
