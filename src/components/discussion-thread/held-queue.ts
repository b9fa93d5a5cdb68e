/**
 * Posts awaiting approval in this community (pre-moderation, docs/decisions/0181-premoderation.md), shown
 * above the reports in the facilitators' queue and loaded with it: approve publishes a post, reject keeps
 * it from everyone. One decision at a time keeps the list still under the pointer; after one, focus moves
 * to the next post's first button.
 */
import { TaskStatus, type Task } from '@lit/task';
import { appendPage } from '../shared/paging.js';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { GroveClient } from '../../api/client.js';
import { GroveApiError } from '../../api/problem.js';
import { get, send, type ResponseOf } from '../../api/typed.js';
import type { LocalizeController } from '../../controllers/localize-controller.js';
import { errorMessageKey, renderError, renderLoading } from '../../render/states.js';
import { excerpt } from './excerpt.js';
import { PremoderationForm, type Silencer } from './moderation-tools.js';
import type { ReportMessages } from './report-messages/en.js';
import type { ReportsQueueHooks } from './reports-queue.js';

type HeldPage = ResponseOf<'/v1/communities/{slug}/held-posts', 'get'>;
type HeldPost = HeldPage['items'][number];

export class HeldQueue {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #t: LocalizeController<ReportMessages>;
  readonly #hooks: ReportsQueueHooks;
  readonly #silencer: Silencer;
  readonly #setting: PremoderationForm;
  #items: HeldPost[] = [];
  #firstPosts = 0;
  #next: string | null = null;
  #cursor: string | null = null;
  #deciding: string | undefined;
  #failure: { postId: string; error: unknown } | undefined;
  #load: Task<readonly [GroveClient | undefined, string, string | null], { page: HeldPage; cursor: string | null } | undefined>;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    t: LocalizeController<ReportMessages>,
    community: string,
    hooks: ReportsQueueHooks,
    silencer: Silencer,
  ) {
    this.#host = host;
    this.#t = t;
    this.#hooks = hooks;
    this.#silencer = silencer;
    this.#setting = new PremoderationForm(host, t, community, hooks, (firstPosts) => {
      this.#firstPosts = firstPosts;
    });
    this.#load = hooks.load.task({
      autoRun: false,
      task: async ([client, slug, cursor], { signal }) => {
        if (!client) return undefined;
        const page = await get(client, '/v1/communities/{slug}/held-posts', {
          path: { slug },
          query: { limit: 20, cursor: cursor ?? undefined },
          signal,
        });
        return { page, cursor };
      },
      args: () => [this.#hooks.client(), community, this.#cursor] as const,
      onComplete: (loaded) => {
        if (!loaded) return;
        this.#items = appendPage(this.#items, loaded.page.items, loaded.cursor);
        this.#next = loaded.page.next;
        this.#firstPosts = loaded.page.firstPosts;
      },
    });
  }

  refresh(): void {
    this.#cursor = null;
    void this.#load.run();
  }

  render(id: string): TemplateResult {
    const t = this.#t;
    const status = this.#load.status;
    if (status === TaskStatus.ERROR && this.#items.length === 0)
      return html`<section part="held" class="reports held">${renderError(t, this.#load.error, () => this.refresh())}</section>`;
    if (status !== TaskStatus.COMPLETE && this.#items.length === 0) return renderLoading(t);
    return html`<section part="held" class="reports held" aria-labelledby=${`${id}-held`}>
      <p class="reports-title" id=${`${id}-held`} tabindex="-1">${t.t('held.title')}</p>
      <p class="muted">${this.#firstPosts > 0 ? t.t('held.setting', { count: this.#firstPosts }) : t.t('held.off')}</p>
      ${this.#setting.render(id, this.#firstPosts)}
      ${
        this.#items.length === 0
          ? html`<p part="status" class="grove-state">${t.t('held.empty')}</p>`
          : html`<ol class="report-list">${this.#items.map((post) => html`<li>${this.#renderPost(post)}</li>`)}</ol>`
      }
      ${
        this.#next
          ? html`<button type="button" part="more-button" class="secondary more" ?disabled=${status === TaskStatus.PENDING} @click=${() => this.#more()}>
            ${t.t('held.loadMore')}
          </button>`
          : nothing
      }
    </section>`;
  }

  #renderPost(post: HeldPost): TemplateResult {
    const t = this.#t;
    const headingId = `held-${post.id}`;
    const name = post.author.presence === 'former' ? t.t('held.formerMember') : post.author.name;
    const where = post.thread === this.#hooks.threadId() ? t.t('reports.here') : t.t('reports.in', { title: post.threadTitle });
    const failure = this.#failure?.postId === post.id ? this.#failure.error : undefined;
    const busy = String(this.#deciding !== undefined);
    return html`<article part="held-post" class="report held-post" data-post=${post.id} aria-labelledby=${headingId}>
      <p class="report-heading" id=${headingId}>${t.t('reports.postBy', { name })} <span class="muted">${where}</span></p>
      <blockquote class="report-body" dir="auto">${excerpt(post.bodyMd)}</blockquote>
      <div class="report-actions" role="group" aria-label=${t.t('held.decide', { name })}>
        <button type="button" part="action approve-button" class="secondary" aria-disabled=${busy} @click=${() => void this.#decide(post, true)}>
          ${t.t('held.approve')}
        </button>
        <button type="button" part="action reject-button" class="secondary" aria-disabled=${busy} @click=${() => void this.#decide(post, false)}>
          ${t.t('held.reject')}
        </button>
      </div>
      ${failure ? html`<p part="error" class="grove-error" role="alert">${t.t(errorMessageKey(failure))}</p>` : nothing}
      ${this.#silencer.render(post.author, headingId)}
    </article>`;
  }

  async #decide(held: HeldPost, approve: boolean): Promise<void> {
    const client = this.#hooks.client();
    if (!client || this.#deciding) return;
    this.#deciding = held.id;
    this.#failure = undefined;
    this.#host.requestUpdate();
    try {
      const post = approve
        ? await send(client, 'POST', '/v1/posts/{id}/approval', { path: { id: held.id } })
        : await send(client, 'POST', '/v1/posts/{id}/rejection', { path: { id: held.id }, body: { reason: '' } });
      this.#hooks.onPostChanged(post, approve ? 'restore' : 'hide');
      this.#settle(held, this.#t.t(approve ? 'held.approved' : 'held.rejected'));
    } catch (error) {
      // Another facilitator decided first: the post no longer waits either way.
      if (error instanceof GroveApiError && error.status === 409) this.#settle(held, this.#t.t('held.alreadyDecided'));
      else {
        this.#failure = { postId: held.id, error };
        this.#hooks.load.fail(error);
      }
    } finally {
      this.#deciding = undefined;
      this.#host.requestUpdate();
    }
  }

  #settle(held: HeldPost, message: string): void {
    const index = this.#items.findIndex((item) => item.id === held.id);
    this.#items = this.#items.filter((item) => item.id !== held.id);
    const following = this.#items[Math.min(index, this.#items.length - 1)];
    this.#hooks.announce(message);
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => {
      const root = this.#host.shadowRoot;
      const target = following
        ? root?.querySelector<HTMLElement>(`.held-post[data-post="${following.id}"] button`)
        : root?.querySelector<HTMLElement>('.held .reports-title');
      target?.focus();
    });
  }

  #more(): void {
    if (!this.#next) return;
    this.#cursor = this.#next;
    void this.#load.run();
  }
}
