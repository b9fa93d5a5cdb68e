import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emptyState, parseHash, sameQuery, serializeHash, type DirectoryState } from './hash-state.js';

type Host = ReactiveControllerHost & HTMLElement;

export interface DirectoryStateOptions {
  /** The state the editor's attributes describe; the hash records differences from it. */
  defaults: () => DirectoryState;
  /** Called when the search, filters or sort change (not the open profile): paging starts again. */
  onQueryChange: () => void;
}

/**
 * Owns the directory's view state and keeps it in the URL hash, namespaced by the host's `id`
 * (`members` without one), so a filtered view or an open profile can be shared as a link and two
 * directories on one page keep their own. Follows `hashchange` (links, back and forward, hand edits).
 * Writes use `replaceState`: refining a search is not a step users expect Back to undo.
 */
export class DirectoryStateController implements ReactiveController {
  readonly #host: Host;
  readonly #options: DirectoryStateOptions;
  #state: DirectoryState = emptyState();

  constructor(host: Host, options: DirectoryStateOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  get state(): DirectoryState {
    return this.#state;
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this.read);
    this.read();
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this.read);
  }

  /** Re-reads the hash over the current attribute defaults (after an attribute or the hash changed). */
  read = (): void => {
    this.#apply(parseHash(location.hash, this.#namespace, this.#options.defaults()));
  };

  /** A user change: apply it and record it in the hash. */
  commit(next: DirectoryState): void {
    this.#apply(next);
    const hash = serializeHash(location.hash, this.#namespace, next, this.#options.defaults());
    if (hash !== location.hash) {
      history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
    }
  }

  /** Merges `patch` into the state as a user change. */
  update(patch: Partial<DirectoryState>): void {
    this.commit({ ...this.#state, ...patch });
  }

  get #namespace(): string {
    return this.#host.id.replace(/[^\w-]/g, '') || 'members';
  }

  #apply(next: DirectoryState): void {
    if (!sameQuery(next, this.#state)) this.#options.onQueryChange();
    this.#state = next;
    this.#host.requestUpdate();
  }
}
