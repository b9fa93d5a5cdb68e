/**
 * What the community list offers facilitators: open a sub-group of the community they facilitate,
 * change a group's state, close it (after a confirmation saying its members return to the mother
 * community), decide on requests to join, invite a member or an e-mail address and withdraw invitations
 * (docs/decisions/0190-email-invitations.md). Imported only when the list shows something the viewer
 * facilitates, so members and readers never download it (docs/decisions/0150-community-list.md).
 */
import { css, html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { GroveClient } from '../../api/client.js';
import { GroveApiError } from '../../api/problem.js';
import type { LoadController } from '../../controllers/load-controller.js';
import { LocalizeController, type LanguageSource } from '../../controllers/localize-controller.js';
import { errorMessageKey } from '../../render/states.js';
import { relativeTime } from '../discussion-thread/relative-time.js';
import type { Community } from './api.js';
import type { Messages } from './messages/en.js';
import {
  changeState,
  decide,
  findMembers,
  invitations,
  invite,
  joinRequests,
  openSubGroup,
  withdraw,
  type JoinRequest,
  type Lifecycle,
  type MemberSummary,
  type PendingInvitation,
} from './tools-api.js';
import en from './tools-messages/en.js';

const messages = {
  en,
  load: {
    fr: () => import('./tools-messages/fr.js'),
    es: () => import('./tools-messages/es.js'),
    ar: () => import('./tools-messages/ar.js'),
  },
};

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;
/** What the server can mail (it checks again: 422 naming body.email). */
const ADDRESS = /^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$/;
const OPEN_STATES: readonly Lifecycle[] = ['forming', 'active', 'dormant'];

export interface ToolHooks {
  client(): GroveClient | undefined;
  /** The list's translator, for the state names it already knows. */
  list: LocalizeController<Messages>;
  load: LoadController;
  root(): ShadowRoot;
  /** Something changed: the list reloads and announces `status`. */
  changed(status: string): void;
}

const toolStyles = css`
  .tools,
  .form {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_space-s);
    margin-block-start: var(--_space-s);
  }
  .form {
    flex-direction: column;
    align-items: stretch;
    max-inline-size: 32rem;
    padding: var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .form label,
  .tools label {
    display: flex;
    flex-direction: column;
    gap: var(--_space-xs);
  }
  .form input,
  .form textarea,
  .form select,
  .tools select {
    font: inherit;
    padding: var(--_space-xs);
  }
  .hint,
  .error {
    font-size: var(--_font-size-s);
    color: var(--_muted);
  }
  .error {
    color: var(--_danger);
  }
  .confirm {
    flex-basis: 100%;
    padding: var(--_space-m);
    border-inline-start: 4px solid var(--_danger);
  }
  .confirm h4 {
    margin: 0;
  }
  .requests {
    flex-basis: 100%;
    margin: 0;
    padding-inline-start: var(--_space-m);
  }
  .requests:empty {
    display: none;
  }
  .requests li {
    margin-block: var(--_space-xs);
  }
`;

/** Turns a name into an address the server takes: "Eau & assainissement" -> "eau-assainissement". */
export function slugFrom(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}

export class FacilitatorTools {
  readonly t: LocalizeController<typeof en>;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #hooks: ToolHooks;
  #creating = false;
  /** Translated message per form field (`name`, `slug`), or `form` for the rest. */
  #errors = new Map<string, string>();
  /** The group waiting for "Close the group" to be confirmed. */
  #confirming = '';
  #busy = false;
  /** Groups whose requests to join are shown, with the requests once loaded. */
  #requests = new Map<string, JoinRequest[] | undefined>();
  /** The group whose "Invite" panel is open, and the members its search found. */
  #inviting = '';
  #found: MemberSummary[] | undefined;
  /** What is typed in the invite field (kept when sending fails), and why it was refused. */
  #typed = '';
  #inviteError = '';
  /** The open panel's standing invitations: undefined while loading. */
  #pending: PendingInvitation[] | GroveApiError | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, language: LanguageSource, hooks: ToolHooks) {
    this.#host = host;
    this.#hooks = hooks;
    this.t = new LocalizeController(host, language, messages);
    const sheet = toolStyles.styleSheet;
    const root = hooks.root();
    if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  /** Runs a write; on failure reports it and returns the error (the caller keeps what was typed). */
  async #act<T>(write: (client: GroveClient) => Promise<T>): Promise<T | GroveApiError> {
    const client = this.#hooks.client();
    if (!client || this.#busy) return new GroveApiError('unknown', 0);
    this.#busy = true;
    this.#host.requestUpdate();
    try {
      return await write(client);
    } catch (error) {
      return this.#hooks.load.fail(error) ?? new GroveApiError('unknown', 0);
    } finally {
      this.#busy = false;
      this.#host.requestUpdate();
    }
  }

  #focus(selector: string): void {
    void this.#host.updateComplete.then(() => this.#hooks.root().querySelector<HTMLElement>(selector)?.focus());
  }

  // ---- the mother community: open a sub-group, its own requests ----

  renderCommunity(community: Community): TemplateResult | typeof nothing {
    if (community.viewerRole !== 'facilitator') return nothing;
    const t = this.t;
    const canOpen = community.lifecycle !== 'closed';
    return html`<div part="tools" class="tools" role="group" aria-label=${t.t('tools.label', { name: community.name })}>
      ${
        canOpen
          ? html`<button type="button" class="grove-button" aria-expanded=${this.#creating} aria-controls="create" @click=${this.#toggleCreate}>
            ${t.t('tools.create')}
          </button>`
          : nothing
      }
      ${this.#renderRequests(community)} ${canOpen ? this.#renderInvite(community) : nothing}
    </div>
    <div id="create">${this.#creating ? this.#renderForm(community) : nothing}</div>`;
  }

  #toggleCreate = (): void => {
    this.#creating = !this.#creating;
    this.#errors.clear();
    this.#host.requestUpdate();
    if (this.#creating) this.#focus('#new-name');
  };

  #renderForm(community: Community): TemplateResult {
    const t = this.t;
    const error = (field: string) => {
      const message = this.#errors.get(field);
      return message ? html`<span class="error" id=${`${field}-error`}>${message}</span>` : nothing;
    };
    const described = (field: string, hint = '') =>
      [hint, this.#errors.has(field) ? `${field}-error` : ''].filter(Boolean).join(' ') || nothing;
    return html`<form class="form" novalidate @submit=${(event: SubmitEvent) => void this.#submit(event, community)}>
      <label>${t.t('tools.name')}
        <input id="new-name" name="name" required maxlength="120" aria-invalid=${this.#errors.has('name')} aria-describedby=${described('name')} />
      </label>
      ${error('name')}
      <label>${t.t('tools.slug')}
        <input name="slug" maxlength="63" dir="ltr" aria-invalid=${this.#errors.has('slug')} aria-describedby=${described('slug', 'slug-hint')} />
      </label>
      <span class="hint" id="slug-hint">${t.t('tools.slugHint')}</span>
      ${error('slug')}
      <label>${t.t('tools.purpose')}<textarea name="description" rows="3" maxlength="2000"></textarea></label>
      <label>${t.t('tools.visibility')}
        <select name="visibility">
          <option value="public">${t.t('tools.public')}</option>
          <option value="members">${t.t('tools.members')}</option>
        </select>
      </label>
      ${error('form')}
      <div class="tools">
        <button class="grove-button" ?disabled=${this.#busy}>${t.t('tools.submit')}</button>
        <button type="button" class="grove-button" @click=${this.#toggleCreate}>${t.t('tools.cancel')}</button>
      </div>
    </form>`;
  }

  async #submit(event: SubmitEvent, community: Community): Promise<void> {
    event.preventDefault();
    const t = this.t;
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const field = (key: string) => (data.get(key) as string | null)?.trim() ?? '';
    const name = field('name');
    const slug = field('slug') || slugFrom(name);
    this.#errors.clear();
    if (!name) this.#errors.set('name', t.t('tools.nameError'));
    else if (!SLUG.test(slug)) this.#errors.set('slug', t.t('tools.slugError'));
    if (!this.#errors.size) {
      const visibility = data.get('visibility') === 'members' ? 'members' : 'public';
      const description = field('description');
      // A sub-group starts forming, in its mother community's languages.
      const body = {
        parent: community.slug,
        slug,
        name,
        description,
        visibility,
        lifecycle: 'forming',
        languages: community.languages,
      } as const;
      const result = await this.#act((client) => openSubGroup(client, body));
      if (!(result instanceof GroveApiError)) {
        this.#creating = false;
        this.#hooks.changed(t.t('tools.created', { name }));
        return;
      }
      if (result.fieldError('body.slug')) this.#errors.set('slug', t.t(result.kind === 'conflict' ? 'tools.slugTaken' : 'tools.slugError'));
      else if (result.fieldError('body.name')) this.#errors.set('name', t.t('tools.nameError'));
      else this.#errors.set('form', this.#hooks.list.t(errorMessageKey(result)));
    }
    this.#host.requestUpdate();
    // The first field to fix takes the focus; what was typed stays.
    this.#focus(this.#errors.has('name') ? '#new-name' : this.#errors.has('slug') ? '[name=slug]' : '.form .error');
  }

  // ---- one group: state, close, requests ----

  renderGroup(group: Community, labelledBy: string): TemplateResult | typeof nothing {
    if (!group.viewerCanManage) return nothing;
    const t = this.t;
    const list = this.#hooks.list;
    const select = `state-${group.slug}`;
    // A closed group is reopened (as active unless chosen otherwise); the others move between the open states.
    const closed = group.lifecycle === 'closed';
    const current = closed ? 'active' : group.lifecycle;
    return html`<div part="tools" class="tools" role="group" aria-label=${t.t('tools.label', { name: group.name })}>
      <label>${t.t('tools.newState')}
        <select id=${select}>
          ${OPEN_STATES.map((state) => html`<option value=${state} ?selected=${state === current}>${list.t('list.state', { state })}</option>`)}
        </select>
      </label>
      <button type="button" class="grove-button" ?disabled=${this.#busy} @click=${() => void this.#apply(group, select)}>${t.t(closed ? 'tools.reopen' : 'tools.apply')}</button>
      ${
        closed
          ? nothing
          : html`<button type="button" class="grove-button close" aria-expanded=${this.#confirming === group.slug} @click=${() => this.#askClose(group)}>
            ${t.t('tools.close')}
          </button>`
      }
      ${this.#confirming === group.slug ? this.#renderConfirm(group, labelledBy) : nothing} ${this.#renderRequests(group)}
      ${group.viewerRole === 'facilitator' && group.lifecycle !== 'closed' ? this.#renderInvite(group) : nothing}
    </div>`;
  }

  async #apply(group: Community, select: string): Promise<void> {
    const state = this.#hooks.root().querySelector<HTMLSelectElement>(`#${select}`)?.value as Lifecycle | undefined;
    if (!state) return;
    const result = await this.#act((client) => changeState(client, group.slug, state));
    const list = this.#hooks.list;
    this.#hooks.changed(
      result instanceof GroveApiError
        ? list.t(errorMessageKey(result))
        : this.t.t('tools.changed', { name: group.name, state: list.t('list.state', { state }) }),
    );
  }

  #askClose(group: Community): void {
    this.#confirming = this.#confirming === group.slug ? '' : group.slug;
    this.#host.requestUpdate();
    this.#focus('.confirm .grove-button');
  }

  #renderConfirm(group: Community, labelledBy: string): TemplateResult {
    const t = this.t;
    const title = `close-${group.slug}`;
    return html`<div class="confirm" role="group" aria-labelledby=${title} aria-describedby=${labelledBy}>
      <h4 id=${title}>${t.t('tools.closeTitle', { name: group.name })}</h4>
      <p>${t.t(group.parent ? 'tools.closeText' : 'tools.closeTop')}</p>
      <button type="button" class="grove-button" ?disabled=${this.#busy} @click=${() => void this.#close(group)}>${t.t('tools.confirmClose')}</button>
      <button type="button" class="grove-button" @click=${() => this.#askClose(group)}>${t.t('tools.cancel')}</button>
    </div>`;
  }

  async #close(group: Community): Promise<void> {
    const result = await this.#act((client) => changeState(client, group.slug, 'closed'));
    this.#confirming = '';
    this.#hooks.changed(
      result instanceof GroveApiError
        ? this.#hooks.list.t(errorMessageKey(result))
        : this.t.t('tools.closed', { name: group.name, count: result.returnedMembers }),
    );
  }

  #renderRequests(group: Community): TemplateResult | typeof nothing {
    const count = group.pendingJoinRequests ?? 0;
    const shown = this.#requests.has(group.slug);
    if (!count && !shown) return nothing;
    const t = this.t;
    const requests = this.#requests.get(group.slug);
    const listId = `requests-${group.slug}`;
    return html`<button type="button" class="grove-button" aria-expanded=${shown} aria-controls=${listId} @click=${() => void this.#toggleRequests(group)}>
        ${t.t('tools.requests', { count })}
      </button>
      <ul class="requests" id=${listId}>${!shown ? nothing : !requests ? html`<li>${this.#hooks.list.t('core.loading')}</li>` : !requests.length ? html`<li>${t.t('tools.noRequests')}</li>` : requests.map((request) => this.#renderRequest(group, request))}</ul>`;
  }

  #renderRequest(group: Community, request: JoinRequest): TemplateResult {
    const t = this.t;
    const name = request.member.presence === 'former' ? t.t('tools.former') : request.member.name;
    const id = `request-${request.id}`;
    return html`<li>
      <span id=${id} dir="auto">${name}</span>
      ${request.message ? html`<q dir="auto">${request.message}</q>` : nothing}
      <span class="hint">${this.#hooks.list.formatDate(request.createdAt)}</span>
      <button type="button" class="grove-button" aria-describedby=${id} ?disabled=${this.#busy} @click=${() => void this.#decide(group, request, name, true)}>
        ${t.t('tools.approve')}
      </button>
      <button type="button" class="grove-button" aria-describedby=${id} ?disabled=${this.#busy} @click=${() => void this.#decide(group, request, name, false)}>
        ${t.t('tools.decline')}
      </button>
    </li>`;
  }

  async #toggleRequests(group: Community): Promise<void> {
    if (this.#requests.has(group.slug)) {
      this.#requests.delete(group.slug);
      this.#host.requestUpdate();
      return;
    }
    await this.#loadRequests(group.slug);
  }

  async #loadRequests(slug: string): Promise<void> {
    this.#requests.set(slug, undefined);
    this.#host.requestUpdate();
    const [result] = await Promise.all([this.#act((client) => joinRequests(client, slug)), this.t.ready]);
    this.#requests.set(slug, result instanceof GroveApiError ? [] : result);
    this.#host.requestUpdate();
  }

  async #decide(group: Community, request: JoinRequest, name: string, approve: boolean): Promise<void> {
    const result = await this.#act((client) => decide(client, group.slug, request.id, approve));
    const status =
      result instanceof GroveApiError
        ? this.#hooks.list.t(errorMessageKey(result))
        : this.t.t(approve ? 'tools.approved' : 'tools.declined', { name });
    await this.#loadRequests(group.slug);
    this.#hooks.changed(status);
  }

  // ---- invite a member they can find in the directory, or an e-mail address; standing invitations ----

  #renderInvite(group: Community): TemplateResult {
    const t = this.t;
    const open = this.#inviting === group.slug;
    const panel = `invite-${group.slug}`;
    const toggle = () => {
      [this.#inviting, this.#found, this.#typed, this.#inviteError] = [open ? '' : group.slug, undefined, '', ''];
      this.#host.requestUpdate();
      if (!open) {
        this.#focus(`#${panel} input`);
        void this.#loadPending(group.slug);
      }
    };
    return html`<button type="button" class="grove-button" aria-expanded=${open} aria-controls=${panel} @click=${toggle}>${t.t('tools.invite')}</button>
      <div id=${panel} class="requests">${open ? this.#renderInvitePanel(group, panel) : nothing}</div>`;
  }

  #renderInvitePanel(group: Community, panel: string): TemplateResult {
    const t = this.t;
    const address = this.#typed.includes('@');
    const described = [`${panel}-hint`, this.#inviteError ? `${panel}-error` : ''].filter(Boolean).join(' ');
    return html`<form class="tools" novalidate @submit=${(event: SubmitEvent) => void this.#submitInvite(event, group, panel)}>
        <label>${t.t('tools.search')}
          <input name="q" type="text" autocomplete="off" .value=${this.#typed} aria-invalid=${!!this.#inviteError} aria-describedby=${described}
            @input=${(event: InputEvent) => {
              this.#typed = (event.target as HTMLInputElement).value;
              this.#host.requestUpdate();
            }} />
        </label>
        <button class="grove-button" ?disabled=${this.#busy}>${t.t(address ? 'tools.send' : 'tools.find')}</button>
      </form>
      <span class="hint" id=${`${panel}-hint`}>${t.t('tools.inviteHint')}</span>
      ${this.#inviteError ? html`<span class="error" id=${`${panel}-error`}>${this.#inviteError}</span>` : nothing}
      ${this.#found ? this.#renderFound(group) : nothing} ${this.#renderPending(group, panel)}`;
  }

  async #submitInvite(event: SubmitEvent, group: Community, panel: string): Promise<void> {
    event.preventDefault();
    const q = this.#typed.trim();
    this.#inviteError = '';
    if (!q) {
      this.#host.requestUpdate();
      return;
    }
    if (!q.includes('@')) {
      const found = await this.#act((client) => findMembers(client, q));
      this.#found = found instanceof GroveApiError ? [] : found;
      this.#host.requestUpdate();
      return;
    }
    const t = this.t;
    const result = ADDRESS.test(q) ? await this.#act((client) => invite(client, group.slug, { email: q })) : undefined;
    if (result === undefined || result instanceof GroveApiError) {
      // What was typed stays, to be corrected.
      this.#inviteError =
        !result || result.fieldError('body.email') ? t.t('tools.emailError') : this.#hooks.list.t(errorMessageKey(result));
      this.#host.requestUpdate();
      this.#focus(`#${panel} input`);
      return;
    }
    this.#typed = '';
    this.#hooks.changed(t.t(result === 'already-invited' ? 'tools.alreadySent' : 'tools.sent', { address: q }));
    await this.#loadPending(group.slug);
  }

  async #loadPending(slug: string): Promise<void> {
    this.#pending = undefined;
    this.#host.requestUpdate();
    const client = this.#hooks.client();
    if (!client) return;
    let pending: PendingInvitation[] | GroveApiError;
    try {
      [pending] = await Promise.all([invitations(client, slug), this.t.ready]);
    } catch (error) {
      pending = this.#hooks.load.fail(error) ?? new GroveApiError('unknown', 0);
    }
    // The panel may have moved to another group meanwhile: its own load answers for it.
    if (this.#inviting !== slug) return;
    this.#pending = pending;
    this.#host.requestUpdate();
  }

  #renderPending(group: Community, panel: string): TemplateResult {
    const t = this.t;
    const pending = this.#pending;
    const heading = `${panel}-pending`;
    const body = !pending
      ? html`<li>${this.#hooks.list.t('core.loading')}</li>`
      : pending instanceof GroveApiError
        ? html`<li>
            <span class="error">${this.#hooks.list.t(errorMessageKey(pending))}</span>
            <button type="button" class="grove-button" @click=${() => void this.#loadPending(group.slug)}>${t.t('tools.retry')}</button>
          </li>`
        : !pending.length
          ? html`<li>${t.t('tools.noPending')}</li>`
          : pending.map((item) => this.#renderInvitation(group, item, panel));
    return html`<h4 id=${heading}>${t.t('tools.pending')}</h4>
      <ul class="requests" aria-labelledby=${heading} aria-busy=${!pending}>${body}</ul>`;
  }

  #renderInvitation(group: Community, item: PendingInvitation, panel: string): TemplateResult {
    const t = this.t;
    const name = item.address ?? (item.member?.presence === 'former' ? t.t('tools.former') : (item.member?.name ?? ''));
    const id = `${panel}-${item.id}`;
    return html`<li>
      <span id=${id} dir=${item.address ? 'ltr' : 'auto'}>${name}</span>
      <span class="hint">${t.t('tools.invitedAgo', { time: relativeTime(t.locale, item.createdAt) })}</span>
      <button type="button" class="grove-button" aria-describedby=${id} ?disabled=${this.#busy} @click=${() => void this.#withdraw(group, item, name, panel)}>
        ${t.t('tools.withdraw')}
      </button>
    </li>`;
  }

  async #withdraw(group: Community, item: PendingInvitation, name: string, panel: string): Promise<void> {
    const result = await this.#act((client) => withdraw(client, group.slug, item.id));
    await this.#loadPending(group.slug);
    this.#hooks.changed(
      result instanceof GroveApiError ? this.#hooks.list.t(errorMessageKey(result)) : this.t.t('tools.withdrawn', { name }),
    );
    // The button is gone with its invitation: the field keeps the focus in the panel.
    this.#focus(`#${panel} input`);
  }

  #renderFound(group: Community): TemplateResult {
    const t = this.t;
    const found = this.#found ?? [];
    if (!found.length) return html`<p role="status">${t.t('tools.noneFound')}</p>`;
    return html`<ul class="requests" aria-live="polite">
      ${found.map((member) => {
        const id = `found-${group.slug}-${member.id}`;
        return html`<li>
          <span id=${id} dir="auto">${member.name}</span>
          <button type="button" class="grove-button" aria-describedby=${id} ?disabled=${this.#busy} @click=${() => void this.#invite(group, member)}>
            ${t.t('tools.inviteOne')}
          </button>
        </li>`;
      })}
    </ul>`;
  }

  async #invite(group: Community, member: MemberSummary): Promise<void> {
    const result = await this.#act((client) => invite(client, group.slug, { member: member.id }));
    const key =
      result instanceof GroveApiError
        ? undefined
        : result === 'invited'
          ? 'tools.invited'
          : result === 'joined'
            ? 'tools.letIn'
            : 'tools.already';
    this.#hooks.changed(key ? this.t.t(key, { name: member.name }) : this.#hooks.list.t(errorMessageKey(result)));
  }
}
