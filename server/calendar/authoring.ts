/**
 * Facilitators write events: create, edit (If-Match on the SEQUENCE), cancel the whole event or one
 * occurrence, and edit one occurrence of a series on its own. Every write checks the whole resulting
 * event (rule, zone, times, link, place) and refuses with 422 naming each field at fault; every change
 * bumps SEQUENCE; attendees of what changed are mailed an invitation in the same transaction
 * (docs/decisions/0140-event-authoring.md).
 */
import type { z } from '@hono/zod-openapi';
import { assertFacilitator, readableCommunity, type CommunityAccess } from '../communities/access.ts';
import type { CancellationInput, EventInput, EventPatch, OccurrenceEditInput } from '../contract/events.ts';
import type { Database, Queryable } from '../db/index.ts';
import { renderMarkdown } from '../discussion/markdown.ts';
import type { MailContext, Recipient } from '../mail/compose.ts';
import { mailEventAttendees, mailWaitlistPromotion } from '../mail/notify.ts';
import { recordFacts } from '../participation/facts.ts';
import { changedMeanwhile, forbidden, HttpProblem, type FieldError } from '../shared/problem.ts';
import { safeLink } from '../shared/urls.ts';
import type { Viewer } from '../shared/viewer.ts';
import { EVENT_SELECT, type EventKind, type EventMode, type EventRow, occurrenceState } from './event-store.ts';
import { materialiseEvents } from './occurrence-store.ts';
import { calendarEvent, type EventOccurrenceBody, findOccurrence, requireEvent, toOccurrence } from './events.ts';
import { expandOccurrences, InvalidRuleError, invitationCalendar, occursAt, parseRule, type IcsEvent } from './index.ts';
import { instantFromWallClock, isValidTimeZone, wallClockAt } from './zone.ts';

const DAY_MS = 86_400_000;
/** An event longer than a month is a season, not an event; it would also blur every listing's margins. */
const MAX_LENGTH_DAYS = 31;
const FIRST_OCCURRENCE_HORIZON_MS = 100 * 366 * DAY_MS;

/** Every field of an event a facilitator writes, as stored. */
interface EventFields {
  title: string;
  description: string;
  kind: EventKind;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  allDay: boolean;
  rrule: string | null;
  exdates: Date[];
  mode: EventMode;
  location: string | null;
  joinUrl: string | null;
  capacity: number | null;
}

type Patch = z.infer<typeof EventPatch>;

/** The community where the viewer may write events: readable (else 404), facilitated (else 403), open. */
async function facilitatedCommunity(db: Queryable, by: { slug: string } | { id: string }, viewer: Viewer): Promise<CommunityAccess> {
  const access = await readableCommunity(db, by, viewer);
  assertFacilitator(access);
  if (access.lifecycle === 'closed') throw forbidden('This community is closed');
  return access;
}

function fieldsOf(row: EventRow): EventFields {
  return {
    title: row.title,
    description: row.description,
    kind: row.kind,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    timeZone: row.time_zone,
    allDay: row.all_day,
    rrule: row.rrule,
    exdates: row.exdates,
    mode: row.mode,
    location: row.location,
    joinUrl: row.join_url,
    capacity: row.capacity,
  };
}

function applyPatch(fields: EventFields, patch: Patch): EventFields {
  const next = { ...fields };
  for (const [key, value] of Object.entries(patch) as [keyof Patch, unknown][]) {
    if (value === undefined) continue;
    if (key === 'startsAt' || key === 'endsAt') next[key] = new Date(value as string);
    else if (key === 'exdates') next.exdates = (value as string[]).map((date) => new Date(date));
    else (next as Record<string, unknown>)[key] = value;
  }
  return next;
}

const isMidnight = (instant: Date, zone: string) => {
  const clock = wallClockAt(instant, zone);
  return clock.hour === 0 && clock.minute === 0 && clock.second === 0;
};

/**
 * The whole event, checked: 422 listing every field at fault. Returns it normalised (the join link as
 * the URL rule writes it, exdates sorted without repeats).
 */
export function checkEvent(fields: EventFields): EventFields {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field: `body.${field}`, message });
  const zoneOk = isValidTimeZone(fields.timeZone);
  if (!zoneOk) fail('timeZone', 'Not an IANA time zone, e.g. Europe/Paris');
  if (fields.endsAt < fields.startsAt) fail('endsAt', 'Must not be before startsAt');
  else if (fields.endsAt.getTime() - fields.startsAt.getTime() > MAX_LENGTH_DAYS * DAY_MS)
    fail('endsAt', `At most ${MAX_LENGTH_DAYS} days after startsAt`);
  if (fields.allDay && zoneOk) {
    if (!isMidnight(fields.startsAt, fields.timeZone)) fail('startsAt', 'An all-day event starts at local midnight');
    if (!isMidnight(fields.endsAt, fields.timeZone) || fields.endsAt <= fields.startsAt) {
      fail('endsAt', 'An all-day event ends at local midnight after its last day');
    }
  }
  const joinUrl = fields.joinUrl === null || fields.joinUrl === '' ? null : safeLink(fields.joinUrl);
  if (fields.joinUrl && !joinUrl) fail('joinUrl', 'Must be an absolute http(s) link without user name or spaces');
  if (fields.mode !== 'in-person' && !fields.joinUrl) fail('joinUrl', 'An online or hybrid event needs a join link');
  const location = fields.location?.trim() ? fields.location.trim() : null;
  if (fields.mode !== 'online' && !location) fail('location', 'An in-person or hybrid event needs a place');
  let exdates = [...new Map(fields.exdates.map((date) => [date.getTime(), date])).values()].sort((a, b) => a.getTime() - b.getTime());
  if (fields.rrule !== null && zoneOk && errors.length === 0) {
    try {
      parseRule(fields.rrule, fields.allDay);
      const event = { ...fields, exdates: [] };
      const from = new Date(fields.startsAt.getTime() - 2 * DAY_MS);
      if (expandOccurrences(event, from, new Date(from.getTime() + FIRST_OCCURRENCE_HORIZON_MS), { limit: 1 }).length === 0) {
        fail('rrule', 'The rule gives no occurrence on or after startsAt');
      }
      exdates.forEach((date, index) => {
        if (!occursAt(event, date)) fail(`exdates.${index}`, 'Not the start of an occurrence of this event');
      });
    } catch (error) {
      if (!(error instanceof InvalidRuleError)) throw error;
      fail('rrule', error.message);
    }
  } else if (fields.rrule === null && exdates.length > 0) {
    fail('exdates', 'Only a recurring event has exceptions');
    exdates = [];
  }
  if (errors.length > 0) {
    throw new HttpProblem(422, `The event cannot be saved: ${errors.map((e) => e.field).join(', ')}`, { type: 'invalid-event', errors });
  }
  return { ...fields, joinUrl, location, exdates };
}

const ROW_VALUES = `title = $2, description = $3, description_html = $4, kind = $5, starts_at = $6, ends_at = $7, time_zone = $8,
  all_day = $9, rrule = $10, exdates = $11, mode = $12, location = $13, join_url = $14, capacity = $15`;

const rowParams = (fields: EventFields) => [
  fields.title,
  fields.description,
  renderMarkdown(fields.description),
  fields.kind,
  fields.startsAt,
  fields.endsAt,
  fields.timeZone,
  fields.allDay,
  fields.rrule,
  fields.exdates,
  fields.mode,
  fields.location,
  fields.joinUrl,
  fields.capacity,
];

/** `detached`: an occurrence taken out of a series; its SEQUENCE continues the series' (clients compare them). */
async function insertEvent(
  tx: Queryable,
  communityId: string,
  organiserId: string,
  fields: EventFields,
  detached?: { seriesId: string; recurrenceId: Date; sequence: number },
) {
  const { rows } = await tx.query<{ id: string }>(
    `insert into events (community_id, organiser_id, title, description, description_html, kind, starts_at, ends_at, time_zone,
                         all_day, rrule, exdates, mode, location, join_url, capacity, series_id, recurrence_id, sequence)
     values ($1, $16, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $17, $18, $19) returning id`,
    [communityId, ...rowParams(fields), organiserId, detached?.seriesId ?? null, detached?.recurrenceId ?? null, detached?.sequence ?? 0],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('insert into events returned no id');
  await materialiseEvents(tx, [id]);
  await recordFacts(tx, [{ memberId: organiserId, communityId, kind: 'event-hosted', subjectId: id }]);
  return id;
}

async function firstOccurrence(db: Queryable, id: string, viewer: Viewer): Promise<EventOccurrenceBody> {
  const row = await requireEvent(db, id, viewer);
  const occurrence = findOccurrence(row, undefined, 'body.occurrence');
  return toOccurrence(row, occurrence, await occurrenceState(db, { event: row, start: occurrence.start }, viewer.memberId));
}

/** A new event in a community the viewer facilitates; the viewer is its organiser. */
export async function createEvent(db: Database, input: z.infer<typeof EventInput>, viewer: Viewer): Promise<EventOccurrenceBody> {
  const community = await facilitatedCommunity(db, { slug: input.community }, viewer);
  const fields = checkEvent({
    ...input,
    startsAt: new Date(input.startsAt),
    endsAt: new Date(input.endsAt),
    exdates: input.exdates.map((date) => new Date(date)),
  });
  const id = await db.transaction((tx) => insertEvent(tx, community.id, viewer.memberId, fields));
  return firstOccurrence(db, id, viewer);
}

/** The event the viewer may write: readable (else 404) in a community they facilitate (else 403). */
export async function requireWritableEvent(db: Queryable, id: string, viewer: Viewer): Promise<EventRow> {
  const row = await requireEvent(db, id, viewer);
  await facilitatedCommunity(db, { id: row.community_id }, viewer);
  return row;
}

/** Fields whose change makes attendees' calendars wrong: they are mailed. */
const ATTENDANCE_FIELDS = ['startsAt', 'endsAt', 'timeZone', 'allDay', 'rrule', 'exdates', 'mode', 'location', 'joinUrl'] as const;

function attendanceChanged(before: EventFields, after: EventFields): boolean {
  return ATTENDANCE_FIELDS.some((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}

/** The same wall-clock shift as the first occurrence moved by, applied to another instant of the series. */
function shiftLike(before: EventFields, after: EventFields) {
  const from = wallClockAt(before.startsAt, before.timeZone);
  const to = wallClockAt(after.startsAt, after.timeZone);
  const deltaMs =
    Date.UTC(to.year, to.month - 1, to.day, to.hour, to.minute, to.second) -
    Date.UTC(from.year, from.month - 1, from.day, from.hour, from.minute, from.second);
  return (instant: Date): Date => {
    const clock = wallClockAt(instant, before.timeZone);
    const moved = new Date(Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second) + deltaMs);
    return instantFromWallClock(
      {
        year: moved.getUTCFullYear(),
        month: moved.getUTCMonth() + 1,
        day: moved.getUTCDate(),
        hour: moved.getUTCHours(),
        minute: moved.getUTCMinutes(),
        second: moved.getUTCSeconds(),
      },
      after.timeZone,
    );
  };
}

/** Members who answered going or maybe for `occurrence`, or for any occurrence not yet over. */
async function attendees(tx: Queryable, row: EventRow, occurrence?: Date): Promise<string[]> {
  const { rows } = await tx.query<{ member_id: string }>(
    `select distinct member_id from rsvps where event_id = $1 and status in ('going', 'maybe')
       and (case when $2::timestamptz is null then occurrence + ($3::bigint * interval '1 millisecond') > now() else occurrence = $2::timestamptz end)`,
    [row.id, occurrence ?? null, row.ends_at.getTime() - row.starts_at.getTime()],
  );
  return rows.map((r) => r.member_id);
}

/** The next occurrence not yet over (what "it is now on" names), else the first. */
function nextOccurrence(event: IcsEvent): { start: Date; end: Date } {
  const now = new Date();
  const length = event.endsAt.getTime() - event.startsAt.getTime();
  const from = new Date(Math.max(now.getTime() - length, event.startsAt.getTime() - 2 * DAY_MS));
  return (
    expandOccurrences(event, from, new Date(from.getTime() + FIRST_OCCURRENCE_HORIZON_MS), { limit: 1 })[0] ?? {
      start: event.startsAt,
      end: event.endsAt,
    }
  );
}

interface Notice {
  kind: 'event-changed' | 'event-cancelled';
  memberIds: string[];
  /** The event as attendees should now hold it: the series, or one instance of it. */
  event: IcsEvent;
  method: 'REQUEST' | 'CANCEL';
  when: Date;
}

async function notify(tx: Queryable, mail: MailContext | null, row: EventRow, organiser: string, domain: string, notice: Notice) {
  if (!mail || notice.memberIds.length === 0) return;
  await mailEventAttendees(tx, mail, {
    kind: notice.kind,
    memberIds: notice.memberIds,
    communityId: row.community_id,
    event: notice.event.title,
    start: notice.when,
    timeZone: notice.event.timeZone,
    allDay: notice.event.allDay,
    url: null,
    calendarFor: (recipient: Recipient) =>
      invitationCalendar(
        notice.event,
        {
          method: notice.method,
          organizer: { name: organiser, address: mail.from },
          attendee: { name: recipient.name, address: recipient.address },
        },
        { domain },
      ),
  });
}

/**
 * More seats (or no limit any more): on every occurrence not yet over, the members now within capacity
 * who were beyond the old one moved off the waitlist, and are told (seats go in answer order, as in
 * event-store.ts). Run after the write, in its transaction.
 */
async function mailPromotedByCapacity(
  tx: Queryable,
  mail: MailContext | null,
  event: { id: string; community_id: string; title: string; time_zone: string; length_ms: number },
  before: number | null,
  after: number | null,
) {
  if (!mail || before === null || (after !== null && after <= before)) return;
  const { rows } = await tx.query<{ member_id: string; occurrence: Date }>(
    `select member_id, occurrence from (
       select member_id, occurrence, row_number() over (partition by occurrence order by created_at, member_id) as seat
       from rsvps where event_id = $1 and status = 'going' and occurrence + ($4::bigint * interval '1 millisecond') > now()
     ) ranked where seat > $2 and ($3::int is null or seat <= $3) order by occurrence, seat`,
    [event.id, before, after, event.length_ms],
  );
  for (const row of rows) {
    await mailWaitlistPromotion(tx, mail, {
      memberId: row.member_id,
      communityId: event.community_id,
      event: event.title,
      start: row.occurrence,
      timeZone: event.time_zone,
      url: null,
    });
  }
}

/** The stored row after a write, as the iCalendar modules take it. */
async function reread(tx: Queryable, id: string): Promise<IcsEvent> {
  const { rows } = await tx.query<EventRow>(`${EVENT_SELECT} where e.id = $1`, [id]);
  if (!rows[0]) throw new Error('event vanished after write');
  return calendarEvent(rows[0]);
}

/** An instance of the series as an invitation writes it (see IcsEvent.instanceOf). */
function instanceOf(series: IcsEvent, start: Date, end: Date, recurrenceId: Date, overrides: Partial<IcsEvent> = {}): IcsEvent {
  return {
    ...series,
    ...overrides,
    startsAt: start,
    endsAt: end,
    rrule: null,
    exdates: [],
    instanceOf: { seriesId: series.id, recurrenceId },
  };
}

/**
 * Edits an event the viewer facilitates, if `version` (its SEQUENCE, from If-Match) is still current.
 * Answers follow the event when its time moves: a single event's to the new start, a series' by the same
 * wall-clock shift (those that land on no occurrence any more stay behind, invisible, and were mailed).
 */
export async function updateEvent(
  db: Database,
  row: EventRow,
  version: number,
  patch: Patch,
  viewer: Viewer,
  mail: MailContext | null,
  domain: string,
) {
  const before = fieldsOf(row);
  let merged = applyPatch(before, patch);
  const moved = merged.startsAt.getTime() !== before.startsAt.getTime() || merged.timeZone !== before.timeZone;
  if (moved && patch.exdates === undefined && merged.rrule !== null) {
    // The exceptions move with the series, so a cancelled Tuesday stays cancelled when the class moves to 15:00.
    const shift = shiftLike(before, merged);
    merged = { ...merged, exdates: merged.exdates.map(shift).filter((date) => occursAt({ ...merged, exdates: [] }, date)) };
  }
  if (row.series_id !== null && merged.rrule !== null) {
    throw new HttpProblem(422, 'An occurrence edited on its own cannot repeat', {
      type: 'invalid-event',
      errors: [{ field: 'body.rrule', message: 'Must be null for an occurrence taken out of a series' }],
    });
  }
  const after = checkEvent(merged);
  await db.transaction(async (tx) => {
    const recipients = attendanceChanged(before, after) ? await attendees(tx, row) : [];
    const { rows: updated } = await tx.query(
      `update events set ${ROW_VALUES}, sequence = sequence + 1, updated_at = now() where id = $1 and sequence = $16 returning id`,
      [row.id, ...rowParams(after), version],
    );
    if (updated.length === 0) throw changedMeanwhile();
    // Its occurrences again, when the times or the rule changed (migration 110's trigger dropped them).
    await materialiseEvents(tx, [row.id]);
    if (moved) await moveAnswers(tx, row, before, after);
    const event = await reread(tx, row.id);
    const next = nextOccurrence(event);
    const asSent =
      row.series_id && row.recurrence_id
        ? instanceOf({ ...event, id: row.series_id }, event.startsAt, event.endsAt, row.recurrence_id)
        : event;
    await notify(tx, mail, row, row.organiser_name, domain, {
      kind: 'event-changed',
      memberIds: recipients,
      event: asSent,
      method: 'REQUEST',
      when: next.start,
    });
    await mailPromotedByCapacity(
      tx,
      mail,
      { ...row, title: after.title, time_zone: after.timeZone, length_ms: after.endsAt.getTime() - after.startsAt.getTime() },
      before.capacity,
      after.capacity,
    );
  });
  return firstOccurrence(db, row.id, viewer);
}

async function moveAnswers(tx: Queryable, row: EventRow, before: EventFields, after: EventFields) {
  if (after.rrule === null) {
    await tx.query('update rsvps set occurrence = $2 where event_id = $1', [row.id, after.startsAt]);
    return;
  }
  const { rows } = await tx.query<{ occurrence: Date }>('select distinct occurrence from rsvps where event_id = $1', [row.id]);
  const shift = shiftLike(before, after);
  const series = { ...after, exdates: [] };
  const moves = rows
    .map((r) => [r.occurrence, shift(r.occurrence)] as const)
    .filter(([from, to]) => from.getTime() !== to.getTime() && occursAt(series, to));
  if (moves.length === 0) return;
  await tx.query(
    `update rsvps r set occurrence = m.to_start from unnest($2::timestamptz[], $3::timestamptz[]) as m(from_start, to_start)
     where r.event_id = $1 and r.occurrence = m.from_start`,
    [row.id, moves.map(([from]) => from), moves.map(([, to]) => to)],
  );
}

/**
 * Cancels the whole event (STATUS:CANCELLED; it stays listed, marked) or one occurrence of a series (an
 * EXDATE). Attendees of what was cancelled get METHOD:CANCEL. Cancelling what is already cancelled is a
 * 409, so a retry with a new key cannot mail everyone twice.
 */
export async function cancelEvent(
  db: Database,
  id: string,
  input: z.infer<typeof CancellationInput>,
  viewer: Viewer,
  mail: MailContext | null,
  domain: string,
) {
  const row = await requireWritableEvent(db, id, viewer);
  if (row.cancelled) throw new HttpProblem(409, 'This event is already cancelled', { type: 'event-cancelled' });
  const occurrence = input.occurrence === undefined ? undefined : findOccurrence(row, input.occurrence, 'body.occurrence');
  if (occurrence && row.rrule === null) {
    throw new HttpProblem(422, 'Only an occurrence of a series can be cancelled on its own; cancel the event', {
      errors: [{ field: 'body.occurrence', message: 'This event does not repeat' }],
    });
  }
  await db.transaction(async (tx) => {
    const recipients = await attendees(tx, row, occurrence?.start);
    if (occurrence) {
      await tx.query(
        `update events set exdates = array_append(exdates, $2::timestamptz), sequence = sequence + 1, updated_at = now() where id = $1`,
        [row.id, occurrence.start],
      );
      await materialiseEvents(tx, [row.id]);
    } else {
      await tx.query('update events set cancelled = true, sequence = sequence + 1, updated_at = now() where id = $1', [row.id]);
    }
    const event = await reread(tx, row.id);
    const sent = occurrence
      ? instanceOf(event, occurrence.start, occurrence.end, occurrence.start)
      : row.series_id && row.recurrence_id
        ? instanceOf({ ...event, id: row.series_id }, event.startsAt, event.endsAt, row.recurrence_id)
        : event;
    const when = occurrence?.start ?? nextOccurrence({ ...event, cancelled: false }).start;
    await notify(tx, mail, row, row.organiser_name, domain, {
      kind: 'event-cancelled',
      memberIds: recipients,
      event: sent,
      method: 'CANCEL',
      when,
    });
  });
  return firstOccurrence(db, row.id, viewer);
}

/**
 * One occurrence of a series edited on its own: it becomes an event of its own (`seriesId`,
 * `recurrenceId`), the series gets an EXDATE for it, and its answers move with it. Its attendees are
 * mailed the instance (series UID + RECURRENCE-ID), which their calendars apply to the series they hold.
 */
export async function editOccurrence(
  db: Database,
  id: string,
  input: z.infer<typeof OccurrenceEditInput>,
  viewer: Viewer,
  mail: MailContext | null,
  domain: string,
) {
  const row = await requireWritableEvent(db, id, viewer);
  if (row.cancelled) throw new HttpProblem(409, 'This event was cancelled', { type: 'event-cancelled' });
  if (row.rrule === null) {
    throw new HttpProblem(422, 'This event does not repeat; edit the event itself', {
      errors: [{ field: 'body.occurrence', message: 'This event does not repeat' }],
    });
  }
  const { occurrence: requested, ...patch } = input;
  const occurrence = findOccurrence(row, requested, 'body.occurrence');
  const fields = checkEvent(
    applyPatch({ ...fieldsOf(row), startsAt: occurrence.start, endsAt: occurrence.end, rrule: null, exdates: [] }, patch),
  );
  const detachedId = await db.transaction(async (tx) => {
    const recipients = await attendees(tx, row, occurrence.start);
    const newId = await insertEvent(tx, row.community_id, row.organiser_id, fields, {
      seriesId: row.id,
      recurrenceId: occurrence.start,
      sequence: row.sequence + 1,
    });
    await tx.query('update rsvps set event_id = $3, occurrence = $4 where event_id = $1 and occurrence = $2', [
      row.id,
      occurrence.start,
      newId,
      fields.startsAt,
    ]);
    await tx.query(
      `update events set exdates = array_append(exdates, $2::timestamptz), sequence = sequence + 1, updated_at = now() where id = $1`,
      [row.id, occurrence.start],
    );
    await materialiseEvents(tx, [row.id]);
    const detached = await reread(tx, newId);
    const sent = instanceOf({ ...detached, id: row.id }, detached.startsAt, detached.endsAt, occurrence.start);
    await notify(tx, mail, row, row.organiser_name, domain, {
      kind: 'event-changed',
      memberIds: recipients,
      event: sent,
      method: 'REQUEST',
      when: detached.startsAt,
    });
    await mailPromotedByCapacity(
      tx,
      mail,
      {
        id: newId,
        community_id: row.community_id,
        title: fields.title,
        time_zone: fields.timeZone,
        length_ms: fields.endsAt.getTime() - fields.startsAt.getTime(),
      },
      row.capacity,
      fields.capacity,
    );
    return newId;
  });
  return firstOccurrence(db, detachedId, viewer);
}
