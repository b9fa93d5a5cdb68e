/**
 * The facilitators' reports queue: what members reported in this community, oldest first, with the
 * reported text and the reason, and the decision on each post (hide, keep hidden, restore, dismiss).
 * Loaded on demand the first time a facilitator opens it, so members and readers never download it.
 *
 * The server resolves every open report on a post at once (the facilitator judges the post, not one
 * report), so a decision removes all of that post's reports from the list.
 */
import { TaskStatus, type Task } from '@lit/task';
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { GroveClient } from '../../api/client.js';
import { GroveApiError } from '../../api/problem.js';
import { appendPage } from '../shared/paging.js';
import type { LoadController } from '../../controllers/load-controller.js';
import { LocalizeController, type LanguageSource } from '../../controllers/localize-controller.js';
import { excerpt } from './excerpt.js';
import { HeldQueue } from './held-queue.js';
import { ModerationLog, Silencer } from './moderation-tools.js';
import { relativeTime } from './relative-time.js';
import { errorMessageKey, renderError, renderLoading } from '../../render/states.js';
import { openReports, resolveReports, setHidden } from './writes.js';
import en, { type ReportMessages } from './report-messages/en.js';
import type { Post, QueuedReport, ReportPage } from './types.js';

/** Only facilitators open the queue, so its words travel with it rather than with every reader's thread. */
const messages = {
  en,
  load: {
    fr: () => import('./report-messages/fr.js'),
    es: () => import('./report-messages/es.js'),
    ar: () => import('./report-messages/ar.js'),
  },
};

/** What a facilitator can decide about a reported post. */
export type ReportDecision = 'hide' | 'keep-hidden' | 'restore' | 'dismiss';

export interface ReportsQueueHooks {
  client(): GroveClient | undefined;
  /** The host's load lifecycle: the queue's loads stop with the host, and its failures fire `grove-error`. */
  load: LoadController;
  /** The thread being shown, so its own posts read "in this discussion" rather than by title. */
  threadId(): string | undefined;
  /** A decision changed a post's visibility; the thread shows the new state if it has the post. */
  onPostChanged(post: Post, decision: 'hide' | 'restore'): void;
  /** Polite announcement of a decision's outcome. */
  announce(message: string): void;
}

const DONE_MESSAGE = {
  hide: 'reports.doneHidden',
  'keep-hidden': 'reports.doneHidden',
  restore: 'reports.doneRestored',
  dismiss: 'reports.doneDismissed',
} as const satisfies Record<ReportDecision, keyof ReportMessages>;

export class ReportsQueue {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #t: LocalizeController<ReportMessages>;
  readonly #hooks: ReportsQueueHooks;
  readonly #community: string;
  #items: QueuedReport[] = [];
  #next: string | null = null;
  /**
   * The report whose decision is being sent; one at a time keeps the list stable under the user. The
   * buttons say so with aria-disabled rather than `disabled`, which would drop keyboard focus to the page.
   */
  #deciding: string | undefined;
  #failure: { reportId: string; error: unknown } | undefined;
  /** The page being asked for: null for the queue's start. */
  #cursor: string | null = null;
  /** Posts awaiting approval, shown first: a newcomer waits on them. */
  readonly #held: HeldQueue;
  readonly #silencer: Silencer;
  readonly #log: ModerationLog;

  #load: Task<readonly [GroveClient | undefined, string, string | null], { page: ReportPage; cursor: string | null } | undefined>;

  constructor(host: ReactiveControllerHost & HTMLElement, language: LanguageSource, community: string, hooks: ReportsQueueHooks) {
    this.#host = host;
    this.#t = new LocalizeController(host, language, messages);
    this.#hooks = hooks;
    this.#community = community;
    this.#silencer = new Silencer(host, this.#t, community, hooks);
    this.#held = new HeldQueue(host, this.#t, community, hooks, this.#silencer);
    this.#log = new ModerationLog(host, this.#t, community, hooks);
    this.#load = hooks.load.task({
      autoRun: false,
      task: async ([client, slug, cursor], { signal }) => {
        if (!client) return undefined;
        const page = await openReports(client, slug, cursor, signal);
        await this.#t.ready;
        return { page, cursor };
      },
      args: () => [this.#hooks.client(), this.#community, this.#cursor] as const,
      onComplete: (loaded) => {
        if (!loaded) return;
        this.#items = appendPage(this.#items, loaded.page.items, loaded.cursor);
        this.#next = loaded.page.next;
      },
    });
  }

  get community(): string {
    return this.#community;
  }

  /** Loads the queue from its start (on opening it, and on "Try again"), with the posts awaiting approval. */
  refresh(): void {
    this.#cursor = null;
    void this.#load.run();
    this.#held.refresh();
    this.#log.refreshIfOpen();
  }

  render(id: string): TemplateResult {
    const t = this.#t;
    return html`<section part="reports" class="reports" id=${id} aria-labelledby=${`${id}-title`}>
      ${this.#held.render(id)}
      <p class="reports-title" id=${`${id}-title`} tabindex="-1">${t.t('reports.title')}</p>
      ${
        this.#load.status === TaskStatus.ERROR && this.#items.length === 0
          ? renderError(t, this.#load.error, () => this.refresh())
          : this.#load.status !== TaskStatus.COMPLETE && this.#items.length === 0
            ? renderLoading(t)
            : this.#renderList()
      }
      ${this.#log.render(id)}
    </section>`;
  }

  #renderList(): TemplateResult {
    const t = this.#t;
    if (this.#items.length === 0) return html`<p part="status" class="grove-state" role="status">${t.t('reports.empty')}</p>`;
    const loadingMore = this.#load.status === TaskStatus.PENDING;
    return html`<ol class="report-list">
        ${groupByPost(this.#items).map((reports) => html`<li>${this.#renderPost(reports)}</li>`)}
      </ol>
      ${this.#load.status === TaskStatus.ERROR ? html`<p part="error" class="grove-error" role="alert">${t.t(errorMessageKey(this.#load.error))}</p>` : nothing}
      ${
        this.#next
          ? html`<button type="button" part="more-button" class="secondary more" ?disabled=${loadingMore} @click=${() => this.#more()}>
            ${t.t('reports.loadMore')}
          </button>`
          : nothing
      }`;
  }

  /** One reported post with every report on it: the decision is about the post. */
  #renderPost(reports: readonly [QueuedReport, ...QueuedReport[]]): TemplateResult {
    const t = this.#t;
    const [first] = reports;
    const { post } = first;
    const where = post.thread === this.#hooks.threadId() ? t.t('reports.here') : t.t('reports.in', { title: post.threadTitle });
    const failure = reports.some((report) => report.id === this.#failure?.reportId) ? this.#failure?.error : undefined;
    const headingId = `reported-${post.id}`;
    return html`<article part="report" class="report" data-post=${post.id} aria-labelledby=${headingId}>
      <p class="report-heading" id=${headingId}>
        ${t.t('reports.postBy', { name: post.author.name })} <span class="muted">${where}</span>
        ${post.hidden ? html`<span class="tag">${t.t('reports.hidden')}</span>` : nothing}
        ${post.deleted ? html`<span class="tag">${t.t('reports.deleted')}</span>` : nothing}
      </p>
      ${post.deleted ? nothing : html`<blockquote class="report-body" dir="auto">${excerpt(post.bodyMd)}</blockquote>`}
      ${post.openReports > 1 ? html`<p class="muted">${t.t('reports.count', { count: post.openReports })}</p>` : nothing}
      <ul class="report-reasons">
        ${reports.map(
          (report) => html`<li>
            <span class="muted"
              >${t.t('reports.reportedBy', { name: report.reporter.name })} ·
              <time datetime=${report.createdAt} title=${t.formatDate(report.createdAt, { dateStyle: 'long', timeStyle: 'short' })}
                >${relativeTime(t.locale, report.createdAt)}</time
              ></span
            >
            <p class="reason" dir="auto">${report.reason}</p>
          </li>`,
        )}
      </ul>
      <div class="report-actions" role="group" aria-label=${t.t('reports.decide', { name: post.author.name })}>
        ${decisions(post).map(
          ([decision, key]) => html`<button type="button" part=${`action ${decision}-report-button`} class="secondary"
            aria-disabled=${String(this.#deciding !== undefined)} @click=${() => void this.#decide(first, decision)}>
            ${t.t(key)}
          </button>`,
        )}
      </div>
      ${failure ? html`<p part="error" class="grove-error" role="alert">${t.t(errorMessageKey(failure))}</p>` : nothing}
      ${this.#silencer.render(post.author, headingId)}
    </article>`;
  }

  async #decide(report: QueuedReport, decision: ReportDecision): Promise<void> {
    const client = this.#hooks.client();
    if (!client || this.#deciding) return;
    this.#deciding = report.id;
    this.#failure = undefined;
    this.#host.requestUpdate();
    try {
      await this.#send(client, report, decision);
      this.#settle(report, this.#t.t(DONE_MESSAGE[decision]));
    } catch (error) {
      // Another facilitator was quicker: the report is settled either way, so it leaves the list.
      if (error instanceof GroveApiError && error.status === 409 && (error.type ?? '').endsWith('already-resolved')) {
        this.#settle(report, this.#t.t('reports.alreadyResolved'));
      } else {
        this.#failure = { reportId: report.id, error };
        this.#hooks.load.fail(error);
      }
    } finally {
      this.#deciding = undefined;
      this.#host.requestUpdate();
    }
  }

  async #send(client: GroveClient, report: QueuedReport, decision: ReportDecision): Promise<void> {
    const resolve = (action: 'dismiss' | 'hide-post') => resolveReports(client, report.id, action);
    if (decision === 'hide') {
      // Hiding resolves the post's open reports on the server and answers with the post itself.
      this.#hooks.onPostChanged(await setHidden(client, report.post, true), 'hide');
    } else if (decision === 'restore') {
      const post = await setHidden(client, report.post, false);
      this.#markPost(report.post.id, { hidden: false });
      this.#hooks.onPostChanged(post, 'restore');
      await resolve('dismiss');
    } else {
      await resolve(decision === 'keep-hidden' ? 'hide-post' : 'dismiss');
    }
  }

  /** Takes the post's reports off the list and moves focus to what comes next, never to the page's top. */
  #settle(report: QueuedReport, message: string): void {
    const posts = groupByPost(this.#items).map(([first]) => first.post.id);
    const index = posts.indexOf(report.post.id);
    this.#items = this.#items.filter((item) => item.post.id !== report.post.id);
    const remaining = posts.filter((id) => id !== report.post.id);
    const following = remaining[Math.min(index, remaining.length - 1)];
    this.#hooks.announce(message);
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => {
      const root = this.#host.shadowRoot;
      const target = following
        ? root?.querySelector<HTMLElement>(`[data-post="${following}"] button`)
        : root?.querySelector<HTMLElement>('.reports-title');
      target?.focus();
    });
  }

  #markPost(postId: string, change: Partial<QueuedReport['post']>): void {
    this.#items = this.#items.map((item) => (item.post.id === postId ? { ...item, post: { ...item.post, ...change } } : item));
  }

  #more(): void {
    if (!this.#next) return;
    this.#cursor = this.#next;
    void this.#load.run();
  }
}

function decisions(post: QueuedReport['post']): [ReportDecision, keyof ReportMessages][] {
  if (post.deleted) return [['dismiss', 'reports.close']];
  return post.hidden
    ? [
        ['keep-hidden', 'reports.keepHidden'],
        ['restore', 'reports.restore'],
      ]
    : [
        ['hide', 'reports.hide'],
        ['dismiss', 'reports.dismiss'],
      ];
}

/** Reports grouped by post, in queue order (a post's place is its oldest open report's). */
function groupByPost(reports: readonly QueuedReport[]): [QueuedReport, ...QueuedReport[]][] {
  const groups = new Map<string, [QueuedReport, ...QueuedReport[]]>();
  for (const report of reports) {
    const group = groups.get(report.post.id);
    if (group) group.push(report);
    else groups.set(report.post.id, [report]);
  }
  return [...groups.values()];
}
