/**
 * The facilitators' action list under the badge's community view: which questions wait, which newcomers
 * nobody welcomed (with the "Welcome" action), who went quiet, which reports are open and which events
 * lost their host, each linking to where a facilitator acts when the server knows the page. It names
 * people, so the server answers facilitators only (docs/decisions/0142-facilitator-actions.md) and this
 * chunk, its words and its styles download only for them (docs/decisions/0180-facilitator-action-list.md).
 */
import { TaskStatus, type Task } from '@lit/task';
import { css, html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { GroveClient } from '../../api/client.js';
import { get, send, type ResponseOf } from '../../api/typed.js';
import type { LoadController } from '../../controllers/load-controller.js';
import { LocalizeController, type LanguageSource } from '../../controllers/localize-controller.js';
import { errorMessageKey, renderError, renderLoading } from '../../render/states.js';
import { fillTemplate, safeUrl } from '../../validation/url.js';
import { relativeTime } from '../discussion-thread/relative-time.js';
import en, { type ActionMessages } from './action-messages/en.js';

const messages = {
  en,
  load: {
    fr: () => import('./action-messages/fr.js'),
    es: () => import('./action-messages/es.js'),
    ar: () => import('./action-messages/ar.js'),
  },
};

export type FacilitatorActions = ResponseOf<'/v1/participation/communities/{slug}/actions', 'get'>;
type Person = FacilitatorActions['newcomers'][number]['member'];

export interface ActionsHooks {
  client(): GroveClient | undefined;
  /** The host's load lifecycle: loads stop with the host, failures fire `grove-error`. */
  load: LoadController;
  /** The page's link patterns (`profile-url`, `event-url`), empty when not set: then names and events are text. */
  links(): { profile: string; event: string };
}

/** Adopted into the badge's shadow root when the list first renders, so readers never download them. */
const styles = css`
  .actions { margin-block-start: var(--grove-space-4, 1rem); }
  .actions h3, .actions h4 { margin: var(--grove-space-3, 0.75rem) 0 var(--grove-space-1, 0.25rem); font-size: 1em; }
  .actions ul { margin: 0; padding-inline-start: 1.25em; }
  .actions li { margin-block: var(--grove-space-1, 0.25rem); }
  .actions .meta { color: var(--grove-color-text-muted, inherit); }
  .actions button { margin-inline-start: var(--grove-space-2, 0.5rem); }
`;

export class FacilitatorActionsPanel {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #t: LocalizeController<ActionMessages>;
  readonly #hooks: ActionsHooks;
  readonly #community: string;
  /** Newcomers welcomed from this list: they stay in it, marked, so focus and reading order do not jump. */
  readonly #welcomed = new Set<string>();
  #welcoming: string | undefined;
  #failure: { member: string; error: unknown } | undefined;
  #announcement = '';
  #load: Task<readonly [GroveClient | undefined, string], FacilitatorActions | undefined>;

  constructor(host: ReactiveControllerHost & HTMLElement, language: LanguageSource, community: string, hooks: ActionsHooks) {
    this.#host = host;
    this.#t = new LocalizeController(host, language, messages);
    this.#hooks = hooks;
    this.#community = community;
    const root = host.shadowRoot;
    const sheet = styles.styleSheet;
    if (root && sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    this.#load = hooks.load.task({
      autoRun: false,
      task: async ([client, slug], { signal }) => {
        if (!client) return undefined;
        const [actions] = await Promise.all([
          get(client, '/v1/participation/communities/{slug}/actions', { path: { slug }, signal }),
          this.#t.ready,
        ]);
        return actions;
      },
      args: () => [this.#hooks.client(), this.#community] as const,
    });
  }

  get community(): string {
    return this.#community;
  }

  refresh(): void {
    this.#welcomed.clear();
    this.#failure = undefined;
    void this.#load.run();
  }

  render(): TemplateResult {
    const t = this.#t;
    const actions = this.#load.value;
    let content: TemplateResult;
    if (this.#load.status === TaskStatus.ERROR) content = renderError(t, this.#load.error, () => this.refresh());
    else if (this.#load.status !== TaskStatus.COMPLETE || !actions) content = renderLoading(t);
    else content = this.#renderLists(actions);
    return html`<section part="actions" class="actions" aria-labelledby="actions-title">
      <h3 id="actions-title">${t.t('actions.title')}</h3>
      ${content}
      <p class="visually-hidden" role="status">${this.#announcement}</p>
    </section>`;
  }

  #renderLists(actions: FacilitatorActions): TemplateResult {
    const t = this.#t;
    const lists = [
      this.#list('questions', actions.unansweredQuestions, (question) => {
        const time = relativeTime(t.locale, question.askedAt);
        const by = question.askedBy ? this.#name(question.askedBy) : undefined;
        return html`${this.#link(question.url, question.title)}
          <span class="meta">· <time datetime=${question.askedAt}>${by ? t.t('actions.askedBy', { time, name: by }) : t.t('actions.asked', { time })}</time></span>`;
      }),
      this.#list('newcomers', actions.newcomers, (newcomer) => this.#renderNewcomer(newcomer.member, newcomer.joinedAt)),
      this.#list(
        'quiet',
        actions.quietMembers,
        (quiet) => html`${this.#person(quiet.member)}
        <span class="meta">· ${t.t('actions.lastActive', { time: relativeTime(t.locale, quiet.lastActiveAt), count: quiet.contributions })}</span>`,
      ),
      this.#list(
        'reports',
        actions.openReports,
        (report) => html`${this.#link(report.url, report.title)}
        <span class="meta" dir="auto">· ${t.t('actions.reported', { time: relativeTime(t.locale, report.reportedAt), reason: report.reason })}</span>`,
      ),
      this.#list(
        'hostless',
        actions.eventsWithoutHost,
        (event) => html`${this.#anchor(this.#fill('event', { id: event.event, date: localDate(event.startsAt) }), event.title)}
        <span class="meta">· ${t.t('actions.starts', { date: t.formatDate(event.startsAt, { dateStyle: 'medium', timeStyle: 'short' }) })}</span>`,
      ),
    ].filter((list) => list !== nothing);
    return lists.length === 0 ? html`<p part="status" class="grove-state">${t.t('actions.allClear')}</p>` : html`${lists}`;
  }

  /** One kind of action: its count as the heading, then the items; a kind with nothing to do is left out. */
  #list<T>(kind: 'questions' | 'newcomers' | 'quiet' | 'reports' | 'hostless', items: readonly T[], item: (value: T) => TemplateResult) {
    if (items.length === 0) return nothing;
    return html`<section part="action-list ${kind}" aria-labelledby=${`actions-${kind}`}>
      <h4 id=${`actions-${kind}`} tabindex="-1">${this.#t.t(`actions.${kind}`, { count: items.length })}</h4>
      <ul>${items.map((value) => html`<li>${item(value)}</li>`)}</ul>
    </section>`;
  }

  #renderNewcomer(member: Person, joinedAt: string): TemplateResult {
    const t = this.#t;
    const name = this.#name(member);
    const failure = this.#failure?.member === member.id ? this.#failure.error : undefined;
    return html`${this.#person(member)} <span class="meta">· ${t.t('actions.joined', { time: relativeTime(t.locale, joinedAt) })}</span>
      ${
        this.#welcomed.has(member.id)
          ? html`<span part="welcomed" class="tag">${t.t('actions.welcomed')}</span>`
          : html`<button type="button" part="welcome-button" class="secondary welcome" data-member=${member.id}
            aria-label=${t.t('actions.welcomeName', { name })} aria-disabled=${String(this.#welcoming !== undefined)}
            @click=${() => void this.#welcome(member, name)}>${t.t('actions.welcome')}</button>`
      }
      ${failure ? html`<p part="error" class="grove-error" role="alert">${t.t(errorMessageKey(failure))}</p>` : nothing}`;
  }

  async #welcome(member: Person, name: string): Promise<void> {
    const client = this.#hooks.client();
    if (!client || this.#welcoming) return;
    this.#welcoming = member.id;
    this.#failure = undefined;
    this.#announcement = '';
    this.#host.requestUpdate();
    try {
      await send(client, 'POST', '/v1/participation/communities/{slug}/welcomes', {
        path: { slug: this.#community },
        body: { member: member.id },
      });
      this.#welcomed.add(member.id);
      this.#announcement = this.#t.t('actions.welcomedName', { name });
    } catch (error) {
      this.#failure = { member: member.id, error };
      this.#hooks.load.fail(error);
    } finally {
      this.#welcoming = undefined;
      this.#host.requestUpdate();
    }
    // The button that had focus is gone once the newcomer is welcomed: focus moves on to the next newcomer.
    await this.#host.updateComplete;
    const root = this.#host.shadowRoot;
    if (this.#welcomed.has(member.id) && !root?.activeElement?.closest('.actions')) {
      (root?.querySelector<HTMLElement>('button.welcome') ?? root?.querySelector<HTMLElement>('#actions-newcomers'))?.focus();
    }
  }

  #name(member: Person): string {
    return member.presence === 'former' ? this.#t.t('actions.formerMember') : member.name;
  }

  /** A member's name, linked to their profile when the page gives `profile-url` (never a former member's). */
  #person(member: Person): TemplateResult {
    const href = member.presence === 'former' ? undefined : this.#fill('profile', { id: member.id });
    return this.#anchor(href, this.#name(member));
  }

  /** The page's link pattern filled in (through the one URL rule), or undefined without one. */
  #fill(kind: 'profile' | 'event', values: Record<string, string>): string | undefined {
    const template = this.#hooks.links()[kind];
    return template ? fillTemplate(template, values) : undefined;
  }

  /** A link where the server knows the page (only http(s), through the one URL rule), else the title as text. */
  #link(url: string | null, title: string): TemplateResult {
    return this.#anchor(safeUrl(url), title);
  }

  #anchor(href: string | undefined, text: string): TemplateResult {
    return href ? html`<a href=${href} dir="auto">${text}</a>` : html`<span dir="auto">${text}</span>`;
  }
}

/** The event's day where the viewer is (YYYY-MM-DD), as the calendar on their screen shows it. */
function localDate(iso: string): string {
  const at = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}
