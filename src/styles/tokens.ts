import { css, unsafeCSS } from 'lit';

/**
 * The public design tokens (documented in docs/theming.md). A page themes every widget by setting
 * `--grove-*` on any ancestor; components read them with these values as fallbacks through the private
 * `--_` copies below, so an unset token never yields an invalid value.
 *
 * Colours use `light-dark()` (Baseline widely available): which side applies follows the inherited
 * `color-scheme` (set by `theme="light|dark|auto"`). No plain-colour fallback is declared before each
 * one: a custom property accepts any value, so the later declaration always won and a browser without
 * `light-dark()` got an invalid value anyway (docs/decisions/0014-colour-tokens-without-fallbacks.md).
 */
/** The colour tokens and their defaults: `--grove-color-<name>` sets `--_<name>`. */
const COLOURS = {
  accent: 'light-dark(#1f6f50, #7fd1ae)',
  'on-accent': 'light-dark(#ffffff, #0c2a1e)',
  text: 'light-dark(#1b1f1d, #e8ece9)',
  surface: 'light-dark(#ffffff, #161a18)',
  border: 'light-dark(#c9d1cc, #3c4641)',
  muted: 'light-dark(#52605a, #a7b3ad)',
  danger: 'light-dark(#b3261e, #ffb4ab)',
};

/**
 * Registers the private colour copies as `<color>` (docs/decisions/0014-colour-tokens-without-fallbacks.md):
 * a host's invalid value (`--grove-color-accent: #1f6f5`) then makes `--_accent` fall back to its default
 * instead of leaving every control that uses it transparent. Once per page; a second copy of Grove, or
 * a browser that refuses the registration, keeps the unregistered behaviour.
 */
let registered = false;
export function registerColourTokens(): void {
  if (registered) return;
  registered = true;
  for (const [name, initialValue] of Object.entries(COLOURS)) {
    try {
      CSS.registerProperty({ name: `--_${name}`, syntax: '<color>', inherits: true, initialValue });
    } catch {
      // Registered already, or not supported: nothing to do.
    }
  }
}

export const tokens = css`
  :host {
    ${unsafeCSS(
      Object.entries(COLOURS)
        .map(([name, value]) => `--_${name}:var(--grove-color-${name},${value});`)
        .join(''),
    )}
    --_radius: var(--grove-radius, 0.5rem);
    --_space-xs: var(--grove-space-xs, 0.25rem);
    --_space-s: var(--grove-space-s, 0.5rem);
    --_space-m: var(--grove-space-m, 1rem);
    --_space-l: var(--grove-space-l, 1.5rem);
    --_font-size-s: var(--grove-font-size-s, 0.875em);
    --_font-size-m: var(--grove-font-size-m, 1em);
    --_font-size-l: var(--grove-font-size-l, 1.25em);
    --_focus-ring: var(--grove-focus-ring, 2px solid var(--_accent));
    --_motion-duration: var(--grove-motion-duration, 150ms);
  }

  @media (prefers-reduced-motion: reduce) {
    :host {
      --_motion-duration: 0ms;
    }
  }

  /* Forced colours (Windows High Contrast): system colours, whatever the page's tokens say. */
  @media (forced-colors: active) {
    :host {
      --_accent: LinkText;
      --_on-accent: Canvas;
      --_text: CanvasText;
      --_surface: Canvas;
      --_border: CanvasText;
      --_muted: GrayText;
      --_danger: CanvasText;
      --_focus-ring: 2px solid Highlight;
    }
  }
`;
