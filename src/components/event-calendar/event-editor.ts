/**
 * The facilitators' tools in the calendar: "New event", and in an event's details Edit / Cancel (for a
 * series also "Edit this occurrence" / "Cancel this occurrence"), with the editor dialog. Its own chunk,
 * imported only once the signed-in viewer is known to facilitate the calendar's community
 * (docs/decisions/0145-event-editor.md).
 *
 * Focus follows the dialog pattern of the details dialog and the profile editor: the editor opens on
 * the title, Tab stays inside (showModal), Escape or Close returns focus to the button that opened it;
 * a refused save moves focus to the first field the server named, with the reason beside it. A 412
 * (someone else saved meanwhile) keeps the facilitator's edits and takes the newer version as the base;
 * any other failure keeps the text too. Results are announced in the tools' live region.
 */
import { css, html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { newIdempotencyKey, type GroveClient } from '../../api/client.js';
import { GroveApiError } from '../../api/problem.js';
import type { LoadController } from '../../controllers/load-controller.js';
import { LocalizeController, type LanguageSource } from '../../controllers/localize-controller.js';
import { intl } from '../../i18n/format-message.js';
import { errorMessageKey } from '../../render/states.js';
import { adoptSheet, editorFormStyles } from '../shared/editor-form.js';
import { cancelEvent, createEvent, editOccurrence, fetchEvent, updateEvent } from './editor-api.js';
import en, { type EventEditorMessages } from './editor-messages/en.js';
import { bodyOf, changesOf, controlOf, draftOf, type EventDraft, newDraft, ORDINALS, repeatDefaults, WEEKDAYS } from './event-draft.js';
import type { CalendarMessages } from './messages/en.js';
import type { EventOccurrence } from './types.js';

const messages = {
  en,
  load: {
    fr: () => import('./editor-messages/fr.js'),
    es: () => import('./editor-messages/es.js'),
    ar: () => import('./editor-messages/ar.js'),
  },
};

const KINDS = ['meeting', 'webinar', 'workshop', 'learning-event', 'other'] as const;
const MODES = ['online', 'in-person', 'hybrid'] as const;
const REPEATS = ['none', 'weekly', 'monthly-date', 'monthly-weekday'] as const;
const ENDS = ['never', 'until', 'count'] as const;

export interface EventEditorHooks {
  client(): GroveClient | undefined;
  /** The community the viewer facilitates: where new events go, and whose events they may change. */
  community(): string;
  /** The zone the calendar shows times in, for the dates in messages. */
  zone(): string;
  /** The calendar's zone check (./date-grid.ts), passed in so that module stays in the first view's chunk alone. */
  isTimeZone(zone: string): boolean;
  /** The calendar's shadow root, for this chunk's sheet and dialog. */
  root(): ShadowRoot;
  /** The calendar's own words (kinds, formats, "Close"). */
  calendar: LocalizeController<CalendarMessages>;
  load: LoadController;
  /** Something was written: reload the calendar and close the details. */
  changed(): void;
}

type Editing = { kind: 'new' } | { kind: 'event'; event: EventOccurrence } | { kind: 'occurrence'; event: EventOccurrence };

const styles = css`
  .event-tools {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    align-items: center;
    margin-block-end: var(--_space-s);
  }
  .event-actions,
  .confirm-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
  }
  .confirm {
    border-inline-start: 3px solid var(--_danger);
    padding-inline-start: var(--_space-s);
  }
  /* Wider between days than between a box and its name, so each pair reads as one (also right to left). */
  .editor .days {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s) var(--_space-l);
  }
  .editor .days .check {
    gap: var(--_space-xs);
  }
  .editor .form-message:empty {
    display: none;
  }
  .editor .form-message {
    color: var(--_danger);
  }
  .editor .hint {
    font-size: var(--_font-size-s);
    margin: 0;
  }
`;

export class EventEditor {
  readonly t: LocalizeController<EventEditorMessages>;
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #hooks: EventEditorHooks;
  #editing: Editing | undefined;
  #opener: HTMLElement | undefined;
  #base: EventDraft | undefined;
  #draft: EventDraft | undefined;
  /** The version edited: If-Match of the PATCH. */
  #sequence = 0;
  /** One key per draft, so a retried create or occurrence edit is written once. */
  #key = '';
  #saving = false;
  #message = '';
  /** Translated message per control (`title`, `start`, `rrule`), from the server's field errors. */
  #errors = new Map<string, string>();
  /** The cancellation awaiting confirmation: the event's key and, for one occurrence, its start. */
  #confirm: { key: string; occurrence: string | undefined; error: string } | undefined;
  #cancelling = false;
  /** The outcome of the last write, announced politely. */
  #status = '';

  constructor(host: ReactiveControllerHost & HTMLElement, language: LanguageSource, hooks: EventEditorHooks) {
    this.#host = host;
    this.#hooks = hooks;
    this.t = new LocalizeController(host, language, messages);
    adoptSheet(hooks.root(), editorFormStyles.styleSheet);
    adoptSheet(hooks.root(), styles.styleSheet);
  }

  get #dialog(): HTMLDialogElement | null {
    return this.#hooks.root().querySelector('dialog.event-editor');
  }

  /** The viewer may change this event: one of their community's, not already cancelled. */
  #canChange(item: EventOccurrence): boolean {
    return item.community === this.#hooks.community() && !item.cancelled;
  }

  #when(instant: string): string {
    return intl(Intl.DateTimeFormat, this.t.locale, { dateStyle: 'full', timeStyle: 'short', timeZone: this.#hooks.zone() }).format(
      new Date(instant),
    );
  }

  /** Opens the editor; `opener` gets focus back on closing. */
  open(editing: Editing, opener: HTMLElement): void {
    this.#editing = editing;
    this.#opener = opener;
    this.#draft =
      editing.kind === 'new'
        ? newDraft(Intl.DateTimeFormat().resolvedOptions().timeZone)
        : draftOf(editing.event, editing.kind === 'occurrence');
    this.#base = { ...this.#draft, days: [...this.#draft.days] };
    this.#sequence = editing.kind === 'new' ? 0 : editing.event.sequence;
    this.#key = newIdempotencyKey();
    this.#errors.clear();
    this.#message = '';
    this.#status = '';
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => {
      const dialog = this.#dialog;
      if (dialog && !dialog.open) dialog.showModal();
      this.#focus('title');
    });
  }

  #close = (): void => {
    if (!this.#editing) return;
    this.#editing = undefined;
    this.#dialog?.close();
    this.#host.requestUpdate();
    this.#opener?.focus();
  };

  /** The title on opening; after a refusal the first field named, else the message that says why. */
  #focus(on: 'title' | 'outcome'): void {
    const dialog = this.#dialog;
    const target =
      on === 'title' ? dialog?.querySelector<HTMLElement>('[name="title"]') : dialog?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (target ?? dialog?.querySelector<HTMLElement>('.form-message'))?.focus();
  }

  /** One handler for every control: its `name` is the draft's field; the weekday boxes are `day`. */
  #input = (event: Event): void => {
    const control = event.target as HTMLInputElement;
    const draft = this.#draft;
    if (!draft || !control.name) return;
    if (control.name === 'day') {
      const day = control.value as EventDraft['weekday'];
      draft.days = control.checked ? [...draft.days, day] : draft.days.filter((d) => d !== day);
    } else {
      (draft as unknown as Record<string, unknown>)[control.name] = control.value;
    }
    // Until the facilitator picks a repeat, its days follow the start ("every Tuesday" for a Tuesday).
    if (control.name === 'start' && draft.repeat === 'none') Object.assign(draft, repeatDefaults(draft.start));
    this.#host.requestUpdate();
  };

  #submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const client = this.#hooks.client();
    const editing = this.#editing;
    const draft = this.#draft;
    if (!client || !editing || !draft || !this.#base || this.#saving) return;
    this.#errors.clear();
    // Checked here too so a typo in the zone is named before anything is sent.
    if (!this.#hooks.isTimeZone(draft.timeZone.trim())) return this.#failed(fieldError('timeZone'));
    if (!draft.title.trim()) return this.#failed(fieldError('title'));
    const changes = changesOf(this.#base, draft);
    if (editing.kind !== 'new' && Object.keys(changes).length === 0) {
      this.#close();
      return;
    }
    this.#saving = true;
    this.#message = '';
    this.#host.requestUpdate();
    try {
      const community = this.#hooks.community();
      const saved =
        editing.kind === 'new'
          ? await createEvent(client, community, bodyOf(draft), this.#key)
          : editing.kind === 'occurrence'
            ? await editOccurrence(client, editing.event.id, editing.event.start, withoutRule(changes), this.#key)
            : await updateEvent(client, editing.event.id, this.#sequence, changes);
      this.#saving = false;
      this.#close();
      this.#done(this.t.t(editing.kind === 'new' ? 'tools.created' : 'tools.saved', { title: saved.title }));
    } catch (error) {
      this.#saving = false;
      await this.#failed(error);
    }
  };

  async #failed(error: unknown): Promise<void> {
    const t = this.t;
    const editing = this.#editing;
    // The server keeps its answer under the key, refusals included: a corrected draft needs a new key. Only
    // when the outcome is unknown (offline, timeout, 5xx) does the retry reuse it, so it is written once.
    if (error instanceof GroveApiError && ANSWERED.has(error.kind)) this.#key = newIdempotencyKey();
    if (error instanceof GroveApiError && error.kind === 'invalid' && error.fieldErrors.length) {
      for (const { field } of error.fieldErrors) {
        const control = controlOf(field);
        const key = `editor.error.${control}`;
        this.#errors.set(control, t.t(key in en ? (key as keyof EventEditorMessages) : 'editor.error.other'));
      }
      this.#message = t.t('editor.invalid');
    } else if (error instanceof GroveApiError && error.kind === 'conflict' && editing?.kind === 'event') {
      this.#message = t.t('editor.conflict');
      // The newer version becomes the base: saving again applies the facilitator's changes over it.
      const client = this.#hooks.client();
      const fresh = client ? await fetchEvent(client, editing.event.id).catch(() => undefined) : undefined;
      if (fresh) {
        this.#sequence = fresh.sequence;
        this.#base = draftOf(fresh);
      }
    } else {
      this.#message = t.t('editor.failed', { reason: this.#hooks.calendar.t(errorMessageKey(error)) });
      this.#hooks.load.fail(error);
    }
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#focus('outcome');
  }

  #done(status: string): void {
    this.#status = status;
    this.#confirm = undefined;
    this.#hooks.changed();
    this.#host.requestUpdate();
  }

  #askCancel(item: EventOccurrence, occurrence: string | undefined): void {
    this.#confirm = { key: `${item.id}/${item.start}`, occurrence, error: '' };
    this.#host.requestUpdate();
    // The safe answer takes focus, as in an alert dialog: Enter by mistake keeps the event.
    void this.#host.updateComplete.then(() => this.#hooks.root().querySelector<HTMLElement>('.keep-button')?.focus());
  }

  #keep = (): void => {
    this.#confirm = undefined;
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => this.#hooks.root().querySelector<HTMLElement>('.cancel-event-button')?.focus());
  };

  async #cancel(item: EventOccurrence): Promise<void> {
    const client = this.#hooks.client();
    const confirm = this.#confirm;
    if (!client || !confirm || this.#cancelling) return;
    this.#cancelling = true;
    this.#host.requestUpdate();
    try {
      await cancelEvent(client, item.id, confirm.occurrence);
      this.#done(
        confirm.occurrence
          ? this.t.t('tools.occurrenceCancelled', { date: this.#when(confirm.occurrence) })
          : this.t.t('tools.cancelled', { title: item.title }),
      );
    } catch (error) {
      confirm.error = this.#hooks.calendar.t(errorMessageKey(error));
      this.#hooks.load.fail(error);
    } finally {
      this.#cancelling = false;
      this.#host.requestUpdate();
    }
  }

  /** "New event" and the live region that announces what was written. */
  renderToolbar(): TemplateResult {
    return html`<div class="event-tools" role="group" aria-label=${this.t.t('tools.label')}>
      <button type="button" part="new-event-button" class="grove-button" aria-haspopup="dialog"
        @click=${(event: Event) => this.open({ kind: 'new' }, event.currentTarget as HTMLElement)}>${this.t.t('tools.new')}</button>
      <span part="editor-status" class="muted" role="status">${this.#status}</span>
    </div>`;
  }

  /** Edit and Cancel in an event's details, with the confirmation of a cancellation. */
  renderActions(item: EventOccurrence): TemplateResult | typeof nothing {
    if (!this.#canChange(item)) return nothing;
    const t = this.t;
    const series = item.rrule !== null;
    const confirm = this.#confirm?.key === `${item.id}/${item.start}` ? this.#confirm : undefined;
    const edit = (kind: 'event' | 'occurrence') => (event: Event) => this.open({ kind, event: item }, event.currentTarget as HTMLElement);
    if (confirm) {
      const question = confirm.occurrence
        ? t.t('tools.confirmCancelOccurrence', { date: this.#when(confirm.occurrence) })
        : t.t('tools.confirmCancel', { title: item.title });
      return html`<div part="confirm" class="confirm" role="group" aria-labelledby="confirm-question">
        <p id="confirm-question">${question}</p>
        <div class="confirm-actions">
          <button type="button" part="confirm-button" class="grove-button" ?disabled=${this.#cancelling} @click=${() => void this.#cancel(item)}>
            ${t.t(this.#cancelling ? 'tools.cancelling' : 'tools.confirm')}</button>
          <button type="button" part="keep-button" class="grove-button keep-button" @click=${this.#keep}>${t.t('tools.keep')}</button>
        </div>
        ${confirm.error ? html`<p part="error" class="grove-error" role="alert">${confirm.error}</p>` : nothing}
      </div>`;
    }
    return html`<div part="event-actions" class="event-actions" role="group" aria-label=${t.t('tools.label')}>
      <button type="button" part="edit-event-button" class="grove-button" aria-haspopup="dialog" @click=${edit('event')}>
        ${t.t(series ? 'tools.editSeries' : 'tools.edit')}</button>
      ${
        series
          ? html`<button type="button" part="edit-occurrence-button" class="grove-button" aria-haspopup="dialog" @click=${edit('occurrence')}>
        ${t.t('tools.editOccurrence')}</button>`
          : nothing
      }
      <button type="button" part="cancel-event-button" class="grove-button cancel-event-button" @click=${() => this.#askCancel(item, undefined)}>${t.t('tools.cancel')}</button>
      ${
        series
          ? html`<button type="button" part="cancel-occurrence-button" class="grove-button" @click=${() => this.#askCancel(item, item.start)}>
        ${t.t('tools.cancelOccurrence')}</button>`
          : nothing
      }
    </div>`;
  }

  /** Attributes tying a control to its error, and the error beside it, if the server named it. */
  #invalid(control: string) {
    return this.#errors.has(control) ? 'true' : nothing;
  }

  #describedBy(control: string, help?: string) {
    const ids = [this.#errors.has(control) ? `error-${control}` : '', help ?? ''].filter(Boolean).join(' ');
    return ids || nothing;
  }

  #error(control: string): TemplateResult | typeof nothing {
    const message = this.#errors.get(control);
    return message ? html`<span class="field-error" id=${`error-${control}`}>${message}</span>` : nothing;
  }

  #field(
    name: 'title' | 'start' | 'end' | 'timeZone' | 'joinUrl' | 'location' | 'capacity',
    label: keyof EventEditorMessages,
    type = 'text',
    help?: string,
  ) {
    const draft = this.#draft;
    return html`<label>
      <span>${this.t.t(label)}</span>
      <input name=${name} type=${type} dir=${type === 'text' ? 'auto' : nothing} autocomplete="off" .value=${draft?.[name] ?? ''}
        list=${name === 'timeZone' ? 'event-zones' : nothing} min=${type === 'number' ? '1' : nothing} ?required=${name === 'title'}
        aria-invalid=${this.#invalid(name)} aria-describedby=${this.#describedBy(name, help)} />
      ${this.#error(name)}
    </label>`;
  }

  #select(name: keyof EventDraft, label: string, value: string, options: readonly string[], text: (option: string) => string) {
    return html`<label>
      <span>${label}</span>
      <select name=${name} .value=${value} aria-invalid=${this.#invalid(name)} aria-describedby=${this.#describedBy(name)}>
        ${options.map((option) => html`<option value=${option} ?selected=${option === value}>${text(option)}</option>`)}
      </select>
    </label>`;
  }

  #renderRepeat(draft: EventDraft): TemplateResult {
    const t = this.t;
    const tt = (key: string, params?: Record<string, string | number>) => t.t(key as keyof EventEditorMessages, params);
    const day = Number(draft.start.slice(8, 10)) || 1;
    const repeats = draft.repeat === 'custom' || this.#base?.repeat === 'custom' ? [...REPEATS, 'custom'] : REPEATS;
    // Monday 1 January 2024 onwards: the weekdays' names in the viewer's language.
    const weekdayName = (code: string) =>
      intl(Intl.DateTimeFormat, t.locale, { weekday: 'long', timeZone: 'UTC' }).format(
        Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(code as EventDraft['weekday'])),
      );
    return html`<fieldset aria-describedby=${this.#describedBy('rrule')}>
      <legend>${t.t('editor.repeat')}</legend>
      ${this.#select('repeat', t.t('editor.repeat'), draft.repeat, repeats, (option) => tt(`editor.repeat.${option}`, { day, rule: draft.customRule }))}
      ${
        draft.repeat === 'weekly'
          ? html`<fieldset class="days">
        <legend>${t.t('editor.days')}</legend>
        ${WEEKDAYS.map(
          (code) => html`<label class="check">
          <input type="checkbox" name="day" value=${code} .checked=${draft.days.includes(code)} /><span>${weekdayName(code)}</span>
        </label>`,
        )}
      </fieldset>`
          : nothing
      }
      ${
        draft.repeat === 'monthly-weekday'
          ? html`<div class="row">
        ${this.#select('ordinal', t.t('editor.ordinal'), draft.ordinal, ORDINALS, (option) => tt(`editor.ordinal.${option}`))}
        ${this.#select('weekday', t.t('editor.weekday'), draft.weekday, WEEKDAYS, weekdayName)}
      </div>`
          : nothing
      }
      ${
        draft.repeat !== 'none' && draft.repeat !== 'custom'
          ? html`<div class="row">
        ${this.#select('ends', t.t('editor.ends'), draft.ends, ENDS, (option) => tt(`editor.ends.${option}`))}
        ${
          draft.ends === 'until'
            ? html`<label><span>${t.t('editor.until')}</span>
          <input name="until" type="date" .value=${draft.until} aria-invalid=${this.#invalid('rrule')} /></label>`
            : nothing
        }
        ${
          draft.ends === 'count'
            ? html`<label><span>${t.t('editor.count')}</span>
          <input name="count" type="number" min="1" max="1000" .value=${draft.count} aria-invalid=${this.#invalid('rrule')} /></label>`
            : nothing
        }
      </div>`
          : nothing
      }
      ${this.#error('rrule')}
    </fieldset>`;
  }

  #renderForm(draft: EventDraft, editing: Editing): TemplateResult {
    const t = this.t;
    const calendar = this.#hooks.calendar;
    const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    // An occurrence on its own, or one already taken out of a series, cannot repeat.
    const repeats = editing.kind === 'new' || (editing.kind === 'event' && editing.event.seriesId === null);
    return html`<form novalidate aria-busy=${this.#saving ? 'true' : 'false'} @input=${this.#input} @change=${this.#input} @submit=${this.#submit}>
      <p part="form-message" class="form-message" role="alert" tabindex="-1">${this.#message}</p>
      ${this.#field('title', 'editor.title')}
      ${this.#select('kind', t.t('editor.kind'), draft.kind, KINDS, (kind) => calendar.t(`calendar.kind.${kind}` as keyof CalendarMessages))}
      <label>
        <span>${t.t('editor.description')}</span>
        <textarea name="description" rows="4" dir="auto" .value=${draft.description}
          aria-invalid=${this.#invalid('description')} aria-describedby=${this.#describedBy('description')}></textarea>
        ${this.#error('description')}
      </label>
      <fieldset>
        <legend>${t.t('editor.when')}</legend>
        <div class="row">${this.#field('start', 'editor.start', 'datetime-local')} ${this.#field('end', 'editor.end', 'datetime-local')}</div>
        ${this.#field('timeZone', 'editor.timeZone')}
        <datalist id="event-zones">${zones.map((zone) => html`<option value=${zone}></option>`)}</datalist>
      </fieldset>
      <fieldset>
        <legend>${t.t('editor.where')}</legend>
        ${this.#select('mode', t.t('editor.mode'), draft.mode, MODES, (mode) => calendar.t(`calendar.mode.${mode}` as keyof CalendarMessages))}
        ${draft.mode === 'in-person' ? nothing : this.#field('joinUrl', 'editor.joinUrl', 'url')}
        ${draft.mode === 'online' ? nothing : this.#field('location', 'editor.location')}
        ${this.#field('capacity', 'editor.capacity', 'number', 'capacity-help')}
        <p id="capacity-help" class="hint muted">${t.t('editor.capacityHelp')}</p>
      </fieldset>
      ${repeats ? this.#renderRepeat(draft) : nothing}
      <div class="actions">
        <button type="button" part="close-editor-button" class="grove-button" @click=${this.#close}>${t.t('editor.close')}</button>
        <button type="submit" part="save-button" class="grove-button" ?disabled=${this.#saving}>
          ${t.t(this.#saving ? 'editor.saving' : editing.kind === 'new' ? 'editor.create' : 'editor.save')}</button>
      </div>
    </form>`;
  }

  /** The editor dialog (empty while closed). */
  render(): TemplateResult {
    const t = this.t;
    const editing = this.#editing;
    const title = !editing
      ? ''
      : editing.kind === 'new'
        ? t.t('editor.new')
        : editing.kind === 'occurrence'
          ? t.t('editor.editOccurrence', { date: this.#when(editing.event.start) })
          : t.t('editor.edit');
    return html`<dialog part="editor" class="details editor event-editor" aria-labelledby="editor-title" dir=${t.dir} lang=${t.language}
      @cancel=${(event: Event) => {
        event.preventDefault();
        this.#close();
      }}>
      <header class="dialog-header"><h2 id="editor-title">${title}</h2></header>
      ${editing && this.#draft ? this.#renderForm(this.#draft, editing) : nothing}
    </dialog>`;
  }
}

/** Failures the server decided (and stored under the Idempotency-Key), as opposed to lost answers. */
const ANSWERED = new Set(['invalid', 'conflict', 'forbidden', 'not-found', 'unauthorized', 'rate-limited']);

/** A refusal found before sending, shaped as the server's, so both show the same way. */
const fieldError = (field: string) => new GroveApiError('invalid', 422, { errors: [{ field: `body.${field}`, message: '' }] });

/** An occurrence edit cannot carry a rule (the contract leaves it out). */
function withoutRule<T extends { rrule?: unknown }>(changes: T): Omit<T, 'rrule'> {
  const { rrule: _rule, ...rest } = changes;
  return rest;
}
