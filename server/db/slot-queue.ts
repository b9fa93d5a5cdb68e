/**
 * A bounded queue in front of a fixed number of connection slots (1 for PGlite, the pool size for
 * PostgreSQL). When too many callers already wait, a new one is refused at once with
 * `OverloadedError`, so that the HTTP layer can answer 503 + Retry-After instead of piling up work;
 * a caller that waited longer than the timeout is refused too, so nothing hangs for ever.
 */
export class OverloadedError extends Error {
  readonly retryAfterSeconds: number;

  constructor(message = 'The database is overloaded', retryAfterSeconds = 1) {
    super(message);
    this.name = 'OverloadedError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

interface Waiter {
  grant: () => void;
  refuse: (error: Error) => void;
  timer: NodeJS.Timeout | undefined;
}

export class SlotQueue {
  readonly #slots: number;
  readonly #limit: number;
  readonly #timeoutMs: number;
  #busy = 0;
  #waiters: Waiter[] = [];
  #closed = false;

  constructor(slots: number, limit: number, timeoutMs: number) {
    this.#slots = slots;
    this.#limit = limit;
    this.#timeoutMs = timeoutMs;
  }

  get waiting(): number {
    return this.#waiters.length;
  }

  get busy(): number {
    return this.#busy;
  }

  /** Runs `fn` while holding one slot. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    await this.#acquire();
    try {
      return await fn();
    } finally {
      this.#release();
    }
  }

  /** Refuses every waiter and every later caller. */
  close(): void {
    this.#closed = true;
    for (const waiter of this.#waiters.splice(0)) {
      clearTimeout(waiter.timer);
      waiter.refuse(new Error('The database is closed'));
    }
  }

  #acquire(): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('The database is closed'));
    if (this.#busy < this.#slots && this.#waiters.length === 0) {
      this.#busy++;
      return Promise.resolve();
    }
    if (this.#waiters.length >= this.#limit) {
      return Promise.reject(new OverloadedError(`The database queue is full (${this.#limit} waiting)`));
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { grant: resolve, refuse: reject, timer: undefined };
      if (this.#timeoutMs > 0 && Number.isFinite(this.#timeoutMs)) {
        waiter.timer = setTimeout(() => {
          this.#waiters = this.#waiters.filter((w) => w !== waiter);
          reject(new OverloadedError(`Waited more than ${this.#timeoutMs} ms for the database`));
        }, this.#timeoutMs);
      }
      this.#waiters.push(waiter);
    });
  }

  #release(): void {
    const next = this.#waiters.shift();
    if (next) {
      // The slot passes straight to the next waiter: #busy stays the same.
      clearTimeout(next.timer);
      next.grant();
    } else {
      this.#busy--;
    }
  }
}
