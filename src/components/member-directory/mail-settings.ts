/**
 * "E-mail settings": a modal panel over GET /api/v1/me/mail, opened from the profile editor. Its own
 * chunk with its own catalogue, so the editor stays within its size budget and only members who open
 * it download it (docs/decisions/0170-mail-settings-panel.md).
 *
 * Notification kinds, the digest and mailing-list mode are a form saved together: the kinds and digest
 * as one JSON Merge Patch, then each changed mailing list by its switch. A refused or failed save keeps
 * every choice on screen, with the reason beside the field it concerns, and saving again sends only what
 * the server does not have yet. Unfollowing acts at once (it is a removal, listed as such) and moves
 * focus to the next Unfollow button, or to the section's status when none is left.
 *
 * The controls bind `.checked` without `live()`: the draft follows every change, so what is on screen and
 * the last value rendered never differ, and importing `live` would tie this chunk to the editor's.
 */
import { css, html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { GroveClient } from '../../api/client.js';
import { GroveApiError } from '../../api/problem.js';
import type { LoadController } from '../../controllers/load-controller.js';
import { LocalizeController, type LanguageSource } from '../../controllers/localize-controller.js';
import { errorMessageKey, renderError, renderLoading } from '../../render/states.js';
import { fetchMailSettings, saveMailSettings, setCommunityFollowing, setMailingList, unfollowThread } from './mail-api.js';
import type { MailSettings, MailSettingsPatch, NotificationKind } from './mail-api.js';
import en, { type MailMessages } from './mail-messages/en.js';
import { adoptSheet } from '../shared/editor-form.js';

const messages = {
  en,
  load: { fr: () => import('./mail-messages/fr.js'), es: () => import('./mail-messages/es.js'), ar: () => import('./mail-messages/ar.js') },
};

/** In the order the panel lists them (the server's list, grouped by what they are about). */
export const KINDS: readonly NotificationKind[] = [
  'reply',
  'mention',
  'thread-post',
  'accepted',
  'expert-question',
  'moderation',
  'event-changed',
  'event-cancelled',
  'waitlist-promoted',
];
const DIGESTS = ['daily', 'weekly', 'off'] as const;

/** The form's state. */
export interface MailDraft {
  digest: MailSettings['digest'];
  /** Kinds switched on (the server stores those switched off). */
  on: Set<NotificationKind>;
  /** Communities in mailing-list mode. */
  lists: Set<string>;
}

export function draftOfSettings(settings: MailSettings): MailDraft {
  return {
    digest: settings.digest,
    on: new Set(KINDS.filter((kind) => !settings.off.includes(kind))),
    lists: new Set(settings.mailingLists),
  };
}

/** What a save sends: the merge patch (undefined when kinds and digest are unchanged) and the list switches. */
export function changesOf(base: MailDraft, draft: MailDraft): { patch: MailSettingsPatch | undefined; lists: [string, boolean][] } {
  const patch: MailSettingsPatch = {};
  if (draft.digest !== base.digest) patch.digest = draft.digest;
  if (KINDS.some((kind) => draft.on.has(kind) !== base.on.has(kind))) patch.off = KINDS.filter((kind) => !draft.on.has(kind));
  const slugs = new Set([...base.lists, ...draft.lists]);
  const lists = [...slugs]
    .filter((slug) => base.lists.has(slug) !== draft.lists.has(slug))
    .map((slug): [string, boolean] => [slug, draft.lists.has(slug)]);
  return { patch: Object.keys(patch).length ? patch : undefined, lists };
}

export interface MailPanelHooks {
  client(): GroveClient | undefined;
  root(): ShadowRoot;
  load: LoadController;
  language: LanguageSource;
}

const styles = css`
  .mail-settings .kinds {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
    gap: var(--_space-xs) var(--_space-s);
  }
  .mail-settings ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-xs);
  }
  .mail-settings li {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    align-items: center;
    justify-content: space-between;
  }
  .mail-settings .warning {
    color: var(--_danger);
  }
`;

export class MailSettingsPanel {
  readonly t: LocalizeController<MailMessages>;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #hooks: MailPanelHooks;
  #opener: HTMLElement | undefined;
  #open = false;
  #settings: MailSettings | undefined;
  #base: MailDraft | undefined;
  #draft: MailDraft | undefined;
  #loadError: unknown;
  #saving = false;
  #message = '';
  /** Translated message per control: `digest`, `off`, `list.<slug>`. */
  #errors = new Map<string, string>();
  /** What the last unfollow did, announced politely. */
  #followStatus = '';

  constructor(host: ReactiveControllerHost & HTMLElement, hooks: MailPanelHooks) {
    this.#host = host;
    this.#hooks = hooks;
    this.t = new LocalizeController(host, hooks.language, messages);
    adoptSheet(hooks.root(), styles.styleSheet);
  }

  get #dialog(): HTMLDialogElement | null {
    return this.#hooks.root().querySelector('dialog.mail-settings');
  }

  /** Opens on the settings as saved now; `opener` gets focus back on closing. */
  open(opener: HTMLElement): void {
    this.#opener = opener;
    this.#open = true;
    this.#draft = undefined;
    this.#errors.clear();
    this.#message = this.#followStatus = '';
    void this.#reload();
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => {
      const dialog = this.#dialog;
      if (dialog && !dialog.open) dialog.showModal();
    });
  }

  #close = (): void => {
    if (!this.#open) return;
    this.#open = false;
    this.#dialog?.close();
    this.#host.requestUpdate();
    this.#opener?.focus();
  };

  async #reload(): Promise<void> {
    const client = this.#hooks.client();
    if (!client) return;
    this.#loadError = undefined;
    try {
      const [settings] = await Promise.all([fetchMailSettings(client), this.t.ready]);
      this.#settings = settings;
      this.#base = draftOfSettings(settings);
      this.#draft = draftOfSettings(settings);
    } catch (error) {
      this.#loadError = this.#hooks.load.fail(error) ?? error;
    }
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#dialog?.querySelector<HTMLElement>('input, .grove-error button')?.focus();
  }

  #input = (event: Event): void => {
    const control = event.target as HTMLInputElement;
    const draft = this.#draft;
    if (!draft || !control.name) return;
    const [group, value = ''] = control.name.split(':');
    if (group === 'digest' && control.checked) draft.digest = control.value as MailDraft['digest'];
    const set = group === 'kind' ? (draft.on as Set<string>) : group === 'list' ? draft.lists : undefined;
    if (set && control.checked) set.add(value);
    else if (set) set.delete(value);
    this.#host.requestUpdate();
  };

  #submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const client = this.#hooks.client();
    const base = this.#base;
    const draft = this.#draft;
    if (!client || !base || !draft || this.#saving) return;
    const { patch, lists } = changesOf(base, draft);
    this.#saving = true;
    this.#message = '';
    this.#errors.clear();
    this.#host.requestUpdate();
    let failure: unknown;
    try {
      if (patch) {
        this.#settings = await saveMailSettings(client, patch);
        // What the server has now is the base: a later failure re-sends only the rest.
        base.digest = this.#settings.digest;
        base.on = draftOfSettings(this.#settings).on;
      }
    } catch (error) {
      failure = error;
    }
    for (const [slug, on] of failure === undefined ? lists : []) {
      try {
        await setMailingList(client, slug, on);
        if (on) base.lists.add(slug);
        else base.lists.delete(slug);
      } catch (error) {
        failure ??= error;
        if (error instanceof GroveApiError && error.kind === 'not-found') this.#errors.set(`list:${slug}`, this.t.t('mail.error.list'));
      }
    }
    this.#saving = false;
    if (failure === undefined) this.#message = this.t.t('mail.saved');
    else this.#failed(failure);
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const invalid = this.#dialog?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? this.#dialog?.querySelector<HTMLElement>('.form-message'))?.focus();
  };

  #failed(error: unknown): void {
    if (error instanceof GroveApiError && error.kind === 'invalid') {
      for (const { field } of error.fieldErrors) {
        const control = field.replace(/^body\./, '').split('.')[0] ?? '';
        if (control === 'digest' || control === 'off') this.#errors.set(control, this.t.t(`mail.error.${control}`));
      }
    }
    this.#message = this.#errors.size ? this.t.t('mail.invalid') : this.t.t('mail.failed', { reason: this.t.t(errorMessageKey(error)) });
  }

  /** Stops mail about a community or thread at once, then moves focus to the next Unfollow button. */
  async #unfollow(what: { community: string } | { thread: string }, name: string, index: number): Promise<void> {
    const client = this.#hooks.client();
    const settings = this.#settings;
    if (!client || !settings) return;
    try {
      if ('community' in what) {
        await setCommunityFollowing(client, what.community, false);
        settings.communities = settings.communities.map((c) => (c.slug === what.community ? { ...c, following: false } : c));
        settings.followedCommunities = settings.followedCommunities.filter((slug) => slug !== what.community);
      } else {
        await unfollowThread(client, what.thread);
        settings.followedThreads = settings.followedThreads.filter((t) => t.id !== what.thread);
        settings.followedThreadCount -= 1;
      }
      this.#followStatus = this.t.t('mail.unfollowed', { name });
    } catch (error) {
      this.#followStatus = this.t.t('mail.failed', { reason: this.t.t(errorMessageKey(error)) });
    }
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const buttons = this.#dialog?.querySelectorAll<HTMLElement>('[data-unfollow]');
    (buttons?.[Math.min(index, buttons.length - 1)] ?? this.#dialog?.querySelector<HTMLElement>('.follow-status'))?.focus();
  }

  #errorOf(control: string): { invalid: string; describedby: string; message: TemplateResult } | undefined {
    const message = this.#errors.get(control);
    const id = `mail-error-${control.replace(/[^a-z0-9-]/gi, '-')}`;
    return message ? { invalid: 'true', describedby: id, message: html`<span class="field-error" id=${id}>${message}</span>` } : undefined;
  }

  #renderAddress(settings: MailSettings): TemplateResult {
    const t = this.t;
    if (!settings.address) return html`<p class="warning">${t.t('mail.noAddress')}</p>`;
    return settings.failing
      ? html`<p class="warning">${t.t('mail.failing', { address: settings.address })}</p>`
      : html`<p class="muted">${t.t('mail.address', { address: settings.address })}</p>`;
  }

  #renderFollows(settings: MailSettings): TemplateResult {
    const t = this.t;
    const rows = [
      ...settings.communities
        .filter((c) => c.following)
        .map((c) => ({ key: { community: c.slug }, name: t.t('mail.community', { name: c.name }) })),
      ...settings.followedThreads.map((th) => ({
        key: { thread: th.id },
        name: t.t('mail.thread', { title: th.title, community: th.communityName }),
      })),
    ];
    const more = settings.followedThreadCount - settings.followedThreads.length;
    return html`<fieldset>
      <legend>${t.t('mail.follows')}</legend>
      <p class="muted">${t.t('mail.followsHelp')}</p>
      ${
        rows.length
          ? html`<ul>
            ${rows.map(
              (row, index) => html`<li>
                <span dir="auto">${row.name}</span>
                <button type="button" class="grove-button" data-unfollow aria-label=${t.t('mail.unfollowLabel', { name: row.name })}
                  @click=${() => void this.#unfollow(row.key, row.name, index)}>${t.t('mail.unfollow')}</button>
              </li>`,
            )}
          </ul>`
          : html`<p>${t.t('mail.noFollows')}</p>`
      }
      ${more > 0 ? html`<p class="muted">${t.t('mail.more', { count: more })}</p>` : nothing}
      <p class="muted follow-status" role="status" tabindex="-1">${this.#followStatus}</p>
    </fieldset>`;
  }

  #renderForm(settings: MailSettings, draft: MailDraft): TemplateResult {
    const t = this.t;
    const off = this.#errorOf('off');
    const digest = this.#errorOf('digest');
    const communities = settings.communities.filter((c) => c.member);
    return html`<form novalidate @change=${this.#input} @submit=${this.#submit}>
      <p class="form-message" role="alert" tabindex="-1">${this.#message}</p>
      ${this.#renderAddress(settings)}
      <fieldset aria-describedby=${off ? `mail-kinds-help ${off.describedby}` : 'mail-kinds-help'}>
        <legend>${t.t('mail.notifications')}</legend>
        <p class="muted" id="mail-kinds-help">${t.t('mail.notificationsHelp')}</p>
        <div class="kinds">
          ${KINDS.map(
            (kind) => html`<label class="check">
              <input type="checkbox" name=${`kind:${kind}`} .checked=${draft.on.has(kind)} aria-invalid=${off?.invalid ?? nothing} />
              <span>${t.t(`mail.kind.${kind}`)}</span>
            </label>`,
          )}
        </div>
        ${off?.message ?? nothing}
      </fieldset>
      <fieldset role="radiogroup" aria-describedby=${digest ? `mail-digest-help ${digest.describedby}` : 'mail-digest-help'}>
        <legend>${t.t('mail.digest')}</legend>
        <p class="muted" id="mail-digest-help">${t.t('mail.digestHelp')}</p>
        ${DIGESTS.map(
          (value) => html`<label class="check">
            <input type="radio" name="digest" value=${value} .checked=${draft.digest === value} aria-invalid=${digest?.invalid ?? nothing} />
            <span>${t.t(`mail.digest.${value}`)}</span>
          </label>`,
        )}
        ${digest?.message ?? nothing}
      </fieldset>
      <fieldset aria-describedby="mail-lists-help">
        <legend>${t.t('mail.lists')}</legend>
        <p class="muted" id="mail-lists-help">${t.t('mail.listsHelp')}</p>
        ${
          communities.length
            ? communities.map((c) => {
                const error = this.#errorOf(`list:${c.slug}`);
                return html`<label class="check">
                  <input type="checkbox" name=${`list:${c.slug}`} .checked=${draft.lists.has(c.slug)}
                    aria-invalid=${error?.invalid ?? nothing} aria-describedby=${error?.describedby ?? nothing} />
                  <span dir="auto">${c.name}</span>
                </label>
                ${error?.message ?? nothing}`;
              })
            : html`<p>${t.t('mail.noCommunities')}</p>`
        }
      </fieldset>
      ${this.#renderFollows(settings)}
      <div class="actions">
        <button type="button" class="grove-button" @click=${this.#close}>${t.t('mail.close')}</button>
        <button type="submit" part="mail-save-button" class="grove-button" ?disabled=${this.#saving}>
          ${t.t(this.#saving ? 'mail.saving' : 'mail.save')}
        </button>
      </div>
    </form>`;
  }

  render(): TemplateResult {
    const t = this.t;
    const body =
      this.#settings && this.#draft
        ? this.#renderForm(this.#settings, this.#draft)
        : this.#loadError
          ? renderError(t, this.#loadError, () => void this.#reload())
          : renderLoading(t);
    return html`<dialog part="mail-settings" class="profile editor mail-settings" aria-labelledby="mail-title" dir=${t.dir} lang=${t.language}
      @cancel=${(event: Event) => {
        event.preventDefault();
        this.#close();
      }}>
      <header class="profile-head">
        <h2 id="mail-title" class="profile-name">${t.t('mail.title')}</h2>
      </header>
      ${this.#open ? body : nothing}
    </dialog>`;
  }
}
