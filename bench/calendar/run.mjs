// Time to render a month with 500 events in Chromium: Grove's <grove-event-calendar> against
// FullCalendar 6's <full-calendar> web component (shadow DOM, dayGridMonth, three events a day then "+N",
// the same 500 events), in the same browser run, alternating, after warm-up runs. Each run starts from
// element creation and ends after the first layout of the finished month (getBoundingClientRect +
// the next animation frame), so both pay for styles and layout, not only for building DOM.
// Usage: node bench/calendar/run.mjs [runs=15]
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const RUNS = Number(process.argv[2] ?? 15);
const WARMUP = 3;

const grove = await build({
  entryPoints: [new URL('./page.ts', import.meta.url).pathname],
  bundle: true,
  minify: true,
  format: 'iife',
  write: false,
  target: 'es2022',
  tsconfig: 'tsconfig.json',
});
// FullCalendar's documented script-tag setup: the standard bundle, then the web component.
// (Read from disk: neither package exports its global build as a module subpath.)
const fullCalendar = ['fullcalendar/index.global.min.js', '@fullcalendar/web-component/index.global.min.js'].map((file) =>
  readFileSync(new URL(`../../node_modules/${file}`, import.meta.url), 'utf8'),
);

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-dev-shm-usage'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
page.on('pageerror', (error) => console.error('page error:', error.message));
page.on('crash', () => console.error('page crashed'));
page.on('console', (message) => message.type() === 'error' && console.error('console:', message.text()));
await page.setContent('<!doctype html><html lang="en"><body style="margin:0"><main id="stage"></main></body></html>');
for (const content of fullCalendar) await page.addScriptTag({ content });
await page.addScriptTag({ content: grove.outputFiles[0].text });

/** One timed render in a fresh host; the host is removed afterwards. */
const measure = (library) =>
  page.evaluate(async (which) => {
    const stage = document.getElementById('stage');
    const host = document.createElement('div');
    stage.append(host);
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    await frame();
    const start = performance.now();
    if (which === 'grove') {
      await window.renderGrove(host);
    } else {
      const calendar = document.createElement('full-calendar');
      calendar.setAttribute('shadow', '');
      // The documented usage: options as a JSON attribute, rendered when the element connects.
      calendar.setAttribute(
        'options',
        JSON.stringify({
          initialView: 'dayGridMonth',
          initialDate: '2026-11-10',
          timeZone: 'UTC',
          dayMaxEvents: 3,
          events: window.benchEvents,
        }),
      );
      host.append(calendar);
      for (let waited = 0; !calendar.shadowRoot?.querySelector('.fc-daygrid-event-harness'); waited += 1) {
        if (waited > 100) throw new Error('FullCalendar rendered no events');
        await frame();
      }
    }
    host.getBoundingClientRect();
    await frame();
    const elapsed = performance.now() - start;
    const rendered =
      which === 'grove'
        ? host.querySelector('grove-event-calendar').shadowRoot.querySelectorAll('[part~="event"]').length
        : host.querySelector('full-calendar').shadowRoot.querySelectorAll('.fc-daygrid-event-harness:not(.fc-daygrid-event-harness-abs)')
            .length;
    host.remove();
    return { elapsed, rendered };
  }, library);

const times = { grove: [], fullcalendar: [] };
let shown = {};
for (let run = 0; run < WARMUP + RUNS; run += 1) {
  for (const library of run % 2 ? ['grove', 'fullcalendar'] : ['fullcalendar', 'grove']) {
    const { elapsed, rendered } = await measure(library);
    if (run >= WARMUP) times[library].push(elapsed);
    shown[library] = rendered;
  }
}
await browser.close();

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const grovems = median(times.grove);
const fcms = median(times.fullcalendar);
console.log(`Month with 500 events, ${RUNS} runs each after ${WARMUP} warm-up, Chromium ${browser.version?.() ?? ''}`.trim());
console.table({
  'grove-event-calendar': { 'median ms': grovems.toFixed(1), 'min ms': Math.min(...times.grove).toFixed(1), 'event chips': shown.grove },
  'FullCalendar 6 <full-calendar>': {
    'median ms': fcms.toFixed(1),
    'min ms': Math.min(...times.fullcalendar).toFixed(1),
    'event chips': shown.fullcalendar,
  },
});
console.log(`ratio FullCalendar / Grove: ${(fcms / grovems).toFixed(2)}x`);
