/**
 * Everything a signed-in member needs to write, loaded only for them: the composer with its draft, the
 * outbox that delivers posts exactly once, and the actions under each post. Anonymous readers (most viewers of an embedded thread)
 * never download it, which keeps the widget's first render within its size budget.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { GroveClient } from '../../api/client.js';
import { GroveApiError } from '../../api/problem.js';
import { LocalizeController, type LanguageSource, type WidgetMessages } from '../../controllers/localize-controller.js';
import * as writes from './writes.js';
import { ComposerController, type Submission } from './composer.js';
import en, { type AuthoringMessages } from './messages/authoring-en.js';
import { Outbox, type OutboxItem } from './outbox.js';
import { renderPostActions, type ActionContext } from './post-actions.js';
import { renderOutbox } from './render-outbox.js';
import type { NewPost, Post } from './types.js';

export type { Submission };
export type { PostAction } from './post-actions.js';

export interface AuthoringHooks {
  client(): GroveClient | undefined;
  /** The server confirmed a queued post (once per post). */
  onSent(post: Post): void;
}

/** A controller of its host: the outbox sends while the host is on the page and pauses while it is away. */
export type Writes = typeof writes;

export class Authoring implements ReactiveController {
  readonly composer: ComposerController;
  /** The writes behind each button, downloaded with this chunk rather than with a reader's first view. */
  readonly writes: Writes = writes;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #hooks: AuthoringHooks;
  #outbox: Outbox<NewPost, Post> | undefined;
  #ref: string | undefined;
  #items: readonly OutboxItem<NewPost>[] = [];

  /** The composer's and outbox's words: their English came with this chunk, their translations with the thread's. */
  readonly #t: LocalizeController<AuthoringMessages>;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    language: LanguageSource,
    load: WidgetMessages<AuthoringMessages>['load'],
    hooks: AuthoringHooks,
  ) {
    this.#host = host;
    this.#hooks = hooks;
    this.#t = new LocalizeController(host, language, { en, load });
    this.composer = new ComposerController(host, this.#t);
    host.addController(this);
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
        return writes.createPost(client, payload, idempotencyKey, signal);
      },
      onChange: (items) => {
        this.#items = [...items];
        this.#host.requestUpdate();
      },
      onSent: (_item, post) => this.#hooks.onSent(post),
    });
    if (this.#host.isConnected) this.#outbox.start();
  }

  /** Back on the page (after a move): resume sending what is queued. */
  hostConnected(): void {
    this.#outbox?.start();
  }

  /** Off the page: stop sending; queued posts stay in storage for the next start. */
  hostDisconnected(): void {
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

  /** The follow switch in the thread's header: a toggle button, pressed while the member follows. */
  renderFollow(following: boolean, busy: boolean, onToggle: () => void): TemplateResult {
    return html`<button type="button" part="action follow-button" class="link" aria-pressed=${String(following)}
      title=${this.#t.t('thread.followHint')} ?disabled=${busy} @click=${onToggle}>
      ${this.#t.t(following ? 'thread.following' : 'thread.follow')}
    </button>`;
  }

  /** What a screen reader hears once the switch has changed. */
  followAnnouncement(following: boolean): string {
    return this.#t.t(following ? 'thread.followed' : 'thread.unfollowed');
  }

  renderActions(post: Post, context: ActionContext): TemplateResult {
    return renderPostActions(post, this.#t, context);
  }

  renderOutbox(): ReturnType<typeof renderOutbox> {
    return renderOutbox(this.#items, this.#t, {
      retry: (key) => this.#outbox?.retry(key),
      edit: (item) => {
        if (this.#outbox?.discard(item.key)) this.composer.fill(item.payload.body, item.payload.language);
      },
    });
  }
}
