/**
 * Maps each tag to the entry that registers it (src/elements/<name>.ts, the same module as the npm
 * entry `@grove/elements/<name>`), so the autoloader (and `defineAll`) import only what a page uses.
 * Element classes have no side effects; their entries do, through the one guard in
 * src/registry/define-element.ts. This module imports nothing statically: it is the CDN autoloader's,
 * which must stay a single file (scripts/check-size.mjs).
 *
 * Widget engineers: add one line per widget, `'grove-x': () => import('./elements/x.js')`
 * (`npm run new-widget` does it).
 */
export type ElementLoader = () => Promise<unknown>;

export const elementLoaders: Readonly<Record<string, ElementLoader>> = {
  'grove-provider': () => import('./elements/provider.js'),
  'grove-member-directory': () => import('./elements/member-directory.js'),
  'grove-discussion-thread': () => import('./elements/discussion-thread.js'),
  'grove-comment-count': () => import('./elements/comment-count.js'),
  'grove-event-calendar': () => import('./elements/event-calendar.js'),
  'grove-expert-finder': () => import('./elements/expert-finder.js'),
  'grove-participation-badge': () => import('./elements/participation-badge.js'),
  'grove-community-list': () => import('./elements/community-list.js'),
};

const loading = new Map<string, Promise<void>>();

/** Imports and registers one known tag; resolves when it is defined. Unknown tags resolve at once. */
export function loadElement(tag: string): Promise<void> {
  const loader = elementLoaders[tag];
  if (!loader) return Promise.resolve();
  let pending = loading.get(tag);
  if (!pending) {
    pending = loader().then(
      () => undefined,
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
