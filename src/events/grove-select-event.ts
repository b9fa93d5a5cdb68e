/**
 * Fired when the user picks an item (a member, an event, an expert). Cancelable: a host that handles
 * navigation itself calls `preventDefault()` and the widget skips its own default (e.g. opening details).
 */
export class GroveSelectEvent<T = unknown> extends Event {
  static readonly eventName = 'grove-select';
  readonly detail: { item: T };

  constructor(item: T) {
    super(GroveSelectEvent.eventName, { bubbles: true, composed: true, cancelable: true });
    this.detail = { item };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'grove-select': GroveSelectEvent;
  }
}
