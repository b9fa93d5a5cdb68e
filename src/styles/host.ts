import { css } from 'lit';
import { tokens } from './tokens.js';

/**
 * What every widget's `static styles` starts with: `[tokens, hostStyles, css\`…own…\`]`.
 * The widget inherits the page's font and colour scheme unless `theme` says otherwise.
 */
export const hostStyles = [
  tokens,
  css`
    :host {
      display: block;
      font: inherit;
      color: var(--_text);
    }
    :host([hidden]) {
      display: none;
    }
    :host([data-grove-theme='auto']) {
      color-scheme: light dark;
    }
    :host([data-grove-theme='light']) {
      color-scheme: light;
    }
    :host([data-grove-theme='dark']) {
      color-scheme: dark;
    }
    :focus-visible {
      outline: var(--_focus-ring);
      outline-offset: 2px;
    }
    .grove-state {
      padding: var(--_space-m);
      color: var(--_muted);
    }
    /* Hidden, and out of the accessibility tree, until the load has taken 6 s (renderLoading). */
    .grove-slow {
      visibility: hidden;
      animation: grove-slow 0s 6s forwards;
    }
    @keyframes grove-slow {
      to {
        visibility: visible;
      }
    }
    .grove-error {
      color: var(--_text);
      border-inline-start: 4px solid var(--_danger);
    }
    /* Read by screen readers, not shown: live status lines, table captions, labels the layout implies. */
    .visually-hidden {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .grove-button {
      font: inherit;
      color: var(--_on-accent);
      background: var(--_accent);
      border: 1px solid transparent;
      border-radius: var(--_radius);
      padding: var(--_space-xs) var(--_space-m);
      min-block-size: 24px; /* WCAG 2.2 target size */
      cursor: pointer;
    }
  `,
];
