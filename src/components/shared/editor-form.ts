/**
 * What the widgets' editors share (the profile editor, the event editor): adopting a lazily loaded
 * chunk's sheet into the widget's shadow root, and the form's look. A shared chunk of its own, loaded
 * only with those editors, so no reader's first view carries it.
 */
import { css } from 'lit';

/** Adds `sheet` to `root` once: editors arrive after the widget rendered, with styles of their own. */
export function adoptSheet(root: ShadowRoot, sheet: CSSStyleSheet | undefined): void {
  if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

/** An editor's form inside a `<dialog class="editor">`: labelled fields, fieldsets, errors beside fields. */
export const editorFormStyles = css`
  .editor {
    inline-size: min(44rem, 100vw - 2rem);
  }
  .editor form {
    display: grid;
    gap: var(--_space-s);
  }
  .editor fieldset {
    display: grid;
    gap: var(--_space-s);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-s) var(--_space-m);
  }
  .editor label {
    display: grid;
    gap: 2px;
  }
  .editor input:not([type='checkbox']):not([type='radio']),
  .editor select,
  .editor textarea {
    font: inherit;
    padding: var(--_space-xs);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
  }
  .editor .row {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    align-items: end;
  }
  .editor .row > label {
    flex: 1 1 10rem;
  }
  .editor .check {
    display: flex;
    gap: var(--_space-s);
    align-items: center;
  }
  .editor .field-error {
    color: var(--_danger);
    font-size: var(--_font-size-s);
  }
  .editor .actions {
    display: flex;
    gap: var(--_space-s);
    justify-content: end;
  }
`;
