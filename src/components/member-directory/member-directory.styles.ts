import { css } from 'lit';

/**
 * The list, filters and the profile dialog's frame. The profile's body has its own sheet
 * (render-profile.styles.ts) that arrives with the profile chunk.
 *
 * Layout uses logical properties only (inline/block, start/end), so Arabic mirrors without a separate
 * stylesheet, and container queries, so a directory in a narrow sidebar stacks like one on a phone.
 * Colours come from the shared tokens (`--_*`), themed through `--grove-*`.
 */
export const styles = css`
  :host {
    --_columns: var(--grove-member-directory-columns, repeat(auto-fill, minmax(16rem, 1fr)));
    --_avatar-size: var(--grove-member-directory-avatar-size, 3rem);
    container-type: inline-size;
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
  input,
  select,
  .option,
  .chip,
  .card,
  .profile,
  .close {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .search,
  .chips,
  .toolbar,
  .more {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-xs) var(--_space-s);
  }
  .search,
  .chips {
    margin-block-end: var(--_space-m);
  }
  .search input {
    flex: 1 1 16rem;
    padding: var(--_space-s);
  }
  .hint,
  .muted,
  .count,
  .sampled,
  .affiliation,
  .time,
  .languages {
    color: var(--_muted);
    font-size: var(--_font-size-s);
  }
  .hint {
    flex-basis: 100%;
  }
  .sampled {
    margin: 0 0 var(--_space-s);
  }
  /*
   * Two columns only with facets: without them the results take the whole width. The column is there
   * from the first render, so the results do not jump sideways when the facets arrive with the data.
   */
  .with-facets {
    display: grid;
    grid-template-columns: minmax(12rem, 16rem) minmax(0, 1fr);
    gap: var(--_space-m);
    align-items: start;
  }
  @container (max-width: 40rem) {
    .with-facets {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .facet summary {
    padding-block: var(--_space-xs);
    font-weight: 600;
    cursor: pointer;
  }
  .option,
  .chip {
    display: inline-flex;
    gap: var(--_space-s);
    justify-content: space-between;
    min-block-size: 24px;
    padding: var(--_space-xs) var(--_space-s);
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
  .option[aria-pressed='true'] .count {
    color: inherit;
  }
  .chip.clear {
    border-style: dashed;
  }
  .toolbar,
  .more {
    justify-content: space-between;
    margin-block: var(--_space-s);
  }
  select {
    margin-inline-start: var(--_space-xs);
    padding: var(--_space-xs);
  }
  .list {
    display: grid;
    gap: var(--_space-m);
    outline: none;
  }
  .cards {
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
  }
  .rows {
    gap: 0;
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
  /* Lines stack from the top with one gap, however tall the grid row makes the card. */
  .card-body {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: var(--_space-xs);
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
    overflow-wrap: anywhere;
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
    /* A pill on one line, a rounded box (not an oval) when a long skill wraps. */
    border-radius: 0.75em;
    font-size: var(--_font-size-s);
  }
  .profile {
    inline-size: min(40rem, 100vw - 2rem);
    max-block-size: calc(100vh - 2rem);
    padding: var(--_space-l);
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
    cursor: pointer;
  }
`;
