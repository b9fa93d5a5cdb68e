/** Fired when a widget has loaded (or reloaded) its data. Not fired for cached re-renders. */
export class GroveLoadEvent<T = unknown> extends Event {
  static readonly eventName = 'grove-load';
  readonly detail: { data: T };

  constructor(data: T) {
    super(GroveLoadEvent.eventName, { bubbles: true, composed: true });
    this.detail = { data };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'grove-load': GroveLoadEvent;
  }
}
