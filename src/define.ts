/**
 * The one module that registers tags. Element modules have no side effects; this maps each tag to a
 * loader returning its class, so the autoloader (and `defineAll`) import only what a page uses.
 *
 * Widget engineers: add one line per widget, `'grove-x': () => import('./components/x/x.js').then((m) => m.GroveX)`.
 */
export type ElementLoader = () => Promise<CustomElementConstructor>;

export const elementLoaders: Readonly<Record<string, ElementLoader>> = {
  'grove-provider': () => import('./context/grove-provider.js').then((module) => module.GroveProvider),
  'grove-member-directory': () => import('./components/member-directory/member-directory.js').then((module) => module.GroveMemberDirectory),
  'grove-discussion-thread': () => import('./components/discussion-thread/discussion-thread.js').then((module) => module.GroveDiscussionThread),
  'grove-comment-count': () => import('./components/comment-count/comment-count.js').then((module) => module.GroveCommentCount),
  'grove-event-calendar': () => import('./components/event-calendar/event-calendar.js').then((module) => module.GroveEventCalendar),
  'grove-expert-finder': () => import('./components/expert-finder/expert-finder.js').then((module) => module.GroveExpertFinder),
  'grove-participation-badge': () => import('./components/participation-badge/participation-badge.js').then((module) => module.GroveParticipationBadge),
};

/**
 * Registers `tag` unless it is already defined: by an earlier call, or by a second copy of the library
 * on the same page (CDN script plus an npm build), where the first definition wins.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (customElements.get(tag)) return;
  customElements.define(tag, constructor);
}

const loading = new Map<string, Promise<void>>();

/** Imports and registers one known tag; resolves when it is defined. Unknown tags resolve at once. */
export function loadElement(tag: string): Promise<void> {
  const loader = elementLoaders[tag];
  if (!loader) return Promise.resolve();
  let pending = loading.get(tag);
  if (!pending) {
    pending = loader().then(
      (constructor) => defineElement(tag, constructor),
      (error: unknown) => {
        // A failed chunk download (offline) may succeed later: let a later sighting try again.
        loading.delete(tag);
        throw error;
      },
    );
    loading.set(tag, pending);
  }
  return pending;
}

/** Registers every Grove element (for apps that bundle everything anyway). */
export async function defineAll(): Promise<void> {
  await Promise.all(Object.keys(elementLoaders).map(loadElement));
}
