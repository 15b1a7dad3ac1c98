// The mirror behind a textarea or one-line input: a copy of its text with the same font and
// box in Postwacht's (closed) shadow root, with the marked stretches in underlined spans.
//
// Performance (issue 9, item 10): the mirror is one block per line of the text (a line ends
// at "\n"), so a keystroke re-lays-out the block it falls in and no other: each draw
// compares the blocks' keys (their text and marks) with the drawn ones and replaces only
// the blocks that differ; the blocks after them only move (and get their spans' offsets
// renumbered). Heavy input (issue 14): only the text up to `limit` (the checked part) is
// copied (the lines move with the field's scrolling by a transform, so nothing below is
// needed). The style is read only when asked (readStyle: created, resized, the periodic pass)
// and written only where it changed, so a keystroke reads no layout between writes.
import * as ui from './ui.js';

/** @typedef {{start: number, end: number, severity: string}} Piece a mark's part on one line */
/** @typedef {{start: number, end: number, key: string, node: HTMLElement, pieces: Piece[], spans: HTMLElement[]}} Block */
/** @typedef {{left: number, top: number, right: number, bottom: number}} Box */

// The field's properties the mirror copies, so its text wraps exactly like the field's.
const MIRROR_PROPS = [
  'font-family', 'font-size', 'font-weight', 'font-style', 'font-variant', 'font-stretch',
  'line-height', 'letter-spacing', 'word-spacing', 'text-indent', 'text-transform', 'text-align',
  'padding-top', 'padding-right', 'padding-bottom', 'padding-left', 'border-top-width',
  'border-right-width', 'border-bottom-width', 'border-left-width', 'border-style',
  'tab-size', 'direction', 'unicode-bidi', 'white-space', 'word-break', 'overflow-wrap',
];

/**
 * What readStyle() found: the mirror's style properties, its dir attribute and the insets
 * of the field's border box where its text shows.
 * @typedef {{props: [string, string][], dir: boolean, insets: Box}} StylePlan
 */

/**
 * Reads the field's style, for Mirror.applyStyle (forces style and layout: call it before
 * any write of the frame).
 * @param {HTMLElement} el @returns {StylePlan}
 */
export function readStyle(el) {
  const cs = getComputedStyle(el);
  const auto = (el.getAttribute('dir') || '').toLowerCase() === 'auto';
  /** @type {[string, string][]} */
  const props = [];
  for (const p of MIRROR_PROPS) {
    // dir=auto: the mirror holds the same text, so it finds the same direction itself.
    if (auto && (p === 'direction' || p === 'unicode-bidi')) continue;
    props.push([p, cs.getPropertyValue(p)]);
  }
  const px = (/** @type {string} */ p) => parseFloat(cs.getPropertyValue(p)) || 0;
  const border = { top: px('border-top-width'), right: px('border-right-width'), bottom: px('border-bottom-width'), left: px('border-left-width') };
  const pad = { top: px('padding-top'), right: px('padding-right'), bottom: px('padding-bottom'), left: px('padding-left') };
  // A classic scrollbar takes room from the text: the mirror, which has none, leaves the
  // same room (on the left for right-to-left text in Chromium).
  const sbX = Math.max(0, el.offsetWidth - el.clientWidth - border.left - border.right);
  const sbY = Math.max(0, el.offsetHeight - el.clientHeight - border.top - border.bottom);
  const rtl = cs.getPropertyValue('direction') === 'rtl';
  // The mirror is placed on the field's border box, whatever the field's box-sizing.
  props.push(['box-sizing', 'border-box']);
  props.push([rtl ? 'padding-left' : 'padding-right', (rtl ? pad.left : pad.right) + sbX + 'px']);
  props.push(['padding-bottom', pad.bottom + sbY + 'px']);
  // Where the text shows: a one-line input clips it at its content box, a textarea at
  // its padding box (minus a scrollbar).
  const input = el.tagName === 'INPUT';
  const insets = {
    top: border.top + (input ? pad.top : 0),
    right: border.right + (input ? pad.right : 0) + (rtl ? 0 : sbX),
    bottom: border.bottom + (input ? pad.bottom : 0) + sbY,
    left: border.left + (input ? pad.left : 0) + (rtl ? sbX : 0),
  };
  props.push(['clip-path', `inset(${insets.top}px ${insets.right}px ${insets.bottom}px ${insets.left}px)`]);
  if (input) {
    props.push(['white-space', 'pre']);
    props.push(['overflow-wrap', 'normal']);
  } else {
    props.push(['white-space', 'pre-wrap']);
  }
  return { props, dir: auto, insets };
}

export class Mirror {
  /** @param {HTMLElement} field @param {number} id */
  constructor(field, id) {
    this.field = field;
    this.node = ui.el('div', { class: 'mirror', 'data-composer': String(id), 'aria-hidden': 'true' });
    ui.layer('marks').appendChild(this.node);
    // The lines, moved by a transform as the field scrolls (a scroll offset written to the
    // mirror would force its layout on every keystroke, and clamp where it is shorter).
    this.content = ui.el('div', { class: 'lines' });
    this.node.appendChild(this.content);
    /** @type {Block[]} */
    this.blocks = [];
    /** Style properties as last written. @type {Map<string, string>} */
    this.written = new Map();
    /** The insets from the field's border box to where its text shows. @type {Box} */
    this.insets = { top: 0, right: 0, bottom: 0, left: 0 };
    this.styleDirty = true;
    /** Placement and scroll offsets as last written (place()). */
    this.placed = '';
    this.scrolled = '';
  }

  /** Writes a plan of readStyle(), only the properties that changed. @param {StylePlan} plan */
  applyStyle(plan) {
    const s = this.node.style;
    /** @type {Map<string, string>} */
    const next = new Map();
    for (const [p, v] of plan.props) next.set(p, v); // later entries win (padding, white-space)
    for (const [p, v] of next) {
      if (this.written.get(p) !== v) s.setProperty(p, v);
    }
    for (const p of this.written.keys()) if (!next.has(p)) s.removeProperty(p);
    this.written = next;
    if (plan.dir !== this.node.hasAttribute('dir')) {
      if (plan.dir) this.node.setAttribute('dir', 'auto');
      else this.node.removeAttribute('dir');
    }
    this.insets = plan.insets;
    this.styleDirty = false;
  }

  /**
   * Shows `text` with `marks` (sorted, not overlapping), copying the text only up to
   * `limit`. Returns, per mark, its spans (one per line it covers).
   * @param {string} text @param {Piece[]} marks @param {number} limit
   * @returns {HTMLElement[][]}
   */
  draw(text, marks, limit) {
    // The text to copy: up to `limit` (lines break greedily, so the text after the cut moves
    // nothing before it), not between the halves of a surrogate pair.
    let upto = text.length;
    if (limit < text.length) {
      upto = limit;
      const c = text.charCodeAt(upto - 1);
      if (c >= 0xd800 && c <= 0xdbff) upto--;
    }
    /** @type {{start: number, end: number, key: string, pieces: Piece[]}[]} */
    const lines = [];
    let k = 0;
    for (let start = 0; ; ) {
      const nl = text.indexOf('\n', start);
      const end = nl < 0 || nl > upto ? upto : nl;
      /** @type {Piece[]} */
      const pieces = [];
      while (k < marks.length && marks[k].end <= start) k++;
      let key = text.slice(start, end);
      for (let j = k; j < marks.length && marks[j].start < end; j++) {
        const a = Math.max(marks[j].start, start);
        const b = Math.min(marks[j].end, end);
        if (b <= a) continue;
        pieces.push({ start: a, end: b, severity: marks[j].severity });
        key += '\u0000' + (a - start) + ',' + (b - start) + marks[j].severity;
      }
      lines.push({ start, end, key, pieces });
      if (end >= upto) break;
      start = end + 1;
    }
    const old = this.blocks;
    let pre = 0;
    while (pre < old.length && pre < lines.length && old[pre].key === lines[pre].key && old[pre].start === lines[pre].start) pre++;
    let suf = 0;
    while (suf < old.length - pre && suf < lines.length - pre && old[old.length - 1 - suf].key === lines[lines.length - 1 - suf].key) suf++;
    // Replace the blocks in between.
    const before = suf ? old[old.length - suf].node : null;
    for (let i = pre; i < old.length - suf; i++) old[i].node.remove();
    /** @type {Block[]} */
    const mid = [];
    for (let i = pre; i < lines.length - suf; i++) {
      const b = this.buildBlock(text, lines[i]);
      this.content.insertBefore(b.node, before);
      mid.push(b);
    }
    const tail = old.slice(old.length - suf);
    for (let i = 0; i < tail.length; i++) {
      const b = tail[i];
      const l = lines[lines.length - suf + i];
      const d = l.start - b.start;
      if (!d) continue;
      b.start = l.start;
      b.end = l.end;
      b.pieces = l.pieces;
      b.spans.forEach((s, j) => {
        s.setAttribute('data-start', String(l.pieces[j].start));
        s.setAttribute('data-end', String(l.pieces[j].end));
      });
    }
    this.blocks = old.slice(0, pre).concat(mid, tail);
    // Each mark's spans, in the marks' order.
    /** @type {HTMLElement[][]} */
    const out = marks.map(() => []);
    let m = 0;
    for (const b of this.blocks) {
      b.pieces.forEach((p, j) => {
        while (m < marks.length && marks[m].end <= p.start) m++;
        if (m < marks.length) out[m].push(b.spans[j]);
      });
    }
    return out;
  }

  /** @param {string} text @param {{start: number, end: number, key: string, pieces: Piece[]}} line @returns {Block} */
  buildBlock(text, line) {
    const node = document.createElement('div');
    /** @type {HTMLElement[]} */
    const spans = [];
    let at = line.start;
    for (const p of line.pieces) {
      if (p.start > at) node.appendChild(document.createTextNode(text.slice(at, p.start)));
      const span = ui.el('span', { 'data-sev': p.severity, 'data-start': String(p.start), 'data-end': String(p.end) });
      span.textContent = text.slice(p.start, p.end);
      node.appendChild(span);
      spans.push(span);
      at = p.end;
    }
    // A zero-width space keeps an empty line's height (and a line's end where it is).
    node.appendChild(document.createTextNode(text.slice(at, line.end) + '\u200b'));
    return { start: line.start, end: line.end, key: line.key, node, pieces: line.pieces, spans };
  }

  /**
   * Follows the field: its border-box rect and scroll offsets. Writes only what changed.
   * @param {Box & {width: number, height: number}} r @param {boolean} visible
   * @param {number} scrollTop @param {number} scrollLeft
   */
  place(r, visible, scrollTop, scrollLeft) {
    const key = `${visible ? 1 : 0},${r.left},${r.top},${r.width},${r.height}`;
    if (key !== this.placed) {
      const s = this.node.style;
      s.display = visible ? '' : 'none';
      s.left = r.left + 'px';
      s.top = r.top + 'px';
      s.width = r.width + 'px';
      s.height = r.height + 'px';
      this.placed = key;
    }
    const sc = `translate(${-scrollLeft}px, ${-scrollTop}px)`;
    if (sc !== this.scrolled) {
      this.content.style.transform = sc;
      this.scrolled = sc;
    }
  }

  remove() {
    this.node.remove();
  }
}
