/**
 * Fired when the signed-in member saved their profile (or joined or left a community), so every widget
 * on the page can show the change at once: listen on `document`, it bubbles out of shadow roots.
 * `detail.member` is the member id (empty for a join or leave), `detail.version` their profile's new
 * version when known (the server announces the same version to other pages; this page does not fetch twice).
 */
export class GroveProfileChangeEvent extends Event {
  static readonly eventName = 'grove-profile-change';
  readonly detail: { member: string; version: number | undefined };

  constructor(member: string, version?: number) {
    super(GroveProfileChangeEvent.eventName, { bubbles: true, composed: true });
    this.detail = { member, version };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'grove-profile-change': GroveProfileChangeEvent;
  }
}
