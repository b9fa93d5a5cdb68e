/**
 * One LISTEN per channel per server instance, fanned out to every local stream subscribed to it.
 * PostgreSQL NOTIFY reaches every instance, so a post made through one instance appears in streams
 * served by all of them. `close()` ends every stream so shutdown does not wait on idle clients.
 */
import { setMaxListeners } from 'node:events';
import type { Database } from '../db/index.ts';

type Listener = (payload: string) => void;

interface Channel {
  listeners: Set<Listener>;
  unlisten: Promise<() => Promise<void>>;
}

export class LiveHub {
  readonly #db: Database;
  readonly #channels = new Map<string, Channel>();
  readonly #shutdown = new AbortController();

  constructor(db: Database) {
    this.#db = db;
    // Every open stream listens for shutdown on this one signal: many streams are normal, not a leak.
    setMaxListeners(0, this.#shutdown.signal);
  }

  /** Aborted when the server shuts down; streams end when it fires. */
  get signal(): AbortSignal {
    return this.#shutdown.signal;
  }

  async subscribe(name: string, listener: Listener): Promise<() => void> {
    let channel = this.#channels.get(name);
    if (!channel) {
      const listeners = new Set<Listener>();
      const unlisten = this.#db.listen(name, (payload) => {
        for (const fn of listeners) fn(payload);
      });
      channel = { listeners, unlisten };
      this.#channels.set(name, channel);
    }
    channel.listeners.add(listener);
    await channel.unlisten;
    const current = channel;
    return () => {
      current.listeners.delete(listener);
      if (current.listeners.size === 0 && this.#channels.get(name) === current) {
        this.#channels.delete(name);
        void current.unlisten.then((stop) => stop()).catch(() => undefined);
      }
    };
  }

  get subscriberCount(): number {
    let count = 0;
    for (const channel of this.#channels.values()) count += channel.listeners.size;
    return count;
  }

  close(): void {
    this.#shutdown.abort();
  }
}
