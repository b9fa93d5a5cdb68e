/**
 * Follows a thread's server-sent events while the widget is on the page. The client's `stream()`
 * reconnects by itself carrying the last event id (and so degrades to polling where a proxy buffers SSE);
 * this controller only decides which thread to follow and stops when the host leaves the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { GroveClient, StreamMessage } from '../../api/client.js';
import { followThread } from './api.js';
import type { Post } from './types.js';

export interface LiveThreadHandlers {
  /** A new post (event `post`). */
  onPost(post: Post): void;
  /** An edit, reaction or moderation change (event `post-updated`). */
  onUpdate(post: Post): void;
  /** A post this viewer may no longer see (event `post-removed`). */
  onRemove(id: string): void;
}

export class LiveThread implements ReactiveController {
  readonly #handlers: LiveThreadHandlers;
  #abort: AbortController | undefined;
  #following: { client: GroveClient; threadId: string } | undefined;

  constructor(host: ReactiveControllerHost, handlers: LiveThreadHandlers) {
    this.#handlers = handlers;
    host.addController(this);
  }

  /** Starts following `threadId` unless already doing so; `after` is the newest post already shown. */
  follow(client: GroveClient, threadId: string, after: string | undefined): void {
    if (this.#following?.client === client && this.#following.threadId === threadId) return;
    this.stop();
    this.#following = { client, threadId };
    const abort = (this.#abort = new AbortController());
    void followThread(client, threadId, {
      signal: abort.signal,
      ...(after ? { lastEventId: after } : {}),
      onMessage: (message) => this.#dispatch(message),
    });
  }

  stop(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#following = undefined;
  }

  hostDisconnected(): void {
    this.stop();
  }

  #dispatch(message: StreamMessage): void {
    let data: unknown;
    try {
      data = JSON.parse(message.data);
    } catch {
      return; // a malformed event is skipped; the next resync brings the truth
    }
    if (typeof data !== 'object' || data === null || typeof (data as { id?: unknown }).id !== 'string') return;
    if (message.event === 'post') this.#handlers.onPost(data as Post);
    else if (message.event === 'post-updated') this.#handlers.onUpdate(data as Post);
    else if (message.event === 'post-removed') this.#handlers.onRemove((data as { id: string }).id);
  }
}
