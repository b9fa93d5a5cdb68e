import { initialState } from '@lit/task';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { ConfigController } from '../../controllers/config-controller.js';
import { LoadController } from '../../controllers/load-controller.js';
import { LocalizeController } from '../../controllers/localize-controller.js';
import { GroveLoadEvent } from '../../events/grove-load-event.js';
import { GroveProfileChangeEvent } from '../../events/grove-profile-change-event.js';
import { errorMessageKey, renderEmpty, renderError, renderLoading, renderUnusable } from '../../render/states.js';
import { hostStyles } from '../../styles/host.js';
import { invalidAttribute, keyword } from '../../validation/attributes.js';
import { listCommunities, loadCommunity, setMembership, type Community } from './api.js';
import { ATTRIBUTES } from './attributes.js';
import { styles } from './community-list.styles.js';
import type { FacilitatorTools } from './facilitator-tools.js';
import en from './messages/en.js';

const messages = {
  en,
  load: { fr: () => import('./messages/fr.js'), es: () => import('./messages/es.js'), ar: () => import('./messages/ar.js') },
};
/** Create, change state, close, join requests: only for facilitators, so members and readers never download it. */
const loadTools = () => import('./facilitator-tools.js');

/** One list: the open groups, or the closed ones (the archive), with every page loaded so far. */
interface Section {
  items: Community[];
  next: string | null;
}

/**
 * A community's groups (its sub-groups; without `community`, the network's top-level communities) with
 * their purpose, facilitators, state, size and activity. Signed-in members join, leave or ask to join a
 * members-only one; closed groups stay findable as a read-only archive. Facilitators open sub-groups,
 * change their state, close them and decide on requests to join (a chunk loaded for them only).
 * Example: `<grove-community-list community="water"></grove-community-list>`.
 *
 * @tag grove-community-list
 * @csspart title - "Groups of …" above the list, when `community` is set.
 * @csspart list - The list of groups.
 * @csspart item - One group.
 * @csspart name - A group's name.
 * @csspart state - A group's life-cycle badge.
 * @csspart membership-button - Join, Leave, Request to join, Withdraw request or Accept invitation (signed-in members).
 * @csspart archive-button - Shows or hides the closed groups.
 * @csspart more-button - Loads the next page.
 * @csspart tools - A facilitator's tools for one group (state, close, requests to join).
 * @csspart status - Loading and empty states.
 * @csspart error - Error messages.
 * @csspart retry-button - Retries a failed load.
 * @cssprop [--grove-community-list-accent=var(--grove-color-accent)] - Group names.
 * @fires {GroveLoadEvent} grove-load - The groups arrived; `detail.data` is `{ community, items, next }` (`community` null without the attribute).
 * @fires {GroveProfileChangeEvent} grove-profile-change - The signed-in member joined or left a group (or asked to); other widgets on the page reload.
 * @fires {GroveErrorEvent} grove-error - Loading or an action failed; the widget shows a translated message.
 */
export class GroveCommunityList extends LitElement {
  static override styles = [hostStyles, styles];

  /** The community whose sub-groups are listed; unset: the top-level communities. */
  @property({ converter: keyword }) community = '';

  #archiveOpen = false;
  #open: Section | undefined;
  #archive: Section | undefined;
  #cursor: string | undefined;
  #archiveCursor: string | undefined;
  /** The outcome of the last action, announced politely. */
  #status = '';
  /** The group whose membership is being changed. */
  #busy = '';
  #tools: FacilitatorTools | undefined;
  #toolsLoading = false;

  #config = new ConfigController(this);
  #t = new LocalizeController(this, this.#config, messages);
  #load = new LoadController(this);
  #list = this.#load.task({
    task: async ([client, slug, cursor], { signal }) => {
      if (!client || invalidAttribute(this, ATTRIBUTES)) return initialState;
      // The mother community (for the heading and its facilitators' tools) and the translation load alongside.
      const [community, page] = await Promise.all([
        slug ? loadCommunity(client, slug, signal) : null,
        listCommunities(client, slug, false, cursor, signal),
        this.#t.ready,
      ]);
      const items = cursor && this.#open ? [...this.#open.items, ...page.items] : page.items;
      return { community, items, next: page.next };
    },
    args: () => [this.#config.client, this.community.trim(), this.#cursor] as const,
    onComplete: (loaded) => {
      this.#open = loaded;
      this.dispatchEvent(new GroveLoadEvent(loaded));
    },
  });
  #closed = this.#load.task({
    task: async ([client, slug, open, cursor], { signal }) => {
      if (!client || !open || invalidAttribute(this, ATTRIBUTES)) return initialState;
      const page = await listCommunities(client, slug, true, cursor, signal);
      const items = cursor && this.#archive ? [...this.#archive.items, ...page.items] : page.items;
      return (this.#archive = { items, next: page.next });
    },
    args: () => [this.#config.client, this.community.trim(), this.#archiveOpen, this.#archiveCursor] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('grove-profile-change', this.#reload);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('grove-profile-change', this.#reload);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('community'))
      [this.#open, this.#archive, this.#cursor, this.#archiveCursor] = [undefined, undefined, undefined, undefined];
    const community = this.#list.value?.community;
    const manages = community?.viewerRole === 'facilitator' || this.#open?.items.some((item) => item.viewerCanManage);
    if (manages && this.#config.client?.isAuthenticated && !this.#toolsLoading) void this.#loadTools();
  }

  async #loadTools(): Promise<void> {
    this.#toolsLoading = true;
    const { FacilitatorTools } = await loadTools();
    const tools = new FacilitatorTools(this, this.#config, {
      client: () => this.#config.client,
      list: this.#t,
      load: this.#load,
      root: () => this.renderRoot as ShadowRoot,
      changed: (status) => this.#reload(status),
    });
    // Shown once translated, so the buttons never flash in English first.
    await tools.t.ready;
    this.#tools = tools;
    this.requestUpdate();
  }

  /** Reads both lists again from their first page (after a change here or in another widget). */
  #reload = (status?: unknown): void => {
    if (typeof status === 'string') this.#status = status;
    [this.#cursor, this.#archiveCursor] = [undefined, undefined];
    void this.#list.run();
    if (this.#archiveOpen) void this.#closed.run();
    this.requestUpdate();
  };

  async #setMembership(group: Community, join: boolean): Promise<void> {
    const client = this.#config.client;
    if (!client || this.#busy) return;
    const t = this.#t;
    this.#busy = group.slug;
    this.requestUpdate();
    try {
      await setMembership(client, group.slug, join);
      const asked = group.viewerJoinRequested || (!group.readable && join && !group.viewerInvited);
      const outcome = join ? (asked ? 'list.requested' : 'list.joined') : asked ? 'list.withdrawn' : 'list.left';
      this.#status = t.t(outcome, { name: group.name });
      // Other widgets (a directory of this community) show the change; this list reloads through it too.
      this.dispatchEvent(new GroveProfileChangeEvent(''));
    } catch (error) {
      this.#load.fail(error);
      this.#status = t.t(errorMessageKey(error));
    } finally {
      this.#busy = '';
      this.requestUpdate();
    }
  }

  override render() {
    const t = this.#t;
    const body = renderUnusable(t, invalidAttribute(this, ATTRIBUTES), this.#config.client) ?? this.#renderBody();
    return html`<section class="root" dir=${t.dir} lang=${t.language} aria-label=${t.t('list.label')}>${body}</section>`;
  }

  #renderBody(): TemplateResult {
    const t = this.#t;
    const loaded = this.#open;
    if (this.#list.error && !loaded)
      return renderError(t, this.#list.error, () => void this.#list.run(), { name: 'community', value: this.community.trim() });
    if (!loaded) return renderLoading(t);
    const community = this.#list.value?.community;
    // Templates on few lines: their whitespace ships in the first view.
    return html`${community ? html`<h2 part="title" dir="auto">${t.t('list.subgroups', { name: community.name })}</h2>${this.#tools?.renderCommunity(community) ?? nothing}` : nothing}<div role="status">${this.#status}</div>${loaded.items.length ? this.#renderSection(loaded, () => (this.#cursor = loaded.next ?? undefined)) : renderEmpty(t, t.t('list.empty'))}<button type="button" part="archive-button" class="grove-button" aria-expanded=${this.#archiveOpen} aria-controls="archive" @click=${this.#toggleArchive}>${t.t('list.archive')}</button><div id="archive">${this.#archiveOpen ? this.#renderArchive() : nothing}</div>`;
  }

  #toggleArchive = (): void => {
    this.#archiveOpen = !this.#archiveOpen;
    this.requestUpdate();
  };

  #renderArchive(): TemplateResult {
    const t = this.#t;
    const archive = this.#archive;
    if (this.#closed.error && !archive) return renderError(t, this.#closed.error, () => void this.#closed.run());
    if (!archive) return renderLoading(t);
    if (!archive.items.length) return renderEmpty(t, t.t('list.archiveEmpty'));
    return this.#renderSection(archive, () => (this.#archiveCursor = archive.next ?? undefined));
  }

  #renderSection(section: Section, more: () => void): TemplateResult {
    const next = () => {
      more();
      this.requestUpdate();
    };
    return html`<ul part="list">${section.items.map((group) => this.#renderItem(group))}</ul>${section.next ? html`<button type="button" part="more-button" class="grove-button" @click=${next}>${this.#t.t('list.more')}</button>` : nothing}`;
  }

  #renderItem(group: Community): TemplateResult {
    const t = this.#t;
    const id = `group-${group.slug}`;
    const names = group.facilitators.map((ref) => (ref.presence === 'former' ? t.t('list.former') : ref.name));
    const facts = [
      t.t('list.members', { count: group.memberCount }),
      group.postsLast30Days === null ? '' : t.t('list.activity', { count: group.postsLast30Days }),
      group.lastActivityAt ? t.t('list.lastPost', { date: new Date(group.lastActivityAt) }) : '',
      names.length ? t.t('list.facilitators', { names: t.formatList(names) }) : '',
      group.closedAt ? t.t('list.closedOn', { date: new Date(group.closedAt) }) : '',
    ];
    return html`<li part="item"><h3 part="name" id=${id} dir="auto">${group.name}</h3><span part="state" class="badge">${t.t('list.state', { state: group.lifecycle })}</span>${group.visibility === 'members' ? html`<span class="badge">${t.t('list.membersOnly')}</span>` : nothing}${group.description ? html`<p dir="auto">${group.description}</p>` : nothing}<p class="facts">${facts.filter(Boolean).join(' · ')}</p>${this.#renderMembership(group, id)}${this.#tools?.renderGroup(group, id) ?? nothing}</li>`;
  }

  /** Join / Leave / Request to join / Withdraw / Accept invitation for a signed-in member; a closed group takes none. */
  #renderMembership(group: Community, id: string): TemplateResult | typeof nothing {
    if (!this.#config.client?.isAuthenticated || group.lifecycle === 'closed') return nothing;
    const t = this.#t;
    const member = group.viewerRole !== null;
    const asked = group.viewerJoinRequested;
    const label = member
      ? 'list.leave'
      : asked
        ? 'list.withdraw'
        : group.viewerInvited
          ? 'list.accept'
          : group.readable
            ? 'list.join'
            : 'list.request';
    const toggle = () => void this.#setMembership(group, !member && !asked);
    return html`${asked ? html`<span class="facts">${t.t('list.pending')} </span>` : nothing}<button type="button" part="membership-button" class="grove-button" aria-describedby=${id} ?disabled=${this.#busy === group.slug} @click=${toggle}>${t.t(label)}</button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'grove-community-list': GroveCommunityList;
  }
}
