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
(function () {
  'use strict';
  const PW = (globalThis.PW = globalThis.PW || {});
  if (PW.started) return; // already running in this page (injected a second time)
  const tm = PW.textmap;

  const nextFrame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));

  function editableRoot(el) {
    // The outermost contenteditable host containing el.
    let root = null;
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      const ce = n.getAttribute && n.getAttribute('contenteditable');
      if (ce !== null && ce !== 'false') root = n;
      else if (ce === 'false' && root) break;
    }
    return root;
  }

  const TEXT_INPUT_TYPES = new Set(['', 'text', 'search']);

  /** The composer root for an event target, or null. */
  function composerFor(target) {
    if (!target || target.nodeType !== 1) return null;
    if (PW.ui && PW.ui.contains(target)) return null; // Postwacht's own fields (guard reason)
    if (target.tagName === 'TEXTAREA') return target.readOnly || target.disabled ? null : target;
    if (target.tagName === 'INPUT') {
      const type = (target.getAttribute('type') || '').toLowerCase();
      return TEXT_INPUT_TYPES.has(type) && !target.readOnly && !target.disabled ? target : null;
    }
    if (target.isContentEditable) return editableRoot(target);
    return null;
  }

  function kindOf(el) {
    if (el.tagName === 'TEXTAREA' || el.tagName === 'INPUT') return 'textarea';
    if (el.hasAttribute('data-lexical-editor')) return 'lexical';
    if (el.classList.contains('public-DraftEditor-content') || el.querySelector('[data-contents="true"]')) return 'draft';
    if (el.classList.contains('ql-editor')) return 'quill';
    if (el.classList.contains('ProseMirror')) return 'prosemirror';
    if (el.hasAttribute('data-slate-editor')) return 'slate';
    return 'contenteditable';
  }

  class TextareaAdapter {
    constructor(el) {
      this.el = el;
      this.kind = 'textarea';
    }
    read() {
      return { text: this.el.value, segs: null };
    }
    caret() {
      return document.activeElement === this.el ? { start: this.el.selectionStart, end: this.el.selectionEnd } : null;
    }
    setCaret(pos) {
      try {
        this.el.setSelectionRange(pos, pos);
      } catch (_) { /* inputs of some types have no selection */ }
    }
    async replace(start, end, replacement) {
      const el = this.el;
      el.focus({ preventScroll: true });
      el.setSelectionRange(start, end);
      let ok = false;
      try {
        // Keeps the native undo stack (Ctrl+Z) in Chromium, fires input events the site sees.
        ok = replacement === '' ? document.execCommand('delete', false) : document.execCommand('insertText', false, replacement);
      } catch (_) {
        ok = false;
      }
      if (!ok || el.value.slice(start, start + replacement.length) !== replacement) {
        el.setRangeText(replacement, start, end, 'end');
        el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: replacement }));
      }
      return true;
    }
  }

  class EditableAdapter {
    constructor(el, kind) {
      this.el = el;
      this.kind = kind;
      this.map = { text: '', segs: [] };
    }
    read() {
      this.map = tm.build(this.el);
      return this.map;
    }
    range(start, end) {
      return tm.range(this.map, start, end);
    }
    caret() {
      const sel = getSelection();
      if (!sel || !sel.rangeCount || !this.el.contains(sel.anchorNode)) return null;
      const r = sel.getRangeAt(0);
      const s = tm.offsetOf(this.map, this.el, r.startContainer, r.startOffset);
      const e = tm.offsetOf(this.map, this.el, r.endContainer, r.endOffset);
      if (s < 0 || e < 0) return null;
      return { start: s, end: e };
    }
    setCaret(pos) {
      const p = tm.position(this.map, pos, 'end');
      if (!p) return;
      const sel = getSelection();
      sel.setBaseAndExtent(p.node, p.offset, p.node, p.offset);
    }
    select(start, end) {
      const r = this.range(start, end);
      if (!r) return false;
      const sel = getSelection();
      sel.setBaseAndExtent(r.startContainer, r.startOffset, r.endContainer, r.endOffset);
      return true;
    }
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
        getSelection().setBaseAndExtent(r.startContainer, r.startOffset, r.endContainer, r.endOffset);
        if (how === 'exec') {
          try {
            if (replacement === '') document.execCommand('delete', false);
            else document.execCommand('insertText', false, replacement);
          } catch (_) { /* try the next way */ }
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

  function adapterFor(el) {
    const kind = kindOf(el);
    return kind === 'textarea' ? new TextareaAdapter(el) : new EditableAdapter(el, kind);
  }

  PW.adapters = { composerFor, kindOf, adapterFor, nextFrame };
})();
