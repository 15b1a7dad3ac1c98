// Editor adapters: one per kind of composer. Each knows how to read the plain text (with a
// map back to the DOM), build DOM ranges for spans, and apply a fix the way that editor
// expects, so its own model, its undo history and the caret stay right.
//
// Rich editors (Lexical, Draft.js, Quill, ProseMirror, Slate) keep a model and re-render the
// DOM from it; they must never be edited behind their back. Postwacht only ever (1) selects
// the span with the DOM selection and (2) asks the browser to type the replacement with
// document.execCommand('insertText'), which fires the same beforeinput/input events real
// typing does (and keeps the browser's or the editor's undo). If an editor ignores that,
// a synthetic beforeinput (insertReplacementText) is tried, which Slate and Lexical handle.
import * as tm from './textmap.js';
import { contains as isOurs } from './ui.js';

/** Resolves after the next frame was drawn and the tasks queued in it ran. @returns {Promise<void>} */
export const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/** @typedef {'textarea' | 'contenteditable' | 'lexical' | 'draft' | 'quill' | 'prosemirror' | 'slate'} EditorKind */
/** @typedef {HTMLTextAreaElement | HTMLInputElement} TextField */
/** @typedef {{start: number, end: number}} Span */

/** @param {Element} el @returns {HTMLElement | null} */
function editableRoot(el) {
  // The outermost contenteditable host containing el.
  /** @type {HTMLElement | null} */
  let root = null;
  for (let n = /** @type {HTMLElement | null} */ (el); n && n.nodeType === 1; n = n.parentElement) {
    const ce = n.getAttribute && n.getAttribute('contenteditable');
    if (ce !== null && ce !== 'false') root = n;
    else if (ce === 'false' && root) break;
  }
  return root;
}

const TEXT_INPUT_TYPES = new Set(['', 'text', 'search']);

/** Elements that can be composers (composerFor decides). */
export const COMPOSER_SELECTOR = 'textarea, input[type="text"], input:not([type]), input[type="search"], [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]';

/**
 * The selection that holds `el`'s content: a shadow root has its own in Chromium.
 * @param {Node} el @returns {Selection | null}
 */
export function selectionOf(el) {
  const root = /** @type {any} */ (el.getRootNode());
  if (root && root.host && typeof root.getSelection === 'function') return root.getSelection();
  return getSelection();
}

/** True when `el` has keyboard focus (also inside a shadow root). @param {Element} el */
export function focused(el) {
  const root = /** @type {Document | ShadowRoot} */ (el.getRootNode());
  return !!root && 'activeElement' in root && root.activeElement === el;
}

/**
 * The composer root for an event target, or null.
 * @param {EventTarget | Node | null | undefined} node
 * @returns {HTMLElement | null}
 */
export function composerFor(node) {
  if (!node || !('nodeType' in node) || node.nodeType !== 1) return null;
  const target = /** @type {HTMLElement} */ (node);
  if (isOurs(target)) return null; // Postwacht's own fields (guard reason)
  if (target.tagName === 'TEXTAREA' || target.tagName === 'INPUT') {
    const field = /** @type {TextField} */ (target);
    if (field.readOnly || field.disabled) return null;
    if (target.tagName === 'TEXTAREA') return field;
    const type = (target.getAttribute('type') || '').toLowerCase();
    return TEXT_INPUT_TYPES.has(type) ? field : null;
  }
  if (target.isContentEditable) return editableRoot(target);
  return null;
}

/** @param {HTMLElement} el @returns {EditorKind} */
export function kindOf(el) {
  if (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT') return 'textarea';
  if (el.hasAttribute('data-lexical-editor')) return 'lexical';
  if (el.classList.contains('public-DraftEditor-content') || el.querySelector('[data-contents="true"]')) return 'draft';
  if (el.classList.contains('ql-editor')) return 'quill';
  if (el.classList.contains('ProseMirror')) return 'prosemirror';
  if (el.hasAttribute('data-slate-editor')) return 'slate';
  return 'contenteditable';
}

/** A <textarea> or text <input>: plain text, native selection offsets. */
export class TextareaAdapter {
  /** @param {TextField} el */
  constructor(el) {
    this.el = el;
    /** @type {EditorKind} */
    this.kind = 'textarea';
  }
  /** @returns {{text: string, segs: null}} */
  read() {
    return { text: this.el.value, segs: null };
  }
  /** Textareas have no DOM ranges (the mirror draws their marks). @param {number} _start @param {number} _end @returns {Range | null} */
  range(_start, _end) {
    return null;
  }
  /** @returns {Span | null} */
  caret() {
    return focused(this.el) ? { start: /** @type {number} */ (this.el.selectionStart), end: /** @type {number} */ (this.el.selectionEnd) } : null;
  }
  /** @param {number} pos */
  setCaret(pos) {
    try {
      this.el.setSelectionRange(pos, pos);
    } catch { /* inputs of some types have no selection */ }
  }
  /**
   * Replaces [start, end) with `replacement` as typing would; true when done. With
   * `target`, nothing is typed unless [start, end) holds exactly that text in this
   * (connected, focused) field at the moment of typing.
   * @param {number} start @param {number} end @param {string} replacement @param {string} [target]
   */
  async replace(start, end, replacement, target) {
    const el = this.el;
    if (!el.isConnected) return false;
    el.focus({ preventScroll: true });
    const before = el.value;
    if (target !== undefined && (!focused(el) || tm.plain(before.slice(start, end)) !== tm.plain(target))) return false;
    el.setSelectionRange(start, end);
    if (el.selectionStart !== start || el.selectionEnd !== end) return false;
    const expected = before.slice(0, start) + replacement + before.slice(end);
    try {
      // Keeps the native undo stack (Ctrl+Z) in Chromium, fires input events the site sees.
      if (replacement === '') document.execCommand('delete', false);
      else document.execCommand('insertText', false, replacement);
    } catch { /* the fallback below */ }
    if (el.value === expected) return true;
    if (el.value !== before) return false; // the page did something else: do not pile on
    el.setRangeText(replacement, start, end, 'end');
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: replacement }));
    return el.value === expected;
  }
}

/** A contenteditable composer (plain or a rich editor): text through the text map. */
export class EditableAdapter {
  /** @param {HTMLElement} el @param {EditorKind} kind */
  constructor(el, kind) {
    this.el = el;
    this.kind = kind;
    /** @type {tm.TextMap} */
    this.map = { text: '', segs: [] };
  }
  /** @returns {tm.TextMap} */
  read() {
    this.map = tm.build(this.el);
    return this.map;
  }
  /** @param {number} start @param {number} end */
  range(start, end) {
    return tm.range(this.map, start, end);
  }
  /** @returns {Span | null} */
  caret() {
    const sel = selectionOf(this.el);
    if (!sel || !sel.rangeCount || !this.el.contains(sel.anchorNode)) return null;
    const r = sel.getRangeAt(0);
    const s = tm.offsetOf(this.map, r.startContainer, r.startOffset);
    const e = tm.offsetOf(this.map, r.endContainer, r.endOffset);
    if (s < 0 || e < 0) return null;
    return { start: s, end: e };
  }
  /** @param {number} pos */
  setCaret(pos) {
    const p = tm.position(this.map, pos, 'end');
    if (!p) return;
    const sel = selectionOf(this.el);
    if (!sel) return;
    sel.setBaseAndExtent(p.node, p.offset, p.node, p.offset);
  }
  /** @param {number} start @param {number} end */
  select(start, end) {
    const r = this.range(start, end);
    if (!r) return false;
    const sel = selectionOf(this.el);
    if (!sel) return false;
    sel.setBaseAndExtent(r.startContainer, r.startOffset, r.endContainer, r.endOffset);
    return true;
  }
  /**
   * Replaces [start, end) with `replacement` the way the editor takes it; true when the
   * text is then as expected. With `target`, nothing is typed unless, at the moment of
   * typing, [start, end) of the text as the DOM holds it then is exactly that text and the
   * selection covers exactly it.
   * @param {number} start @param {number} end @param {string} replacement @param {string} [target]
   */
  async replace(start, end, replacement, target) {
    const el = this.el;
    if (!el.isConnected) return false;
    const before = this.read().text;
    const expected = before.slice(0, start) + replacement + before.slice(end);
    if (target !== undefined && tm.plain(before.slice(start, end)) !== tm.plain(target)) return false;
    el.focus({ preventScroll: true });
    // Slate ignores execCommand but handles a beforeinput with target ranges; the others
    // take execCommand, which also keeps the browser's own undo for plain contenteditable.
    const order = this.kind === 'slate' ? ['beforeinput', 'exec'] : ['exec', 'beforeinput'];
    for (const how of order) {
      this.read();
      if (!this.select(start, end)) return false;
      // Let the editor see the new selection (selectionchange is async) before typing.
      await nextFrame();
      // The page may have re-rendered meanwhile: from here to typing is synchronous, and
      // types only where the text still is what it was.
      if (!el.isConnected) return false;
      const fresh = this.read().text;
      if (fresh !== before) return false;
      const r = this.range(start, end);
      const sel = selectionOf(el);
      if (!r || !sel) return false;
      sel.setBaseAndExtent(r.startContainer, r.startOffset, r.endContainer, r.endOffset);
      const at = this.caret();
      if (!at || at.start !== start || at.end !== end) return false;
      if (how === 'exec') {
        try {
          if (replacement === '') document.execCommand('delete', false);
          else document.execCommand('insertText', false, replacement);
        } catch { /* try the next way */ }
      } else {
        // What a spell checker's replacement sends.
        const dt = new DataTransfer();
        dt.setData('text/plain', replacement);
        el.dispatchEvent(
          new InputEvent('beforeinput', {
            bubbles: true,
            cancelable: true,
            composed: true,
            inputType: 'insertReplacementText',
            data: replacement,
            dataTransfer: dt,
            targetRanges: [new StaticRange({ startContainer: r.startContainer, startOffset: r.startOffset, endContainer: r.endContainer, endOffset: r.endOffset })],
          }),
        );
      }
      await nextFrame();
      const now = this.read().text;
      if (now === expected) return true;
      if (now !== before) return false; // the editor did something else: do not pile on
    }
    return false;
  }
}

/** @typedef {TextareaAdapter | EditableAdapter} Adapter */

/** @param {HTMLElement} el @returns {Adapter} */
export function adapterFor(el) {
  const kind = kindOf(el);
  return kind === 'textarea' ? new TextareaAdapter(/** @type {TextField} */ (el)) : new EditableAdapter(el, kind);
}
