// Text <-> DOM mapping for contenteditable composers.
//
// Walks the editor root's text nodes in document order and builds the plain text the core
// checks, plus a list of segments mapping UTF-16 offsets of that text back to DOM text nodes.
// Block boundaries become one "\n" (a virtual character with no node), so offsets the core
// returns (UTF-16 code units) map straight back to (node, offset) pairs.
(function () {
  'use strict';
  const PW = (globalThis.PW = globalThis.PW || {});
  if (PW.started) return; // already running in this page (injected a second time)

  const BLOCK = new Set([
    'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET',
    'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER',
    'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL',
  ]);

  // Subtrees that are not part of the user's text: non-editable widgets, Slate's zero-width
  // placeholders, editor placeholders, and anything Postwacht itself might own.
  function skipped(el) {
    if (el.isContentEditable === false && el.getAttribute('contenteditable') === 'false') return true;
    return (
      el.hasAttribute('data-slate-zero-width') ||
      el.hasAttribute('data-slate-placeholder') ||
      el.hasAttribute('data-postwacht-ui') ||
      el.tagName === 'SCRIPT' ||
      el.tagName === 'STYLE' ||
      el.tagName === 'TEMPLATE'
    );
  }

  // A <br> that only keeps an empty or trailing line open (ProseMirror's trailing break,
  // Quill's and Lexical's empty paragraph) adds no character: the block boundary already does.
  function isTrailingBreak(br) {
    let n = br.nextSibling;
    while (n) {
      if (n.nodeType === 3 && n.data.length) return false;
      if (n.nodeType === 1 && !(n.tagName === 'BR' && n.className.includes('ProseMirror-trailingBreak'))) {
        return false;
      }
      n = n.nextSibling;
    }
    // Last in its parent: trailing if the parent (or its inline ancestors up to the block)
    // has nothing after it either.
    let p = br.parentNode;
    while (p && !(p.nodeType === 1 && BLOCK.has(p.tagName)) && !(p.isContentEditable && p.parentNode && !p.parentNode.isContentEditable)) {
      for (let s = p.nextSibling; s; s = s.nextSibling) {
        if (s.nodeType === 3 && s.data.length) return false;
        if (s.nodeType === 1) return false;
      }
      p = p.parentNode;
    }
    return true;
  }

  /**
   * Builds {text, segs} for `root`. segs: [{start, node, len}] for text nodes; a virtual
   * "\n" has node null. Zero-width no-break spaces (U+FEFF) that editors use as cursor
   * anchors are kept out of the text.
   */
  function build(root) {
    let text = '';
    const segs = [];
    function newline() {
      if (text.length && !text.endsWith('\n')) {
        segs.push({ start: text.length, node: null, len: 1 });
        text += '\n';
      }
    }
    function walk(node) {
      for (let c = node.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 3) {
          const data = c.data;
          if (!data) continue;
          if (data.indexOf('\uFEFF') >= 0) {
            // Map around the zero-width characters, one run at a time.
            let i = 0;
            while (i < data.length) {
              if (data[i] === '\uFEFF') { i++; continue; }
              let j = i;
              while (j < data.length && data[j] !== '\uFEFF') j++;
              segs.push({ start: text.length, node: c, len: j - i, nodeOffset: i });
              text += data.slice(i, j);
              i = j;
            }
          } else {
            segs.push({ start: text.length, node: c, len: data.length, nodeOffset: 0 });
            text += data;
          }
        } else if (c.nodeType === 1) {
          if (skipped(c)) continue;
          if (c.tagName === 'BR') {
            if (!isTrailingBreak(c)) {
              segs.push({ start: text.length, node: null, len: 1, br: c });
              text += '\n';
            }
            continue;
          }
          const block = BLOCK.has(c.tagName);
          if (block) newline();
          walk(c);
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

  /**
   * DOM position {node, offset} for a text offset. `affinity` 'start' prefers the start of
   * the next text node at a boundary (for range starts), 'end' the end of the previous one.
   */
  function position(map, offset, affinity) {
    const { segs } = map;
    if (!segs.length) return null;
    let i = findSeg(segs, offset);
    if (i < 0) i = 0;
    const seg = segs[i];
    if (seg.node && offset <= seg.start + seg.len) {
      if (affinity === 'start' && offset === seg.start + seg.len) {
        // At the end of this node: prefer the next text node's start if it continues directly.
        const next = segs[i + 1];
        if (next && next.node && next.start === offset) return { node: next.node, offset: next.nodeOffset };
      }
      return { node: seg.node, offset: seg.nodeOffset + (offset - seg.start) };
    }
    // On a virtual newline or past the end: nearest text node in the preferred direction.
    if (affinity === 'start') {
      for (let j = i + 1; j < segs.length; j++) if (segs[j].node) return { node: segs[j].node, offset: segs[j].nodeOffset };
      for (let j = i; j >= 0; j--) if (segs[j].node) return { node: segs[j].node, offset: segs[j].nodeOffset + segs[j].len };
    } else {
      for (let j = i; j >= 0; j--) if (segs[j].node) return { node: segs[j].node, offset: segs[j].nodeOffset + segs[j].len };
      for (let j = i + 1; j < segs.length; j++) if (segs[j].node) return { node: segs[j].node, offset: segs[j].nodeOffset };
    }
    return null;
  }

  function range(map, start, end) {
    const a = position(map, start, 'start');
    const b = position(map, end, 'end');
    if (!a || !b) return null;
    const r = document.createRange();
    try {
      r.setStart(a.node, a.offset);
      r.setEnd(b.node, b.offset);
    } catch (_) {
      return null;
    }
    return r;
  }

  /** Text offset of a DOM point (node, offset) inside the mapped root, or -1. */
  function offsetOf(map, root, node, offset) {
    if (node.nodeType === 3) {
      for (const s of map.segs) {
        if (s.node === node) {
          const o = offset - s.nodeOffset;
          if (o >= 0 && o <= s.len) return s.start + o;
        }
      }
      // In a zero-width run: nearest segment of the node.
      for (const s of map.segs) if (s.node === node) return s.start;
      return -1;
    }
    // An element point: the text offset of the first mapped text at or after that child.
    const child = node.childNodes[offset];
    const r = document.createRange();
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
        } catch (_) {
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
   */
  function shiftSpans(oldText, newText, items) {
    if (oldText === newText) return items;
    let p = 0;
    const max = Math.min(oldText.length, newText.length);
    while (p < max && oldText.charCodeAt(p) === newText.charCodeAt(p)) p++;
    let s = 0;
    while (
      s < max - p &&
      oldText.charCodeAt(oldText.length - 1 - s) === newText.charCodeAt(newText.length - 1 - s)
    ) s++;
    const oldEditEnd = oldText.length - s;
    const delta = newText.length - oldText.length;
    const out = [];
    for (const f of items) {
      if (f.end <= p) out.push(f);
      else if (f.start >= oldEditEnd) {
        const moved = Object.assign({}, f, { start: f.start + delta, end: f.end + delta });
        if (f.fixes) {
          moved.fixes = f.fixes.map((x) =>
            Object.assign({}, x, { span: Object.assign({}, x.span, { start: x.span.start + delta, end: x.span.end + delta }) }),
          );
        }
        out.push(moved);
      }
    }
    return out;
  }

  PW.textmap = { build, position, range, offsetOf, shiftSpans };
})();
