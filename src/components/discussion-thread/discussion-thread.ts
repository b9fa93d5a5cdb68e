import { TaskStatus, initialState } from '@lit/task';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { GroveClient } from '../../api/client.js';
import { GroveApiError } from '../../api/problem.js';
import { defaultPageKey } from '../../context/page-config.js';
import { ConfigController } from '../../controllers/config-controller.js';
import { LoadController } from '../../controllers/load-controller.js';
import { followMemberChanges } from '../shared/member-changes.js';
import { LocalizeController } from '../../controllers/localize-controller.js';
import { GroveLoadEvent } from '../../events/grove-load-event.js';
import { GroveModerateEvent, type ModerationAction } from '../../events/grove-moderate-event.js';
import { GrovePostEvent } from '../../events/grove-post-event.js';
import { renderParticipationBadge } from '../participation-badge/inline-badge.js';
import { errorMessageKey, renderEmpty, renderError, renderInvalidAttribute, renderLoading, renderUnusable } from '../../render/states.js';
import { hostStyles } from '../../styles/host.js';
import { invalidAttribute, keyword, wholeNumber } from '../../validation/attributes.js';
import { preferredValue } from '../../validation/deprecated.js';
import { fillTemplate } from '../../validation/url.js';
import * as api from './api.js';
import { ATTRIBUTES, newThreadTitle } from './attributes.js';
import type { Authoring, PostAction, Submission, Writes } from './authoring.js';
import { styles } from './discussion-thread.styles.js';
import { LiveThread } from './live-thread.js';
import en from './messages/en.js';
import { renderHeader } from './render-header.js';
import { renderPost, type PostContext } from './render-post.js';
import { POST_HTML_POLICY, postHtmlAllowed } from './trusted-html.js';
import { ReportsPanel } from './reports-panel.js';
import { nestPosts, newestId, removePost, upsertPosts, type Order } from './thread-state.js';
import type { Post, PostPage, Thread, ThreadChange } from './types.js';

const messages = {
  en,
  load: { fr: () => import('./messages/fr.js'), es: () => import('./messages/es.js'), ar: () => import('./messages/ar.js') },
};

/** Edits and reports send only text the user typed: a 400 is about that text. */
/** The server's page limit, which `page-size` shares. */
const MAX_POSTS_PAGE = 100;
const actionErrorKey = (error: unknown) =>
  error instanceof GroveApiError && error.kind === 'invalid' ? 'thread.error.invalidText' : errorMessageKey(error);

interface Loaded {
  /** Null while a page key has no thread yet: the first post creates it. */
  thread: Thread | null;
  page: PostPage;
}

/**
 * A community conversation attached to a thread id or to the page it sits on: posts with one level of
 * replies, reactions, accepted answers, moderation and live updates. Posts never get lost: drafts are kept
 * locally and sends are queued and retried with one Idempotency-Key each.
 * Example: `<grove-discussion-thread community="water" thread-title="Drip irrigation in clay soils">`.
 *
 * @tag grove-discussion-thread
 * @slot badge-<memberId> - Shown beside that member's name in their posts, e.g. `<grove-participation-badge slot="badge-42">`.
 * @csspart thread - The whole conversation.
 * @csspart header - Title, status and thread actions.
 * @csspart list - The list of posts.
 * @csspart post - One post.
 * @csspart accepted-post - The accepted answer.
 * @csspart author - The author's name (a link when `profile-url` is set).
 * @csspart role - "Facilitator", on posts by the community's facilitators.
 * @csspart time - The post's time.
 * @csspart body - The post's text.
 * @csspart accepted-mark - "Accepted answer".
 * @csspart expert-mark - "Topic expert", on posts by members the server recognises for the thread's topic skill.
 * @csspart follow-button - Signed-in members: follow the thread by e-mail (a toggle, aria-pressed).
 * @csspart reports-button - Facilitators only: opens the community's reports queue.
 * @csspart reports - The reports queue.
 * @csspart report - One reported post in the queue, with its reports and the decision buttons.
 * @csspart held - Facilitators only, in the queue: posts awaiting approval (pre-moderation) and the community's setting.
 * @csspart held-post - One post awaiting approval, with the approve and reject buttons.
 * @csspart premoderation-form - Facilitators only, in the queue: how many first posts of a member wait (0 = off).
 * @csspart premoderation-button - Saves the pre-moderation setting.
 * @csspart field-error - A setting's error, beside its field.
 * @csspart silence - Under a held or reported post: silence its author for a day, a week or a month, or lift it.
 * @csspart silence-button - Silences the post's author.
 * @csspart lift-button - Lifts the silence on the post's author.
 * @csspart log-button - Facilitators only: opens the community's moderation log (a disclosure, aria-expanded).
 * @csspart moderation-log - The moderation log, newest first.
 * @csspart log-entry - One moderation act: who did what, to whom, where and when.
 * @csspart reaction - A reaction toggle (aria-pressed).
 * @csspart action - Every post action button.
 * @csspart more-button - Loads older or newer posts.
 * @csspart outbox - The viewer's posts still being sent.
 * @csspart composer - The form.
 * @csspart composer-input - The textarea.
 * @csspart tab - Write / preview toggles.
 * @csspart preview - The preview.
 * @csspart language-select - The post's language.
 * @csspart send-button - Sends.
 * @csspart cancel-button - Cancels a reply or an edit.
 * @csspart confirm-button - Confirms a delete or a report.
 * @csspart status - Loading and empty states.
 * @csspart error - Errors.
 * @csspart retry-button - Retries.
 * @cssprop [--grove-discussion-thread-indent=1.5rem] - Indent of replies.
 * @cssprop [--grove-discussion-thread-accepted-color=var(--grove-color-accent)] - Border of the accepted answer.
 * @fires {GrovePostEvent} grove-post - The server confirmed the viewer's post: `detail.change` is created, edited or deleted.
 * @fires {GroveModerateEvent} grove-moderate - A hide, restore, lock, unlock, pin, unpin, accept or report was confirmed (hide and restore from the reports queue too; approving a post awaiting approval is a restore, rejecting it a hide).
 * @fires {GroveLoadEvent} grove-load - The thread and its first page of posts arrived; `detail.data` is `{ thread, page }`.
 * @fires {GroveErrorEvent} grove-error - Loading or an action failed; the widget shows a translated message.
 */
export class GroveDiscussionThread extends LitElement {
  static override styles = [hostStyles, styles];

  /** Thread id. When set, `page-key` is ignored. */
  @property() thread = '';
  /** Page key the thread is attached to; by default the page's canonical URL, else its address without `#…`. */
  @property({ attribute: 'page-key' }) pageKey = '';
  /** Deprecated alias of `page-key` (React and Vue keep `key` for themselves); warns once. */
  @property() key = '';
  /** Title of a thread created by the first post on `page-key`; by default the page's title. */
  @property({ attribute: 'thread-title' }) threadTitle = '';
  /** Community slug of a thread created by the first post on `key`. */
  @property({ converter: keyword }) community = '';
  /** `oldest` (default) or `newest` first. */
  @property({ converter: keyword }) order = 'oldest';
  /** Posts per page, 1 to 100. */
  @property({ attribute: 'page-size', converter: wholeNumber }) pageSize = 20;
  /** Shows the conversation without the composer. */
  @property({ type: Boolean }) readonly = false;
  /** Link to a member's directory profile, `{id}` replaced: e.g. `/people#members.member={id}`. */
  @property({ attribute: 'profile-url' }) profileUrl = '';
  /** Shows each author's participation badge in the thread's community beside their name. */
  @property({ type: Boolean }) badges = false;

  #thread: Thread | null = null;
  #posts: Post[] = [];
  #next: string | null = null;
  /** The composer and outbox, loaded once the viewer is signed in. */
  #authoring: Authoring | undefined;
  #authoringRequested = false;
  #pending: { type: 'confirm-delete' | 'report'; postId: string } | undefined;
  #busy = false;
  #actionError: unknown;
  #announcement = '';
  #now = new Date();

  #config = new ConfigController(this);
  #t = new LocalizeController(this, this.#config, messages);
  #lifecycle = new LoadController(this);
  #live = new LiveThread(this, {
    onPost: (post) => this.#receive(post, true),
    onUpdate: (post) => this.#posts.some((known) => known.id === post.id) && this.#receive(post, false),
    onRemove: (id) => {
      this.#posts = removePost(this.#posts, id);
      this.requestUpdate();
    },
  });
  /** The facilitators' reports queue, downloaded the first time one opens it. */
  #reports = new ReportsPanel(this, this.#config, {
    client: () => this.#config.client,
    load: this.#lifecycle,
    threadId: () => this.#thread?.id,
    onPostChanged: (post, decision) => {
      if (this.#posts.some((known) => known.id === post.id)) this.#receive(post, false);
      this.dispatchEvent(new GroveModerateEvent(decision, post.thread, post.id));
    },
    announce: (message) => this.#announce(message),
  });
  #load = this.#lifecycle.task({
    task: async ([client, ref, order, limit, community], { signal }): Promise<Loaded | typeof initialState> => {
      if (!client || invalidAttribute(this, ATTRIBUTES)) return initialState;
      const locator = ref.startsWith('thread:')
        ? { id: this.thread.trim() }
        : { key: ref.slice('key:'.length), ...(community ? { community } : {}) };
      const thread = await api.fetchThread(client, locator, signal);
      const page = thread ? await api.postsPage(client, thread, { order, limit }, signal) : { items: [], next: null };
      await this.#t.ready;
      return { thread, page };
    },
    args: () => [this.#config.client, this.#ref, this.#order, this.pageSize || 20, this.community.trim().toLowerCase()] as const,
    onComplete: (loaded) => {
      this.#thread = loaded.thread;
      this.#posts = loaded.page.items;
      this.#next = loaded.page.next;
      this.#now = new Date();
      this.dispatchEvent(new GroveLoadEvent(loaded));
    },
  });
  /** The next page of posts, when the reader asks for it ("load more"). */
  #more = this.#lifecycle.task({
    autoRun: false,
    task: async ([client, thread, cursor], { signal }): Promise<PostPage | typeof initialState> => {
      if (!client || !thread || !cursor) return initialState;
      return api.postsPage(client, thread, { order: this.#order, limit: this.pageSize || 20, cursor }, signal);
    },
    args: () => [this.#config.client, this.#thread, this.#next] as const,
    onComplete: (page) => {
      this.#posts = upsertPosts(this.#posts, page.items, this.#order);
      this.#next = page.next;
    },
  });

  /** `thread:<id>` or `key:<page key>`: names the draft and the outbox, which outlive the page. */
  /** The page key in use: `page-key`, else the deprecated `key`, else this page's. */
  #pageKey(): string {
    return preferredValue(this, this.pageKey, { name: 'key', value: this.key, use: 'page-key' }) || defaultPageKey();
  }

  /** `thread-title`, else the deprecated use of the global `title` attribute. */
  #threadTitle(): string {
    return preferredValue(this, this.threadTitle, { name: 'title', value: this.title, use: 'thread-title' });
  }

  get #ref(): string {
    return this.thread.trim() ? `thread:${this.thread.trim()}` : `key:${this.#pageKey()}`;
  }

  get #order(): Order {
    return this.order === 'newest' ? 'newest' : 'oldest';
  }

  constructor() {
    super();
    // An author's edits and opt-out, here or in another browser, show on their posts at once.
    followMemberChanges(this, {
      client: () => this.#config.client,
      shows: (member) => this.#posts.some((post) => post.author.id === member),
      refresh: () => void this.#rereadPosts(),
    });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back on the page after a move: the live stream (stopped on leaving) follows again after the update.
    if (this.hasUpdated) this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (invalidAttribute(this, ATTRIBUTES)) return;
    if (changed.has('thread') || changed.has('pageKey') || changed.has('key')) this.#authoring?.use(this.#ref);
    // Also for `readonly`: reactions, reports and moderation stay; only the composer is left out.
    if (!this.#authoringRequested && this.#config.client?.isAuthenticated) {
      this.#authoringRequested = true;
      void import('./authoring.js').then(({ Authoring }) => {
        this.#authoring = new Authoring(this, this.#config, messages.load, {
          client: () => this.#config.client,
          onSent: (post) => void this.#confirmed(post),
        });
        this.#authoring.use(this.#ref);
        this.requestUpdate();
      });
    }
  }

  protected override updated(): void {
    const client = this.#config.client;
    if (client && this.#thread && this.isConnected) this.#live.follow(client, this.#thread.id, newestId(this.#posts));
  }

  async #confirmed(post: Post): Promise<void> {
    this.#receive(post, false);
    this.#announce(this.#t.t('thread.announce.posted'));
    this.dispatchEvent(new GrovePostEvent(post, 'created'));
    const client = this.#config.client;
    if (!this.#thread && client) {
      // The first post created the thread: load it so moderation, counts and live updates work.
      this.#thread = await api.fetchThread(client, { id: post.thread }).catch(() => null);
      this.requestUpdate();
    }
  }

  /**
   * The posts already shown, read again as the server now presents their authors (a new name, or plain
   * text once they opted out). Up to the server's page limit: older pages keep their authors until reloaded.
   */
  async #rereadPosts(): Promise<void> {
    const client = this.#config.client;
    const thread = this.#thread;
    if (!client || !thread || this.#posts.length === 0) return;
    const limit = Math.min(MAX_POSTS_PAGE, Math.max(this.pageSize || 20, this.#posts.length));
    try {
      const page = await api.postsPage(client, thread, { order: this.#order, limit }, new AbortController().signal);
      const shown = new Set(this.#posts.map((post) => post.id));
      this.#posts = upsertPosts(
        this.#posts,
        page.items.filter((post) => shown.has(post.id)),
        this.#order,
      );
      this.requestUpdate();
    } catch (error) {
      this.#lifecycle.fail(error);
    }
  }

  #receive(post: Post, announce: boolean): void {
    const isNew = !this.#posts.some((known) => known.id === post.id);
    this.#posts = upsertPosts(this.#posts, [post], this.#order);
    if (announce && isNew && !post.viewerCanEdit)
      this.#announce(this.#t.t('thread.announce.incoming', { count: 1, name: post.author.name }));
    this.requestUpdate();
  }

  #announce(message: string): void {
    // Cleared first so the same sentence twice in a row is announced twice.
    this.#announcement = '';
    this.requestUpdate();
    void this.updateComplete.then(() => {
      this.#announcement = message;
      this.requestUpdate();
    });
  }

  #handleSubmit = (submission: Submission): void => {
    if (submission.editing) {
      const post = submission.editing;
      void this.#act(async (client, writes) => {
        const edited = await writes.editPost(client, post, submission.body, submission.language);
        this.#receive(edited, false);
        this.#authoring?.composer.reset();
        this.dispatchEvent(new GrovePostEvent(edited, 'edited'));
      });
      return;
    }
    const target = this.#thread
      ? { thread: this.#thread.id }
      : {
          key: this.#pageKey(),
          community: this.community.trim(),
          title: newThreadTitle(this.#threadTitle(), document.title, this.#t.t('thread.untitled')),
        };
    this.#authoring?.send({
      ...target,
      body: submission.body,
      language: submission.language,
      ...(submission.replyTo ? { replyTo: submission.replyTo.id } : {}),
    });
  };

  #handleReportsToggle = (): void => {
    if (this.#thread) void this.#reports.toggle(this.#thread.community);
  };

  #handleMore = (): void => void this.#more.run();

  #toggleFollow = (): void => {
    const thread = this.#thread;
    if (!thread) return;
    void this.#act(async (client, writes) => {
      const following = await writes.setFollowing(client, thread.id, !thread.viewer.following);
      if (this.#thread?.id === thread.id) this.#thread = { ...this.#thread, viewer: { ...this.#thread.viewer, following } };
      const message = this.#authoring?.followAnnouncement(following);
      if (message) this.#announce(message);
    });
  };

  #handlePostAction = (action: PostAction): void => {
    const { post } = action;
    const moderated = (name: ModerationAction) => this.dispatchEvent(new GroveModerateEvent(name, post.thread, post.id));
    switch (action.type) {
      case 'reply': {
        this.#authoring?.composer.startReply(post);
        return;
      }
      case 'edit': {
        this.#authoring?.composer.startEdit(post);
        return;
      }
      case 'delete':
      case 'report':
        this.#pending = { type: action.type === 'delete' ? 'confirm-delete' : 'report', postId: post.id };
        {
          this.requestUpdate();
          return;
        }
      case 'cancel':
        this.#pending = undefined;
        {
          this.requestUpdate();
          return;
        }
      case 'confirm-delete':
        return void this.#act(async (client, writes) => {
          const deleted = await writes.deletePost(client, post);
          this.#receive(deleted, false);
          this.dispatchEvent(new GrovePostEvent(deleted, 'deleted'));
        });
      case 'send-report':
        return void this.#act(async (client, writes) => {
          await writes.reportPost(client, post, action.reason);
          this.#announce(this.#t.t('thread.reported'));
          moderated('report');
        });
      case 'react':
        return void this.#act(async (client, writes) => this.#receive(await writes.toggleReaction(client, post, action.kind), false));
      case 'hide':
      case 'restore': {
        const name = action.type;
        return void this.#act(async (client, writes) => {
          this.#receive(await writes.setHidden(client, post, name === 'hide'), false);
          moderated(name);
          // Hiding resolves the post's reports on the server: an open queue shows that.
          this.#reports.refresh();
        });
      }
      case 'accept':
        return void this.#moderateThread({ acceptedPost: post.id }, 'accept', post.id);
    }
  };

  async #moderateThread(change: ThreadChange, name: ModerationAction, postId?: string): Promise<void> {
    const thread = this.#thread;
    if (!thread) return;
    await this.#act(async (client, writes) => {
      this.#thread = await writes.moderateThread(client, thread, change);
      const accepted = this.#thread.acceptedPostId;
      this.#posts = this.#posts.map((post) =>
        post.accepted === (post.id === accepted) ? post : { ...post, accepted: post.id === accepted },
      );
      this.dispatchEvent(new GroveModerateEvent(name, thread.id, postId));
    });
  }

  /** Runs one write; its failure is shown next to the composer and reported, never thrown at the page. */
  async #act(work: (client: GroveClient, writes: Writes) => Promise<void>): Promise<void> {
    const client = this.#config.client;
    // The writes come with the signed-in tools, which every button that writes belongs to.
    const writes = this.#authoring?.writes;
    if (!client || !writes || this.#busy) return;
    this.#busy = true;
    this.#actionError = undefined;
    this.requestUpdate();
    try {
      await work(client, writes);
      this.#pending = undefined;
    } catch (error) {
      this.#actionError = this.#lifecycle.fail(error);
    } finally {
      this.#busy = false;
      this.requestUpdate();
    }
  }

  override render(): TemplateResult {
    const t = this.#t;
    // Empty strings fall through too: an untitled page still gets a label.
    const title = [this.#thread?.title, this.#threadTitle()].find((candidate) => candidate) ?? t.t('thread.untitled');
    // title="" stops the host's `title` attribute (the new thread's title) showing as a tooltip everywhere.
    return html`<section part="thread" class="thread" dir=${t.dir} lang=${t.language} title="" aria-label=${t.t('thread.label', { title })}>
      ${
        renderUnusable(t, invalidAttribute(this, ATTRIBUTES), this.#config.client) ??
        this.#load.render({
          initial: () => renderLoading(t),
          pending: () => (this.#load.value ? this.#renderThread() : renderLoading(t)),
          complete: () => this.#renderThread(),
          // A 404 is about the attribute the lookup used: the thread id, or the page's community.
          error: (error) =>
            renderError(
              t,
              error,
              () => void this.#load.run(),
              this.thread.trim() ? { name: 'thread', value: this.thread.trim() } : { name: 'community', value: this.community.trim() },
            ),
        })
      }
      <div class="visually-hidden" role="status" aria-live="polite">${this.#announcement}</div>
    </section>`;
  }

  #renderThread(): TemplateResult {
    const t = this.#t;
    const thread = this.#thread;
    const composer = this.#renderComposer();
    const newestFirst = this.#order === 'newest';
    return html`${this.#renderHeader(thread)} ${newestFirst ? composer : nothing}
      ${
        this.#posts.length === 0 && !this.#authoring?.hasQueued
          ? renderEmpty(t, t.t('thread.empty'))
          : postHtmlAllowed()
            ? this.#renderList()
            : html`<p part="error" class="grove-error" role="alert">${t.t('thread.blockedByPolicy', { policy: POST_HTML_POLICY })}</p>`
      }
      ${
        this.#next
          ? html`<button type="button" part="more-button" class="secondary more" ?disabled=${this.#more.status === TaskStatus.PENDING}
            @click=${this.#handleMore}>
            ${t.t('thread.loadMore')}
          </button>`
          : nothing
      }
      ${this.#authoring?.renderOutbox() ?? nothing}
      ${this.#actionError ? html`<p part="error" class="grove-error action-error" role="alert">${t.t(actionErrorKey(this.#actionError))}</p>` : nothing}
      ${newestFirst ? nothing : composer}`;
  }

  #renderHeader(thread: Thread | null): TemplateResult {
    const header = renderHeader({
      t: this.#t,
      thread,
      loadedPosts: this.#posts.length,
      busy: this.#busy,
      reports: { open: this.#reports.isOpen, panelId: this.#reports.id },
      onModerate: (change, name) => void this.#moderateThread(change, name),
      onToggleReports: this.#handleReportsToggle,
      follow: thread && this.#authoring ? this.#authoring.renderFollow(thread.viewer.following, this.#busy, this.#toggleFollow) : nothing,
    });
    return html`${header} ${thread?.viewer.canModerate ? this.#reports.render(this.#t) : nothing}`;
  }

  #renderList(): TemplateResult {
    const authoring = this.#authoring;
    const actions = { thread: this.#thread, pending: this.#pending, onAction: this.#handlePostAction };
    const context: PostContext = {
      t: this.#t,
      now: this.#now,
      profileUrl: (id) => (this.profileUrl.trim() ? fillTemplate(this.profileUrl.trim(), { id }) : undefined),
      badge: (id) => renderParticipationBadge(this.badges, id, this.#thread?.community ?? this.community.trim()),
      actions: authoring && ((post) => authoring.renderActions(post, actions)),
    };
    return html`<ol part="list" class="posts">
      ${nestPosts(this.#posts).map(
        ({ post, replies }) => html`<li>
          ${renderPost(post, context, false)}
          ${replies.length > 0 ? html`<ol class="replies">${replies.map((reply) => html`<li>${renderPost(reply, context, true)}</li>`)}</ol>` : nothing}
        </li>`,
      )}
    </ol>`;
  }

  #renderComposer(): TemplateResult | typeof nothing {
    const t = this.#t;
    if (this.readonly) return nothing;
    if (this.#thread?.status === 'locked' && !this.#thread.viewer.canModerate)
      return html`<p part="status" class="grove-state">${t.t('thread.locked')}</p>`;
    if (!this.#config.client?.isAuthenticated) return html`<p part="status" class="grove-state">${t.t('thread.composer.signIn')}</p>`;
    if (!this.#thread && !this.community.trim()) return renderInvalidAttribute(t, { name: 'community', value: '' });
    return this.#authoring?.renderComposer(this.#handleSubmit, this.#busy) ?? nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'grove-discussion-thread': GroveDiscussionThread;
  }
}
