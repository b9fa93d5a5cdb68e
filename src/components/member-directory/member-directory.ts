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
import { renderError, renderLoading, renderUnusable } from '../../render/states.js';
import { hostStyles } from '../../styles/host.js';
import { invalidAttribute, keyword, wholeNumber } from '../../validation/attributes.js';
import { memberProfile, memberUrl, searchMembers, type MemberQuery } from './api.js';
import { ATTRIBUTES, QUERY_FIELDS, defaultState, queryValues } from './attributes.js';
import { DirectoryStateController } from './directory-state-controller.js';
import { withoutFilter, type FilterKey } from './hash-state.js';
import { styles } from './member-directory.styles.js';
import en from './messages/en.js';
import { renderChips, renderFacets, renderSearch } from './render-filters.js';
import { renderProfileHeader } from './render-profile-header.js';
import { renderResults, renderToolbar } from './render-results.js';
import type { ProfileLocalize } from './render-profile.js';
import type { SignedInTools } from './signed-in.js';
import type { BadgeRenderer, MemberPage, MemberSummary } from './types.js';

/** The translations hold the profile's messages too (see messages/profile-en.ts): one download per language. */
const messages = {
  en,
  load: { fr: () => import('./messages/fr.js'), es: () => import('./messages/es.js'), ar: () => import('./messages/ar.js') },
};
/** Properties whose change re-reads the state (the hash records differences from them). */
const STATE_PROPERTIES = ['query', 'skill', 'country', 'language', 'organisation', 'memberRole', 'sort'] as const;
const SEARCH_DEBOUNCE_MS = 300;
/** The profile view, its styles, messages and the vCard writer load with the first profile opened, not with the list. */
const loadProfileView = () => import('./render-profile.js');
type ProfileView = Awaited<ReturnType<typeof loadProfileView>>;
/** Edit my profile, Join / Leave, Endorse: for a client with a token only, so readers never download it. */
const loadSignedIn = () => import('./signed-in.js');

/**
 * Finds the people of a network by name, skill, place and language, and opens their profile.
 * The search, filters and open profile live in the URL hash under the element's `id` (`members` when it
 * has none): give each directory on a page its own id. `<grove-member-directory community="water">`
 *
 * @tag grove-member-directory
 * @slot badge-<memberId> - Extra content in one member's card, e.g. `<grove-participation-badge slot="badge-42">`; `renderBadge` is the per-member alternative.
 * @csspart search - The search form.
 * @csspart search-input - The search field.
 * @csspart facets - The facet panel.
 * @csspart facet-option - A facet value, a toggle button with aria-pressed.
 * @csspart chips - The active filters.
 * @csspart chip - One removable filter.
 * @csspart clear-button - Clears every filter.
 * @csspart toolbar - The count and sort.
 * @csspart sort - The sort select.
 * @csspart list - The results list.
 * @csspart card - One member.
 * @csspart card-name - The name, a button opening the profile.
 * @csspart avatar - Photo or initials.
 * @csspart skill - A skill.
 * @csspart more-button - Loads the next page.
 * @csspart profile - The profile dialog.
 * @csspart close-button - Closes the profile.
 * @csspart contact-link - A contact action.
 * @csspart vcard-button - Downloads the vCard.
 * @csspart status - Loading and empty states.
 * @csspart error - Error messages.
 * @csspart retry-button - Retries a failed load.
 * @csspart edit-profile-button - Opens "Edit my profile" (signed-in members).
 * @csspart membership-button - Joins or leaves the directory's `community` (signed-in members).
 * @csspart follow-button - Follows the directory's `community` by e-mail: its new threads by mail (a toggle, aria-pressed; signed-in members).
 * @csspart endorse-button - Endorses a skill in a profile, or withdraws the endorsement (signed-in members).
 * @csspart editor - The profile editor dialog.
 * @csspart save-button - Saves the profile editor.
 * @csspart mail-settings-button - In the profile editor, opens the e-mail settings.
 * @csspart mail-settings - The e-mail settings dialog: notifications, digest, mailing-list mode, what is followed by e-mail.
 * @csspart mail-save-button - Saves the e-mail settings.
 * @cssprop [--grove-member-directory-columns=repeat(auto-fill, minmax(16rem, 1fr))] - Card grid columns.
 * @cssprop [--grove-member-directory-avatar-size=3rem] - Avatar diameter.
 * @fires {GroveSearchEvent} grove-search - The user ran a search (a pause in typing, or Enter); `detail.query`.
 * @fires {GroveSelectEvent} grove-select - The user chose a member (`detail.item`, a MemberSummary); cancel it to keep the profile closed.
 * @fires {GroveLoadEvent} grove-load - Results arrived; `detail.data` is the MemberPage with every page shown so far.
 * @fires {GroveProfileChangeEvent} grove-profile-change - The signed-in member saved their profile, or joined or left a community; `detail.member` and `detail.version`. Every widget on the page showing the member reloads on it; other browsers learn of it from the server.
 * @fires {GroveErrorEvent} grove-error - Loading results or a profile failed; the widget shows a translated message.
 */
export class GroveMemberDirectory extends LitElement {
  static override styles = [hostStyles, styles];

  /** Community slug the directory is limited to (no community facet then). */
  @property({ converter: keyword }) community = '';
  /** Initial search text. */
  @property() query = '';
  /** Initial skill filter (slug). */
  @property({ converter: keyword }) skill = '';
  /** Initial country filter (ISO 3166-1 alpha-2, any case). */
  @property() country = '';
  /** Initial language filter (BCP 47 primary tag). */
  @property() language = '';
  /** Initial organisation filter (exact name). */
  @property() organisation = '';
  /** Initial role filter, `member` or `facilitator`; not `role`, which the host would expose as an (invalid) ARIA role. */
  @property({ attribute: 'member-role', converter: keyword }) memberRole = '';
  /** `relevance`, `name` or `recent`; unset: relevance while searching, else name. */
  @property({ converter: keyword }) sort = '';
  /** Members per page, 1 to 100. */
  @property({ attribute: 'page-size', converter: wholeNumber }) pageSize = 24;
  /** `cards` (a grid) or `list` (compact rows). */
  @property({ converter: keyword }) view = 'cards';
  /** Hides the search field, for an editor's fixed selection. */
  @property({ type: Boolean, attribute: 'no-search' }) noSearch = false;
  /** Hides the facets; active filters still show as removable chips. */
  @property({ type: Boolean, attribute: 'no-facets' }) noFacets = false;
  /** Shows each member's participation badge (in `community`) beside their name. */
  @property({ type: Boolean }) badges = false;
  /** Renders extra content per card, the fallback of its `badge-<id>` slot; wins over `badges`. */
  @property({ attribute: false }) renderBadge: BadgeRenderer | undefined;

  #draft = '';
  #shownQuery = '';
  #language = '';
  #cursor: string | undefined;
  /** Every page loaded for the current query; kept on screen while the next query or page loads. */
  #page: MemberPage | undefined;
  #now = new Date();
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #focusIndex: number | undefined;
  /** Translates the profile; created when its chunk (which holds the catalogue) first arrives. */
  #profileT: ProfileLocalize | undefined;

  #config = new ConfigController(this);
  #t = new LocalizeController(this, this.#config, messages);
  /** Below the fold, nothing loads until the reader scrolls near the directory. */
  #visibility = new VisibilityController(this);
  #view = new DirectoryStateController(this, {
    defaults: () => defaultState(this),
    onQueryChange: () => (this.#cursor = undefined),
  });
  #load = new LoadController(this);
  #results = this.#load.task({
    task: async ([client, visible, cursor, ...values], { signal }): Promise<MemberPage | typeof initialState> => {
      if (!client || !visible || invalidAttribute(this, ATTRIBUTES)) return initialState;
      // The values were checked against the attribute table, or come from the user's own hash.
      const query = Object.fromEntries(QUERY_FIELDS.map((name, index) => [name, values[index]])) as MemberQuery;
      const request = searchMembers(client, { ...query, cursor, facets: cursor ? 'false' : 'true' }, signal);
      // The translation loads alongside, so results never flash in English first.
      const [page] = await Promise.all([request, this.#t.ready]);
      const previous = cursor ? this.#page : undefined;
      return previous ? { ...page, items: [...previous.items, ...page.items], facets: previous.facets } : page;
    },
    args: () =>
      [this.#config.client, this.#visibility.visible, this.#cursor, ...queryValues(this, this.#view.state, this.#t.language)] as const,
    onComplete: (page) => {
      this.#page = page;
      this.#now = new Date();
      this.dispatchEvent(new GroveLoadEvent(page));
    },
  });
  #profile = this.#load.task({
    task: async ([client, id, lang], { signal }) => {
      if (!client || !id) return initialState;
      const [profile, { view, t }] = await Promise.all([memberProfile(client, id, lang, signal), this.#loadProfileView()]);
      return { profile, view, t, uid: memberUrl(client, profile.id) };
    },
    args: () => [this.#config.client, this.#view.state.member, this.#t.language] as const,
  });

  /** Signed-in members' tools, once their chunk arrived; `#signingIn` while it loads. */
  #tools: SignedInTools | undefined;
  #signingIn = false;

  constructor() {
    super();
    // Edits here, in another widget or in another browser: the directory shows members as they are now.
    followMemberChanges(this, {
      client: () => this.#config.client,
      shows: (member) => this.#view.state.member === member || !!this.#page?.items.some((item) => item.id === member),
      refresh: () => this.#refresh(),
      listsViewer: true,
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  /** A member changed themselves (here, in another widget or another browser): show the directory and profile as they are now. */
  #refresh = (): void => {
    this.#cursor = undefined;
    void this.#results.run();
    if (this.#view.state.member) void this.#profile.run();
  };

  async #signIn(): Promise<void> {
    this.#signingIn = true;
    const { SignedInTools } = await loadSignedIn();
    this.#tools = new SignedInTools(this, this.#config, {
      client: () => this.#config.client,
      community: () => this.community.trim(),
      load: this.#load,
      root: () => this.renderRoot as ShadowRoot,
    });
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (STATE_PROPERTIES.some((key) => changed.has(key))) this.#view.read();
    if (this.#config.client?.isAuthenticated && !this.#signingIn) void this.#signIn();
    // Skill labels come in the page language: a new language reloads from the first page.
    if (this.#t.language !== this.#language) [this.#language, this.#cursor] = [this.#t.language, undefined];
    // A query that arrives from the hash or an attribute, rather than from typing, shows in the field.
    if (this.#view.state.query !== this.#shownQuery) this.#draft = this.#shownQuery = this.#view.state.query;
  }

  protected override updated(): void {
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog:not(.editor)');
    if (dialog && this.#view.state.member && !dialog.open) dialog.showModal();
    if (dialog?.open && !this.#view.state.member) dialog.close();
    if (this.#focusIndex !== undefined && this.#results.status === TaskStatus.COMPLETE) {
      this.renderRoot.querySelectorAll<HTMLElement>('[data-member]')[this.#focusIndex]?.focus();
      this.#focusIndex = undefined;
    }
  }

  /** The profile chunk, with its sheet adopted and its catalogue loaded in the current language. */
  async #loadProfileView(): Promise<{ view: ProfileView; t: ProfileLocalize }> {
    const view = await loadProfileView();
    view.adoptProfileStyles(this.renderRoot as ShadowRoot);
    const t = (this.#profileT ??= new LocalizeController(this, this.#config, { en: view.profileEnglish, load: messages.load }));
    await t.ready;
    return { view, t };
  }

  #handleInput = (event: InputEvent): void => {
    this.#draft = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(this.#search, SEARCH_DEBOUNCE_MS);
  };

  #handleSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    clearTimeout(this.#searchTimer);
    this.#search();
  };

  #search = (): void => {
    const query = this.#draft.trim();
    if (query === this.#view.state.query) return;
    this.#view.update({ query });
    this.dispatchEvent(new GroveSearchEvent(query));
  };

  #toggleFilter = (key: FilterKey, value: string): void => {
    const { filters } = this.#view.state;
    const others = withoutFilter(filters, key);
    this.#view.update({ filters: filters[key] === value ? others : { ...others, [key]: value } });
  };

  #clearAll = (): void => {
    this.#view.update({ filters: {} });
    // The chips (and the button just pressed) are gone: keep focus in the widget, at the search.
    this.renderRoot.querySelector<HTMLElement>('#q, #results')?.focus();
  };

  #handleSort = (event: Event): void => this.#view.update({ sort: (event.target as HTMLSelectElement).value });

  #handleSelect = (member: MemberSummary): void => {
    if (this.dispatchEvent(new GroveSelectEvent(member))) this.#view.update({ member: member.id });
  };

  #handleMore = (): void => {
    if (!this.#page?.next) return;
    this.#focusIndex = this.#page.items.length;
    this.#cursor = this.#page.next;
    this.requestUpdate();
  };

  /**
   * Escape, a click outside (where `closedby` is supported) or the close button. Listening to `cancel`
   * as well as `close` updates the hash at once: Chromium delivers `close` with animation frames, which
   * background tabs do not run.
   */
  #closeProfile = (): void => {
    if (this.#view.state.member) this.#view.update({ member: '' });
  };

  override render() {
    const t = this.#t;
    const body = renderUnusable(t, invalidAttribute(this, ATTRIBUTES), this.#config.client) ?? this.#renderDirectory();
    return html`<section class="root" dir=${t.dir} lang=${t.language} aria-label=${t.t('directory.label')}>${body}</section>`;
  }

  #renderDirectory() {
    const { state } = this.#view;
    const t = this.#t;
    const page = this.#page;
    const hidden = new Set<FilterKey>(this.community ? ['community'] : []);
    const handlers = { toggle: this.#toggleFilter, clearAll: this.#clearAll };
    const tools = this.#config.client?.isAuthenticated ? this.#tools : undefined;
    return html`${tools?.renderActions() ?? nothing}${this.noSearch ? nothing : renderSearch(this.#draft, t, { onInput: this.#handleInput, onSubmit: this.#handleSubmit })}
      ${renderChips(state, hidden, page?.facets, t, handlers)}
      <div class=${this.noFacets ? 'layout' : 'layout with-facets'}>
        ${this.noFacets ? nothing : renderFacets(page?.facets, state, hidden, t, handlers, page?.facetsExact === false ? page.total : undefined)}
        <div class="results">
          ${renderToolbar(page, t, { sort: this.#shownSort, onSort: this.#handleSort })}
          ${this.#renderResults(page)}
        </div>
      </div>
      <dialog part="profile" class="profile" aria-labelledby="profile-title" closedby="any" @cancel=${this.#closeProfile} @close=${this.#closeProfile}>
        ${state.member ? this.#renderProfile(state.member) : nothing}
      </dialog>`;
  }

  /** The sort shown as selected: the user's, else the server's default (relevance while searching, else name). */
  get #shownSort(): string {
    const { sort, query } = this.#view.state;
    return sort || (query ? 'relevance' : 'name');
  }

  #renderResults(page: MemberPage | undefined) {
    const { status, error } = this.#results;
    const failed = status === TaskStatus.ERROR;
    const retry = () => void this.#results.run();
    // A failed "show more" keeps the list and offers the retry where the button was.
    if (failed && !this.#cursor) return renderError(this.#t, error, retry, { name: 'community', value: this.community.trim() });
    if (!page) return renderLoading(this.#t);
    return renderResults(page, this.#t, {
      view: this.view,
      busy: status === TaskStatus.PENDING,
      moreError: failed ? renderError(this.#t, error, retry) : undefined,
      now: this.#now,
      apiBase: this.#config.client?.baseUrl,
      renderBadge:
        this.renderBadge ??
        (this.badges ? (member: MemberSummary) => renderParticipationBadge(true, member.id, this.community.trim()) : undefined),
      onSelect: this.#handleSelect,
      onMore: this.#handleMore,
    });
  }

  #renderProfile(id: string) {
    const t = this.#t;
    const loaded = this.#profile.value?.profile.id === id ? this.#profile.value : undefined;
    const member = loaded?.profile ?? this.#page?.items.find((item) => item.id === id);
    return html`${renderProfileHeader(member?.name ?? t.t('profile.loading'), t, this.#closeProfile, member, this.#config.client?.baseUrl)}
      ${this.#profile.render({
        pending: () => renderLoading(t),
        complete: ({ profile, view, t: profileT, uid }) =>
          view.renderProfile(profile, profileT, {
            now: this.#now,
            uid,
            skillAction:
              this.#config.client?.isAuthenticated && this.#tools
                ? (skill) => this.#tools?.renderEndorse(profile, skill, () => void this.#profile.run())
                : undefined,
          }),
        error: (error) => renderError(t, error, () => void this.#profile.run()),
      })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'grove-member-directory': GroveMemberDirectory;
  }
}
