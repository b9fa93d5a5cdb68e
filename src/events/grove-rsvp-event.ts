/** What a member answered for one occurrence, and the place the server gave them. */
export interface RsvpDetail {
  eventId: string;
  /** Start instant (ISO 8601) of the occurrence answered. */
  occurrence: string;
  status: 'going' | 'maybe' | 'not-going';
  /** Going, but beyond capacity: on the waitlist. */
  waitlisted: boolean;
  /** 1-based waitlist position, null when not waitlisted. */
  position: number | null;
}

/** Fired after the server accepted a member's RSVP (going, maybe, not going) to an event occurrence. */
export class GroveRsvpEvent extends Event {
  static readonly eventName = 'grove-rsvp';
  readonly detail: RsvpDetail;

  constructor(detail: RsvpDetail) {
    super(GroveRsvpEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'grove-rsvp': GroveRsvpEvent;
  }
}
