import { css } from 'lit';

/** The profile body's styles: they load with the profile chunk, so the first render does not carry them. */
export const profileStyles = css`
  .profile-section {
    margin-block-start: var(--_space-m);
  }
  .profile-section h3 {
    margin-block-end: var(--_space-xs);
    font-size: var(--_font-size-m);
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

/**
 * Adds the profile's sheet to the directory's shadow root, once. A constructable sheet, like Lit's own
 * `static styles`, so it needs no `style-src 'unsafe-inline'`.
 */
export function adoptProfileStyles(root: ShadowRoot): void {
  const sheet = profileStyles.styleSheet;
  if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
