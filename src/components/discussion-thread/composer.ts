/**
 * The composer's state and template: Markdown text, its language, the post it answers (or edits), and
 * the preview. Every keystroke is saved to the thread's draft, so nothing typed is lost to a reload, a
 * crash or a sign-in round trip. The preview escapes and shows the text as written: the real rendering
 * is the server's, and keeping a Markdown parser out of the bundle keeps the first render small.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { LocalizeController } from '../../controllers/localize-controller.js';
import { DraftStore } from './draft-store.js';
import type { AuthoringMessages } from './messages/authoring-en.js';
import type { Post } from './types.js';

/** The server accepts 20,000; the counter appears when the end is near. */
export const MAX_LENGTH = 20_000;
const COUNTER_FROM = 500;
const POST_LANGUAGES = ['en', 'fr', 'es', 'ar'];

export interface Submission {
  body: string;
  language: string;
  replyTo?: { id: string; author: string };
  editing?: Post;
}

export interface ComposerRenderOptions {
  onSubmit: (submission: Submission) => void;
  /** Why the composer cannot send right now (e.g. an edit is being saved). */
  busy: boolean;
}

/** Holds the composer's state for its host element; the host renders `render()` where the form goes. */
export class ComposerController {
  body = '';
  language = '';
  replyTo: { id: string; author: string } | undefined;
  editing: Post | undefined;
  preview = false;
  /** Set when a saved draft was put back, to say so once. */
  restored = false;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #t: LocalizeController<AuthoringMessages>;
  readonly #drafts: DraftStore;
  #draftKey: string | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, t: LocalizeController<AuthoringMessages>, drafts = new DraftStore()) {
    this.#host = host;
    this.#t = t;
    this.#drafts = drafts;
  }

  /** Switches to another thread's draft (called when the thread key resolves or changes). */
  useDraft(key: string): void {
    if (key === this.#draftKey) return;
    this.#draftKey = key;
    this.editing = undefined;
    this.restored = this.#loadDraft();
    this.#host.requestUpdate();
  }

  /** The draft's key moves with the thread: the first post turns a page key into a thread. */
  get draftKey(): string | undefined {
    return this.#draftKey;
  }

  startReply(post: Post): void {
    this.editing = undefined;
    this.replyTo = { id: post.id, author: post.author.name };
    this.#save();
    this.#focusInput();
  }

  startEdit(post: Post): void {
    this.editing = post;
    this.replyTo = undefined;
    this.body = post.bodyMd;
    this.language = post.language;
    this.preview = false;
    this.#focusInput();
  }

  /**
   * After a successful send or save. A new post's text is now in the outbox, so its draft goes; after
   * an edit, the draft that was set aside while editing comes back.
   */
  reset(): void {
    if (this.editing) {
      this.editing = undefined;
      this.#loadDraft();
    } else {
      if (this.#draftKey) this.#drafts.clear(this.#draftKey);
      this.body = '';
      this.replyTo = undefined;
    }
    this.preview = false;
    this.restored = false;
    this.#host.requestUpdate();
  }

  /** The cancel button: leaves an edit (restoring the draft) or stops replying (keeping the text). */
  cancel(): void {
    if (this.editing) {
      this.reset();
      return;
    }
    this.replyTo = undefined;
    this.#save();
  }

  /** Puts text back (a rejected post the user wants to edit). */
  fill(body: string, language: string): void {
    this.editing = undefined;
    this.body = body;
    this.language = language;
    this.#save();
    this.#focusInput();
  }

  render({ onSubmit, busy }: ComposerRenderOptions): TemplateResult {
    const t = this.#t;
    const language = this.language || t.language;
    // Code points, as the server counts them: an emoji is one character, not two UTF-16 units.
    const remaining = MAX_LENGTH - Array.from(this.body).length;
    const isEmpty = this.body.trim() === '';
    const submit = () => {
      if (isEmpty || remaining < 0 || busy) return;
      onSubmit({
        body: this.body,
        language,
        ...(this.replyTo ? { replyTo: this.replyTo } : {}),
        ...(this.editing ? { editing: this.editing } : {}),
      });
    };
    const label = this.replyTo ? t.t('thread.composer.replyLabel', { name: this.replyTo.author }) : t.t('thread.composer.label');
    return html`<form part="composer" class="composer" @submit=${(event: Event) => {
      event.preventDefault();
      submit();
    }}>
      <label for="composer-input" class="composer-label">${label}</label>
      ${this.restored ? html`<p class="hint" role="status">${t.t('thread.composer.draftRestored')}</p>` : nothing}
      <div class="composer-tabs">
        <button type="button" part="tab" class="tab" aria-pressed=${String(!this.preview)} @click=${() => this.#setPreview(false)}>
          ${t.t('thread.composer.write')}
        </button>
        <button type="button" part="tab" class="tab" aria-pressed=${String(this.preview)} @click=${() => this.#setPreview(true)}>
          ${t.t('thread.composer.preview')}
        </button>
      </div>
      <textarea
        id="composer-input"
        part="composer-input"
        rows="4"
        dir="auto"
        lang=${language}
        ?hidden=${this.preview}
        aria-describedby="composer-hint composer-counter"
        aria-invalid=${remaining < 0 ? 'true' : 'false'}
        .value=${this.body}
        @input=${(event: InputEvent) => this.#input((event.target as HTMLTextAreaElement).value)}
        @keydown=${(event: KeyboardEvent) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            submit();
          }
        }}
      ></textarea>
      ${this.preview ? this.#renderPreview(language) : nothing}
      <p id="composer-hint" class="hint">${t.t('thread.composer.hint')}</p>
      <p id="composer-counter" class="hint ${remaining < 0 ? 'over' : ''}" aria-live=${remaining <= COUNTER_FROM ? 'polite' : 'off'}>
        ${
          remaining <= COUNTER_FROM
            ? remaining < 0
              ? t.t('thread.composer.over', { count: -remaining })
              : t.t('thread.composer.remaining', { count: remaining })
            : nothing
        }
      </p>
      <div class="composer-actions">
        <label class="language">
          ${t.t('thread.composer.language')}
          <select part="language-select" @change=${(event: Event) => this.#setLanguage((event.target as HTMLSelectElement).value)}>
            ${this.#languages(language).map(
              (code) => html`<option value=${code} lang=${code} ?selected=${code === language}>${autonym(code)}</option>`,
            )}
          </select>
        </label>
        ${
          this.replyTo || this.editing
            ? html`<button type="button" part="cancel-button" class="secondary" @click=${() => this.cancel()}>
              ${this.replyTo ? t.t('thread.composer.cancelReply') : t.t('thread.composer.cancel')}
            </button>`
            : nothing
        }
        <button part="send-button" class="grove-button" ?disabled=${isEmpty || remaining < 0 || busy}>
          ${this.editing ? t.t('thread.composer.save') : t.t('thread.composer.send')}
        </button>
      </div>
    </form>`;
  }

  #renderPreview(language: string): TemplateResult {
    const paragraphs = this.body.split(/\n{2,}/).filter((paragraph) => paragraph.trim() !== '');
    return html`<div part="preview" class="preview" lang=${language} dir="auto" tabindex="0" aria-label=${this.#t.t('thread.composer.preview')}>
      ${paragraphs.length === 0 ? html`<p>${this.#t.t('thread.composer.previewEmpty')}</p>` : paragraphs.map((text) => html`<p>${text}</p>`)}
    </div>`;
  }

  /** Puts this thread's saved draft in the composer; true when there was one. */
  #loadDraft(): boolean {
    const draft = this.#draftKey ? this.#drafts.load(this.#draftKey) : undefined;
    this.body = draft?.body ?? '';
    this.language = draft?.language ?? '';
    this.replyTo = draft?.replyTo ? { id: draft.replyTo, author: draft.replyToAuthor ?? '' } : undefined;
    return draft !== undefined;
  }

  #languages(current: string): string[] {
    return POST_LANGUAGES.includes(current) ? POST_LANGUAGES : [...POST_LANGUAGES, current];
  }

  #input(value: string): void {
    this.body = value;
    this.restored = false;
    this.#save();
  }

  #setLanguage(value: string): void {
    this.language = value;
    this.#save();
  }

  #setPreview(preview: boolean): void {
    this.preview = preview;
    this.#host.requestUpdate();
    if (!preview) this.#focusInput();
  }

  #save(): void {
    // Edits of a published post are not drafts: the post itself still holds the text.
    if (this.#draftKey && !this.editing) {
      this.#drafts.save(this.#draftKey, {
        body: this.body,
        language: this.language || this.#t.language,
        ...(this.replyTo ? { replyTo: this.replyTo.id, replyToAuthor: this.replyTo.author } : {}),
      });
    }
    this.#host.requestUpdate();
  }

  #focusInput(): void {
    this.#host.requestUpdate();
    void (this.#host as unknown as { updateComplete: Promise<unknown> }).updateComplete.then(() =>
      this.#host.shadowRoot?.querySelector<HTMLTextAreaElement>('#composer-input')?.focus(),
    );
  }
}

/** A language's name in itself ("français", "العربية"), so speakers find their own. */
function autonym(code: string): string {
  try {
    return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
