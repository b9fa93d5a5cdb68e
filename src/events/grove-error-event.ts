import type { GroveApiError } from '../api/problem.js';

/** Fired when a load or an action fails; the widget shows a translated message itself. */
export class GroveErrorEvent extends Event {
  static readonly eventName = 'grove-error';
  readonly detail: { error: GroveApiError };

  constructor(error: GroveApiError) {
    super(GroveErrorEvent.eventName, { bubbles: true, composed: true });
    this.detail = { error };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'grove-error': GroveErrorEvent;
  }
}
