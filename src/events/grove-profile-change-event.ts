/**
 * Fired when the signed-in member saved their profile (or joined or left a community), so every widget
 * on the page can show the change at once: listen on `document`, it bubbles out of shadow roots.
 * `detail.member` is the member id.
 */
export class GroveProfileChangeEvent extends Event {
  static readonly eventName = 'grove-profile-change';
  readonly detail: { member: string };

  constructor(member: string) {
    super(GroveProfileChangeEvent.eventName, { bubbles: true, composed: true });
    this.detail = { member };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'grove-profile-change': GroveProfileChangeEvent;
  }
}
