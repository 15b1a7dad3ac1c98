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
// on the options page (the options page sends the file to the service worker, which keeps
// it in the extension's own IndexedDB).
const policy = readFileSync(join(REPO, 'tests', 'e2e', 'fixtures', 'school.json'), 'utf8');
const ext = await context.newPage();
await ext.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
const imported = await ext.evaluate((json) => chrome.runtime.sendMessage({ type: 'import-policy', json, name: JSON.parse(json).school.name }), policy);
if (!imported || !imported.ok) throw new Error(`demo: importing the sample policy failed: ${JSON.stringify(imported)}`);
if (headless) {
  // The screenshots show the school's own page: posts there are written for the school.
  await ext.evaluate(() => chrome.storage.local.set({ settings: { language: 'nl', sites: { '127.0.0.1': { account: 'school' } } } }));
  await ext.close();
}

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
const written = [];

// 1. A school's page with a post being written, as the teacher sees it: the marks under the
//    words and the badge with its dots (README: what the colours mean).
await page.goto(`${server.origin}/schoolpagina.html`);
await page.waitForFunction(() => window.__ready);
await page.setViewportSize({ width: 700, height: 560 });
const POST = 'Wat een sportdag vandaag! Daan en Noor Bakker uit groep 6 wonnen samen de estafette. ' +
  "Ouders met vragen over de foto's: bel me ff op 06-12345678. Tot morgen allemaal!! lol";
const box = page.locator('textarea');
await box.click();
await page.keyboard.type(POST);
await ui(page, '[data-postwacht-badge][data-state="ok"]').first().waitFor();
// Postwacht's UI is in a closed shadow root: read it from the content script's world.
for (let i = 0; ; i++) {
  const ok = await uiEval(page, (root) => {
    const b = root && root.querySelector('[data-postwacht-badge]');
    return !!b && b.dataset.state === 'ok' && +b.dataset.errors >= 3 && +b.dataset.warnings >= 1;
  });
  if (ok) break;
  if (i > 300) throw new Error('demo: the badge did not show the findings');
  await page.waitForTimeout(100);
}
await page.mouse.move(1, 1);
await page.waitForTimeout(600); // let the last marks settle before the picture
const card = await page.locator('#composer').boundingBox();
const clip = { x: card.x - 10, y: card.y - 10, width: card.width + 20, height: card.height + 20 };
await page.screenshot({ path: join(shots, 'marks.png'), clip });
written.push('marks.png');

// 2. The card for the chat-speak "ff": what is wrong, the school's rule, and the fix.
const ff = await uiEval(page, (root) => {
  const span = root && [...root.querySelectorAll('.mirror span[data-sev]')].find((s) => s.textContent === 'ff');
  if (!span) return null;
  const r = span.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
});
if (ff) {
  await page.mouse.move(ff.x, ff.y, { steps: 4 });
  await ui(page, '[data-postwacht-card]').waitFor();
  await page.waitForTimeout(200);
  const c = await ui(page, '[data-postwacht-card]').boundingBox();
  const bottom = Math.max(c.y + c.height, card.y + card.height);
  await page.setViewportSize({ width: 700, height: Math.ceil(bottom + 30) });
  await page.screenshot({ path: join(shots, 'card.png'), clip: { x: clip.x, y: clip.y, width: clip.width, height: bottom - clip.y + 16 } });
  written.push('card.png');
} else {
  console.log('demo: the marks are not readable from the page (closed shadow root); card.png not written');
}

// 3. The publish guard: "Plaatsen" with errors left.
await page.mouse.move(1, 1);
await page.locator('.publish').click();
const guard = ui(page, '[data-postwacht-guard]');
await guard.waitFor();
await page.waitForTimeout(200);
const g = await guard.boundingBox();
await page.screenshot({ path: join(shots, 'guard.png'), clip: { x: Math.max(0, g.x - 24), y: Math.max(0, g.y - 24), width: g.width + 48, height: g.height + 48 } });
written.push('guard.png');

// 4. The options page: what Postwacht checks, the dots, the school's protocol.
const opts = await context.newPage();
await opts.setViewportSize({ width: 760, height: 1000 });
await opts.goto(`chrome-extension://${browser.extensionId}/options/options.html`);
await opts.locator('#policy-current').filter({ hasText: 'OBS De Regenboog' }).waitFor({ timeout: 15000 });
const how = await opts.locator('section[aria-labelledby=h-how]').boundingBox();
await opts.screenshot({ path: join(shots, 'options.png'), clip: { x: how.x - 16, y: 0, width: how.width + 32, height: how.y + how.height + 8 } });
written.push('options.png');

console.log(`demo: wrote ${written.map((f) => join(shots, f)).join(', ')}`);
await browser.close();
await server.close();
