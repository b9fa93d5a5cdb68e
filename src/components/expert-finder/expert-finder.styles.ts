import { css } from 'lit';

/** Logical properties only, so Arabic mirrors without a separate stylesheet; colours from the shared tokens. */
export const styles = css`
  :host {
    --_avatar-size: var(--grove-expert-finder-avatar-size, 2.75rem);
  }
  p,
  h3,
  ol,
  ul {
    margin: 0;
  }
  ol,
  ul {
    padding: 0;
    list-style: none;
  }
  input {
    font: inherit;
    color: inherit;
  }
  .search {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-xs) var(--_space-s);
    margin-block-end: var(--_space-m);
  }
  .search label {
    flex-basis: 100%;
    font-weight: 600;
  }
  .search input {
    flex: 1 1 16rem;
    padding: var(--_space-s);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .muted,
  .hint,
  .facts {
    color: var(--_muted);
    font-size: var(--_font-size-s);
  }
  .hint {
    flex-basis: 100%;
  }
  .topics {
    margin-block-end: var(--_space-s);
  }
  .list {
    display: grid;
    gap: var(--_space-m);
  }
  .list[aria-busy='true'] {
    opacity: 0.6;
  }
  .expert {
    display: flex;
    gap: var(--_space-m);
    padding: var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .avatar {
    flex: none;
    display: grid;
    place-items: center;
    inline-size: var(--_avatar-size);
    block-size: var(--_avatar-size);
    border-radius: 50%;
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  .body {
    display: grid;
    gap: var(--_space-xs);
    min-inline-size: 0;
  }
  .name {
    font-size: var(--_font-size-l);
  }
  .name-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-s);
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs) var(--_space-m);
  }
  .availability.limited {
    font-style: italic;
  }
  .evidence {
    display: grid;
    gap: var(--_space-xs);
    padding-inline-start: var(--_space-m);
    border-inline-start: 3px solid var(--_border);
  }
  .items {
    padding-inline-start: var(--_space-m);
    font-size: var(--_font-size-s);
  }
  .items li::before {
    content: '– ';
  }
  a {
    color: var(--_accent);
  }
  .ask {
    justify-self: start;
    text-decoration: none;
    margin-block-start: var(--_space-xs);
  }
`;
