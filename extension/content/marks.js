// Drawing the marks of one composer, in one of three ways:
//   - rich editors and contenteditable: the CSS Custom Highlight API (one Highlight per
//     severity, shared by all composers of the page; styles in highlights.css), so the
//     editor's DOM is never touched;
//   - the same where the browser has no Highlight API: underline boxes over the ranges'
//     client rects, in Postwacht's shadow root;
//   - textarea and input: a "mirror", a copy of the text with the same font and box, in the
//     shadow root under the field, with the marked spans underlined.
// hittest.js finds the mark under the mouse or caret from what is drawn here.
import * as ui from './ui.js';
import HIGHLIGHT_CSS from './highlights.css';

/** @typedef {import('../shared/types.js').Finding} Finding */
/** @typedef {import('../shared/types.js').Severity} Severity */
/** @typedef {import('./adapters.js').Adapter} Adapter */
/** @typedef {{left: number, top: number, right: number, bottom: number}} Box */
/**
 * A drawn mark: a DOM range (editors) or a mirror span (textareas); `clip` is the part of
 * the field where a mirror's text shows (its marks are cut off there).
 * @typedef {{finding: Finding, range?: Range, span?: HTMLElement, clip?: Box}} Mark
 */

/** @type {Severity[]} */
export const SEVS = ['error', 'warning', 'info'];

// The textarea's properties the mirror copies, so its text wraps exactly like the field's.
const MIRROR_PROPS = [
  'font-family', 'font-size', 'font-weight', 'font-style', 'font-variant', 'font-stretch',
  'line-height', 'letter-spacing', 'word-spacing', 'text-indent', 'text-transform', 'text-align',
  'padding-top', 'padding-right', 'padding-bottom', 'padding-left', 'border-top-width',
  'border-right-width', 'border-bottom-width', 'border-left-width', 'border-style',
  'tab-size', 'direction', 'unicode-bidi', 'white-space', 'word-break', 'overflow-wrap',
];

/** Shadow roots that got the highlight styles (a page's styles do not reach into them). */
const styledRoots = new WeakSet();
/** @param {Node} el */
function styleRootOf(el) {
  const root = /** @type {ShadowRoot} */ (el.getRootNode());
  if (!root || !root.host || styledRoots.has(root)) return;
  styledRoots.add(root);
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(HIGHLIGHT_CSS);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } catch { /* marks then show without their colours */ }
}

export const hasHighlights = typeof CSS !== 'undefined' && !!CSS.highlights && typeof Highlight === 'function';

/** @type {Record<Severity, Highlight> | null} */
let shared = null;
/** The page's Highlights, registered on first use (not at load: see main.js on re-injection). */
function highlights() {
  if (!shared) {
    shared = /** @type {Record<Severity, Highlight>} */ ({});
    for (const s of SEVS) {
      shared[s] = new Highlight();
      CSS.highlights.set('postwacht-' + s, shared[s]);
    }
  }
  return shared;
}

export class Marks {
  /**
   * @param {HTMLElement} el the composer
   * @param {Adapter} adapter its editor adapter
   * @param {number} id the composer's id (data-composer on the mirror)
   */
  constructor(el, adapter, id) {
    this.el = el;
    this.adapter = adapter;
    this.id = id;
    /** @type {Mark[]} */
    this.list = [];
    /** @type {HTMLElement | null} */
    this.mirror = null;
    /** @type {HTMLElement[]} */
    this.ulines = [];
    /** Where the mirror's text shows, in client coordinates (position() keeps it). @type {Box} */
    this.clip = { left: 0, top: 0, right: 0, bottom: 0 };
    /** The mirror's insets from the field's border box to where text shows. */
    this.insets = { top: 0, right: 0, bottom: 0, left: 0 };
  }

  /**
   * Draws `findings` on `text` (the composer's current text), replacing what was drawn.
   * @param {Finding[]} findings
   * @param {string} text
   */
  draw(findings, text) {
    this.clear();
    if (this.adapter.kind === 'textarea') {
      this.drawMirror(findings, text);
      return;
    }
    styleRootOf(this.el);
    for (const f of findings) {
      const range = this.adapter.range(f.start, f.end);
      if (!range) continue;
      this.list.push({ finding: f, range });
      if (hasHighlights) highlights()[f.severity]?.add(range);
    }
    if (!hasHighlights) this.drawUlines();
  }

  /** Takes the marks off the page's Highlights (mirror and underlines stay until redrawn). */
  clear() {
    if (hasHighlights && shared) {
      for (const m of this.list) if (m.range) shared[m.finding.severity]?.delete(m.range);
    }
    this.list = [];
  }

  /** @param {Finding[]} findings @param {string} text */
  drawMirror(findings, text) {
    if (!this.mirror) {
      this.mirror = ui.el('div', { class: 'mirror', 'data-composer': String(this.id), 'aria-hidden': 'true' });
      ui.layer('marks').appendChild(this.mirror);
    }
    // Direction (dir=auto follows the text), the scrollbar and the font can change.
    this.styleMirror();
    const m = this.mirror;
    m.textContent = '';
    const sorted = findings.slice().sort((a, b) => a.start - b.start || b.end - a.end);
    let at = 0;
    for (const f of sorted) {
      if (f.start < at) continue; // overlapping: the earlier mark wins in the mirror
      if (f.start > at) m.appendChild(document.createTextNode(text.slice(at, f.start)));
      const span = ui.el('span', { 'data-sev': f.severity, 'data-start': String(f.start), 'data-end': String(f.end), 'data-text': text.slice(f.start, f.end) });
      span.textContent = text.slice(f.start, f.end);
      m.appendChild(span);
      this.list.push({ finding: f, span, clip: this.clip });
      at = f.end;
    }
    // A trailing newline needs a character after it to take up its line in a div.
    m.appendChild(document.createTextNode(text.slice(at) + '\u200b'));
  }

  styleMirror() {
    if (!this.mirror) return;
    const el = this.el;
    const cs = getComputedStyle(el);
    const s = this.mirror.style;
    const auto = (el.getAttribute('dir') || '').toLowerCase() === 'auto';
    for (const p of MIRROR_PROPS) {
      // dir=auto: the mirror holds the same text, so it finds the same direction itself.
      if (auto && (p === 'direction' || p === 'unicode-bidi')) continue;
      s.setProperty(p, cs.getPropertyValue(p));
    }
    if (auto) this.mirror.setAttribute('dir', 'auto');
    else this.mirror.removeAttribute('dir');
    // The mirror is placed on the field's border box, whatever the field's box-sizing.
    s.setProperty('box-sizing', 'border-box');
    const px = (/** @type {string} */ p) => parseFloat(cs.getPropertyValue(p)) || 0;
    const border = { top: px('border-top-width'), right: px('border-right-width'), bottom: px('border-bottom-width'), left: px('border-left-width') };
    const pad = { top: px('padding-top'), right: px('padding-right'), bottom: px('padding-bottom'), left: px('padding-left') };
    // A classic scrollbar takes room from the text: the mirror, which has none, leaves the
    // same room (on the left for right-to-left text in Chromium).
    const sbX = Math.max(0, el.offsetWidth - el.clientWidth - border.left - border.right);
    const sbY = Math.max(0, el.offsetHeight - el.clientHeight - border.top - border.bottom);
    const rtl = cs.getPropertyValue('direction') === 'rtl';
    if (sbX) s.setProperty(rtl ? 'padding-left' : 'padding-right', (rtl ? pad.left : pad.right) + sbX + 'px');
    if (sbY) s.setProperty('padding-bottom', pad.bottom + sbY + 'px');
    // Where the text shows: a one-line input clips it at its content box, a textarea at
    // its padding box (minus a scrollbar).
    const input = el.tagName === 'INPUT';
    this.insets = {
      top: border.top + (input ? pad.top : 0),
      right: border.right + (input ? pad.right : 0) + (rtl ? 0 : sbX),
      bottom: border.bottom + (input ? pad.bottom : 0) + sbY,
      left: border.left + (input ? pad.left : 0) + (rtl ? sbX : 0),
    };
    const i = this.insets;
    s.setProperty('clip-path', `inset(${i.top}px ${i.right}px ${i.bottom}px ${i.left}px)`);
    if (el.tagName === 'INPUT') {
      s.setProperty('white-space', 'pre');
      s.setProperty('overflow-wrap', 'normal');
    } else {
      s.setProperty('white-space', 'pre-wrap');
    }
  }

  drawUlines() {
    for (const u of this.ulines) u.remove();
    this.ulines = [];
    for (const m of this.list) {
      if (!m.range) continue;
      for (const r of m.range.getClientRects()) {
        const u = ui.el('div', { class: 'uline', 'data-sev': m.finding.severity });
        u.style.cssText = `left:${r.left}px;top:${r.bottom - 2}px;width:${r.width}px`;
        ui.layer('marks').appendChild(u);
        this.ulines.push(u);
      }
    }
  }

  /**
   * Follows the composer's box (`r`, its client rect): the mirror's place and scroll, the
   * underlines' rects. Called in an animation frame.
   * @param {DOMRect} r
   * @param {boolean} visible
   */
  position(r, visible) {
    if (this.mirror) {
      const s = this.mirror.style;
      s.display = visible ? '' : 'none';
      s.left = r.left + 'px';
      s.top = r.top + 'px';
      s.width = r.width + 'px';
      s.height = r.height + 'px';
      this.mirror.scrollTop = this.el.scrollTop;
      this.mirror.scrollLeft = this.el.scrollLeft;
      const i = this.insets;
      this.clip.left = r.left + i.left;
      this.clip.top = r.top + i.top;
      this.clip.right = r.right - i.right;
      this.clip.bottom = r.bottom - i.bottom;
    }
    if (!hasHighlights && this.adapter.kind !== 'textarea') this.drawUlines();
  }

  destroy() {
    this.clear();
    for (const u of this.ulines) u.remove();
    this.ulines = [];
    if (this.mirror) this.mirror.remove();
    this.mirror = null;
  }
}
