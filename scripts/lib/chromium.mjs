// Chromium for the end-to-end scripts (smoke test, first-render bench): CHROME_PATH, else Debian's
// /usr/bin/chromium (playwright-core drives it; browser downloads do not work on these machines).
export const chromiumPath = process.env.CHROME_PATH || '/usr/bin/chromium';
