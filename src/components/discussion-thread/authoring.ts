/**
 * Everything a signed-in member needs to write, loaded only for them: the composer with its draft, and
 * the outbox that delivers posts exactly once. Anonymous readers (most viewers of an embedded thread)
 * never download it, which keeps the widget's first render within its size budget.
 */
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { GroveClient } from '../../api/client.js';
import { GroveApiError } from '../../api/problem.js';
import type { LocalizeController } from '../../controllers/localize-controller.js';
import { ComposerController, type Submission } from './composer.js';
import type { ThreadMessages } from './messages/en.js';
import { Outbox, type OutboxItem } from './outbox.js';
import { renderOutbox } from './render-outbox.js';
import type { NewPost, Post } from './types.js';

export type { Submission };

export interface AuthoringHooks {
  client(): GroveClient | undefined;
  /** The server confirmed a queued post (once per post). */
  onSent(post: Post): void;
}

export class Authoring {
  readonly composer: ComposerController;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #hooks: AuthoringHooks;
  #outbox: Outbox<NewPost, Post> | undefined;
  #ref: string | undefined;
  #items: readonly OutboxItem<NewPost>[] = [];

  constructor(host: ReactiveControllerHost & HTMLElement, t: LocalizeController<ThreadMessages>, hooks: AuthoringHooks) {
    this.#host = host;
    this.#hooks = hooks;
    this.composer = new ComposerController(host, t);
  }

  /** Points the draft and the queue at a thread (`thread:<id>` or `key:<page key>`). */
  use(ref: string): void {
    if (ref === this.#ref) return;
    this.#ref = ref;
    this.composer.useDraft(ref);
    this.#outbox?.stop();
    this.#outbox = new Outbox<NewPost, Post>({
      queueId: ref,
      send: (payload, idempotencyKey, signal) => {
        const client = this.#hooks.client();
        // No client yet (configuration pending) is a transient state: the outbox retries later.
        if (!client) return Promise.reject(new GroveApiError('offline', 0));
        return client.send<Post>('POST', '/v1/posts', { body: payload, idempotencyKey, signal });
      },
      onChange: (items) => {
        this.#items = [...items];
        this.#host.requestUpdate();
      },
      onSent: (_item, post) => this.#hooks.onSent(post),
    });
    if (this.#host.isConnected) this.#outbox.start();
  }

  start(): void {
    this.#outbox?.start();
  }

  stop(): void {
    this.#outbox?.stop();
  }

  get hasQueued(): boolean {
    return this.#items.length > 0;
  }

  /** Hands the text to the outbox (persisted until confirmed), so the draft can go. */
  send(payload: NewPost): void {
    this.#outbox?.enqueue(payload);
    this.composer.reset();
  }

  renderComposer(onSubmit: (submission: Submission) => void, busy: boolean): TemplateResult {
    return this.composer.render({ onSubmit, busy });
  }

  renderOutbox(t: LocalizeController<ThreadMessages>): ReturnType<typeof renderOutbox> {
    return renderOutbox(this.#items, t, {
      retry: (key) => this.#outbox?.retry(key),
      edit: (item) => {
        if (this.#outbox?.discard(item.key)) this.composer.fill(item.payload.body, item.payload.language);
      },
    });
  }
}
