/**
 * The discussion of an event is a `<grove-discussion-thread>` keyed to it, loaded the first time a member
 * opens it from the details: most visitors never do, so its code and its posts cost nothing until then.
 * Defining the tag here (guarded, like `defineElement`) means it works with the autoloader, with the npm
 * package and when the page has no other discussion on it.
 */
const TAG = 'grove-discussion-thread';

/** The thread key of an event's discussion; one thread per event, shared by all its occurrences. */
export const discussionKey = (eventId: string): string => `event:${eventId}`;

/** Resolves once `<grove-discussion-thread>` is defined; rejects if its code cannot be fetched. */
export async function loadDiscussionElement(): Promise<void> {
  if (customElements.get(TAG)) return;
  const { GroveDiscussionThread } = await import('../discussion-thread/discussion-thread.js');
  // Another copy (the autoloader, a second bundle) may have defined it while the chunk downloaded.
  if (!customElements.get(TAG)) customElements.define(TAG, GroveDiscussionThread);
}
