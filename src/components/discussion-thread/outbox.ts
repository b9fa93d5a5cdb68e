/**
 * The outbox makes "the user's post is never lost and never duplicated" a property of one small module.
 *
 * Every post gets an Idempotency-Key when the user submits it and keeps it for its whole life: through
 * retries, reconnects and page reloads. The server stores the first response per key, so however often a
 * post is resent (a timeout whose request did arrive, two tabs resuming the same queue) it exists once.
 * Items are persisted in storage one key each, so two tabs never overwrite each other's queue, and are sent
 * strictly in order: a later post waits while an earlier one retries, so replies never overtake.
 */
import { GroveApiError, toGroveError, type GroveErrorKind } from '../../api/problem.js';
import { pageStorage } from './draft-store.js';

export type OutboxState =
  | 'queued' // waiting for the items before it
  | 'sending'
  | 'failed-will-retry' // a transient failure: retried automatically with backoff
  | 'queued-offline' // the device is offline: sent when the `online` event fires
  | 'rejected' // the server refused it (invalid, forbidden, ...): kept until the user edits or retries it
  | 'sent';

export interface OutboxItem<P> {
  /** Also the Idempotency-Key. */
  readonly key: string;
  readonly payload: P;
  readonly createdAt: number;
  state: OutboxState;
  attempts: number;
  /** Epoch ms of the next automatic attempt while `failed-will-retry`. */
  retryAt?: number;
  /** Why the last attempt failed. */
  error?: GroveErrorKind;
}

export type EnumerableStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export interface OutboxOptions<P, R> {
  /** Performs the write; must pass `idempotencyKey` on as the `Idempotency-Key` header. */
  send(payload: P, idempotencyKey: string, signal: AbortSignal): Promise<R>;
  /** Every state change, with the items still queued (in order), for rendering. */
  onChange(items: readonly OutboxItem<P>[]): void;
  /** The server confirmed the item; it has already left the queue and storage. */
  onSent(item: OutboxItem<P>, result: R): void;
  /** Separates queues, e.g. one per thread. */
  queueId: string;
  storage?: EnumerableStorage | undefined;
  isOnline?: () => boolean;
  /** Delay before automatic attempt `attempt` (1-based count of failures so far). */
  backoff?: (attempt: number) => number;
  now?: () => number;
  newKey?: () => string;
}

/** 1 s, 2 s, 4 s ... capped at a minute, with jitter so many clients don't return in lockstep. */
export function defaultBackoff(attempt: number): number {
  const base = Math.min(60_000, 1000 * 2 ** (attempt - 1));
  return base / 2 + Math.random() * (base / 2);
}

/** Kinds where sending the same request again can succeed; the others need the user (or a sign-in). */
const TRANSIENT: ReadonlySet<GroveErrorKind> = new Set(['offline', 'timeout', 'rate-limited', 'unavailable', 'server', 'unknown']);

/**
 * A 409 on a POST means the server is still working on this same key (or just released it): the answer
 * is to ask again later. Other conflicts (a typed problem such as a locked thread) need the user.
 */
const RETRY_LATER_TYPES = /\/(idempotency-in-progress|conflict)$/;

export function isTransient(error: unknown): boolean {
  if (!(error instanceof GroveApiError)) return true;
  if (error.status === 409) return RETRY_LATER_TYPES.test(error.type ?? '');
  return TRANSIENT.has(error.kind);
}

interface StoredItem<P> {
  key: string;
  payload: P;
  createdAt: number;
  rejected?: GroveErrorKind;
}

export class Outbox<P, R> {
  readonly #options: OutboxOptions<P, R>;
  readonly #storage: EnumerableStorage | undefined;
  readonly #prefix: string;
  #items: OutboxItem<P>[] = [];
  #inFlight: AbortController | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running = false;

  constructor(options: OutboxOptions<P, R>) {
    this.#options = options;
    this.#storage = 'storage' in options ? options.storage : (pageStorage() as EnumerableStorage | undefined);
    this.#prefix = `grove:outbox:${options.queueId}:`;
  }

  get items(): readonly OutboxItem<P>[] {
    return this.#items;
  }

  /** Loads what a previous page left in storage and starts sending it. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#items = this.#restore();
    globalThis.addEventListener('online', this.#handleOnline);
    this.#changed();
    this.#pump();
  }

  /** Stops sending (e.g. the widget left the page). Queued items stay in storage for the next start. */
  stop(): void {
    this.#running = false;
    globalThis.removeEventListener('online', this.#handleOnline);
    clearTimeout(this.#timer);
    this.#inFlight?.abort();
    this.#inFlight = undefined;
  }

  /** Queues a post with a fresh Idempotency-Key and returns it. */
  enqueue(payload: P): OutboxItem<P> {
    const item: OutboxItem<P> = {
      key: (this.#options.newKey ?? (() => crypto.randomUUID()))(),
      payload,
      createdAt: this.#now(),
      state: 'queued',
      attempts: 0,
    };
    this.#persist(item);
    this.#items.push(item);
    this.#pump();
    this.#changed();
    return item;
  }

  /** Tries a waiting or rejected item now (same key). */
  retry(key: string): void {
    const item = this.#items.find((candidate) => candidate.key === key);
    if (!item || item.state === 'sending') return;
    if (item.state === 'rejected') {
      delete item.error;
      this.#persist(item);
    }
    item.state = 'queued';
    delete item.retryAt;
    this.#pump();
    this.#changed();
  }

  /** Drops an item the user took back into the composer. An item already sending cannot be recalled. */
  discard(key: string): boolean {
    const index = this.#items.findIndex((item) => item.key === key);
    const item = this.#items[index];
    if (!item || item.state === 'sending') return false;
    this.#items.splice(index, 1);
    this.#unpersist(item);
    this.#changed();
    return true;
  }

  readonly #handleOnline = (): void => {
    for (const item of this.#items) {
      if (item.state === 'failed-will-retry' || item.state === 'queued-offline') {
        item.state = 'queued';
        delete item.retryAt;
      }
    }
    this.#pump();
  };

  /** Sends the first waiting item when nothing is in flight and it is due. */
  #pump(): void {
    if (!this.#running || this.#inFlight) return;
    clearTimeout(this.#timer);
    const head = this.#items.find((item) => item.state !== 'rejected');
    if (!head) return;
    const online = this.#isOnline();
    if (!online) {
      for (const item of this.#items) if (item.state !== 'rejected') item.state = 'queued-offline';
      this.#changed();
      return;
    }
    const wait = (head.retryAt ?? 0) - this.#now();
    if (wait > 0) {
      this.#timer = setTimeout(() => this.#pump(), wait);
      return;
    }
    void this.#send(head);
  }

  async #send(item: OutboxItem<P>): Promise<void> {
    const controller = new AbortController();
    this.#inFlight = controller;
    item.state = 'sending';
    item.attempts += 1;
    this.#changed();
    try {
      const result = await this.#options.send(item.payload, item.key, controller.signal);
      if (controller.signal.aborted) return; // stopped meanwhile: the next start resends with the same key
      this.#inFlight = undefined;
      item.state = 'sent';
      this.#items = this.#items.filter((other) => other !== item);
      this.#unpersist(item);
      this.#options.onSent(item, result);
    } catch (error) {
      // The one error path: an abort is the outbox stopping (the next start resends), not a failure.
      const failure = toGroveError(error);
      if (controller.signal.aborted || !failure) return;
      this.#inFlight = undefined;
      this.#fail(item, failure);
    }
    this.#changed();
    this.#pump();
  }

  #fail(item: OutboxItem<P>, error: GroveApiError): void {
    item.error = error.kind;
    if (!isTransient(error)) {
      item.state = 'rejected';
      this.#persist(item);
      return;
    }
    const online = this.#isOnline();
    item.state = online ? 'failed-will-retry' : 'queued-offline';
    item.retryAt = this.#now() + (this.#options.backoff ?? defaultBackoff)(item.attempts);
  }

  #isOnline(): boolean {
    return this.#options.isOnline ? this.#options.isOnline() : navigator.onLine;
  }

  #changed(): void {
    this.#options.onChange(this.#items);
  }

  #now(): number {
    return (this.#options.now ?? Date.now)();
  }

  #storageKey(item: { key: string; createdAt: number }): string {
    // The timestamp first so storage order is send order even across tabs.
    return `${this.#prefix}${String(item.createdAt).padStart(15, '0')}:${item.key}`;
  }

  #persist(item: OutboxItem<P>): void {
    const stored: StoredItem<P> = { key: item.key, payload: item.payload, createdAt: item.createdAt };
    if (item.state === 'rejected' && item.error) stored.rejected = item.error;
    try {
      this.#storage?.setItem(this.#storageKey(item), JSON.stringify(stored));
    } catch {
      // Storage full or unavailable: the item still lives in memory for this page's lifetime.
    }
  }

  #unpersist(item: OutboxItem<P>): void {
    try {
      this.#storage?.removeItem(this.#storageKey(item));
    } catch {
      // See #persist.
    }
  }

  #restore(): OutboxItem<P>[] {
    const storage = this.#storage;
    if (!storage) return this.#items;
    const restored: OutboxItem<P>[] = [];
    try {
      for (let index = 0; index < storage.length; index++) {
        const name = storage.key(index);
        if (!name?.startsWith(this.#prefix)) continue;
        const stored = JSON.parse(storage.getItem(name) ?? 'null') as StoredItem<P> | null;
        if (!stored || typeof stored.key !== 'string' || typeof stored.createdAt !== 'number') continue;
        restored.push({
          key: stored.key,
          payload: stored.payload,
          createdAt: stored.createdAt,
          state: stored.rejected ? 'rejected' : 'queued',
          attempts: 0,
          ...(stored.rejected ? { error: stored.rejected } : {}),
        });
      }
    } catch {
      return this.#items;
    }
    // Items enqueued before start() are already persisted, so storage is the complete list.
    return restored.sort((a, b) => a.createdAt - b.createdAt || a.key.localeCompare(b.key));
  }
}
