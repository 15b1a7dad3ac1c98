// Applying a fix the user clicked: through the editor adapter (so the editor's model and
// undo stay right), with the caret put back where the user had it.
//
// The page may have re-rendered the composer since the card opened (many sites replace
// the composer's nodes, or the whole element, on every state change). So a fix first
// re-finds its target in the text as it is now, in the element that is there now, and the
// adapter types only after checking, synchronously before typing, that the selection
// covers exactly that target. When the target cannot be found, nothing is written and the
// user is told so.
//
// Keystrokes the user types while a fix is under way (it takes a frame or two in rich
// editors) are held and typed afterwards where the user typed them.
import { nextFrame, adapterFor, composerFor, COMPOSER_SELECTOR } from './adapters.js';
import { plain, locate } from './textmap.js';
import * as ui from './ui.js';
import { t } from '../shared/i18n.js';

/** @typedef {import('../shared/types.js').Finding} Finding */
/** @typedef {import('../shared/types.js').Fix} Fix */
/** @typedef {import('./composer.js').Composer} Composer */
/** @typedef {import('./adapters.js').Adapter} Adapter */

export { plain, locate };

const CONTEXT = 16;

/**
 * The element the composer's text lives in now: its own element, or, when the page has
 * replaced it, the composer of the same kind that holds the target text, preferring the
 * focused one, then the one nearest the old element's place.
 * @param {Composer} composer @param {string} target
 * @returns {HTMLElement | null}
 */
function liveElement(composer, target) {
  const el = composer.el;
  if (el.isConnected) return el;
  const want = plain(target);
  const rect = composer.lastRect;
  /** @type {HTMLElement | null} */
  let best = null;
  let bestD = Infinity;
  const active = composerFor(document.activeElement);
  for (const cand of document.querySelectorAll(COMPOSER_SELECTOR)) {
    const root = composerFor(cand);
    if (!root || root !== cand || root.tagName !== el.tagName) continue;
    const text = plain(adapterFor(root).read().text);
    if (want && !text.includes(want)) continue;
    const r = root.getBoundingClientRect();
    const d = root === active ? -1 : rect ? Math.hypot(r.left - rect.left, r.top - rect.top) : 0;
    if (d < bestD) {
      best = root;
      bestD = d;
    }
  }
  return best;
}

// ---- keystrokes during a fix ----------------------------------------------------------
/** @type {{keys: string, listener: (ev: KeyboardEvent) => void} | null} */
let pending = null;

/** Holds printable keystrokes (and Backspace over held ones) until `release`. */
function holdKeys() {
  const state = {
    keys: '',
    /** @param {KeyboardEvent} ev */
    listener(ev) {
      if (!ev.isTrusted || ev.ctrlKey || ev.metaKey || ev.altKey || ev.isComposing) return;
      if ([...ev.key].length === 1) state.keys += ev.key;
      else if (ev.key === 'Backspace' && state.keys) state.keys = state.keys.slice(0, -1);
      else return;
      ev.preventDefault();
      ev.stopImmediatePropagation();
    },
  };
  window.addEventListener('keydown', state.listener, true);
  pending = state;
  return state;
}
function releaseKeys() {
  if (pending) window.removeEventListener('keydown', pending.listener, true);
  pending = null;
}
/** True while a fix is being applied. */
export const busy = () => pending !== null;

/**
 * Replaces the span of `fix` by its replacement; true when the editor took it. Nothing is
 * changed when the text under the finding can no longer be found.
 * @param {Composer} composer
 * @param {Finding} finding
 * @param {Fix} fix
 */
export async function applyFix(composer, finding, fix) {
  if (pending) return false; // one fix at a time
  const held = holdKeys();
  try {
    return await apply(composer, finding, fix, held);
  } finally {
    releaseKeys();
  }
}

/**
 * @param {Composer} composer @param {Finding} finding @param {Fix} fix
 * @param {{keys: string}} held
 */
async function apply(composer, finding, fix, held) {
  // The findings' offsets are offsets in composer.text (refresh() moves them with it).
  const base = composer.text;
  if (!composer.findings.includes(finding)) {
    // The card was opened before the last edit: use the same finding as it is now.
    const i = (finding.fixes || []).indexOf(fix);
    const same = composer.findings
      .filter((f) => f.rule === finding.rule && f.text === finding.text)
      .sort((a, b) => Math.abs(a.start - finding.start) - Math.abs(b.start - finding.start))[0];
    if (!same || !same.fixes || !same.fixes[i]) return refuse(composer);
    finding = same;
    fix = same.fixes[i];
  }
  const span = fix.span || finding;
  if (plain(base.slice(finding.start, finding.end)) !== plain(finding.text)) return refuse(composer);
  const target = base.slice(span.start, span.end);
  const pre = base.slice(Math.max(0, span.start - CONTEXT), span.start);
  const post = base.slice(span.end, span.end + CONTEXT);

  const el = liveElement(composer, target);
  if (!el) return refuse(composer);
  /** @type {Composer} */
  let live = composer;
  if (el !== composer.el) {
    // The page replaced the element: the composer there takes over.
    const other = composer.manager.attach(el);
    if (!other) return refuse(composer);
    live = other;
  }
  const adapter = live.adapter;
  const now = adapter.read().text;
  const start = locate(now, pre, target, post, span.start);
  if (start < 0) return refuse(live);
  const end = start + target.length;
  const moved = start - span.start;
  const caret = live === composer && now === base ? composer.savedCaret || adapter.caret() : adapter.caret();

  const ok = await adapter.replace(start, end, fix.replacement, target);
  if (!ok) {
    const after = adapter.read().text;
    if (after === now) return refuse(live);
  }
  const delta = fix.replacement.length - (end - start);
  // Caret: where it was, moved by the change if it was after the fix; at the end of the
  // replacement if it was inside it (or unknown).
  adapter.read();
  let pos = start + fix.replacement.length;
  if (caret && caret.start === caret.end) {
    const c = live === composer && now === base && composer.savedCaret === caret ? caret.start + moved : caret.start;
    if (c <= start) pos = c;
    else if (c >= end) pos = c + delta;
  }
  adapter.setCaret(pos);
  if (adapter.kind !== 'textarea') {
    // Rich editors put their own selection back after they re-render: set it again
    // once they have, so they take ours into their model.
    await nextFrame();
    adapter.read();
    const c = adapter.caret();
    if (!c || c.start !== pos || c.end !== pos) adapter.setCaret(pos);
  }
  // What the user typed meanwhile goes where they typed it: at the caret.
  while (held.keys) {
    const keys = held.keys;
    held.keys = '';
    await typeAt(adapter, pos, keys);
    pos += keys.length;
  }
  const applied = finding;
  composer.findings = composer.findings.filter((f) => f !== applied);
  composer.refresh();
  if (live !== composer) live.refresh();
  live.check();
  return ok;
}

/**
 * Types `keys` at `pos` as the user would have, caret after them.
 * @param {Adapter} adapter @param {number} pos @param {string} keys
 */
async function typeAt(adapter, pos, keys) {
  adapter.read();
  const done = await adapter.replace(pos, pos, keys, '');
  adapter.read();
  adapter.setCaret(pos + (done ? keys.length : 0));
  if (adapter.kind !== 'textarea') {
    await nextFrame();
    adapter.read();
    const c = adapter.caret();
    const want = pos + (done ? keys.length : 0);
    if (!c || c.start !== want) adapter.setCaret(want);
  }
}

/** Nothing written: says so, and checks the text as it is now. @param {Composer} composer */
function refuse(composer) {
  ui.notice(t('fixRefused'), composer.lastRect || composer.badge.getBoundingClientRect());
  composer.check();
  return false;
}
