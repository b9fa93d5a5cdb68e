/**
 * The discussion of an event is a `<grove-discussion-thread>` keyed to it, loaded the first time a member
 * opens it from the details: most visitors never do, so its code and its posts cost nothing until then.
 * Defining the tag through its entry (guarded by `defineElement`) means it works with the autoloader, with the npm
 * package and when the page has no other discussion on it.
 */
const TAG = 'grove-discussion-thread';

/** The thread key of an event's discussion; one thread per event, shared by all its occurrences. */
export const discussionKey = (eventId: string): string => `event:${eventId}`;

/** Resolves once `<grove-discussion-thread>` is defined; rejects if its code cannot be fetched. */
export async function loadDiscussionElement(): Promise<void> {
  if (customElements.get(TAG)) return;
  // The element's entry registers it through the one define guard (another copy may have won meanwhile).
  await import('../../elements/discussion-thread.js');
}
