/**
 * "Edit my profile": a modal form over GET /api/v1/me, saved as one JSON Merge Patch of what changed with
 * If-Match (docs/decisions/0130-profile-editing.md). Its own chunk, loaded the first time a member opens it.
 *
 * Focus: the dialog opens on the name field, Tab stays inside (showModal), Escape or Cancel closes and
 * returns focus to the button that opened it; a refused save moves focus to the first field the server
 * named, with the reason beside the field. A conflict (someone saved meanwhile, e.g. in another tab) keeps
 * the member's edits and takes the newer version as the base, so saving again applies them.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { GroveClient } from '../../api/client.js';
import { GroveApiError } from '../../api/problem.js';
import type { LoadController } from '../../controllers/load-controller.js';
import type { LanguageSource } from '../../controllers/localize-controller.js';
import { renderError, renderLoading } from '../../render/states.js';
import type { EditorMessages } from './editor-messages/en.js';
import type { MailSettingsPanel } from './mail-settings.js';
import type { EditorLocalize } from './signed-in.js';
import { adoptSheet, editorFormStyles } from '../shared/editor-form.js';
import { fetchMe, fetchSkills, saveMe } from './signed-in-api.js';
import type { ContactVisibility, Me, MePatch, OwnContactChannel } from './types.js';

export interface EditorHooks {
  client(): GroveClient | undefined;
  root(): ShadowRoot;
  load: LoadController;
  /** The directory's language, for the e-mail settings' own catalogue. */
  language: LanguageSource;
  onSaved(me: Me): void;
}

/** The form's state: text as typed, lists as rows. */
interface Draft {
  name: string;
  practice: string;
  organisation: string;
  country: string;
  languages: string;
  timeZone: string;
  availability: Me['availability'];
  bio: string;
  avatarUrl: string;
  directoryOptOut: boolean;
  skills: { skill: string; level: number }[];
  interests: string[];
  contacts: OwnContactChannel[];
}

/** The single-line text fields of the form. */
type TextField = 'name' | 'practice' | 'organisation' | 'country' | 'languages' | 'timeZone' | 'avatarUrl';

const KINDS = ['email', 'phone', 'website', 'linkedin', 'chat', 'other'] as const;
const VISIBILITIES: ContactVisibility[] = ['public', 'members', 'facilitators', 'nobody'];
const AVAILABILITIES = ['open', 'limited', 'unavailable'] as const;
const LEVELS = [1, 2, 3, 4] as const;

function draftOf(me: Me): Draft {
  return {
    name: me.name,
    practice: me.practice,
    organisation: me.organisation,
    country: me.country ?? '',
    languages: me.languages.join(', '),
    timeZone: me.timeZone,
    availability: me.availability,
    bio: me.bio,
    avatarUrl: me.avatarSource ?? '',
    directoryOptOut: me.directoryOptOut,
    skills: me.skills.map((s) => ({ skill: s.slug, level: s.level })),
    interests: me.interests.map((i) => i.slug),
    contacts: me.contacts.map((c) => ({ ...c })),
  };
}

/** The merge patch from `base` to `draft`: only what changed; an emptied optional text resets it (null). */
export function patchOf(base: Draft, draft: Draft, slugOf: (typed: string) => string): MePatch {
  const patch: Record<string, unknown> = {};
  const text = (value: string) => value.trim();
  for (const key of ['name', 'practice', 'organisation', 'bio'] as const) {
    if (text(draft[key]) !== text(base[key])) patch[key] = key === 'name' ? text(draft[key]) : text(draft[key]) || null;
  }
  const country = text(draft.country).toUpperCase();
  if (country !== base.country) patch.country = country || null;
  if (text(draft.timeZone) !== base.timeZone) patch.timeZone = text(draft.timeZone) || null;
  if (text(draft.avatarUrl) !== base.avatarUrl) patch.avatarUrl = text(draft.avatarUrl) || null;
  if (draft.availability !== base.availability) patch.availability = draft.availability;
  if (draft.directoryOptOut !== base.directoryOptOut) patch.directoryOptOut = draft.directoryOptOut;
  const languages = draft.languages
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((tag) => tag.toLowerCase());
  if (
    languages.join() !==
    base.languages
      .split(/[\s,]+/)
      .filter(Boolean)
      .join()
  )
    patch.languages = languages;
  const skills = draft.skills.filter((s) => text(s.skill)).map((s) => ({ skill: slugOf(text(s.skill)), level: s.level }));
  if (JSON.stringify(skills) !== JSON.stringify(base.skills)) patch.skills = skills;
  const interests = draft.interests.map(text).filter(Boolean).map(slugOf);
  if (interests.join() !== base.interests.join()) patch.interests = interests;
  const contacts = draft.contacts.filter((c) => text(c.value)).map((c) => ({ ...c, value: text(c.value) }));
  if (JSON.stringify(contacts) !== JSON.stringify(base.contacts)) patch.contacts = contacts;
  return patch;
}

/** Which control a server field error belongs to: `body.contacts.1.value` -> `contacts.1`. */
export function controlOf(field: string): string {
  const [, top = '', index] = field.split('.');
  return /^\d+$/.test(index ?? '') && top !== 'languages' ? `${top}.${index}` : top;
}

const ERROR_KEY: Record<string, keyof EditorMessages> = {
  name: 'editor.error.name',
  country: 'editor.error.country',
  languages: 'editor.error.languages',
  timeZone: 'editor.error.timeZone',
  avatarUrl: 'editor.error.avatarUrl',
  skills: 'editor.error.skill',
  interests: 'editor.error.skill',
  contacts: 'editor.error.contact',
};

export class ProfileEditor {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #t: EditorLocalize;
  readonly #hooks: EditorHooks;
  #opener: HTMLElement | undefined;
  #open = false;
  #etag = '';
  #base: Draft | undefined;
  #draft: Draft | undefined;
  #loadError: unknown;
  #saving = false;
  #message = '';
  /** Translated message per control (`name`, `contacts.1`), from the server's field errors. */
  #errors = new Map<string, string>();
  #skills: { slug: string; label: string }[] = [];
  #focusFirstError = false;
  /** The e-mail settings, a chunk of their own loaded on first opening. */
  #mail: MailSettingsPanel | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, t: EditorLocalize, hooks: EditorHooks) {
    this.#host = host;
    this.#t = t;
    this.#hooks = hooks;
    adoptSheet(hooks.root(), editorFormStyles.styleSheet);
  }

  get #dialog(): HTMLDialogElement | null {
    // The e-mail settings' dialog shares the editor's look (class `editor`) but not its form.
    return this.#hooks.root().querySelector('dialog.editor:not(.mail-settings)');
  }

  /** Opens the editor on your profile as saved now; `opener` gets focus back on closing. */
  open(opener: HTMLElement): void {
    this.#opener = opener;
    this.#open = true;
    this.#draft = undefined;
    this.#errors.clear();
    this.#message = '';
    void this.#reload(true);
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => {
      const dialog = this.#dialog;
      if (dialog && !dialog.open) dialog.showModal();
      this.#focus();
    });
  }

  #openMail = async (event: Event): Promise<void> => {
    const opener = event.currentTarget as HTMLElement;
    if (!this.#mail) {
      const { MailSettingsPanel } = await import('./mail-settings.js');
      this.#mail = new MailSettingsPanel(this.#host, this.#hooks);
    }
    this.#mail.open(opener);
  };

  #close = (): void => {
    if (!this.#open) return;
    this.#open = false;
    this.#dialog?.close();
    this.#host.requestUpdate();
    this.#opener?.focus();
  };

  /** Loads you (and the taxonomy for suggestions); `reset` replaces the draft, else only the base moves. */
  async #reload(reset: boolean): Promise<void> {
    const client = this.#hooks.client();
    if (!client) return;
    const lang = this.#t.language;
    this.#loadError = undefined;
    try {
      const [{ me, etag }, skills] = await Promise.all([
        fetchMe(client, lang),
        this.#skills.length ? Promise.resolve(undefined) : fetchSkills(client, lang).catch(() => undefined),
        this.#t.ready,
      ]);
      if (skills) this.#skills = skills;
      this.#etag = etag;
      this.#base = draftOf(me);
      if (reset || !this.#draft) this.#draft = draftOf(me);
    } catch (error) {
      this.#loadError = this.#hooks.load.fail(error) ?? error;
    }
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    if (reset) this.#focus();
  }

  #focus(): void {
    const root = this.#dialog;
    const target = this.#focusFirstError
      ? root?.querySelector<HTMLElement>('[aria-invalid="true"]')
      : root?.querySelector<HTMLElement>('input[name="name"]');
    this.#focusFirstError = false;
    target?.focus();
  }

  /** One handler for every control: its `name` is the draft path (`contacts.1.visibility`). */
  #input = (event: Event): void => {
    const control = event.target as HTMLInputElement;
    if (!this.#draft || !control.name) return;
    const path = control.name.split('.');
    const value = control.type === 'checkbox' ? control.checked : control.value;
    const last = path.pop() ?? '';
    let target = this.#draft as unknown as Record<string, unknown>;
    for (const key of path) target = target[key] as Record<string, unknown>;
    target[last] = last === 'level' ? Number(value) : value;
    this.#host.requestUpdate();
  };

  #add(list: 'skills' | 'interests' | 'contacts'): void {
    const draft = this.#draft;
    if (!draft) return;
    if (list === 'skills') draft.skills.push({ skill: '', level: 2 });
    else if (list === 'interests') draft.interests.push('');
    else draft.contacts.push({ kind: 'email', value: '', visibility: 'members' });
    this.#host.requestUpdate();
    // The new row's first control takes focus, so a keyboard user types straight into it.
    void this.#host.updateComplete.then(() => {
      const rows = this.#dialog?.querySelectorAll<HTMLElement>(`[data-list="${list}"] .row`);
      rows?.[rows.length - 1]?.querySelector<HTMLElement>('input, select')?.focus();
    });
  }

  #remove(list: 'skills' | 'interests' | 'contacts', index: number): void {
    this.#draft?.[list].splice(index, 1);
    this.#errors.clear();
    this.#host.requestUpdate();
    // Focus goes to the list's Add button rather than to the page's start.
    void this.#host.updateComplete.then(() => this.#dialog?.querySelector<HTMLElement>(`[data-add="${list}"]`)?.focus());
  }

  /** A typed label (or slug) becomes the taxonomy's slug; unknown text goes as typed and the server names it. */
  #slugOf = (typed: string): string => {
    const folded = typed.toLowerCase();
    return this.#skills.find((s) => s.slug === typed || s.label.toLowerCase() === folded)?.slug ?? typed;
  };

  #submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const client = this.#hooks.client();
    if (!client || !this.#draft || !this.#base || this.#saving) return;
    const patch = patchOf(this.#base, this.#draft, this.#slugOf);
    if (Object.keys(patch).length === 0) {
      this.#close();
      return;
    }
    this.#saving = true;
    this.#message = '';
    this.#errors.clear();
    this.#host.requestUpdate();
    try {
      const { me, etag } = await saveMe(client, patch, this.#etag, this.#t.language);
      this.#etag = etag;
      this.#base = this.#draft = draftOf(me);
      this.#saving = false;
      this.#close();
      this.#hooks.onSaved(me);
    } catch (error) {
      this.#saving = false;
      this.#failed(error);
    }
  };

  #failed(error: unknown): void {
    if (error instanceof GroveApiError && error.kind === 'invalid' && error.fieldErrors.length) {
      for (const { field } of error.fieldErrors) {
        const control = controlOf(field);
        this.#errors.set(control, this.#t.t(ERROR_KEY[control.split('.')[0] ?? ''] ?? 'editor.error.other'));
      }
      this.#message = this.#t.t('editor.invalid');
      this.#focusFirstError = true;
    } else if (error instanceof GroveApiError && error.kind === 'conflict') {
      this.#message = this.#t.t('editor.conflict');
      void this.#reload(false);
    } else {
      this.#message = '';
      this.#loadError = this.#hooks.load.fail(error) ?? error;
    }
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => {
      if (this.#focusFirstError) this.#focus();
      else this.#dialog?.querySelector<HTMLElement>('.form-message')?.focus();
    });
  }

  /** Attributes tying a control to its error message, if the server named it. */
  #error(control: string): TemplateResult | typeof nothing {
    const message = this.#errors.get(control);
    return message ? html`<span class="field-error" id=${`error-${control}`}>${message}</span>` : nothing;
  }

  #field(name: TextField, label: keyof EditorMessages, options: { type?: string; list?: string; autocomplete?: string } = {}) {
    const invalid = this.#errors.has(name);
    return html`<label>
      <span>${this.#t.t(label)}</span>
      <input
        name=${name}
        type=${options.type ?? 'text'}
        list=${options.list ?? nothing}
        autocomplete=${options.autocomplete ?? 'off'}
        dir="auto"
        .value=${live(this.#draft?.[name] ?? '')}
        ?required=${name === 'name'}
        aria-invalid=${invalid ? 'true' : nothing}
        aria-describedby=${invalid ? `error-${name}` : nothing}
      />
      ${this.#error(name)}
    </label>`;
  }

  #select(name: string, label: string, value: string, options: readonly (string | number)[], text: (option: string) => string) {
    return html`<label>
      <span>${label}</span>
      <select name=${name} .value=${live(value)}>
        ${options.map((option) => html`<option value=${option} ?selected=${String(option) === value}>${text(String(option))}</option>`)}
      </select>
    </label>`;
  }

  #removeButton(list: 'skills' | 'interests' | 'contacts', index: number, item: string) {
    return html`<button type="button" class="grove-button" @click=${() => this.#remove(list, index)}>
      ${this.#t.t('editor.remove', { item })}
    </button>`;
  }

  #rowInvalid(control: string) {
    return this.#errors.has(control) ? { invalid: 'true', describedby: `error-${control}` } : undefined;
  }

  #renderForm(draft: Draft): TemplateResult {
    const t = this.#t;
    const tt = (key: string) => t.t(key as keyof EditorMessages);
    const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    return html`<form novalidate @input=${this.#input} @change=${this.#input} @submit=${this.#submit}>
      <p class="form-message" role="alert" tabindex="-1">${this.#message}</p>
      <fieldset>
        <legend>${t.t('editor.about')}</legend>
        ${this.#field('name', 'editor.name', { autocomplete: 'name' })} ${this.#field('practice', 'editor.practice')}
        ${this.#field('organisation', 'editor.organisation', { autocomplete: 'organization' })}
        ${this.#field('country', 'editor.country', { autocomplete: 'country' })}
        ${this.#field('languages', 'editor.languages')} ${this.#field('timeZone', 'editor.timeZone', { list: 'editor-zones' })}
        <datalist id="editor-zones">${zones.map((zone) => html`<option value=${zone}></option>`)}</datalist>
        ${this.#select('availability', t.t('editor.availability'), draft.availability, AVAILABILITIES, (a) => tt(`editor.availability.${a}`))}
        <label>
          <span>${t.t('editor.bio')}</span>
          <textarea name="bio" rows="4" maxlength="2000" dir="auto" .value=${live(draft.bio)}></textarea>
        </label>
        ${this.#field('avatarUrl', 'editor.avatar', { type: 'url' })}
      </fieldset>
      <datalist id="editor-skills">${this.#skills.map((s) => html`<option value=${s.slug} label=${s.label}></option>`)}</datalist>
      <fieldset data-list="skills">
        <legend>${t.t('editor.skills')}</legend>
        ${draft.skills.map((skill, index) => {
          const n = index + 1;
          const invalid = this.#rowInvalid(`skills.${index}`);
          return html`<div class="row">
            <label>
              <span>${t.t('editor.skill', { n })}</span>
              <input name=${`skills.${index}.skill`} list="editor-skills" .value=${live(skill.skill)}
                aria-invalid=${invalid?.invalid ?? nothing} aria-describedby=${invalid?.describedby ?? nothing} />
            </label>
            ${this.#select(`skills.${index}.level`, t.t('editor.level', { n }), String(skill.level), LEVELS, (l) => tt(`editor.level.${l}`))}
            ${this.#removeButton('skills', index, t.t('editor.skill', { n }))} ${this.#error(`skills.${index}`)}
          </div>`;
        })}
        <button type="button" class="grove-button" data-add="skills" @click=${() => this.#add('skills')}>${t.t('editor.addSkill')}</button>
      </fieldset>
      <fieldset data-list="interests">
        <legend>${t.t('editor.interests')}</legend>
        ${draft.interests.map((interest, index) => {
          const n = index + 1;
          const invalid = this.#rowInvalid(`interests.${index}`);
          return html`<div class="row">
            <label>
              <span>${t.t('editor.interest', { n })}</span>
              <input name=${`interests.${index}`} list="editor-skills" .value=${live(interest)}
                aria-invalid=${invalid?.invalid ?? nothing} aria-describedby=${invalid?.describedby ?? nothing} />
            </label>
            ${this.#removeButton('interests', index, t.t('editor.interest', { n }))} ${this.#error(`interests.${index}`)}
          </div>`;
        })}
        <button type="button" class="grove-button" data-add="interests" @click=${() => this.#add('interests')}>${t.t('editor.addInterest')}</button>
      </fieldset>
      <fieldset data-list="contacts">
        <legend>${t.t('editor.contacts')}</legend>
        ${draft.contacts.map((channel, index) => {
          const n = index + 1;
          const invalid = this.#rowInvalid(`contacts.${index}`);
          return html`<div class="row">
            ${this.#select(`contacts.${index}.kind`, t.t('editor.kind', { n }), channel.kind, KINDS, (k) => tt(`editor.kind.${k}`))}
            <label>
              <span>${t.t('editor.value', { n })}</span>
              <input name=${`contacts.${index}.value`} dir="auto" .value=${live(channel.value)}
                aria-invalid=${invalid?.invalid ?? nothing} aria-describedby=${invalid?.describedby ?? nothing} />
            </label>
            ${this.#select(`contacts.${index}.visibility`, t.t('editor.visibility', { n }), channel.visibility, VISIBILITIES, (v) => tt(`editor.visibility.${v}`))}
            ${this.#removeButton('contacts', index, t.t('editor.value', { n }))} ${this.#error(`contacts.${index}`)}
          </div>`;
        })}
        <button type="button" class="grove-button" data-add="contacts" @click=${() => this.#add('contacts')}>${t.t('editor.addContact')}</button>
      </fieldset>
      <fieldset>
        <legend>${t.t('editor.privacy')}</legend>
        <label class="check">
          <input type="checkbox" name="directoryOptOut" .checked=${live(draft.directoryOptOut)} aria-describedby="opt-out-help" />
          <span>${t.t('editor.optOut')}</span>
        </label>
        <p id="opt-out-help" class="muted">${t.t('editor.optOutHelp')}</p>
      </fieldset>
      <fieldset>
        <legend>${t.t('editor.mail')}</legend>
        <p id="mail-help" class="muted">${t.t('editor.mailHelp')}</p>
        <div><button type="button" part="mail-settings-button" class="grove-button" aria-haspopup="dialog" aria-describedby="mail-help"
          @click=${this.#openMail}>${t.t('editor.mailOpen')}</button></div>
      </fieldset>
      <div class="actions">
        <button type="button" class="grove-button" @click=${this.#close}>${t.t('editor.cancel')}</button>
        <button type="submit" part="save-button" class="grove-button" ?disabled=${this.#saving}>
          ${t.t(this.#saving ? 'editor.saving' : 'editor.save')}
        </button>
      </div>
    </form>`;
  }

  render(): TemplateResult {
    const t = this.#t;
    const body = this.#draft
      ? this.#renderForm(this.#draft)
      : this.#loadError
        ? renderError(t, this.#loadError, () => void this.#reload(true))
        : renderLoading(t);
    return html`<dialog part="editor" class="profile editor" aria-labelledby="editor-title" dir=${t.dir} lang=${t.language}
      @cancel=${(event: Event) => {
        event.preventDefault();
        this.#close();
      }}>
      <header class="profile-head">
        <h2 id="editor-title" class="profile-name">${t.t('editor.title')}</h2>
      </header>
      ${this.#open ? body : nothing}
    </dialog>
    ${this.#mail?.render() ?? nothing}`;
  }
}
