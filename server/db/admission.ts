/**
 * Admission control in front of the database: a fixed number of slots (1 for PGlite, the pool size for
 * PostgreSQL) and a bounded, ordered queue of waiters.
 *
 * - A call that could not start within the wait budget is refused at once with `OverloadedError`, which
 *   the HTTP layer answers 503 + Retry-After. "Could not start" is estimated from the measured service
 *   time (a moving average of how long a slot is held) and the waiters ahead: the queue's useful length
 *   follows the work, instead of a fixed count that is too long for slow queries and too short for fast ones.
 * - A waiter still waiting when its budget runs out is refused too, so a refusal never takes longer than
 *   the budget.
 * - A waiter whose caller went away (its AbortSignal fired) leaves the queue without running.
 * - Waiters are served in the order their *requests* arrived, not their queries: the second query of a
 *   request already half done goes before the first query of a request that just came in, so work
 *   started is finished rather than wasted on a refusal later.
 */
export class OverloadedError extends Error {
  readonly retryAfterSeconds: number;

  constructor(message = 'The database is overloaded', retryAfterSeconds = 1) {
    super(message);
    this.name = 'OverloadedError';
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The caller no longer wants the result (its client disconnected). */
export class QueryAbortedError extends Error {
  constructor(message = 'The request was abandoned') {
    super(message);
    this.name = 'AbortError';
  }
}

export interface AdmissionOptions {
  /** Calls allowed to wait for a slot; past it new ones are refused at once. */
  limit: number;
  /** Longest a call may wait for a slot, in ms; also the estimated wait past which it is refused at once. */
  maxWaitMs: number;
}

export interface Ticket {
  /** Aborts the wait (and, for the back end that can, the running statement). */
  signal?: AbortSignal | undefined;
  /** Arrival time of the request the call belongs to (performance.now()); earlier is served first. */
  order?: number | undefined;
  /**
   * The request's first statement: its wait budget counts from the request's arrival (`order`), not from
   * this call, so that the time the request already waited for its turn on the event loop is part of it
   * and a refusal still comes within the budget of the request's arrival. Later statements of a request
   * already served get the whole budget: refusing them would waste the work done.
   */
  fromArrival?: boolean | undefined;
  /**
   * Work no request waits for (start-up, migrations, the mail worker, housekeeping): it waits its turn
   * instead of being refused, and its time is left out of the service-time average. A refusal there would
   * answer nobody (at start it stopped the server: PGlite's first statements on a large data directory
   * take seconds, and the average they left refused the next start-up query).
   */
  background?: boolean | undefined;
}

export interface AdmissionStats {
  slots: number;
  busy: number;
  waiting: number;
  /** Moving average of how long a slot is held, in ms. */
  serviceMs: number;
  refused: number;
  abandoned: number;
}

interface Waiter {
  order: number;
  grant: () => void;
  refuse: (error: Error) => void;
  timer: NodeJS.Timeout | undefined;
  cleanup: () => void;
}

/** Weight of the newest measurement in the service-time average. */
const ALPHA = 0.1;

export class AdmissionQueue {
  readonly #slots: number;
  readonly #limit: number;
  readonly #maxWaitMs: number;
  #busy = 0;
  #waiters: Waiter[] = [];
  #closed = false;
  #serviceMs = 2;
  #refused = 0;
  #abandoned = 0;

  constructor(slots: number, options: AdmissionOptions) {
    this.#slots = slots;
    this.#limit = options.limit;
    this.#maxWaitMs = options.maxWaitMs;
  }

  get waiting(): number {
    return this.#waiters.length;
  }

  get busy(): number {
    return this.#busy;
  }

  stats(): AdmissionStats {
    return {
      slots: this.#slots,
      busy: this.#busy,
      waiting: this.#waiters.length,
      serviceMs: Math.round(this.#serviceMs * 10) / 10,
      refused: this.#refused,
      abandoned: this.#abandoned,
    };
  }

  /** The wait a call arriving now should expect, in ms. */
  expectedWaitMs(): number {
    if (this.#busy < this.#slots && this.#waiters.length === 0) return 0;
    return ((this.#waiters.length + 1) / this.#slots) * this.#serviceMs;
  }

  /** Runs `fn` while holding one slot; `fn` receives the ticket's signal to pass on to the statement. */
  async run<T>(fn: () => Promise<T>, ticket: Ticket = {}): Promise<T> {
    await this.#acquire(ticket);
    const started = performance.now();
    try {
      return await fn();
    } finally {
      if (!ticket.background) this.#serviceMs += ALPHA * (performance.now() - started - this.#serviceMs);
      this.#release();
    }
  }

  /** Refuses every waiter and every later caller. */
  close(): void {
    this.#closed = true;
    for (const waiter of this.#waiters.splice(0)) {
      waiter.cleanup();
      waiter.refuse(new Error('The database is closed'));
    }
  }

  #refuse(message: string): OverloadedError {
    this.#refused++;
    const seconds = Math.max(1, Math.ceil(this.expectedWaitMs() / 1000));
    return new OverloadedError(message, seconds);
  }

  #acquire(ticket: Ticket): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('The database is closed'));
    const { signal } = ticket;
    if (signal?.aborted) {
      this.#abandoned++;
      return Promise.reject(new QueryAbortedError());
    }
    if (this.#busy < this.#slots && this.#waiters.length === 0) {
      this.#busy++;
      return Promise.resolve();
    }
    if (ticket.background) return this.#wait(ticket, Infinity);
    if (this.#waiters.length >= this.#limit) {
      return Promise.reject(this.#refuse(`The database queue is full (${this.#limit} waiting)`));
    }
    const budget = this.#budget(ticket);
    const expected = this.expectedWaitMs();
    if (expected > budget) {
      return Promise.reject(
        this.#refuse(
          `The database could not start this within ${this.#maxWaitMs} ms of the request's arrival (about ${Math.round(expected)} ms expected, ${Math.max(0, Math.round(budget))} ms left)`,
        ),
      );
    }
    return this.#wait(ticket, budget);
  }

  /** How long a call may still wait, in ms: the budget, less what its request waited before its first statement. */
  #budget(ticket: Ticket): number {
    if (!ticket.fromArrival || ticket.order === undefined) return this.#maxWaitMs;
    return Math.min(this.#maxWaitMs, this.#maxWaitMs - (performance.now() - ticket.order));
  }

  #wait(ticket: Ticket, maxWaitMs: number): Promise<void> {
    const { signal } = ticket;
    return new Promise<void>((resolve, reject) => {
      const onAbort = (): void => {
        this.#remove(waiter);
        this.#abandoned++;
        reject(new QueryAbortedError());
      };
      const waiter: Waiter = {
        order: ticket.order ?? performance.now(),
        grant: resolve,
        refuse: reject,
        timer: undefined,
        cleanup: () => {
          clearTimeout(waiter.timer);
          signal?.removeEventListener('abort', onAbort);
        },
      };
      if (Number.isFinite(maxWaitMs)) {
        waiter.timer = setTimeout(
          () => {
            this.#remove(waiter);
            reject(this.#refuse(`Waited more than ${this.#maxWaitMs} ms for the database since the request arrived`));
          },
          Math.max(0, maxWaitMs),
        );
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      // Ordered by request arrival; equal orders keep their arrival order.
      let at = this.#waiters.length;
      while (at > 0 && (this.#waiters[at - 1]?.order ?? 0) > waiter.order) at--;
      this.#waiters.splice(at, 0, waiter);
    });
  }

  #remove(waiter: Waiter): void {
    waiter.cleanup();
    this.#waiters = this.#waiters.filter((w) => w !== waiter);
  }

  #release(): void {
    const next = this.#waiters.shift();
    if (next) {
      // The slot passes straight to the next waiter: #busy stays the same.
      next.cleanup();
      next.grant();
    } else {
      this.#busy--;
    }
  }
}
