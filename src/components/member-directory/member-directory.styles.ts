import { css } from 'lit';

/**
 * Layout uses logical properties only (inline/block, start/end), so Arabic mirrors without a separate
 * stylesheet. Colours come from the shared tokens (`--_*`), themed through `--grove-*`.
 */
export const styles = css`
  :host {
    --_columns: var(--grove-member-directory-columns, repeat(auto-fill, minmax(16rem, 1fr)));
    --_avatar-size: var(--grove-member-directory-avatar-size, 3rem);
  }
  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  p,
  h2,
  h3,
  ul {
    margin: 0;
  }
  ul {
    padding: 0;
    list-style: none;
  }
  button,
  input,
  select {
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
  .search input {
    flex: 1 1 16rem;
    padding: var(--_space-s);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .hint,
  .muted,
  .count,
  .affiliation,
  .time,
  .languages {
    color: var(--_muted);
    font-size: var(--_font-size-s);
  }
  .hint {
    flex-basis: 100%;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(12rem, 16rem) 1fr;
    gap: var(--_space-m);
  }
  .results {
    grid-column: -2 / -1;
    min-inline-size: 0;
  }
  @media (max-width: 40rem) {
    .layout {
      grid-template-columns: 1fr;
    }
  }
  .facet summary {
    cursor: pointer;
    padding-block: var(--_space-xs);
    font-weight: 600;
  }
  .option,
  .chip {
    display: inline-flex;
    gap: var(--_space-s);
    justify-content: space-between;
    min-block-size: 24px;
    padding: var(--_space-xs) var(--_space-s);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }
  .option {
    inline-size: 100%;
    margin-block: 2px;
    text-align: start;
  }
  .option[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_on-accent);
    border-color: var(--_accent);
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    margin-block-end: var(--_space-m);
  }
  .chip.clear {
    border-style: dashed;
  }
  .toolbar,
  .more {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-s);
    margin-block: var(--_space-s);
  }
  .toolbar select {
    margin-inline-start: var(--_space-xs);
    padding: var(--_space-xs);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .list {
    display: grid;
    gap: var(--_space-m);
    outline: none;
  }
  .list.cards {
    grid-template-columns: var(--_columns);
  }
  .list[aria-busy='true'] {
    opacity: 0.6;
    transition: opacity var(--_motion-duration);
  }
  .card {
    display: flex;
    gap: var(--_space-s);
    padding: var(--_space-m);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .rows .card {
    padding: var(--_space-s);
    border-width: 0 0 1px;
    border-radius: 0;
  }
  .rows .skills,
  .rows .languages {
    display: none;
  }
  .card-body {
    display: grid;
    gap: 2px;
    min-inline-size: 0;
  }
  .name {
    font-size: var(--_font-size-m);
  }
  .link {
    padding: 0;
    border: 0;
    background: none;
    font-weight: 600;
    text-align: start;
    text-decoration: underline;
    cursor: pointer;
  }
  .avatar {
    position: relative;
    flex: none;
    display: grid;
    place-items: center;
    inline-size: var(--_avatar-size);
    block-size: var(--_avatar-size);
    border-radius: 50%;
    overflow: hidden;
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  .avatar img {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }
  .skills,
  .tags {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-xs);
  }
  .skills li,
  .tags li {
    padding-inline: var(--_space-s);
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-size: var(--_font-size-s);
  }
  .profile {
    inline-size: min(40rem, 100vw - 2rem);
    max-block-size: calc(100vh - 2rem);
    padding: var(--_space-l);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  .profile::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
  .profile-head {
    display: flex;
    align-items: flex-start;
    gap: var(--_space-m);
  }
  .profile-head > div {
    flex: 1;
  }
  .profile-name {
    font-size: var(--_font-size-l);
  }
  .close {
    min-inline-size: 24px;
    min-block-size: 24px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: pointer;
  }
  .profile-section {
    margin-block-start: var(--_space-m);
  }
  .profile-section h3 {
    font-size: var(--_font-size-m);
    margin-block-end: var(--_space-xs);
  }
  .availability {
    margin-block-start: var(--_space-m);
    padding-inline-start: var(--_space-s);
    border-inline-start: 4px solid var(--_accent);
  }
  .availability[data-availability='unavailable'] {
    border-color: var(--_muted);
  }
  .profile-skills li,
  .plain li {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-s);
    padding-block: 2px;
  }
  .skill-label {
    font-weight: 600;
  }
  .role {
    color: var(--_muted);
    font-size: var(--_font-size-s);
  }
  .contacts {
    margin-block-end: var(--_space-s);
  }
  a {
    color: var(--_accent);
  }
`;
