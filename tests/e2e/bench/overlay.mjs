// The content script's cost on the page (issue 9, item 10), in Chromium, with and without
// the extension, in the same run:
//   scrolling  page.html?editor=textarea&boxes=N (N comment boxes, each a composer the
//              extension attaches to), scrolled down and up with mouse-wheel events;
//              frame times from requestAnimationFrame in the page (median, p95, the share
//              of frames over 16.7 ms, i.e. under 60 fps);
//   typing     a 20,000-character post in the textarea page, typed at 8 characters a
//              second at its end; the main thread's work per keystroke from the page's
//              CDP Performance.getMetrics (TaskDuration: every task of the page's main
//              thread, content scripts included), with minus without the extension.
// Target: 60 fps while scrolling with 200 composers, and under 4 ms of extra main-thread
// work per keystroke. Reported, never asserted.
//
//   tests/e2e/run.sh --bench           (after latency.mjs)
//   node tests/e2e/bench/overlay.mjs [--smoke] [--boxes 200] [--keys 40] [--out FILE]
import { writeFileSync, mkdirSync, readFileSync, mkdtempSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { setup, composer, REPO, EXTENSION_DIR } from '../lib/helpers.js';
import { startServer } from '../lib/server.js';
import { buildPages, PAGES_OUT } from '../lib/build-pages.js';
import { existsSync } from 'node:fs';
import { CHROMIUM } from '../lib/browser.js';
import { postText } from '../../../bench/inputs.mjs';

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const smoke = args.includes('--smoke');
const BOXES = Number(opt('--boxes') || (smoke ? 20 : 200));
const KEYS = Number(opt('--keys') || (smoke ? 8 : 40));
const POST_CHARS = smoke ? 2000 : 20000;
const TYPE_DELAY_MS = 125;
const out = resolve(opt('--out') || join(REPO, 'target', 'bench', smoke ? 'overlay-smoke.json' : 'overlay.json'));

const percentile = (sorted, p) => sorted[Math.min(Math.max(Math.ceil((p / 100) * sorted.length), 1), sorted.length) - 1];
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median_ms: percentile(s, 50), p95_ms: percentile(s, 95), max_ms: s[s.length - 1], n: s.length };
};

/** Scrolls the page down and up with wheel events; returns the frame times seen meanwhile. */
async function scrollFrames(page) {
  await page.evaluate(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (t) => {
      window.__frames.push(t - last);
      last = t;
      if (window.__framesOn) requestAnimationFrame(tick);
    };
    window.__framesOn = true;
    requestAnimationFrame(tick);
  });
  await page.mouse.move(400, 300);
  for (const dir of [1, -1]) {
    for (let i = 0; i < (smoke ? 10 : 40); i++) {
      await page.mouse.wheel(0, dir * 120);
      await page.waitForTimeout(16);
    }
  }
  await page.waitForTimeout(200);
  const frames = await page.evaluate(() => {
    window.__framesOn = false;
    return window.__frames.slice(1);
  });
  const s = stats(frames);
  s.over_16_7 = frames.filter((f) => f > 16.7 * 1.5).length / frames.length; // a missed frame
  return s;
}

/** Main-thread task time (ms) per keystroke, typing at the end of a long post. */
async function typingCost(page, cdp) {
  const box = composer(page);
  await box.click();
  await page.keyboard.press('Control+End');
  await page.waitForTimeout(1500); // the first check of the long post, out of the way
  const metric = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'TaskDuration').value * 1000;
  };
  const perKey = [];
  const text = ' Daan belt ff terug, 06-12345678.';
  for (let i = 0; i < KEYS; i++) {
    const before = await metric();
    await page.keyboard.type(text[i % text.length]);
    await page.waitForTimeout(TYPE_DELAY_MS);
    perKey.push((await metric()) - before);
  }
  return stats(perKey);
}

async function measure(context, origin, label) {
  const res = { label };
  let page = await context.newPage();
  await page.goto(`${origin}/page.html?editor=textarea&boxes=${BOXES}`);
  await page.waitForFunction(() => window.__ready);
  await page.waitForTimeout(1500); // attaching and the first checks
  res.scroll = await scrollFrames(page);
  await page.close();

  page = await context.newPage();
  await page.goto(`${origin}/page.html?editor=textarea`);
  await page.waitForFunction(() => window.__ready && window.__boxes.main && window.__boxes.main.el);
  await page.evaluate((t) => window.__boxes.main.setText ? window.__boxes.main.setText(t) : null, postText(POST_CHARS).trimEnd());
  const box = composer(page);
  if ((await page.evaluate(() => window.__boxes.main.getText().length)) < POST_CHARS / 2) {
    await box.click();
    await page.keyboard.insertText(postText(POST_CHARS).trimEnd());
  }
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  res.typing = await typingCost(page, cdp);
  await page.close();
  return res;
}

// The extension: the test build, without the manifest key (as latency.mjs).
const extCopy = mkdtempSync(join(tmpdir(), 'postwacht-bench-ext-'));
cpSync(EXTENSION_DIR, extCopy, { recursive: true });
const manifest = JSON.parse(readFileSync(join(extCopy, 'manifest.json'), 'utf8'));
delete manifest.key;
writeFileSync(join(extCopy, 'manifest.json'), JSON.stringify(manifest, null, 2));

const results = {};
const env = await setup({ extensionDir: extCopy });
try {
  results.with = await measure(env.context, env.server.origin, 'with the extension');
} finally {
  await env.close();
  rmSync(extCopy, { recursive: true, force: true });
}
{
  // The same pages in the same Chromium, no extension.
  const root = existsSync(join(PAGES_OUT, 'page.js')) && process.env.POSTWACHT_PAGES_BUILT ? PAGES_OUT : await buildPages();
  const server = await startServer(root, {});
  const profile = mkdtempSync(join(tmpdir(), 'postwacht-bench-plain-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    results.without = await measure(context, server.origin, 'without');
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

const fmt = (ms) => (ms === undefined ? '—' : `${ms.toFixed(1)} ms`);
const pct = (x) => `${(100 * x).toFixed(0)}%`;
const w = results.with;
const wo = results.without;
const extra = { median_ms: w.typing.median_ms - wo.typing.median_ms, p95_ms: w.typing.p95_ms - wo.typing.p95_ms };
const rows = [
  [`scroll, ${BOXES} composers: frame time, with the extension`, fmt(w.scroll.median_ms), fmt(w.scroll.p95_ms), `${pct(w.scroll.over_16_7)} frames missed`, w.scroll.p95_ms <= 16.7 * 1.2 ? '60 fps ok' : 'under 60 fps'],
  [`scroll, ${BOXES} composers: frame time, without`, fmt(wo.scroll.median_ms), fmt(wo.scroll.p95_ms), `${pct(wo.scroll.over_16_7)} frames missed`, ''],
  [`keystroke in a ${POST_CHARS.toLocaleString('en-US')}-char post: main-thread work, with`, fmt(w.typing.median_ms), fmt(w.typing.p95_ms), '', ''],
  [`keystroke in a ${POST_CHARS.toLocaleString('en-US')}-char post: main-thread work, without`, fmt(wo.typing.median_ms), fmt(wo.typing.p95_ms), '', ''],
  ['keystroke: extra main-thread work (with − without)', fmt(extra.median_ms), fmt(extra.p95_ms), '', `≤ 4 ms ${extra.median_ms <= 4 ? 'ok' : 'OVER'}`],
];
const header = ['case', 'median', 'p95', '', 'target'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 || i >= 3 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ').trimEnd();
console.log(`\nPostwacht on the page${smoke ? ' (SMOKE)' : ''} — headless Chromium, ${new Date().toISOString().slice(0, 10)}`);
console.log(line(header));
console.log(widths.map((x) => '-'.repeat(x)).join('-|-'));
for (const r of rows) console.log(line(r));
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ smoke, boxes: BOXES, keys: KEYS, post_chars: POST_CHARS, results, extra, rows }, null, 1));
