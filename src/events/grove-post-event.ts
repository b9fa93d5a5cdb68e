import type { Post } from '../components/discussion-thread/types.js';

export type PostChange = 'created' | 'edited' | 'deleted';

/**
 * Fired when the server confirmed the viewer's own post: created (after any retries; once per post,
 * never for a replay), edited or deleted.
 */
export class GrovePostEvent extends Event {
  static readonly eventName = 'grove-post';
  readonly detail: { post: Post; change: PostChange };

  constructor(post: Post, change: PostChange) {
    super(GrovePostEvent.eventName, { bubbles: true, composed: true });
    this.detail = { post, change };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'grove-post': GrovePostEvent;
  }
}
