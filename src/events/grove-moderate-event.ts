export type ModerationAction = 'hide' | 'restore' | 'lock' | 'unlock' | 'pin' | 'unpin' | 'accept' | 'report';

/**
 * Fired when a moderation action the viewer took was confirmed by the server: a facilitator hid,
 * restored, locked, pinned or accepted, or a member reported a post. `postId` is absent for
 * thread-wide actions (lock, pin).
 */
export class GroveModerateEvent extends Event {
  static readonly eventName = 'grove-moderate';
  readonly detail: { action: ModerationAction; threadId: string; postId?: string };

  constructor(action: ModerationAction, threadId: string, postId?: string) {
    super(GroveModerateEvent.eventName, { bubbles: true, composed: true });
    this.detail = postId === undefined ? { action, threadId } : { action, threadId, postId };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'grove-moderate': GroveModerateEvent;
  }
}
