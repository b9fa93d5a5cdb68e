/**
 * The event editor's form state and what it sends, as pure functions: an event (or one occurrence)
 * becomes a draft of text fields; a draft becomes the contract's body, the merge of what changed, and
 * the RRULE of its friendly repeat choices (docs/decisions/0145-event-editor.md).
 *
 * Times are typed as wall clock in the event's zone (`<input type="datetime-local">`), as the organiser
 * thinks of them, and sent as UTC instants: the series repeats at that wall-clock time in that zone.
 */
import type { EventKind, EventMode, EventOccurrence } from './types.js';

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type IcalWeekday = (typeof WEEKDAYS)[number];
/** "the first … fourth, or last" weekday of the month, as BYDAY ordinals. */
export const ORDINALS = ['1', '2', '3', '4', '-1'] as const;
export type Repeat = 'none' | 'weekly' | 'monthly-date' | 'monthly-weekday' | 'custom';
export type RepeatEnd = 'never' | 'until' | 'count';

export interface EventDraft {
  title: string;
  description: string;
  kind: EventKind;
  /** Wall clock in `timeZone`, `YYYY-MM-DDTHH:MM`. */
  start: string;
  end: string;
  timeZone: string;
  allDay: boolean;
  mode: EventMode;
  joinUrl: string;
  location: string;
  /** Seats as typed; empty for no limit. */
  capacity: string;
  repeat: Repeat;
  /** Weekly: the days it happens on. */
  days: IcalWeekday[];
  /** Monthly by weekday: which one ("-1" is the last) and which day. */
  ordinal: string;
  weekday: IcalWeekday;
  ends: RepeatEnd;
  /** `YYYY-MM-DD`, the last day an occurrence may start on (in the event's zone). */
  until: string;
  count: string;
  /** A rule the builder cannot show (e.g. every other week), kept verbatim unless the repeat is changed. */
  customRule: string;
}

/** The fields of a new event or of a PATCH, as the contract names them. */
export interface EventBody {
  title: string;
  description: string;
  kind: EventKind;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  allDay: boolean;
  mode: EventMode;
  joinUrl: string | null;
  location: string | null;
  capacity: number | null;
  rrule: string | null;
}

/** The zone's wall clock at `instant` as `YYYY-MM-DDTHH:MM`. */
export function wallClock(instant: Date | string, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

const asUtc = (local: string) => Date.parse(`${local}:00Z`);

/**
 * The instant at which `zone` shows `local`: the zone's offset read twice, so a time just after a DST
 * change lands right; a wall-clock time skipped by the change moves forward by the gap, as calendars do.
 */
export function instantOf(local: string, zone: string): string | undefined {
  // Browsers' Date.parse guesses at anything; only what a datetime-local input gives is read.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return undefined;
  const wall = asUtc(local);
  const offset = (instant: number) => asUtc(wallClock(new Date(instant), zone)) - instant;
  const guess = wall - offset(wall);
  return new Date(wall - offset(guess)).toISOString();
}

/** Monday-first weekday of a `YYYY-MM-DD…` date. */
function weekdayOf(local: string): IcalWeekday {
  const day = new Date(`${local.slice(0, 10)}T00:00:00Z`).getUTCDay();
  return WEEKDAYS[(day + 6) % 7] ?? 'MO';
}

/** Which of its weekdays in the month the date is: 1 to 4, or -1 when it is the last (the 5th always is). */
function ordinalOf(local: string): string {
  const day = Number(local.slice(8, 10));
  const date = new Date(`${local.slice(0, 10)}T00:00:00Z`);
  const lastDay = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0)).getUTCDate();
  return day + 7 > lastDay ? '-1' : String(Math.ceil(day / 7));
}

/** The repeat choices that follow from the start, for a draft whose repeat the user has not set yet. */
export function repeatDefaults(start: string): Pick<EventDraft, 'days' | 'ordinal' | 'weekday'> {
  return { days: [weekdayOf(start)], ordinal: ordinalOf(start), weekday: weekdayOf(start) };
}

/** The builder's reading of a stored rule; anything else is `custom`. */
function readRule(
  rrule: string | null,
  start: string,
): Pick<EventDraft, 'repeat' | 'days' | 'ordinal' | 'weekday' | 'ends' | 'until' | 'count' | 'customRule'> {
  const defaults = { ...repeatDefaults(start), ends: 'never' as RepeatEnd, until: '', count: '' };
  if (!rrule) return { ...defaults, repeat: 'none', customRule: '' };
  const parts = new Map(
    rrule
      .toUpperCase()
      .split(';')
      .map((part) => part.split('=') as [string, string]),
  );
  const custom = { ...defaults, repeat: 'custom' as const, customRule: rrule };
  const until = parts.get('UNTIL');
  const count = parts.get('COUNT');
  const end = until
    ? { ends: 'until' as const, until: `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}` }
    : count
      ? { ends: 'count' as const, count }
      : {};
  const rest = [...parts.keys()].filter((key) => !['FREQ', 'UNTIL', 'COUNT', 'BYDAY', 'BYMONTHDAY'].includes(key));
  const byDay = parts.get('BYDAY');
  const byMonthDay = parts.get('BYMONTHDAY');
  if (rest.length > 0) return custom;
  const frequency = parts.get('FREQ');
  const base = { ...defaults, ...end, customRule: '' };
  if (frequency === 'WEEKLY' && !byMonthDay) {
    const days = (byDay ?? weekdayOf(start)).split(',');
    if (days.every((day) => (WEEKDAYS as readonly string[]).includes(day)))
      return { ...base, repeat: 'weekly', days: days as IcalWeekday[] };
  }
  if (frequency === 'MONTHLY' && !byDay && (!byMonthDay || Number(byMonthDay) === Number(start.slice(8, 10)))) {
    return { ...base, repeat: 'monthly-date' };
  }
  const nth = /^(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)$/.exec(byDay ?? '');
  if (frequency === 'MONTHLY' && !byMonthDay && nth)
    return { ...base, repeat: 'monthly-weekday', ordinal: nth[1] ?? '1', weekday: nth[2] as IcalWeekday };
  return custom;
}

/** A draft of `event` as stored (a series from its first occurrence), or of one occurrence of it. */
export function draftOf(event: EventOccurrence, occurrence = false): EventDraft {
  const zone = event.timeZone;
  const start = wallClock(occurrence ? event.start : event.startsAt, zone);
  return {
    title: event.title,
    description: event.description,
    kind: event.kind,
    start,
    end: wallClock(occurrence ? event.end : event.endsAt, zone),
    timeZone: zone,
    allDay: event.allDay,
    mode: event.mode,
    joinUrl: event.joinUrl ?? '',
    location: event.location ?? '',
    capacity: event.capacity === null ? '' : String(event.capacity),
    ...readRule(occurrence ? null : event.rrule, start),
  };
}

/** An empty event tomorrow at ten for an hour, in `zone`. */
export function newDraft(zone: string, now = new Date()): EventDraft {
  const day = wallClock(new Date(now.getTime() + 86_400_000), zone).slice(0, 10);
  const start = `${day}T10:00`;
  return {
    title: '',
    description: '',
    kind: 'meeting',
    start,
    end: `${day}T11:00`,
    timeZone: zone,
    allDay: false,
    mode: 'online',
    joinUrl: '',
    location: '',
    capacity: '',
    ...readRule(null, start),
  };
}

/** The RRULE of the draft's repeat choices (without `RRULE:`), or null when it does not repeat. */
export function ruleOf(draft: EventDraft): string | null {
  if (draft.repeat === 'none') return null;
  if (draft.repeat === 'custom') return draft.customRule;
  const rule =
    draft.repeat === 'weekly'
      ? `FREQ=WEEKLY;BYDAY=${(draft.days.length ? WEEKDAYS.filter((day) => draft.days.includes(day)) : [weekdayOf(draft.start)]).join(',')}`
      : draft.repeat === 'monthly-date'
        ? `FREQ=MONTHLY;BYMONTHDAY=${Number(draft.start.slice(8, 10))}`
        : `FREQ=MONTHLY;BYDAY=${draft.ordinal}${draft.weekday}`;
  // UNTIL as a DATE: every occurrence starting on that day in the event's zone is kept (RFC 5545 allows it).
  if (draft.ends === 'until' && draft.until) return `${rule};UNTIL=${draft.until.replaceAll('-', '')}`;
  if (draft.ends === 'count' && draft.count.trim()) return `${rule};COUNT=${draft.count.trim()}`;
  return rule;
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);

/**
 * The contract's fields for the draft. A time the browser cannot read is sent as typed, so the server
 * names the field rather than the widget guessing.
 */
export function bodyOf(draft: EventDraft): EventBody {
  const capacity = draft.capacity.trim();
  return {
    title: draft.title.trim(),
    description: draft.description,
    kind: draft.kind,
    startsAt: instantOf(draft.start, draft.timeZone) ?? draft.start,
    endsAt: instantOf(draft.end, draft.timeZone) ?? draft.end,
    timeZone: draft.timeZone.trim(),
    allDay: draft.allDay,
    mode: draft.mode,
    // A link or place that the chosen format does not use is cleared, so it is not shown or mailed.
    joinUrl: draft.mode === 'in-person' ? null : orNull(draft.joinUrl),
    location: draft.mode === 'online' ? null : orNull(draft.location),
    capacity: capacity ? Number(capacity) : null,
    rrule: ruleOf(draft),
  };
}

/** Only the fields that differ from `base`: what a PATCH or an occurrence edit sends. */
export function changesOf(base: EventDraft, draft: EventDraft): Partial<EventBody> {
  const before = bodyOf(base);
  const after = bodyOf(draft);
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (JSON.stringify(value) !== JSON.stringify(before[key as keyof EventBody])) changed[key] = value;
  }
  return changed;
}

/** The draft control a server field error belongs to: `body.exdates.2` -> `rrule`, `body.startsAt` -> `start`. */
export function controlOf(field: string): string {
  const name = field.split('.')[1] ?? '';
  return ({ startsAt: 'start', endsAt: 'end', exdates: 'rrule', occurrence: 'start' } as Record<string, string>)[name] ?? name;
}
