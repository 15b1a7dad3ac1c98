// The demo behind `./build.sh demo` (scripts/demo.sh): Chromium with the built extension,
// the sample school's policy imported, on a local page with every kind of composer.
//
//   node tests/e2e/lib/demo.js [--headless] [--screenshots DIR] [--extension DIR]
//
// With a display, the browser stays open until you close it. Without one (or with
// --headless) it types a sample post into the editors and writes screenshots instead.
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch } from './browser.js';
import { startServer } from './server.js';
import { buildPages } from './build-pages.js';
import { REPO, TEXT, ui, uiEval } from './helpers.js';

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const hasDisplay = !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const headless = args.includes('--headless') || !!opt('--screenshots') || !hasDisplay;
const shots = resolve(opt('--screenshots') || join(REPO, 'target', 'demo-screenshots'));
// The test build: the demo page is on 127.0.0.1, which the shipped manifest does not cover.
const extension = resolve(opt('--extension') || join(REPO, 'dist', 'test', 'chrome'));

if (!hasDisplay && !args.includes('--headless') && !opt('--screenshots')) {
  console.log('demo: no display ($DISPLAY and $WAYLAND_DISPLAY are empty), so no browser window;');
  console.log(`demo: writing screenshots to ${shots} instead.`);
}

const root = await buildPages();
const server = await startServer(root);
const browser = await launch(extension, { headless });
const { context } = browser;

// The sample school (OBS De Regenboog, with a small roster), as a teacher would import it
// on the options page.
const policy = readFileSync(join(REPO, 'tests', 'e2e', 'fixtures', 'school.json'), 'utf8');
await browser.serviceWorker().evaluate(async (json) => {
  await chrome.storage.local.set({ imported_policy: { json, name: JSON.parse(json).school.name, imported_at: new Date().toISOString() } });
}, policy);

const page = context.pages()[0] || (await context.newPage());
await page.goto(`${server.origin}/demo.html`);
await page.waitForFunction(() => window.__ready);

async function typeInto(box, text) {
  const el = page.locator(`[data-test-composer="${box}"]`).locator('textarea, [contenteditable="true"]').first();
  await el.click();
  await page.keyboard.type(text);
}

if (!headless) {
  await typeInto('textarea', TEXT);
  console.log(`demo: Chromium is open on ${server.origin}/demo.html with Postwacht loaded.`);
  console.log('demo: type in any box; hover a mark for the card; Ctrl+Enter shows the publish guard.');
  console.log('demo: close the browser window to end the demo.');
  await new Promise((r) => context.on('close', r));
  await server.close();
  process.exit(0);
}

mkdirSync(shots, { recursive: true });
await page.setViewportSize({ width: 820, height: 900 });
await typeInto('textarea', TEXT);
await typeInto('lexical', 'Trots op Noor Bakker uit groep 6! Ze won de voorleeswedstrijd lol');
// Postwacht's UI is in a closed shadow root: read from the content script's world.
for (let i = 0; ; i++) {
  const n = await uiEval(page, (root) => (root ? [...root.querySelectorAll('[data-postwacht-badge]')] : []).filter((b) => b.dataset.state === 'ok' && +b.dataset.errors + +b.dataset.warnings + +b.dataset.infos > 0).length);
  if (n >= 2) break;
  if (i > 300) throw new Error('demo: the badges did not show findings');
  await page.waitForTimeout(100);
}
await page.mouse.move(1, 1);
await page.waitForTimeout(300); // let the last marks settle before the picture
const box = async (sel) => page.locator(sel).boundingBox();
const a = await box('[data-box="textarea"]');
const b = await box('[data-box="lexical"]');
const clip = { x: a.x - 8, y: a.y - 8, width: a.width + 16, height: b.y + b.height - a.y + 16 };
await page.screenshot({ path: join(shots, 'marks.png'), clip });

// The card for the chat-speak in the first box.
const mark = await uiEval(page, (root) => {
  const span = [...root.querySelectorAll('.mirror span[data-sev]')].find((s) => s.textContent === 'ff');
  const r = span.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
});
await page.mouse.move(mark.x, mark.y, { steps: 4 });
await ui(page, '[data-postwacht-card]').waitFor();
const card = await ui(page, '[data-postwacht-card]').boundingBox();
await page.screenshot({ path: join(shots, 'card.png'), clip: { x: a.x - 8, y: a.y - 8, width: a.width + 16, height: Math.max(card.y + card.height, a.y + a.height) - a.y + 24 } });

// The publish guard.
await page.mouse.move(1, 1);
await page.locator('[data-box="textarea"] textarea').focus();
await page.keyboard.press('Control+Enter');
const guard = ui(page, '[data-postwacht-guard]');
await guard.waitFor();
const g = await guard.boundingBox();
await page.screenshot({ path: join(shots, 'guard.png'), clip: { x: g.x - 24, y: g.y - 24, width: g.width + 48, height: g.height + 48 } });

console.log(`demo: wrote ${['marks.png', 'card.png', 'guard.png'].map((f) => join(shots, f)).join(', ')}`);
await browser.close();
await server.close();
