import { TaskStatus, initialState } from '@lit/task';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { ConfigController } from '../../controllers/config-controller.js';
import { LoadController } from '../../controllers/load-controller.js';
import { followMemberChanges } from '../shared/member-changes.js';
import { LocalizeController } from '../../controllers/localize-controller.js';
import { VisibilityController } from '../../controllers/visibility-controller.js';
import { GroveLoadEvent } from '../../events/grove-load-event.js';
import { GroveSearchEvent } from '../../events/grove-search-event.js';
import { GroveSelectEvent } from '../../events/grove-select-event.js';
import { renderParticipationBadge } from '../participation-badge/inline-badge.js';
import { renderEmpty, renderError, renderLoading, renderUnusable } from '../../render/states.js';
import { hostStyles } from '../../styles/host.js';
import { invalidAttribute, keyword, wholeNumber } from '../../validation/attributes.js';
import { findExperts, suggestTopics } from './api.js';
import { ATTRIBUTES, DEFAULT_LIMIT } from './attributes.js';
import { styles } from './expert-finder.styles.js';
import en from './messages/en.js';
import { renderExpert } from './render-expert.js';
import type { Expert, ExpertPage } from './types.js';

const messages = {
  en,
  load: { fr: () => import('./messages/fr.js'), es: () => import('./messages/es.js'), ar: () => import('./messages/ar.js') },
};
const SUGGEST_DEBOUNCE_MS = 250;
const SUGGESTIONS = 8;

/**
 * Ask a question, get the members best placed to answer it, and see why: each expert comes with the
 * evidence that ranks them (accepted answers, endorsements, events led…), availability, languages and
 * local time, and a way to ask. The search box suggests topics from the skill taxonomy in the viewer's
 * language. `<grove-expert-finder community="water" query="drip irrigation"></grove-expert-finder>`
 *
 * @tag grove-expert-finder
 * @csspart search - The question form.
 * @csspart search-input - The question field (suggests topics as you type).
 * @csspart submit-button - Runs the search.
 * @csspart topics - The taxonomy topics the question was matched to.
 * @csspart list - The experts, best first.
 * @csspart expert - One expert.
 * @csspart avatar - The expert's initials.
 * @csspart name-link - The expert's name, a link to their profile when `profile-url` is set.
 * @csspart availability - "Open to questions" or "Limited time for questions".
 * @csspart evidence - Why the expert ranks here.
 * @csspart evidence-item - One kind of evidence ("3 accepted answers on …").
 * @csspart evidence-link - A thread or event behind the evidence.
 * @csspart ask-button - Asks the expert (the page's ask-url, else their visible contact channel).
 * @csspart status - Idle, loading and empty states.
 * @csspart error - Error messages.
 * @csspart retry-button - Retries a failed search.
 * @cssprop [--grove-expert-finder-avatar-size=2.75rem] - Avatar diameter.
 * @fires {GroveSearchEvent} grove-search - The user submitted a question; `detail.query`.
 * @fires {GroveSelectEvent} grove-select - The user chose to ask an expert (`detail.item`, an Expert); cancel it to handle asking yourself.
 * @fires {GroveLoadEvent} grove-load - Experts arrived; `detail.data` is the ExpertPage.
 * @fires {GroveErrorEvent} grove-error - The search failed; the widget shows a translated message.
 */
export class GroveExpertFinder extends LitElement {
  static override styles = [hostStyles, styles];

  /** Community slug: only its members (and its sub-communities') are suggested. */
  @property({ converter: keyword }) community = '';
  /** A question or topic to search at once (e.g. set by the page). */
  @property() query = '';
  /** Experts to show, 1 to 50 (default 5). */
  @property({ converter: wholeNumber }) limit: number = DEFAULT_LIMIT;
  /** Hides the evidence under each expert. */
  @property({ type: Boolean, attribute: 'no-evidence' }) noEvidence = false;
  /** Where "Ask" leads instead of the contact channel, `{id}` and `{query}` filled in, e.g. `/ask?to={id}&q={query}`. */
  @property({ attribute: 'ask-url' }) askUrl = '';
  /** Link pattern for threads without a page of their own, `{id}` filled in, e.g. `/forum#thread={id}`. */
  @property({ attribute: 'thread-url' }) threadUrl = '';
  /** Link pattern for events, `{id}` filled in, e.g. `/events#event={id}`. */
  @property({ attribute: 'event-url' }) eventUrl = '';
  /** Link from an expert's name to their profile, `{id}` filled in, e.g. `/people#members.member={id}`. */
  @property({ attribute: 'profile-url' }) profileUrl = '';
  /** Shows each expert's participation badge (in `community`) beside their name. */
  @property({ type: Boolean }) badges = false;

  #draft = '';
  #submitted = '';
  #suggestFor = '';
  #suggestTimer: ReturnType<typeof setTimeout> | undefined;
  #now = new Date();

  #config = new ConfigController(this);
  #t = new LocalizeController(this, this.#config, messages);
  #visibility = new VisibilityController(this);
  #load = new LoadController(this);
  #experts = this.#load.task({
    task: async ([client, visible, q, community, limit, lang], { signal }): Promise<ExpertPage | typeof initialState> => {
      if (!client || !visible || !q || invalidAttribute(this, ATTRIBUTES)) return initialState;
      const request = findExperts(client, { q, community: community || undefined, limit, lang }, signal);
      // The translation loads alongside, so results never flash in English first.
      const [page] = await Promise.all([request, this.#t.ready]);
      return page;
    },
    args: () =>
      [
        this.#config.client,
        this.#visibility.visible,
        this.#submitted,
        this.community.trim(),
        this.limit || DEFAULT_LIMIT,
        this.#t.language,
      ] as const,
    onComplete: (page) => {
      this.#now = new Date();
      this.dispatchEvent(new GroveLoadEvent(page));
    },
  });
  /** Topic suggestions; a failure only means no suggestions, never an error on screen or `grove-error`. */
  #suggestions = this.#load.task({
    task: async ([client, q, lang], { signal }): Promise<string[]> => {
      if (!client || q.length < 2) return [];
      return suggestTopics(client, q, lang, SUGGESTIONS, signal).catch(() => []);
    },
    args: () => [this.#config.client, this.#suggestFor, this.#t.language] as const,
  });

  constructor() {
    super();
    // An expert who edits their profile or opts out, here or in another browser, shows as they are now (or goes).
    followMemberChanges(this, {
      client: () => this.#config.client,
      shows: (member) => this.#experts.value?.items.some((expert) => expert.member.id === member) ?? false,
      refresh: () => void this.#experts.run(),
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#suggestTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('query')) this.#draft = this.#submitted = this.query.trim();
  }

  #handleInput = (event: InputEvent): void => {
    this.#draft = (event.target as HTMLInputElement).value;
    clearTimeout(this.#suggestTimer);
    // Picking a suggested topic (Chromium and Firefox report it as a replacement, not typing) searches at once.
    if (event.inputType === 'insertReplacementText' || (!event.inputType && this.#suggestions.value?.includes(this.#draft))) {
      this.#search();
      return;
    }
    this.#suggestTimer = setTimeout(() => {
      this.#suggestFor = this.#draft.trim();
      this.requestUpdate();
    }, SUGGEST_DEBOUNCE_MS);
  };

  #handleSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    this.#search();
  };

  #search(): void {
    const query = this.#draft.trim();
    if (!query) return;
    this.dispatchEvent(new GroveSearchEvent(query));
    if (query === this.#submitted) void this.#experts.run();
    this.#submitted = query;
    this.requestUpdate();
  }

  #handleAsk = (expert: Expert, event: Event): void => {
    if (!this.dispatchEvent(new GroveSelectEvent(expert))) event.preventDefault();
  };

  override render() {
    const t = this.#t;
    const body =
      renderUnusable(t, invalidAttribute(this, ATTRIBUTES), this.#config.client) ?? html`${this.#renderSearch()}${this.#renderResults()}`;
    return html`<section class="root" dir=${t.dir} lang=${t.language} aria-label=${t.t('experts.label')}>${body}</section>`;
  }

  #renderSearch() {
    const t = this.#t;
    const suggestions = this.#suggestions.value ?? [];
    return html`<form part="search" class="search" role="search" @submit=${this.#handleSubmit}>
      <label for="q">${t.t('experts.ask')}</label>
      <input id="q" type="search" part="search-input" list="topics" autocomplete="off" aria-describedby="q-hint" .value=${this.#draft} @input=${this.#handleInput} />
      <datalist id="topics">${suggestions.map((label) => html`<option value=${label}></option>`)}</datalist>
      <button type="submit" part="submit-button" class="grove-button">${t.t('experts.submit')}</button>
      <span id="q-hint" class="hint">${t.t('experts.hint')}</span>
    </form>`;
  }

  #renderResults() {
    const t = this.#t;
    const { status, error, value } = this.#experts;
    if (status === TaskStatus.ERROR)
      return renderError(t, error, () => void this.#experts.run(), { name: 'community', value: this.community.trim() });
    if (!this.#submitted) return html`<p part="status" class="grove-state">${t.t('experts.idle')}</p>`;
    if (!value) return renderLoading(t);
    const busy = status === TaskStatus.PENDING;
    const options = {
      query: this.#submitted,
      showEvidence: !this.noEvidence,
      now: this.#now,
      askUrl: this.askUrl.trim(),
      threadUrl: this.threadUrl.trim(),
      eventUrl: this.eventUrl.trim(),
      profileUrl: this.profileUrl.trim(),
      badge: (id: string) => renderParticipationBadge(this.badges, id, this.community.trim()),
      onAsk: this.#handleAsk,
    };
    return html`<p role="status" class="visually-hidden">${busy ? t.t('core.loading') : t.t('experts.found', { count: value.items.length })}</p>
      ${
        value.topics.length
          ? html`<p part="topics" class="topics muted">${t.t('experts.topics', { topics: t.formatList(value.topics.map((topic) => topic.label)) })}</p>`
          : nothing
      }
      ${
        value.items.length === 0
          ? renderEmpty(t, t.t('experts.empty'))
          : html`<ol part="list" class="list" aria-busy=${busy ? 'true' : 'false'}>${value.items.map((expert) => renderExpert(expert, t, options))}</ol>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'grove-expert-finder': GroveExpertFinder;
  }
}
