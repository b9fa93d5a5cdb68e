import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Defers a widget's first load until it comes near the viewport, so widgets below the fold cost nothing
 * on a slow link until the reader scrolls. Starts at once where IntersectionObserver is missing.
 * `visible` only ever goes from false to true: a loaded widget keeps its data when scrolled away.
 */
export class VisibilityController implements ReactiveController {
  readonly #host: Host;
  readonly #rootMargin: string;
  #observer: IntersectionObserver | undefined;
  visible = false;

  constructor(host: Host, options: { rootMargin?: string } = {}) {
    this.#host = host;
    // Start a screen early so data is usually there by the time the widget is seen.
    this.#rootMargin = options.rootMargin ?? '100% 0px';
    host.addController(this);
  }

  hostConnected(): void {
    if (this.visible) return;
    if (typeof IntersectionObserver === 'undefined') {
      this.#show();
      return;
    }
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) this.#show();
      },
      { rootMargin: this.#rootMargin },
    );
    this.#observer.observe(this.#host);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  #show(): void {
    this.visible = true;
    this.hostDisconnected();
    this.#host.requestUpdate();
  }
}
