import { Task, TaskStatus, type TaskConfig } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { toGroveError, type GroveApiError } from '../api/problem.js';
import { GroveErrorEvent } from '../events/grove-error-event.js';

type Host = ReactiveControllerHost & HTMLElement;

/** A Task's configuration, with `onError` receiving the normalised error (never an abort). */
export type LoadConfig<A extends readonly unknown[], R> = Omit<TaskConfig<A, R>, 'onError'> & {
  /** A real failure, already reported with `grove-error`: for state the widget keeps beside the task. */
  onError?: (error: GroveApiError) => void;
};

/**
 * The one load lifecycle and error path of every widget and of their sub-controllers.
 *
 * - Tasks made with `task()` are aborted when the host leaves the page, and those cut off mid-load run
 *   again when it comes back: a widget moved in the page (a CMS reordering blocks, a framework re-parenting
 *   nodes) finishes loading instead of staying empty, and one removed for good stops downloading. A task
 *   that had finished keeps its value through a move, without a new request.
 * - `fail()` is where every failure goes: aborts are ignored, anything else becomes a `GroveApiError`
 *   and fires `grove-error` on the host.
 *
 * Because an aborted run is always rerun (or its host is gone), an abort never reaches the screen:
 * renderers may treat `TaskStatus.ERROR` as a real failure.
 *
 * Every task needs an `args` function, also those with `autoRun: false`: the rerun calls `run()` without
 * arguments.
 */
export class LoadController implements ReactiveController {
  readonly #host: Host;
  readonly #tasks = new Set<Task>();
  readonly #interrupted = new Set<Task>();

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  /** A `Task` on the host, owned by this lifecycle; its failures are reported with `grove-error`. */
  task<const A extends readonly unknown[], R>(config: LoadConfig<A, R>): Task<A, R> {
    const task = new Task<A, R>(this.#host, {
      ...config,
      onError: (error) => {
        const failure = this.fail(error);
        if (failure) config.onError?.(failure);
      },
    });
    this.#tasks.add(task);
    return task;
  }

  /** Reports a failure with `grove-error` and returns it normalised; undefined (and silent) for an abort. */
  fail = (error: unknown): GroveApiError | undefined => {
    const failure = toGroveError(error);
    if (failure) this.#host.dispatchEvent(new GroveErrorEvent(failure));
    return failure;
  };

  hostConnected(): void {
    for (const task of this.#interrupted) void task.run();
    this.#interrupted.clear();
  }

  hostDisconnected(): void {
    for (const task of this.#tasks) {
      if (task.status !== TaskStatus.PENDING) continue;
      this.#interrupted.add(task);
      task.abort();
    }
  }
}
