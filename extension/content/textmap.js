// Text <-> DOM mapping for contenteditable composers.
//
// Walks the editor root's text nodes in document order and builds the plain text the core
// checks, plus a list of segments mapping UTF-16 offsets of that text back to DOM text nodes.
// Block boundaries become one "\n" (a virtual character with no node), so offsets the core
// returns (UTF-16 code units) map straight back to (node, offset) pairs.
//
// Only standard DOM calls on the nodes it is given (no `document`, no `window`), so the unit
// tests run it in Node on a DOM from jsdom (extension/test/textmap.test.js).

/**
 * A run of the text: `len` UTF-16 units from `start`, taken from text node `node` at
 * `nodeOffset`; a virtual "\n" (block boundary or <br>) has node null.
 * @typedef {{start: number, node: Text | null, len: number, nodeOffset?: number, br?: Element}} Seg
 */
/** The text of a composer and where each part of it is in the DOM. @typedef {{text: string, segs: Seg[]}} TextMap */
/** @typedef {{node: Node, offset: number}} DomPoint */

const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
  'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL',
]);

const isText = (/** @type {Node} */ n) => n.nodeType === 3;
const isElement = (/** @type {Node | null} */ n) => !!n && n.nodeType === 1;

/**
 * Subtrees that are not part of the user's text: non-editable widgets, Slate's zero-width
 * placeholders, editor placeholders, and anything Postwacht itself might own.
 * @param {Element} el
 */
function skipped(el) {
  // contenteditable="false" always makes the element non-editable (isContentEditable is
  // false), so the attribute alone decides.
  if (el.getAttribute('contenteditable') === 'false') return true;
  return (
    el.hasAttribute('data-slate-zero-width') ||
    el.hasAttribute('data-slate-placeholder') ||
    el.hasAttribute('data-postwacht-ui') ||
    el.tagName === 'SCRIPT' ||
    el.tagName === 'STYLE' ||
    el.tagName === 'TEMPLATE'
  );
}

/** @param {Node | null} n */
const editable = (n) => !!n && /** @type {HTMLElement} */ (n).isContentEditable === true;

/**
 * A <br> that only keeps an empty or trailing line open (ProseMirror's trailing break,
 * Quill's and Lexical's empty paragraph) adds no character: the block boundary already does.
 * @param {Element} br
 */
function isTrailingBreak(br) {
  let n = br.nextSibling;
  while (n) {
    if (isText(n) && /** @type {Text} */ (n).data.length) return false;
    if (isElement(n)) {
      const e = /** @type {Element} */ (n);
      if (!(e.tagName === 'BR' && e.className.includes('ProseMirror-trailingBreak'))) return false;
    }
    n = n.nextSibling;
  }
  // Last in its parent: trailing if the parent (or its inline ancestors up to the block)
  // has nothing after it either.
  let p = br.parentNode;
  while (p && !(isElement(p) && BLOCK.has(/** @type {Element} */ (p).tagName)) && !(editable(p) && p.parentNode && !editable(p.parentNode))) {
    for (let s = p.nextSibling; s; s = s.nextSibling) {
      if (isText(s) && /** @type {Text} */ (s).data.length) return false;
      if (isElement(s)) return false;
    }
    p = p.parentNode;
  }
  return true;
}

/**
 * Builds {text, segs} for `root`. segs: [{start, node, len}] for text nodes; a virtual
 * "\n" has node null. Zero-width no-break spaces (U+FEFF) that editors use as cursor
 * anchors are kept out of the text.
 * @param {Node} root
 * @returns {TextMap}
 */
export function build(root) {
  let text = '';
  /** @type {Seg[]} */
  const segs = [];
  function newline() {
    if (text.length && !text.endsWith('\n')) {
      segs.push({ start: text.length, node: null, len: 1 });
      text += '\n';
    }
  }
  /** @param {Node} node */
  function walk(node) {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (isText(c)) {
        const t = /** @type {Text} */ (c);
        const data = t.data;
        if (!data) continue;
        if (data.indexOf('\uFEFF') >= 0) {
          // Map around the zero-width characters, one run at a time.
          let i = 0;
          while (i < data.length) {
            if (data[i] === '\uFEFF') {
              i++;
              continue;
            }
            let j = i;
            while (j < data.length && data[j] !== '\uFEFF') j++;
            segs.push({ start: text.length, node: t, len: j - i, nodeOffset: i });
            text += data.slice(i, j);
            i = j;
          }
        } else {
          segs.push({ start: text.length, node: t, len: data.length, nodeOffset: 0 });
          text += data;
        }
      } else if (isElement(c)) {
        const e = /** @type {Element} */ (c);
        if (skipped(e)) continue;
        if (e.tagName === 'BR') {
          if (!isTrailingBreak(e)) {
            segs.push({ start: text.length, node: null, len: 1, br: e });
            text += '\n';
          }
          continue;
        }
        const block = BLOCK.has(e.tagName);
        if (block) newline();
        walk(e);
        if (block) newline();
      }
    }
  }
  walk(root);
  // A trailing virtual newline is not part of what the user wrote.
  while (text.endsWith('\n') && segs.length && segs[segs.length - 1].node === null && !segs[segs.length - 1].br) {
    segs.pop();
    text = text.slice(0, -1);
  }
  return { text, segs };
}

/**
 * Index of the last segment starting at or before `offset`, or -1.
 * @param {Seg[]} segs
 * @param {number} offset
 */
function findSeg(segs, offset) {
  let lo = 0;
  let hi = segs.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segs[mid].start <= offset) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

/** @param {Seg} s @returns {DomPoint} */
const startOf = (s) => ({ node: /** @type {Text} */ (s.node), offset: s.nodeOffset || 0 });
/** @param {Seg} s @returns {DomPoint} */
const endOf = (s) => ({ node: /** @type {Text} */ (s.node), offset: (s.nodeOffset || 0) + s.len });

/**
 * DOM position {node, offset} for a text offset. `affinity` 'start' prefers the start of
 * the next text node at a boundary (for range starts), 'end' the end of the previous one.
 * @param {TextMap} map
 * @param {number} offset
 * @param {'start' | 'end'} affinity
 * @returns {DomPoint | null}
 */
export function position(map, offset, affinity) {
  const { segs } = map;
  if (!segs.length) return null;
  let i = findSeg(segs, offset);
  if (i < 0) i = 0;
  const seg = segs[i];
  if (seg.node && offset <= seg.start + seg.len) {
    if (affinity === 'start' && offset === seg.start + seg.len) {
      // At the end of this node: prefer the next text node's start if it continues directly.
      const next = segs[i + 1];
      if (next && next.node && next.start === offset) return startOf(next);
    }
    return { node: seg.node, offset: (seg.nodeOffset || 0) + (offset - seg.start) };
  }
  // On a virtual newline or past the end: nearest text node in the preferred direction.
  if (affinity === 'start') {
    for (let j = i + 1; j < segs.length; j++) if (segs[j].node) return startOf(segs[j]);
    for (let j = i; j >= 0; j--) if (segs[j].node) return endOf(segs[j]);
  } else {
    for (let j = i; j >= 0; j--) if (segs[j].node) return endOf(segs[j]);
    for (let j = i + 1; j < segs.length; j++) if (segs[j].node) return startOf(segs[j]);
  }
  return null;
}

/**
 * A DOM Range over text offsets [start, end), or null when the map has no text there.
 * @param {TextMap} map
 * @param {number} start
 * @param {number} end
 * @returns {Range | null}
 */
export function range(map, start, end) {
  const a = position(map, start, 'start');
  const b = position(map, end, 'end');
  if (!a || !b || !a.node.ownerDocument) return null;
  const r = a.node.ownerDocument.createRange();
  try {
    r.setStart(a.node, a.offset);
    r.setEnd(b.node, b.offset);
  } catch {
    return null;
  }
  return r;
}

/**
 * Text offset of a DOM point (node, offset) inside the mapped root, or -1.
 * @param {TextMap} map
 * @param {Node} node
 * @param {number} offset
 */
export function offsetOf(map, node, offset) {
  if (isText(node)) {
    for (const s of map.segs) {
      if (s.node === node) {
        const o = offset - (s.nodeOffset || 0);
        if (o >= 0 && o <= s.len) return s.start + o;
      }
    }
    // In a zero-width run: nearest segment of the node.
    for (const s of map.segs) if (s.node === node) return s.start;
    return -1;
  }
  // An element point: the text offset of the first mapped text at or after that child.
  const doc = node.ownerDocument;
  if (!doc) return -1;
  const child = node.childNodes[offset];
  const r = doc.createRange();
  for (const s of map.segs) {
    if (!s.node) continue;
    if (child) {
      r.selectNode(child);
      if (r.comparePoint(s.node, 0) >= 0) return s.start;
    } else {
      try {
        r.setStart(node, offset);
        r.collapse(true);
        if (r.comparePoint(s.node, 0) >= 0) return s.start;
      } catch {
        return -1;
      }
    }
  }
  return map.text.length;
}

/**
 * Shifts spans across an edit from oldText to newText: spans before the edit stay, spans
 * after it move by the length change, spans touching it are dropped. Keeps marks in place
 * while a fresh check is on its way, so they do not flicker.
 * @template {{start: number, end: number, fixes?: {span: {start: number, end: number}}[]}} T
 * @param {string} oldText
 * @param {string} newText
 * @param {T[]} items
 * @returns {T[]}
 */
export function shiftSpans(oldText, newText, items) {
  if (oldText === newText) return items;
  let p = 0;
  const max = Math.min(oldText.length, newText.length);
  while (p < max && oldText.charCodeAt(p) === newText.charCodeAt(p)) p++;
  let s = 0;
  while (s < max - p && oldText.charCodeAt(oldText.length - 1 - s) === newText.charCodeAt(newText.length - 1 - s)) s++;
  const oldEditEnd = oldText.length - s;
  const delta = newText.length - oldText.length;
  /** @type {T[]} */
  const out = [];
  for (const f of items) {
    if (f.end <= p) out.push(f);
    else if (f.start >= oldEditEnd) {
      const moved = Object.assign({}, f, { start: f.start + delta, end: f.end + delta });
      if (f.fixes) {
        moved.fixes = f.fixes.map((x) => Object.assign({}, x, { span: Object.assign({}, x.span, { start: x.span.start + delta, end: x.span.end + delta }) }));
      }
      out.push(moved);
    }
  }
  return out;
}

// A lone UTF-16 surrogate (half of a pair, from a page's script or a broken paste).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `s` with every lone surrogate replaced by U+FFFD: the same length in UTF-16 code units,
 * so spans found in the result are spans of `s`. The core's JSON reader (and any UTF-8
 * conversion) rejects a lone surrogate; checking the replaced text never throws for it.
 * @param {string} s
 */
export function wellFormed(s) {
  return s.replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * The text as the core sees it: browsers keep some spaces in contenteditable as U+00A0,
 * and a lone surrogate becomes U+FFFD. Same length, so offsets stay valid.
 * @param {string} s
 */
export const plain = (s) => wellFormed(s.replace(/\u00a0/g, ' '));

/**
 * Where `target` (with `pre` before and `post` after it in the checked text) is in `now`:
 * the occurrence nearest `near`, with its context if that is still there, else the target
 * alone (when it is not empty). -1 when it is gone.
 * @param {string} now @param {string} pre @param {string} target @param {string} post @param {number} near
 */
export function locate(now, pre, target, post, near) {
  const n = plain(now);
  /** @param {string} needle @param {number} shift */
  const nearest = (needle, shift) => {
    let best = -1;
    for (let i = n.indexOf(needle); i >= 0; i = n.indexOf(needle, i + 1)) {
      const at = i + shift;
      if (best < 0 || Math.abs(at - near) < Math.abs(best - near)) best = at;
    }
    return best;
  };
  const p = plain(pre);
  const q = plain(post);
  const tg = plain(target);
  const withContext = nearest(p + tg + q, p.length);
  if (withContext >= 0) return withContext;
  if (!tg) return -1;
  // The context changed (the user typed next to it): the target itself, close by only.
  const alone = nearest(tg, 0);
  return alone >= 0 && Math.abs(alone - near) <= Math.max(64, tg.length * 2) ? alone : -1;
}
