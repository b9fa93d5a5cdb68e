/**
 * Reading events and per-occurrence attendance from the database. The only calendar module with I/O:
 * recurrence expansion and iCalendar output stay pure beside it.
 *
 * Attendance is counted per occurrence (`rsvps.occurrence` is the occurrence's start): each occurrence of a
 * series has its own seats. Seats go to the first `capacity` "going" answers in answer order, the rest
 * wait in that order, so a cancellation promotes the first waiting member without any write of its own.
 */
import type { Queryable } from '../db/index.ts';
import { safeLink } from '../shared/urls.ts';
import { presenceSql, type Presence } from '../communities/visibility.ts';
import type { IcsEvent } from './ics.ts';

export type EventKind = 'webinar' | 'workshop' | 'meeting' | 'learning-event' | 'other';
export type EventMode = 'in-person' | 'online' | 'hybrid';
export type RsvpStatus = 'going' | 'maybe' | 'not-going';

export interface EventRow {
  id: string;
  community_id: string;
  community: string;
  community_visibility: 'public' | 'members';
  organiser_id: string;
  organiser_name: string;
  organiser_avatar: string | null;
  organiser_presence: Presence;
  title: string;
  description: string;
  /** Null for rows written before authoring stored it (see event-body.ts). */
  description_html: string | null;
  kind: EventKind;
  starts_at: Date;
  ends_at: Date;
  /**
   * The first occurrence's start: `starts_at`, or for all-day events local midnight of its day in the
   * organiser's zone (as the recurrence module computes it), so single events can be keyset-paged in the
   * order their occurrences are listed. A stored column (migration 090), indexed.
   */
  first_start: Date;
  time_zone: string;
  all_day: boolean;
  rrule: string | null;
  exdates: Date[];
  mode: EventMode;
  location: string | null;
  join_url: string | null;
  capacity: number | null;
  cancelled: boolean;
  sequence: number;
  series_id: string | null;
  recurrence_id: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** The columns of EventRow, from EVENT_FROM's aliases. */
export const EVENT_COLUMNS = `e.id, e.community_id, c.slug as community, c.visibility as community_visibility, e.organiser_id,
         o.name as organiser_name, grove_avatar_path(o.id, o.avatar_url) as organiser_avatar, ${presenceSql('o')} as organiser_presence, e.title, e.description, e.description_html, e.kind, e.starts_at, e.ends_at,
         e.first_start, e.time_zone, e.all_day, e.rrule, e.exdates, e.mode, e.location, e.join_url,
         e.capacity, e.cancelled, e.sequence, e.series_id, e.recurrence_id, e.created_at, e.updated_at`;

/** Events joined with the community and the organiser. */
export const EVENT_FROM = `from events e join communities c on c.id = e.community_id join members o on o.id = e.organiser_id`;

/** Joined with the community and the organiser; callers add `where` and may order by `first_start`. */
export const EVENT_SELECT = `
  select ${EVENT_COLUMNS}
  ${EVENT_FROM}`;

/**
 * SQL: true when series `e` certainly has no occurrence overlapping `fromParam` or later, so a listing
 * can skip reading and expanding it. `events.series_until` (migration 090, `grove_series_until`) decides
 * two cases from the rule, with a margin for zones, DST, all-day midnights and the event's length; any
 * other rule (MONTHLY, BYMONTHDAY, ...) is infinity and expanded as before:
 * - UNTIL: no occurrence starts after the UNTIL day;
 * - COUNT with FREQ=DAILY or WEEKLY and no part that can skip whole weeks (BYMONTH, BYMONTHDAY,
 *   BYYEARDAY, BYWEEKNO, BYSETPOS, ordinal BYDAY): every INTERVAL weeks hold an occurrence, so the last
 *   one starts within COUNT x INTERVAL weeks of the first.
 */
export function seriesEndedSql(fromParam: string): string {
  return `(e.series_until < ${fromParam})`;
}

/** The stored event in the shape the recurrence and iCalendar modules take. */
export function icsEvent(row: EventRow): IcsEvent {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    kind: row.kind,
    mode: row.mode,
    location: row.location,
    joinUrl: safeLink(row.join_url),
    cancelled: row.cancelled,
    sequence: row.sequence,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    timeZone: row.time_zone,
    allDay: row.all_day,
    rrule: row.rrule,
    exdates: row.exdates,
  };
}

export interface Attendance {
  going: number;
  maybe: number;
  waitlisted: number;
}

export interface ViewerAnswer {
  occurrence: string;
  status: RsvpStatus;
  waitlisted: boolean;
  position: number | null;
}

export interface OccurrenceState {
  attendance: Attendance;
  viewerRsvp: ViewerAnswer | null;
}

export interface OccurrenceRef {
  event: Pick<EventRow, 'id' | 'capacity'>;
  start: Date;
}

/** The pairs as parallel arrays for `unnest(...) with ordinality`, the index telling rows apart. */
function pairParams(refs: readonly OccurrenceRef[]): [string[], string[]] {
  return [refs.map((ref) => ref.event.id), refs.map((ref) => ref.start.toISOString())];
}

export interface AnswerCounts {
  going: number;
  maybe: number;
}

/**
 * Attendance and the viewer's answer for each occurrence, paired with it, in two queries whatever the
 * number; `known` gives counts already read with the occurrence (a calendar page reads them with its rows).
 */
export async function occurrenceStates<R extends OccurrenceRef>(
  db: Queryable,
  refs: readonly R[],
  viewerId: string | null,
  known: (ref: R) => AnswerCounts | undefined = () => undefined,
): Promise<[R, OccurrenceState][]> {
  if (refs.length === 0) return [];
  const [ids, starts] = pairParams(refs);
  const unknown = refs.flatMap((ref, index) => (known(ref) ? [] : [index]));
  const { rows: counts } =
    unknown.length === 0
      ? { rows: [] }
      : await db.query<{ i: number; going: number; maybe: number }>(
          `select u.i::int as i, count(*) filter (where r.status = 'going')::int as going,
                  count(*) filter (where r.status = 'maybe')::int as maybe
           from unnest($1::bigint[], $2::timestamptz[]) with ordinality as u(event_id, occurrence, i)
           join rsvps r on r.event_id = u.event_id and r.occurrence = u.occurrence
           group by u.i`,
          pairParams(unknown.map((index) => refs[index] as R)),
        );
  const countAt = new Map(counts.map((row) => [unknown[row.i - 1] as number, row]));
  const answers = viewerId ? await viewerAnswers(db, ids, starts, viewerId) : [];
  return refs.map((ref, index) => {
    const count = known(ref) ?? countAt.get(index) ?? { going: 0, maybe: 0 };
    const seats = ref.event.capacity ?? Number.POSITIVE_INFINITY;
    const answer = answers.find((row) => row.i === index + 1);
    const attendance = { going: Math.min(count.going, seats), maybe: count.maybe, waitlisted: Math.max(0, count.going - seats) };
    return [ref, { attendance, viewerRsvp: answer ? toAnswer(ref, answer) : null }];
  });
}

/** The state of one occurrence. */
export async function occurrenceState(db: Queryable, ref: OccurrenceRef, viewerId: string | null): Promise<OccurrenceState> {
  const [entry] = await occurrenceStates(db, [ref], viewerId);
  if (!entry) throw new Error('occurrenceStates returned nothing for one occurrence');
  return entry[1];
}

interface AnswerRow {
  i: number;
  status: RsvpStatus;
  /** Place among this occurrence's "going" answers, 1-based; null unless going. */
  rank: number | null;
}

async function viewerAnswers(db: Queryable, ids: string[], starts: string[], viewerId: string): Promise<AnswerRow[]> {
  const { rows } = await db.query<AnswerRow>(
    `select u.i::int as i, r.status,
            case when r.status = 'going' then (select count(*)::int from rsvps q where q.event_id = r.event_id
              and q.occurrence = r.occurrence and q.status = 'going'
              and (q.created_at, q.member_id) <= (r.created_at, r.member_id)) end as rank
     from unnest($1::bigint[], $2::timestamptz[]) with ordinality as u(event_id, occurrence, i)
     join rsvps r on r.event_id = u.event_id and r.occurrence = u.occurrence and r.member_id = $3`,
    [ids, starts, viewerId],
  );
  return rows;
}

function toAnswer(ref: OccurrenceRef, row: AnswerRow): ViewerAnswer {
  const capacity = ref.event.capacity;
  const overflow = row.rank !== null && capacity !== null ? row.rank - capacity : 0;
  return { occurrence: ref.start.toISOString(), status: row.status, waitlisted: overflow > 0, position: overflow > 0 ? overflow : null };
}
