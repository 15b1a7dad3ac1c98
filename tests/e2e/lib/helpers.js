// Helpers for the e2e tests: everything is read the way a person (or an outside test)
// would find it: the badge by its data-postwacht-badge attribute, the marks as drawn
// (CSS highlights or the textarea mirror), the card and guard in Postwacht's shadow root.
//
// That root is closed, so the page cannot read it (issue 9, item 12); the tests read it
// from the content script's own isolated world over CDP, with
// chrome.dom.openOrClosedShadowRoot, which only the extension has (uiEval). Clicks on
// Postwacht's UI are real mouse clicks at the element's place (trusted events).
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

/** Opens the extension's options page of `env` (from `setup`) in a new tab. */
export async function openOptions(env) {
  const page = await env.context.newPage();
  await page.goto(`chrome-extension://${env.browser.extensionId}/options/options.html`);
  return page;
}

/**
 * Imports a policy file on the options page `options`, as a teacher picks one: `policy` is
 * the file's text, its bytes (a Buffer) or an object (written as JSON). With `ok`, waits
 * until the page says the policy was taken.
 */
export async function importPolicy(options, policy, name = 'school.json', { ok = false } = {}) {
  const buffer = Buffer.isBuffer(policy) ? policy : Buffer.from(typeof policy === 'string' ? policy : JSON.stringify(policy));
  await options.locator('#policy-file').setInputFiles({ name, mimeType: 'application/json', buffer });
  if (ok) await options.locator('#policy-result.ok').waitFor();
}

/** Starts the page server and Chromium with the extension (EXTENSION_DIR unless given). */
/** With `host`, the pages are served over HTTPS as https://HOST:PORT (mapped to 127.0.0.1). */
export async function setup({ extensionDir = EXTENSION_DIR, host = undefined, showScrollbars = false } = {}) {
  const root = existsSync(join(PAGES_OUT, 'page.js')) && process.env.POSTWACHT_PAGES_BUILT ? PAGES_OUT : await buildPages();
  const server = await startServer(root, { host });
  const browser = await launch(extensionDir, { mapHosts: host ? [host] : [], showScrollbars });
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

// ---- the content script's isolated world ------------------------------------------------
const worlds = new WeakMap();
async function world(page) {
  let w = worlds.get(page);
  if (w) return w;
  const session = await page.context().newCDPSession(page);
  const contexts = new Map();
  session.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.auxData && context.auxData.type === 'isolated' && String(context.origin).startsWith('chrome-extension://')) contexts.set(context.id, context);
  });
  session.on('Runtime.executionContextDestroyed', ({ executionContextId }) => contexts.delete(executionContextId));
  session.on('Runtime.executionContextsCleared', () => contexts.clear());
  await session.send('Page.enable');
  await session.send('Runtime.enable');
  w = { session, contexts };
  worlds.set(page, w);
  return w;
}

/** The CDP frame id of the main frame, or of the child frame named `name`. */
async function frameId(w, name) {
  const { frameTree } = await w.session.send('Page.getFrameTree');
  if (!name) return frameTree.frame.id;
  const find = (t) => (t.frame.name === name ? t.frame.id : (t.childFrames || []).map(find).find(Boolean));
  return find(frameTree);
}

/**
 * Runs `fn(root, arg)` in the content script's world of the page (or of its frame named
 * `frame`), `root` being Postwacht's (closed) shadow root or null; returns its result.
 */
export async function uiEval(page, fn, arg = null, { frame = undefined, timeout = 10000, absent = undefined } = {}) {
  const w = await world(page);
  const expression = `(async () => { const host = document.querySelector('postwacht-ui'); const root = host ? chrome.dom.openOrClosedShadowRoot(host) : null; return (${fn})(root, ${JSON.stringify(arg)}); })()`;
  const start = Date.now();
  for (;;) {
    const id = await frameId(w, frame);
    const ctx = [...w.contexts.values()].reverse().find((c) => c.auxData.frameId === id);
    if (ctx) {
      const res = await w.session.send('Runtime.evaluate', { expression, contextId: ctx.id, returnByValue: true, awaitPromise: true }).catch((e) => ({ gone: e }));
      if (!res.gone) {
        if (res.exceptionDetails) throw new Error('uiEval: ' + (res.exceptionDetails.exception?.description || res.exceptionDetails.text));
        return res.result.value;
      }
    }
    if (Date.now() - start > timeout) {
      if (absent !== undefined) return absent; // no content script there: what the caller says that means
      throw new Error('uiEval: no content script in ' + (frame || 'the page'));
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

// Runs in the content script's world: the badge at the composer of box `b` (on it, or just
// above a one-line field): the visible badge whose centre is nearest the composer, within 40 px.
function badgeOf(root, b) {
  if (!root) return null;
  const wrap = document.querySelector(`[data-test-composer="${b}"]`);
  const r = wrap.getBoundingClientRect();
  let best = null;
  let bestD = 40;
  for (const badge of root.querySelectorAll('[data-postwacht-badge]')) {
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
export function badge(page, box = 'main', opts = {}) {
  return uiEval(
    page,
    (root, [src, b]) => {
      const badgeOf = new Function('return ' + src)();
      const el = badgeOf(root, b);
      return el && { platform: el.dataset.platform, account: el.dataset.account, replyTo: el.dataset.replyTo, errors: +el.dataset.errors, warnings: +el.dataset.warnings, infos: +el.dataset.infos, label: el.getAttribute('aria-label'), attachments: +(el.dataset.attachments || 0), state: el.dataset.state || '' };
    },
    [badgeOf.toString(), box],
    opts,
  );
}

/** How many badges Postwacht shows on the page. */
export function badgeCount(page) {
  // No content script in the page (a host it does not run on): no badges.
  return uiEval(page, (root) => (root ? root.querySelectorAll('[data-postwacht-badge]').length : 0), null, { timeout: 2000, absent: 0 });
}

export async function waitBadge(page, pred, box = 'main', timeout = 15000, opts = {}) {
  const start = Date.now();
  let last = null;
  while (Date.now() - start < timeout) {
    last = await badge(page, box, opts);
    if (last && pred(last)) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`badge never matched; last: ${JSON.stringify(last)}`);
}

// Runs in the content script's world: the marks as drawn, [{text, severity, x, y, rects}]
// (x, y: centre of the first rect).
function drawnMarks(root) {
  const out = [];
  if (root) {
    for (const span of root.querySelectorAll('.mirror span[data-sev]')) {
      const r = span.getClientRects()[0];
      if (r) out.push({ text: span.textContent, severity: span.dataset.sev, x: r.left + r.width / 2, y: r.top + r.height / 2, start: +span.dataset.start, end: +span.dataset.end, rects: [...span.getClientRects()].map((q) => ({ left: q.left, top: q.top, right: q.right, bottom: q.bottom })) });
    }
  }
  for (const sev of ['error', 'warning', 'info']) {
    const h = CSS.highlights && CSS.highlights.get('postwacht-' + sev);
    if (!h) continue;
    for (const range of h) {
      const r = range.getClientRects()[0];
      if (r) out.push({ text: range.toString(), severity: sev, x: r.left + r.width / 2, y: r.top + r.height / 2, rects: [...range.getClientRects()].map((q) => ({ left: q.left, top: q.top, right: q.right, bottom: q.bottom })) });
    }
  }
  return out;
}

export function marks(page, opts = {}) {
  return uiEval(page, (root, src) => new Function('return ' + src)()(root), drawnMarks.toString(), opts);
}

/** Waits until a drawn mark covers each of `words`; returns the marks. */
export async function waitMarks(page, words, timeout = 15000, opts = {}) {
  const start = Date.now();
  let last = [];
  while (Date.now() - start < timeout) {
    last = await marks(page, opts);
    if (words.every((w) => last.some((m) => m.text.includes(w)))) return last;
    await page.waitForTimeout(50);
  }
  throw new Error(`marks never covered ${JSON.stringify(words)}; drawn: ${JSON.stringify(last.map((m) => m.text))}`);
}

export async function waitNoMark(page, word, timeout = 15000, opts = {}) {
  const start = Date.now();
  while (Date.now() - start < timeout) {
    const ms = await marks(page, opts);
    if (!ms.some((m) => m.text === word)) return;
    await page.waitForTimeout(50);
  }
  throw new Error(`mark on ${word} did not go away`);
}

// Runs in the content script's world: what the UI locator's selector chain finds.
function uiQuery(root, { chain, index, op, name, hasText }) {
  if (!root) return op === 'count' ? 0 : null;
  let found = [root];
  for (const sel of chain) found = found.flatMap((n) => [...n.querySelectorAll(sel)]);
  if (hasText) found = found.filter((n) => (n.textContent || '').includes(hasText));
  if (op === 'count') return found.length;
  const el = index === -1 ? found[found.length - 1] : found[index || 0];
  if (!el) return null;
  const r = el.getBoundingClientRect();
  return {
    visible: r.width > 0 && r.height > 0 && !el.closest('[hidden]'),
    rect: { x: r.left, y: r.top, width: r.width, height: r.height },
    text: el.textContent,
    attr: name ? el.getAttribute(name) : null,
    disabled: !!el.disabled,
    checked: !!el.checked,
    focused: root.activeElement === el,
  };
}

/**
 * Something in Postwacht's shadow root, with the part of Playwright's Locator the tests use:
 * waitFor, click (a real mouse click at its centre), check, fill, textContent,
 * innerText (here the same as textContent), getAttribute, count, isVisible, isDisabled,
 * boundingBox, locator, first, last, nth, filter({hasText}) (a plain substring).
 */
class UiLocator {
  constructor(page, chain, index = 0, frame = undefined, hasText = undefined) {
    this.page = page;
    this.chain = chain;
    this.index = index;
    this.frame = frame;
    this.hasText = hasText;
  }
  locator(sel) {
    return new UiLocator(this.page, [...this.chain, sel], this.index, this.frame);
  }
  first() {
    return new UiLocator(this.page, this.chain, 0, this.frame, this.hasText);
  }
  last() {
    return new UiLocator(this.page, this.chain, -1, this.frame, this.hasText);
  }
  nth(i) {
    return new UiLocator(this.page, this.chain, i, this.frame, this.hasText);
  }
  filter({ hasText }) {
    return new UiLocator(this.page, this.chain, this.index, this.frame, hasText);
  }
  info(name) {
    return uiEval(this.page, uiQuery, { chain: this.chain, index: this.index, op: 'info', name, hasText: this.hasText }, { frame: this.frame });
  }
  async count() {
    return uiEval(this.page, uiQuery, { chain: this.chain, op: 'count', hasText: this.hasText }, { frame: this.frame });
  }
  async waitFor({ state = 'visible', timeout = 30000 } = {}) {
    const start = Date.now();
    for (;;) {
      const i = await this.info();
      const ok = state === 'attached' ? !!i : state === 'detached' ? !i : state === 'hidden' ? !i || !i.visible : !!i && i.visible;
      if (ok) return;
      if (Date.now() - start > timeout) throw new Error(`ui ${this.chain.join(' ')}: not ${state} after ${timeout} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  async isVisible() {
    const i = await this.info();
    return !!i && i.visible;
  }
  async isDisabled() {
    await this.waitFor({ state: 'attached' });
    return (await this.info()).disabled;
  }
  async textContent() {
    await this.waitFor({ state: 'attached' });
    return (await this.info()).text;
  }
  innerText() {
    return this.textContent();
  }
  async getAttribute(name) {
    await this.waitFor({ state: 'attached' });
    return (await this.info(name)).attr;
  }
  async boundingBox() {
    const i = await this.info();
    if (!i) return null;
    const off = await this.frameOffset();
    return { x: i.rect.x + off.x, y: i.rect.y + off.y, width: i.rect.width, height: i.rect.height };
  }
  async frameOffset() {
    if (!this.frame) return { x: 0, y: 0 };
    return this.page.evaluate((name) => {
      const f = document.querySelector(`iframe[name="${name}"]`);
      const r = f.getBoundingClientRect();
      return { x: r.left + f.clientLeft, y: r.top + f.clientTop };
    }, this.frame);
  }
  async click() {
    await this.waitFor({ state: 'visible' });
    const b = await this.boundingBox();
    await this.page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
  }
  async check() {
    await this.waitFor({ state: 'visible' });
    if (!(await this.info()).checked) await this.click();
  }
  async fill(text) {
    await this.click();
    await this.page.keyboard.press('Control+a');
    await this.page.keyboard.insertText(text);
  }
}

/** Locator for something inside Postwacht's shadow root (of the frame named `frame`). */
export function ui(page, selector, { frame = undefined } = {}) {
  return new UiLocator(page, [selector], 0, frame);
}

/** Hovers the mark on `word` and waits for its card; returns the card locator. */
export async function hoverMark(page, word, { frame = undefined } = {}) {
  const ms = await waitMarks(page, [word], 15000, { frame });
  const m = ms.find((x) => x.text === word) || ms.find((x) => x.text.includes(word));
  const off = await new UiLocator(page, [], 0, frame).frameOffset();
  await page.mouse.move(off.x + m.x - 30, off.y + m.y + 40);
  await page.mouse.move(off.x + m.x, off.y + m.y, { steps: 3 });
  const card = ui(page, '[data-postwacht-card]', { frame });
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
