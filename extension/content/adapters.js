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
    return document.activeElement === this.el ? { start: /** @type {number} */ (this.el.selectionStart), end: /** @type {number} */ (this.el.selectionEnd) } : null;
  }
  /** @param {number} pos */
  setCaret(pos) {
    try {
      this.el.setSelectionRange(pos, pos);
    } catch { /* inputs of some types have no selection */ }
  }
  /**
   * Replaces [start, end) with `replacement` as typing would; true when done.
   * @param {number} start @param {number} end @param {string} replacement
   */
  async replace(start, end, replacement) {
    const el = this.el;
    el.focus({ preventScroll: true });
    el.setSelectionRange(start, end);
    let ok;
    try {
      // Keeps the native undo stack (Ctrl+Z) in Chromium, fires input events the site sees.
      ok = replacement === '' ? document.execCommand('delete', false) : document.execCommand('insertText', false, replacement);
    } catch {
      ok = false;
    }
    if (!ok || el.value.slice(start, start + replacement.length) !== replacement) {
      el.setRangeText(replacement, start, end, 'end');
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: replacement }));
    }
    return true;
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
    const sel = getSelection();
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
    const sel = /** @type {Selection} */ (getSelection());
    sel.setBaseAndExtent(p.node, p.offset, p.node, p.offset);
  }
  /** @param {number} start @param {number} end */
  select(start, end) {
    const r = this.range(start, end);
    if (!r) return false;
    const sel = /** @type {Selection} */ (getSelection());
    sel.setBaseAndExtent(r.startContainer, r.startOffset, r.endContainer, r.endOffset);
    return true;
  }
  /**
   * Replaces [start, end) with `replacement` the way the editor takes it; true when the
   * text is then as expected.
   * @param {number} start @param {number} end @param {string} replacement
   */
  async replace(start, end, replacement) {
    const el = this.el;
    const before = this.read().text;
    const expected = before.slice(0, start) + replacement + before.slice(end);
    el.focus({ preventScroll: true });
    // Slate ignores execCommand but handles a beforeinput with target ranges; the others
    // take execCommand, which also keeps the browser's own undo for plain contenteditable.
    const order = this.kind === 'slate' ? ['beforeinput', 'exec'] : ['exec', 'beforeinput'];
    for (const how of order) {
      this.read();
      if (!this.select(start, end)) return false;
      // Let the editor see the new selection (selectionchange is async) before typing.
      await nextFrame();
      this.read();
      const r = this.range(start, end);
      if (!r) return false;
      /** @type {Selection} */ (getSelection()).setBaseAndExtent(r.startContainer, r.startOffset, r.endContainer, r.endOffset);
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
