import { css } from 'lit';

export const styles = css`
  :host {
    --_level-color: var(--grove-participation-badge-color, var(--_accent));
    --_chip-background: var(--grove-participation-badge-background, var(--_surface));
  }
  /* Inline beside a name; the card and the community profile are blocks. */
  :host([member]:not([member='']):not([variant='card'])) {
    display: inline-block;
    vertical-align: baseline;
  }
  p,
  ul,
  h2,
  figure {
    margin: 0;
  }
  ul {
    padding: 0;
    list-style: none;
  }
  .chip {
    display: inline-flex;
    align-items: baseline;
    gap: var(--_space-xs);
    font: inherit;
    font-size: var(--_font-size-s);
    color: var(--_text);
    background: var(--_chip-background);
    /* Tinted with the level colour, so it does not read as one more skill chip beside it. */
    border: 1px solid color-mix(in srgb, var(--_level-color) 60%, var(--_border));
    border-radius: 999px;
    padding: 0 var(--_space-s);
    min-block-size: 24px; /* WCAG 2.2 target size */
    max-inline-size: 100%;
    text-align: start; /* a label that wraps in a narrow card reads as text, not as a centred button caption */
    cursor: pointer;
  }
  .glyph {
    color: var(--_level-color);
    forced-color-adjust: auto;
  }
  .quiet,
  .muted {
    color: var(--_muted);
  }
  .chip {
    anchor-name: --grove-badge;
  }
  /* Below the badge where anchor positioning exists (else the popover's default, centred). */
  .details {
    position-anchor: --grove-badge;
    position-area: block-end span-inline-end;
    position-try-fallbacks: flip-block, flip-inline;
    margin: var(--_space-xs) 0;
    max-inline-size: min(22rem, 90vw);
    padding: var(--_space-m);
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .details-header,
  .card-header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space-xs);
    margin-block-end: var(--_space-s);
  }
  .close {
    margin-inline-start: auto;
  }
  .card {
    display: grid;
    gap: var(--_space-s);
    padding: var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .name {
    font-weight: 600;
  }
  .subheading {
    font-weight: 600;
    margin-block-start: var(--_space-s);
  }
  .contributions,
  .achievements,
  .figures,
  .legend {
    display: grid;
    gap: var(--_space-xs);
  }
  .achievement {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
    align-items: baseline;
  }
  .link {
    font: inherit;
    color: var(--_accent);
    background: none;
    border: none;
    padding: 0;
    min-block-size: 24px; /* WCAG 2.2 target size */
    text-decoration: underline;
    cursor: pointer;
  }
  .community {
    display: grid;
    gap: var(--_space-m);
  }
  .title {
    font-size: var(--_font-size-l);
  }
  .bar {
    inline-size: 100%;
    block-size: 1.5rem;
    border: 1px solid var(--_border);
  }
  /* Charts are drawn left to right; in right-to-left text the bar starts, and time runs, from the right. */
  [dir='rtl'] .bar,
  [dir='rtl'] .columns {
    transform: scaleX(-1);
  }
  .columns {
    inline-size: 100%;
    block-size: 8rem;
    border-block-end: 1px solid var(--_border);
  }
  .fill-core {
    fill: var(--_level-color);
  }
  .fill-active {
    fill: var(--_level-color);
  }
  .fill-active-bg {
    fill: var(--_surface);
  }
  rect.fill-active:not(pattern rect) {
    fill: url(#hatch);
  }
  .fill-occasional {
    fill: var(--_level-color);
    fill-opacity: 0.35;
  }
  .fill-peripheral {
    fill: var(--_surface);
  }
  .table {
    border-collapse: collapse;
    margin-block-start: var(--_space-s);
  }
  .table th,
  .table td {
    padding: var(--_space-xs) var(--_space-s);
    border-block-end: 1px solid var(--_border);
    text-align: start;
  }
  .table td {
    font-variant-numeric: tabular-nums;
    text-align: end;
  }
  summary {
    cursor: pointer;
  }
  @media (forced-colors: active) {
    .fill-core,
    .fill-active,
    .fill-occasional {
      fill: CanvasText;
    }
    .fill-peripheral,
    .fill-active-bg {
      fill: Canvas;
    }
  }
`;
