/** Fired when the user runs a search (debounced input or submit), with the query actually sent. */
export class GroveSearchEvent extends Event {
  static readonly eventName = 'grove-search';
  readonly detail: { query: string };

  constructor(query: string) {
    super(GroveSearchEvent.eventName, { bubbles: true, composed: true });
    this.detail = { query };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'grove-search': GroveSearchEvent;
  }
}
