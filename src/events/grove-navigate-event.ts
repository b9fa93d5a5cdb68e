/** Where the user moved a paged or dated view to, e.g. a calendar's month or view. */
export interface NavigateDetail {
  /** The view now shown (`month`, `week`, `agenda` for the calendar). */
  view: string;
  /** The focused date, `YYYY-MM-DD`. */
  date: string;
  /** The first and last dates shown, `YYYY-MM-DD`. */
  first: string;
  last: string;
}

/** Fired when the user changes what a widget shows (previous/next, today, another view, keyboard paging). */
export class GroveNavigateEvent extends Event {
  static readonly eventName = 'grove-navigate';
  readonly detail: NavigateDetail;

  constructor(detail: NavigateDetail) {
    super(GroveNavigateEvent.eventName, { bubbles: true, composed: true });
    this.detail = detail;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'grove-navigate': GroveNavigateEvent;
  }
}
