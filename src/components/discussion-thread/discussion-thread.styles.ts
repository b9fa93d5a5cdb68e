import { css } from 'lit';

export const styles = css`
  :host {
    --_indent: var(--grove-discussion-thread-indent, 1.5rem);
    --_accepted: var(--grove-discussion-thread-accepted-color, var(--_accent));
  }
  .thread {
    display: grid;
    gap: var(--_space-m);
  }
  /* A theme chosen by configuration may differ from the page's: paint our own surface so text stays legible. */
  :host([data-grove-theme='light']) .thread,
  :host([data-grove-theme='dark']) .thread {
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: var(--_space-s);
  }
  .thread-header,
  .post-header,
  .post-footer,
  .composer-actions,
  .composer-tabs,
  .inline-form {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
  }
  .posts,
  .replies,
  .outbox {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-m);
  }
  .replies {
    margin-block-start: var(--_space-s);
    padding-inline-start: var(--_indent);
    border-inline-start: 2px solid var(--_border);
  }
  .post,
  .outbox-item {
    padding: var(--_space-s) var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .post.accepted {
    border-color: var(--_accepted);
    border-inline-start-width: 4px;
  }
  .post.hidden {
    border-style: dashed;
  }
  .author {
    font-weight: 600;
    color: inherit;
  }
  .muted,
  time,
  .hint {
    color: var(--_muted);
    font-size: var(--_font-size-s);
  }
  .hint {
    margin: 0;
  }
  .over {
    color: var(--_danger);
  }
  .tag {
    font-size: var(--_font-size-s);
    padding: 0 var(--_space-xs);
    border: 1px solid currentColor;
    border-radius: var(--_radius);
  }
  .accepted-mark {
    color: var(--_accepted);
  }
  .body {
    overflow-wrap: anywhere;
  }
  .body :is(pre, code) {
    overflow-x: auto;
  }
  .body a {
    color: var(--_accent);
  }
  .body blockquote {
    margin-inline: 0;
    padding-inline-start: var(--_space-m);
    border-inline-start: 3px solid var(--_border);
    color: var(--_muted);
  }
  .reply-to {
    margin: var(--_space-xs) 0;
  }
  button.link,
  button.secondary,
  .reaction {
    font: inherit;
    font-size: var(--_font-size-s);
    color: var(--_accent);
    background: none;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    padding: var(--_space-xs) var(--_space-s);
    min-block-size: 24px;
    cursor: pointer;
  }
  span.reaction {
    color: var(--_muted);
    cursor: default;
  }
  button.secondary,
  button.reaction {
    border-color: var(--_border);
  }
  button.link[aria-expanded='true'] {
    border-color: currentColor;
  }
  button.reaction[aria-pressed='true'],
  .tab[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .tab {
    font: inherit;
    background: none;
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-xs) var(--_space-s);
    min-block-size: 24px;
    cursor: pointer;
  }
  .grove-button:disabled,
  button:disabled,
  button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .danger {
    background: var(--_danger);
  }
  .composer {
    display: grid;
    gap: var(--_space-s);
  }
  .composer-label {
    font-weight: 600;
  }
  textarea,
  select,
  input {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-xs) var(--_space-s);
  }
  textarea {
    inline-size: 100%;
    box-sizing: border-box;
    resize: vertical;
  }
  textarea[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .preview {
    white-space: pre-wrap;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-s);
    min-block-size: 4lh;
  }
  .language {
    display: inline-flex;
    gap: var(--_space-xs);
    align-items: center;
    font-size: var(--_font-size-s);
    margin-inline-end: auto;
  }
  .more {
    justify-self: center;
  }
  .action-error {
    margin: 0;
    padding: var(--_space-s) var(--_space-m);
  }
  .reports {
    display: grid;
    gap: var(--_space-s);
    padding: var(--_space-s) var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .reports-title {
    margin: 0;
    font-weight: 600;
  }
  .report-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space-s);
  }
  .report {
    display: grid;
    gap: var(--_space-xs);
  }
  .report-list > li + li {
    padding-block-start: var(--_space-s);
    border-block-start: 1px solid var(--_border);
  }
  .report p,
  .report-body,
  .report-reasons {
    margin: 0;
  }
  .report-reasons {
    list-style: none;
    padding: 0;
    display: grid;
    gap: var(--_space-xs);
  }
  .report-body {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    padding-inline-start: var(--_space-s);
    border-inline-start: 3px solid var(--_border);
  }
  .report-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
  }
`;
