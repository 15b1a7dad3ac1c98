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
import { Mirror, readStyle } from './mirror.js';
import HIGHLIGHT_CSS from './highlights.css';

/** @typedef {import('../shared/types.js').Finding} Finding */
/** @typedef {import('../shared/types.js').Severity} Severity */
/** @typedef {import('./adapters.js').Adapter} Adapter */
/** @typedef {{left: number, top: number, right: number, bottom: number}} Box */
/**
 * A drawn mark: a DOM range (editors) or its mirror spans, one per line (textareas); `clip`
 * is the part of the field where a mirror's text shows (its marks are cut off there).
 * @typedef {{finding: Finding, range?: Range, spans?: HTMLElement[], clip?: Box}} Mark
 */

/** @type {Severity[]} */
export const SEVS = ['error', 'warning', 'info'];

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

/**
 * What a draw or placement needs to know of the composer's layout, read before anything is
 * written (Composer.measure()): a keystroke then lays out the page once, not once per read.
 * @typedef {{rect: DOMRect, visible: boolean, scrollTop: number, scrollLeft: number, style?: import('./mirror.js').StylePlan, ulines?: DOMRect[][], ulineMarks?: unknown[]}} Geometry
 */

/** Heavy input (issue 14): the marks are drawn, and the text checked, up to this many UTF-16 units. */
export const DRAW_LIMIT = 100000;

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
    /** @type {Mirror | null} */
    this.mirror = null;
    /** What is drawn (text, marks, where), to skip a draw that would change nothing. */
    this.drawnKey = '';
    /** Rich editors: drawn with the page's Highlights (true) or underlines in the closed root. */
    this.inHighlights = false;
    /** @type {HTMLElement[]} */
    this.ulines = [];
    /** @type {string[]} the ulines' styles as written */
    this.ulineCss = [];
    /** Where the mirror's text shows, in client coordinates (place() keeps it). @type {Box} */
    this.clip = { left: 0, top: 0, right: 0, bottom: 0 };
    /** How far the text is copied into the mirror (DRAW_LIMIT, or where the check stopped). */
    this.limit = DRAW_LIMIT;
  }

  /** Whether a draw needs no layout read first (the mirror exists and its style is known). */
  canDrawBlind() {
    if (this.adapter.kind !== 'textarea') return this.inHighlights || !this.list.length;
    return !!this.mirror && !this.mirror.styleDirty;
  }

  /** The mirror's style needs reading again (created, resized, the periodic pass). */
  restyle() {
    if (this.mirror) this.mirror.styleDirty = true;
  }

  /**
   * The reads a draw and placement need, before any write. @param {DOMRect} rect
   * @returns {Geometry}
   */
  measure(rect) {
    const el = this.el;
    const visible = rect.width > 0 && rect.height > 0 && el.isConnected;
    /** @type {Geometry} */
    const g = { rect, visible, scrollTop: 0, scrollLeft: 0 };
    if (this.adapter.kind === 'textarea') {
      g.scrollTop = el.scrollTop;
      g.scrollLeft = el.scrollLeft;
      if (!this.mirror || this.mirror.styleDirty) g.style = readStyle(el);
    } else if (!this.inHighlights && this.list.length && visible) {
      g.ulines = this.list.map((m) => (m.range ? Array.from(m.range.getClientRects()) : []));
      g.ulineMarks = this.list;
    }
    return g;
  }

  /**
   * Draws `findings` on `text` (the composer's current text), replacing what was drawn.
   * `exposed`: the page may see the marks (the user worked in this composer; see
   * Composer.exposed): only then do rich editors' marks go into the page's Highlights.
   * @param {Finding[]} findings
   * @param {string} text
   * @param {boolean} exposed
   * @param {Geometry} [g] measured before (else measured here)
   */
  draw(findings, text, exposed, g) {
    if (this.adapter.kind === 'textarea') {
      this.drawMirror(findings, text, g);
      return;
    }
    const useHighlights = hasHighlights && exposed;
    let key = (useHighlights ? 'h' : 'u') + this.limit + '\u0000' + text;
    for (const f of findings) key += '\u0000' + f.start + ',' + f.end + f.severity;
    // The same text and marks (a check's answer for what the keystroke already drew): as drawn.
    // (The editor may have re-rendered the same text: then the ranges are redrawn.)
    if (key === this.drawnKey && this.list.every((m) => m.range && m.range.startContainer.isConnected && this.el.contains(m.range.startContainer) && m.range.toString().replace(/\u00a0/g, ' ') === text.slice(m.finding.start, m.finding.end).replace(/\u00a0/g, ' '))) return;
    this.drawnKey = key;
    this.clear();
    this.inHighlights = useHighlights;
    styleRootOf(this.el);
    for (const f of findings) {
      if (f.start >= this.limit) continue;
      const range = this.adapter.range(f.start, f.end);
      if (!range) continue;
      this.list.push({ finding: f, range });
      if (useHighlights) highlights()[f.severity]?.add(range);
    }
    if (!useHighlights) this.placeUlines(this.list.map((m) => (m.range ? Array.from(m.range.getClientRects()) : [])));
  }

  /** Takes the marks off the page's Highlights (mirror and underlines stay until redrawn). */
  clear() {
    if (hasHighlights && shared) {
      for (const m of this.list) if (m.range) shared[m.finding.severity]?.delete(m.range);
    }
    this.list = [];
  }

  /** @param {Finding[]} findings @param {string} text @param {Geometry} [g] */
  drawMirror(findings, text, g) {
    if (!this.mirror) {
      this.mirror = new Mirror(this.el, this.id);
      this.drawnKey = '';
    }
    const m = this.mirror;
    if (!g && m.styleDirty) g = this.measure(this.el.getBoundingClientRect());
    if (g && g.style) m.applyStyle(g.style);
    const sorted = findings.filter((f) => f.start < this.limit).sort((a, b) => a.start - b.start || b.end - a.end);
    /** @type {Finding[]} the marks the mirror shows (no overlaps) */
    const shown = [];
    let end = 0;
    for (const f of sorted) {
      if (f.start < end) continue; // overlapping: the earlier mark wins in the mirror
      shown.push(f);
      end = f.end;
    }
    const spans = m.draw(text, shown, this.limit);
    this.list = shown.map((f, k) => ({ finding: f, spans: spans[k], clip: this.clip }));
  }

  /** Writes the fallback underlines at `rects` (one list per mark), reusing their elements. @param {DOMRect[][]} rects */
  placeUlines(rects) {
    /** @type {{css: string, sev: string}[]} */
    const want = [];
    rects.forEach((rs, k) => {
      for (const r of rs) want.push({ css: `left:${r.left}px;top:${r.bottom - 2}px;width:${r.width}px`, sev: this.list[k].finding.severity });
    });
    while (this.ulines.length > want.length) {
      /** @type {HTMLElement} */ (this.ulines.pop()).remove();
      this.ulineCss.pop();
    }
    want.forEach((w, i) => {
      let u = this.ulines[i];
      if (!u) {
        u = ui.el('div', { class: 'uline' });
        ui.layer('marks').appendChild(u);
        this.ulines.push(u);
        this.ulineCss.push('');
      }
      if (u.dataset.sev !== w.sev) u.dataset.sev = w.sev;
      if (this.ulineCss[i] !== w.css) {
        u.style.cssText = w.css;
        this.ulineCss[i] = w.css;
      }
    });
  }

  /**
   * Follows the composer's box (measured in `g`): the mirror's place and scroll, the
   * underlines' rects. Only writes. @param {Geometry} g
   */
  place(g) {
    const r = g.rect;
    if (this.mirror) {
      if (g.style) this.mirror.applyStyle(g.style);
      this.mirror.place(r, g.visible, g.scrollTop, g.scrollLeft);
      const i = this.mirror.insets;
      this.clip.left = r.left + i.left;
      this.clip.top = r.top + i.top;
      this.clip.right = r.right - i.right;
      this.clip.bottom = r.bottom - i.bottom;
    }
    // Rects measured for the marks of an earlier draw (the site re-rendered the composer, a
    // check answered in between) are stale: draw() placed the new marks' underlines already.
    if (g.ulines && g.ulineMarks === this.list) this.placeUlines(g.visible ? g.ulines : []);
    else if (!g.visible && this.ulines.length) this.placeUlines([]);
  }

  destroy() {
    this.clear();
    this.placeUlines([]);
    if (this.mirror) this.mirror.remove();
    this.mirror = null;
  }
}
