/**
 * Drafts are never lost: the composer's text is saved per thread as the user types and restored after a
 * reload, a crash or a sign-in round trip. Storage is `localStorage` because it survives all three; it can
 * be missing or throw (sandboxed iframes, private modes, a full quota), so every access degrades to "no
 * draft" instead of breaking the widget.
 */

export interface Draft {
  body: string;
  /** BCP 47 language the author picked for the post. */
  language: string;
  /** Id of the post being answered, when the draft is a reply. */
  replyTo?: string;
  /** Name of that post's author, to label the composer before the thread has loaded. */
  replyToAuthor?: string;
}

/** The part of `Storage` the store needs, so tests can pass a plain map. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const PREFIX = 'grove:draft:';

/** `localStorage` when the page may use it, undefined otherwise (reading the property itself can throw). */
export function pageStorage(): KeyValueStorage | undefined {
  try {
    // Reading the property throws in sandboxed frames; it is absent outside browsers.
    return 'localStorage' in globalThis ? globalThis.localStorage : undefined;
  } catch {
    return undefined;
  }
}

export class DraftStore {
  readonly #storage: KeyValueStorage | undefined;

  constructor(storage: KeyValueStorage | undefined = pageStorage()) {
    this.#storage = storage;
  }

  /** The saved draft for a thread (its id or page key), if any. */
  load(threadKey: string): Draft | undefined {
    try {
      const raw = this.#storage?.getItem(PREFIX + threadKey);
      return raw ? parseDraft(raw) : undefined;
    } catch {
      return undefined;
    }
  }

  /** Saves as the user types; an empty body removes the draft, so a cleared composer stays cleared. */
  save(threadKey: string, draft: Draft): void {
    if (draft.body.trim() === '') {
      this.clear(threadKey);
      return;
    }
    try {
      this.#storage?.setItem(PREFIX + threadKey, JSON.stringify(draft));
    } catch {
      // Quota or privacy mode: the text is still in the composer, only the crash safety net is gone.
    }
  }

  /** Called once the server confirmed the post (or the user discarded it). */
  clear(threadKey: string): void {
    try {
      this.#storage?.removeItem(PREFIX + threadKey);
    } catch {
      // Nothing to clean up when storage is unavailable.
    }
  }
}

/** Another script (or an older version) may have written the key: accept only the shape we write. */
function parseDraft(raw: string): Draft | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return undefined;
    const { body, language, replyTo, replyToAuthor } = value as Record<string, unknown>;
    if (typeof body !== 'string' || typeof language !== 'string') return undefined;
    if (typeof replyTo !== 'string') return { body, language };
    return typeof replyToAuthor === 'string' ? { body, language, replyTo, replyToAuthor } : { body, language, replyTo };
  } catch {
    return undefined;
  }
}
