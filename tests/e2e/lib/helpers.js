// Helpers for the e2e tests: everything is read the way a person (or an outside test)
// would find it: the badge by its data-postwacht-badge attribute, the marks as drawn
// (CSS highlights or the textarea mirror), the card and guard in the open shadow root.
import { resolve, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './browser.js';
import { startServer } from './server.js';
import { buildPages, PAGES_OUT } from './build-pages.js';
import { existsSync } from 'node:fs';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(here, '..', '..', '..');
// The test build (dist/test/chrome: the shipped files, the manifest plus the 127.0.0.1 test
// hosts), which most tests load.
export const EXTENSION_DIR = resolve(process.env.POSTWACHT_EXTENSION_DIR || join(REPO, 'dist', 'test', 'chrome'));
// The shipped build: SHIPPED_DIR/chrome, SHIPPED_DIR/firefox, and what scripts/package.sh
// made of them (postwacht-firefox.xpi); for the tests of what a school installs.
export const SHIPPED_DIR = resolve(process.env.POSTWACHT_SHIPPED_DIR || join(REPO, 'dist'));
/** A host the shipped manifest covers, served locally by the tests (see lib/server.js). */
export const SHIPPED_HOST = 'www.facebook.com';
export const TEXT = 'Daan uit groep 6 was ff ziek, bel 06-12345678 lol';
export const EDITORS = ['textarea', 'contenteditable', 'lexical', 'draft', 'quill', 'prosemirror', 'slate'];

/** Starts the page server and Chromium with the extension (EXTENSION_DIR unless given). */
/** With `host`, the pages are served over HTTPS as https://HOST:PORT (mapped to 127.0.0.1). */
export async function setup({ extensionDir = EXTENSION_DIR, host = undefined } = {}) {
  const root = existsSync(join(PAGES_OUT, 'page.js')) && process.env.POSTWACHT_PAGES_BUILT ? PAGES_OUT : await buildPages();
  const server = await startServer(root, { host });
  const browser = await launch(extensionDir, { mapHosts: host ? [host] : [] });
  return {
    server,
    browser,
    context: browser.context,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export async function openEditor(env, editor, { csp = false, query = '' } = {}) {
  const page = await env.context.newPage();
  page.on('pageerror', (e) => console.error(`[${editor}] pageerror: ${e.message}`));
  await page.goto(`${env.server.origin}/${csp ? 'csp/' : ''}page.html?editor=${editor}${query}`);
  await page.waitForFunction(() => window.__ready && window.__boxes.main && window.__boxes.main.el);
  return page;
}

/** The composer element of box `box` (the editable element itself). */
export function composer(page, box = 'main') {
  return page.locator(`[data-test-composer="${box}"]`).locator('textarea, input[type="text"], [contenteditable="true"]').first();
}

export function getText(page, box = 'main') {
  return page.evaluate((b) => window.__boxes[b].getText(), box);
}

export async function waitText(page, expected, box = 'main', timeout = 10000) {
  await page.waitForFunction(([b, e]) => window.__boxes[b].getText() === e, [box, expected], { timeout }).catch(async () => {
    throw new Error(`editor text is ${JSON.stringify(await getText(page, box))}, expected ${JSON.stringify(expected)}`);
  });
}

// Runs in the page: the badge at the composer of box `b` (on it, or just above a one-line
// field): the visible badge whose centre is nearest the composer, within 40 px.
function badgeOf(b) {
  const host = document.querySelector('postwacht-ui');
  if (!host || !host.shadowRoot) return null;
  const wrap = document.querySelector(`[data-test-composer="${b}"]`);
  const r = wrap.getBoundingClientRect();
  let best = null;
  let bestD = 40;
  for (const badge of host.shadowRoot.querySelectorAll('[data-postwacht-badge]')) {
    if (badge.hidden) continue;
    const q = badge.getBoundingClientRect();
    const x = q.left + q.width / 2;
    const y = q.top + q.height / 2;
    const dx = Math.max(r.left - x, 0, x - r.right);
    const dy = Math.max(r.top - y, 0, y - r.bottom);
    const d = Math.hypot(dx, dy);
    if (d <= bestD) {
      best = badge;
      bestD = d;
    }
  }
  return best;
}

/** {errors, warnings, infos} from the badge of box `box`, or null when there is none. */
export function badge(page, box = 'main') {
  return page.evaluate(
    ([src, b]) => {
      const badgeOf = new Function('return ' + src)();
      const el = badgeOf(b);
      return el && { platform: el.dataset.platform, account: el.dataset.account, replyTo: el.dataset.replyTo, errors: +el.dataset.errors, warnings: +el.dataset.warnings, infos: +el.dataset.infos, label: el.getAttribute('aria-label'), attachments: +(el.dataset.attachments || 0), state: el.dataset.state || '' };
    },
    [badgeOf.toString(), box],
  );
}

/** How many badges Postwacht shows on the page. */
export function badgeCount(page) {
  return page.evaluate(() => {
    const host = document.querySelector('postwacht-ui');
    return host ? host.shadowRoot.querySelectorAll('[data-postwacht-badge]').length : 0;
  });
}

export async function waitBadge(page, pred, box = 'main', timeout = 15000) {
  const start = Date.now();
  let last = null;
  while (Date.now() - start < timeout) {
    last = await badge(page, box);
    if (last && pred(last)) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`badge never matched; last: ${JSON.stringify(last)}`);
}

// Runs in the page: the marks as drawn, [{text, severity, x, y}] (x, y: centre of the first rect).
function drawnMarks() {
  const out = [];
  const host = document.querySelector('postwacht-ui');
  if (host && host.shadowRoot) {
    for (const span of host.shadowRoot.querySelectorAll('.mirror span[data-sev]')) {
      const r = span.getClientRects()[0];
      if (r) out.push({ text: span.textContent, severity: span.dataset.sev, x: r.left + r.width / 2, y: r.top + r.height / 2 });
    }
  }
  for (const sev of ['error', 'warning', 'info']) {
    const h = CSS.highlights && CSS.highlights.get('postwacht-' + sev);
    if (!h) continue;
    for (const range of h) {
      const r = range.getClientRects()[0];
      if (r) out.push({ text: range.toString(), severity: sev, x: r.left + r.width / 2, y: r.top + r.height / 2 });
    }
  }
  return out;
}

export function marks(page) {
  return page.evaluate((src) => new Function('return ' + src)()(), drawnMarks.toString());
}

/** Waits until a drawn mark covers each of `words`; returns the marks. */
export async function waitMarks(page, words, timeout = 15000) {
  const start = Date.now();
  let last = [];
  while (Date.now() - start < timeout) {
    last = await marks(page);
    if (words.every((w) => last.some((m) => m.text.includes(w)))) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`marks never covered ${JSON.stringify(words)}; drawn: ${JSON.stringify(last.map((m) => m.text))}`);
}

export async function waitNoMark(page, word, timeout = 15000) {
  const start = Date.now();
  while (Date.now() - start < timeout) {
    const ms = await marks(page);
    if (!ms.some((m) => m.text === word)) return;
    await page.waitForTimeout(50);
  }
  throw new Error(`mark on ${word} did not go away`);
}

/** Locator for something inside Postwacht's shadow root (Playwright pierces open roots). */
export function ui(page, selector) {
  return page.locator('postwacht-ui').locator(selector);
}

/** Hovers the mark on `word` and waits for its card; returns the card locator. */
export async function hoverMark(page, word) {
  const ms = await waitMarks(page, [word]);
  const m = ms.find((x) => x.text === word) || ms.find((x) => x.text.includes(word));
  await page.mouse.move(m.x - 30, m.y + 40);
  await page.mouse.move(m.x, m.y, { steps: 3 });
  const card = ui(page, '[data-postwacht-card]');
  await card.waitFor({ state: 'visible', timeout: 10000 });
  return card;
}

/** Caret offset in the composer's plain text (single-line editors). */
export function caretOffset(page, box = 'main') {
  return page.evaluate((b) => {
    const el = document.activeElement;
    if (el && (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT')) return el.selectionStart;
    const sel = getSelection();
    const root = window.__boxes[b].el;
    if (!sel.rangeCount || !root.contains(sel.focusNode)) return -1;
    const r = document.createRange();
    r.selectNodeContents(root);
    r.setEnd(sel.focusNode, sel.focusOffset);
    return r.toString().replace(/\uFEFF/g, '').length;
  }, box);
}

export async function waitCaret(page, expected, box = 'main', timeout = 6000) {
  const start = Date.now();
  let last;
  while (Date.now() - start < timeout) {
    last = await caretOffset(page, box);
    if (last === expected) return;
    await page.waitForTimeout(30);
  }
  throw new Error(`caret at ${last}, expected ${expected}`);
}

export const published = (page) => page.evaluate(() => window.__published.slice());

/** Seeded PRNG (mulberry32), shared with the benchmark's inputs: the random-edit sessions
 * are the same on every run. */
export { rng } from '../../../bench/inputs.mjs';
