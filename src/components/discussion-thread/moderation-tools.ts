/**
 * The moderation settings and tools that came with pre-moderation (docs/decisions/0184-moderation-tools-ui.md),
 * in the facilitators' queue chunk so no reader downloads them: the community's pre-moderation setting,
 * silencing a post's author for a while (and lifting it), and the community's moderation log.
 */
import { TaskStatus, type Task } from '@lit/task';
import { appendPage } from '../shared/paging.js';
import { css, html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { GroveClient } from '../../api/client.js';
import { GroveApiError } from '../../api/problem.js';
import { get, send, type ResponseOf } from '../../api/typed.js';
import type { LocalizeController } from '../../controllers/localize-controller.js';
import { errorMessageKey, renderError, renderLoading } from '../../render/states.js';
import { adoptSheet } from '../shared/editor-form.js';
import { relativeTime } from './relative-time.js';
import type { ReportMessages } from './report-messages/en.js';
import type { ReportsQueueHooks } from './reports-queue.js';

type Host = ReactiveControllerHost & HTMLElement;
type LogPage = ResponseOf<'/v1/communities/{slug}/moderation-log', 'get'>;
type LogEntry = LogPage['items'][number];
type Person = NonNullable<LogEntry['member']>;

/** Adopted into the thread's shadow root with the queue: the first view carries none of it. */
const styles = css`
  .moderation-form {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs) var(--_space-s);
    align-items: center;
  }
  .moderation-form input,
  .moderation-form select {
    font: inherit;
    padding: 2px var(--_space-xs);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
  }
  .moderation-form input {
    inline-size: 5em;
  }
  .field-error {
    flex-basis: 100%;
    margin: 0;
    color: var(--_danger);
  }
  .log-list {
    margin: 0;
    padding-inline-start: 1.25em;
    display: grid;
    gap: var(--_space-xs);
  }
`;

/** Silence lengths offered, in hours: a day, a week, a month. */
const SILENCE_HOURS = [24, 168, 720] as const;

/** The community's pre-moderation setting: how many first posts of a member wait (0 turns it off). */
export class PremoderationForm {
  readonly #host: Host;
  readonly #t: LocalizeController<ReportMessages>;
  readonly #hooks: ReportsQueueHooks;
  readonly #community: string;
  readonly #saved: (firstPosts: number) => void;
  #saving = false;
  #error: string | undefined;

  constructor(host: Host, t: LocalizeController<ReportMessages>, community: string, hooks: ReportsQueueHooks, saved: (n: number) => void) {
    this.#host = host;
    this.#t = t;
    this.#hooks = hooks;
    this.#community = community;
    this.#saved = saved;
    if (host.shadowRoot) adoptSheet(host.shadowRoot, styles.styleSheet);
  }

  render(id: string, current: number): TemplateResult {
    const t = this.#t;
    const input = `${id}-first-posts`;
    return html`<form part="premoderation-form" class="moderation-form" novalidate @submit=${(event: SubmitEvent) => void this.#save(event)}>
      <label for=${input}>${t.t('premod.label')}</label>
      <input id=${input} name="firstPosts" type="number" inputmode="numeric" min="0" max="100" step="1" .value=${String(current)}
        aria-invalid=${this.#error ? 'true' : 'false'} aria-describedby=${this.#error ? `${input}-error` : nothing} />
      <button type="submit" part="action premoderation-button" class="secondary" aria-disabled=${String(this.#saving)}>${t.t('premod.save')}</button>
      ${this.#error ? html`<p id=${`${input}-error`} part="field-error" class="field-error">${this.#error}</p>` : nothing}
    </form>`;
  }

  async #save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const client = this.#hooks.client();
    const field = (event.target as HTMLFormElement).elements.namedItem('firstPosts') as HTMLInputElement;
    if (!client || this.#saving) return;
    const value = field.value.trim();
    const firstPosts = Number(value);
    // The same rule the server applies, said before asking it; its own answer is shown the same way.
    this.#error = /^\d+$/.test(value) && firstPosts <= 100 ? undefined : this.#t.t('premod.invalid');
    if (!this.#error) {
      this.#saving = true;
      this.#host.requestUpdate();
      try {
        const saved = await send(client, 'POST', '/v1/communities/{slug}/premoderation', {
          path: { slug: this.#community },
          body: { firstPosts },
        });
        this.#saved(saved.firstPosts);
        this.#hooks.announce(this.#t.t(saved.firstPosts > 0 ? 'held.setting' : 'held.off', { count: saved.firstPosts }));
      } catch (error) {
        this.#error =
          error instanceof GroveApiError && error.fieldError('body.firstPosts')
            ? this.#t.t('premod.invalid')
            : this.#t.t(errorMessageKey(error));
        this.#hooks.load.fail(error);
      } finally {
        this.#saving = false;
      }
    }
    this.#host.requestUpdate();
    if (this.#error) {
      await this.#host.updateComplete;
      field.focus();
    }
  }
}

/** Silencing a post's author in the community for a day, a week or a month, and lifting it again. */
export class Silencer {
  readonly #host: Host;
  readonly #t: LocalizeController<ReportMessages>;
  readonly #hooks: ReportsQueueHooks;
  readonly #community: string;
  /** Silences set from here, by member: shown wherever that member's posts are. */
  readonly #until = new Map<string, string>();
  readonly #failure = new Map<string, unknown>();
  #busy: string | undefined;

  constructor(host: Host, t: LocalizeController<ReportMessages>, community: string, hooks: ReportsQueueHooks) {
    this.#host = host;
    this.#t = t;
    this.#hooks = hooks;
    this.#community = community;
  }

  render(member: Person, key: string): TemplateResult | typeof nothing {
    if (member.presence === 'former') return nothing;
    const t = this.#t;
    const until = this.#until.get(member.id);
    const failure = this.#failure.get(member.id);
    const busy = String(this.#busy !== undefined);
    const select = `silence-${key}`;
    const error = failure
      ? html`<p part="error" class="field-error" role="alert">
          ${t.t(failure instanceof GroveApiError && failure.status === 422 ? 'silence.refused' : errorMessageKey(failure))}
        </p>`
      : nothing;
    if (until) {
      const date = t.formatDate(until, { dateStyle: 'medium', timeStyle: 'short' });
      return html`<div part="silence" class="moderation-form" data-silence=${key}>
        <span>${t.t('silence.until', { name: member.name, date })}</span>
        <button type="button" part="action lift-button" class="secondary" aria-disabled=${busy}
          aria-label=${t.t('silence.liftName', { name: member.name })} @click=${() => void this.#set(member, 0, key)}>${t.t('silence.lift')}</button>
        ${error}
      </div>`;
    }
    return html`<form part="silence" class="moderation-form" data-silence=${key}
      @submit=${(event: SubmitEvent) => {
        event.preventDefault();
        const hours = Number(((event.target as HTMLFormElement).elements.namedItem('hours') as HTMLSelectElement).value);
        void this.#set(member, hours, key);
      }}>
      <label for=${select}>${t.t('silence.label', { name: member.name })}</label>
      <select id=${select} name="hours">
        ${SILENCE_HOURS.map((hours) => html`<option value=${hours}>${t.t('silence.for', { days: hours / 24 })}</option>`)}
      </select>
      <button type="submit" part="action silence-button" class="secondary" aria-disabled=${busy}>${t.t('silence.silence')}</button>
      ${error}
    </form>`;
  }

  async #set(member: Person, hours: number, key: string): Promise<void> {
    const client = this.#hooks.client();
    if (!client || this.#busy) return;
    this.#busy = member.id;
    this.#failure.delete(member.id);
    this.#host.requestUpdate();
    try {
      const silence = await send(client, 'POST', '/v1/communities/{slug}/silences', {
        path: { slug: this.#community },
        body: { member: member.id, hours, reason: '' },
      });
      if (silence.until) this.#until.set(member.id, silence.until);
      else this.#until.delete(member.id);
      const date = silence.until ? this.#t.formatDate(silence.until, { dateStyle: 'medium', timeStyle: 'short' }) : '';
      this.#hooks.announce(this.#t.t(silence.until ? 'silence.until' : 'silence.lifted', { name: member.name, date }));
    } catch (error) {
      this.#failure.set(member.id, error);
      this.#hooks.load.fail(error);
    } finally {
      this.#busy = undefined;
      this.#host.requestUpdate();
    }
    // The control that had focus was replaced (silence ↔ lift): focus its successor for this post.
    await this.#host.updateComplete;
    this.#host.shadowRoot?.querySelector<HTMLElement>(`[data-silence="${key}"] button`)?.focus();
  }
}

/** The community's moderation log, newest first, paged: who did what to whom, and when. */
export class ModerationLog {
  readonly #host: Host;
  readonly #t: LocalizeController<ReportMessages>;
  readonly #hooks: ReportsQueueHooks;
  #open = false;
  #items: LogEntry[] = [];
  #next: string | null = null;
  #cursor: string | null = null;
  #load: Task<readonly [GroveClient | undefined, string, string | null], { page: LogPage; cursor: string | null } | undefined>;

  constructor(host: Host, t: LocalizeController<ReportMessages>, community: string, hooks: ReportsQueueHooks) {
    this.#host = host;
    this.#t = t;
    this.#hooks = hooks;
    this.#load = hooks.load.task({
      autoRun: false,
      task: async ([client, slug, cursor], { signal }) => {
        if (!client) return undefined;
        const page = await get(client, '/v1/communities/{slug}/moderation-log', {
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
      },
    });
  }

  #toggle(): void {
    this.#open = !this.#open;
    this.#host.requestUpdate();
    if (this.#open) this.refresh();
  }

  refresh(): void {
    this.#cursor = null;
    void this.#load.run();
  }

  /** The log moves with every decision: an open one is read again with the queue. */
  refreshIfOpen(): void {
    if (this.#open) this.refresh();
  }

  render(id: string): TemplateResult {
    const t = this.#t;
    const panel = `${id}-log`;
    return html`<button type="button" part="log-button" class="link" aria-expanded=${String(this.#open)} aria-controls=${panel}
        @click=${() => this.#toggle()}>${t.t('log.title')}</button>
      ${this.#open ? html`<section part="moderation-log" id=${panel} aria-label=${t.t('log.title')}>${this.#renderBody()}</section>` : nothing}`;
  }

  #renderBody(): TemplateResult {
    const t = this.#t;
    const status = this.#load.status;
    if (status === TaskStatus.ERROR && this.#items.length === 0) return renderError(t, this.#load.error, () => this.refresh());
    if (status !== TaskStatus.COMPLETE && this.#items.length === 0) return renderLoading(t);
    if (this.#items.length === 0) return html`<p part="status" class="grove-state">${t.t('log.empty')}</p>`;
    return html`<ol class="log-list">${this.#items.map((entry) => html`<li part="log-entry" data-action=${entry.action}>${this.#renderEntry(entry)}</li>`)}</ol>
      ${
        this.#next
          ? html`<button type="button" part="more-button" class="secondary more" ?disabled=${status === TaskStatus.PENDING}
              @click=${() => {
                this.#cursor = this.#next;
                void this.#load.run();
              }}>${t.t('log.loadMore')}</button>`
          : nothing
      }`;
  }

  #renderEntry(entry: LogEntry): TemplateResult {
    const t = this.#t;
    const name = (person: Person | null) => (!person || person.presence === 'former' ? t.t('held.formerMember') : person.name);
    return html`<span>${t.t(`log.${entry.action}`, { actor: name(entry.actor) })}</span>
      ${entry.member ? html`<span class="muted">· ${t.t('log.member', { name: name(entry.member) })}</span>` : nothing}
      ${entry.threadTitle ? html`<span class="muted" dir="auto">${t.t('reports.in', { title: entry.threadTitle })}</span>` : nothing}
      ${entry.detail ? html`<span dir="auto">· ${entry.detail}</span>` : nothing}
      <span class="muted">· <time datetime=${entry.at} title=${t.formatDate(entry.at, { dateStyle: 'long', timeStyle: 'short' })}>${relativeTime(t.locale, entry.at)}</time></span>`;
  }
}
