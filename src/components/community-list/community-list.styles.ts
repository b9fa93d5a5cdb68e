import { css } from 'lit';

/** Logical properties only, so Arabic mirrors without a separate stylesheet; colours from the shared tokens. */
export const styles = css`
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  li {
    padding-block: var(--_space-m);
    border-block-end: 1px solid var(--_border);
  }
  h3 {
    display: inline;
    font-size: 1em;
    color: var(--grove-community-list-accent, var(--_accent));
  }
  /* On the badge, not the name: a name in another script (dir=auto) has its own inline end. */
  .badge {
    margin-inline-start: var(--_space-s);
    padding: 0 var(--_space-s);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .badge,
  .facts {
    font-size: var(--_font-size-s);
  }
  p {
    margin-block: var(--_space-xs);
  }
  .facts {
    color: var(--_muted);
  }
  section > .grove-button {
    margin-block-start: var(--_space-m);
  }
`;
