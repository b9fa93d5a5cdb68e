/**
 * IntersectionObserver for tests. Test pages run in background tabs, where Chromium never delivers
 * IntersectionObserver callbacks (they ride on rendering frames), so a widget waiting to be seen would
 * wait forever. Two ways out, both restoring the real observer afterwards:
 *
 * - `withoutIntersectionObserver()`: the API is absent, as in old browsers; `VisibilityController`
 *   then starts at once. For tests about something else than deferred loading.
 * - `fakeIntersectionObserver()`: a scripted observer; the test decides when a target scrolls into view.
 *   For tests of deferred loading itself.
 *
 * Call the returned `restore()` in `afterEach` (or a `finally`).
 */

type Restore = () => void;

function replaceIntersectionObserver(value: unknown): Restore {
  const original = Object.getOwnPropertyDescriptor(window, 'IntersectionObserver');
  Object.defineProperty(window, 'IntersectionObserver', { value, configurable: true, writable: true });
  return () => {
    if (original) Object.defineProperty(window, 'IntersectionObserver', original);
  };
}

export function withoutIntersectionObserver(): Restore {
  return replaceIntersectionObserver(undefined);
}

export interface FakeObservation {
  readonly target: Element;
  readonly options: IntersectionObserverInit | undefined;
}

export interface FakeIntersectionObserver {
  /** Targets currently observed (disconnect and unobserve remove them), with the observer's options. */
  readonly observed: readonly FakeObservation[];
  /** Delivers one entry for `target` to every observer watching it; returns how many were told. */
  intersect(target: Element, isIntersecting?: boolean): number;
  restore: Restore;
}

export function fakeIntersectionObserver(): FakeIntersectionObserver {
  const observers = new Set<ScriptedObserver>();

  class ScriptedObserver {
    readonly root = null;
    readonly rootMargin: string;
    readonly thresholds: readonly number[] = [0];
    readonly targets = new Set<Element>();
    readonly #callback: IntersectionObserverCallback;
    readonly options: IntersectionObserverInit | undefined;

    constructor(callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
      this.#callback = callback;
      this.options = options;
      this.rootMargin = options?.rootMargin ?? '0px';
      observers.add(this);
    }

    observe(target: Element): void {
      this.targets.add(target);
    }

    unobserve(target: Element): void {
      this.targets.delete(target);
    }

    disconnect(): void {
      this.targets.clear();
    }

    takeRecords(): IntersectionObserverEntry[] {
      return [];
    }

    deliver(target: Element, isIntersecting: boolean): void {
      const entry = { target, isIntersecting, intersectionRatio: isIntersecting ? 1 : 0 } as IntersectionObserverEntry;
      this.#callback([entry], this);
    }
  }

  const restore = replaceIntersectionObserver(ScriptedObserver);
  return {
    get observed() {
      return [...observers].flatMap((observer) => [...observer.targets].map((target) => ({ target, options: observer.options })));
    },
    intersect(target, isIntersecting = true) {
      const watching = [...observers].filter((observer) => observer.targets.has(target));
      for (const observer of watching) observer.deliver(target, isIntersecting);
      return watching.length;
    },
    restore,
  };
}
