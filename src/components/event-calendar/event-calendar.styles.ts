import { css } from 'lit';

/**
 * Logical properties only, so Arabic mirrors without a second stylesheet. Colours come from the shared
 * tokens (`--_*`), themed through `--grove-*`; two component properties tune the grid.
 */
export const styles = css`
  :host {
    --_cell-height: var(--grove-event-calendar-cell-height, 6.5rem);
    --_event-color: var(--grove-event-calendar-event-color, var(--_accent));
    container-type: inline-size;
  }
  h2, h3, p, ul, ol { margin: 0; }
  ul, ol { padding: 0; list-style: none; }
  button { font: inherit; color: inherit; }
  .width-probe { block-size: 0; }
  .root { display: grid; gap: var(--_space-s); background: var(--_surface); }
  .toolbar { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: var(--_space-s); }
  .nav, .views { display: flex; gap: var(--_space-xs); }
  .title { font-size: var(--_font-size-l); }
  .meta { color: var(--_muted); font-size: var(--_font-size-s); }
  .link { background: none; border: 0; padding: 0; color: var(--_accent); text-decoration: underline; cursor: pointer; min-block-size: 24px; }
  .private-feed { display: flex; flex-wrap: wrap; align-items: center; gap: var(--_space-s); padding: var(--_space-s); border: 1px solid var(--_border); border-radius: var(--_radius); }
  .private-feed p { flex-basis: 100%; margin: 0; }
  .private-feed-url { display: flex; flex-wrap: wrap; gap: var(--_space-xs); align-items: center; flex: 1 1 20em; }
  .private-feed-url input { flex: 1; min-inline-size: 12em; font: inherit; }
  .nav-button, .view-button, .rsvp-button, .more, .discussion-button {
    background: transparent;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-xs) var(--_space-s);
    min-block-size: 24px;
    cursor: pointer;
  }
  [aria-pressed='true'] { background: var(--_accent); color: var(--_on-accent); border-color: var(--_accent); }
  .grid { inline-size: 100%; border-collapse: collapse; table-layout: fixed; }
  .grid th { font-weight: 600; font-size: var(--_font-size-s); padding: var(--_space-xs); color: var(--_muted); }
  .day {
    vertical-align: top;
    block-size: var(--_cell-height);
    border: 1px solid var(--_border);
    padding: var(--_space-xs);
    overflow: hidden;
  }
  .week .day { block-size: calc(var(--_cell-height) * 3); }
  .day.outside .day-number { color: var(--_muted); }
  .day[aria-current='date'] .day-number {
    background: var(--_accent);
    color: var(--_on-accent);
    border-radius: 999px;
    padding-inline: 0.4em;
  }
  .day:focus-visible { outline: var(--_focus-ring); outline-offset: -2px; }
  /* minmax(0, 1fr): a long title must not widen the column of a fixed-layout table cell. */
  .events { display: grid; grid-template-columns: minmax(0, 1fr); gap: 2px; }
  .event {
    display: flex;
    gap: 0.3em;
    inline-size: 100%;
    overflow: hidden;
    text-align: start;
    white-space: nowrap;
    background: transparent;
    border: 0;
    border-inline-start: 3px solid var(--_event-color);
    padding: 1px var(--_space-xs);
    font-size: var(--_font-size-s);
    cursor: pointer;
    min-block-size: 24px;
  }
  /* Titles are the organiser's text in any script: each clips at its own end (dir=auto). */
  .event .title { min-inline-size: 0; overflow: hidden; text-overflow: ellipsis; }
  .event.cancelled .title { text-decoration: line-through; }
  /* The viewer's answer stays whole; the title is what gives way in a narrow cell. */
  .answer {
    flex: none;
    margin-inline-start: auto;
    padding-inline: 0.4em;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_on-accent);
    font-size: var(--_font-size-s);
  }
  .time { color: var(--_muted); font-variant-numeric: tabular-nums; }
  .agenda { display: grid; gap: var(--_space-m); }
  .agenda .event .title { white-space: normal; }
  .agenda .event { font-size: var(--_font-size-m); }
  .agenda-date { font-size: var(--_font-size-m); margin-block-end: var(--_space-xs); }
  .details {
    max-inline-size: min(36rem, 95vw);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    padding: var(--_space-l);
  }
  .details > * + * { margin-block-start: var(--_space-s); }
  .details::backdrop { background: rgb(0 0 0 / 0.4); }
  /* Focus lands on the title programmatically (dialog pattern); it is not a control, so no ring. */
  #dialog-title:focus { outline: none; }
  .dialog-header { display: flex; justify-content: space-between; align-items: start; gap: var(--_space-s); }
  .close { background: transparent; border: 0; font-size: 1.5em; line-height: 1; cursor: pointer; min-inline-size: 24px; }
  .tags { display: flex; flex-wrap: wrap; gap: var(--_space-xs); }
  .tag { border: 1px solid var(--_border); border-radius: 999px; padding: 0 var(--_space-s); font-size: var(--_font-size-s); }
  .when { font-weight: 600; }
  .zone, .organiser-time, .organiser, .attendance { color: var(--_muted); }
  .join-link { display: inline-block; text-decoration: none; }
  .join-link.live { font-weight: 700; font-size: var(--_font-size-l); }
  .description { white-space: pre-line; }
  .rsvp { display: flex; flex-wrap: wrap; align-items: center; gap: var(--_space-xs); }
  .rsvp-label { font-weight: 600; margin-inline-end: var(--_space-s); }
  .discussion-heading { font-size: var(--_font-size-m); }
  .discussion-button { display: inline-flex; align-items: center; gap: var(--_space-xs); font-weight: 600; }
  /* A disclosure triangle that points into the reading direction when closed and down when open. */
  .discussion-button::before { content: ''; border-block: 0.3em solid transparent; border-inline-start: 0.45em solid currentColor; }
  .discussion-button[aria-expanded='true']::before { border-inline: 0.3em solid transparent; border-block: 0.45em solid currentColor; border-block-end: 0; }
  .discussion-panel { margin-block-start: var(--_space-s); }
  @container (max-width: 35rem) {
    .toolbar { justify-content: start; }
  }
`;
