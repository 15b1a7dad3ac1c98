// Which finding is under the mouse or the caret, from the marks as drawn (marks.js).
import { SEVS } from './marks.js';

/** @typedef {import('../shared/types.js').Finding} Finding */
/** @typedef {import('./marks.js').Mark} Mark */
/** @typedef {{start: number, end: number}} Span */

/** The client rects a mark covers (where it shows: a mirror's marks are clipped to the field). @param {Mark} m @returns {DOMRect[]} */
export function rectsOf(m) {
  if (m.spans) {
    const c = m.clip;
    /** @type {DOMRect[]} */
    const all = [];
    for (const s of m.spans) all.push(...s.getClientRects());
    if (!c) return all;
    /** @type {DOMRect[]} */
    const out = [];
    for (const r of all) {
      const left = Math.max(r.left, c.left);
      const right = Math.min(r.right, c.right);
      const top = Math.max(r.top, c.top);
      const bottom = Math.min(r.bottom, c.bottom);
      if (right > left && bottom > top) out.push(new DOMRect(left, top, right - left, bottom - top));
    }
    return out;
  }
  if (m.range) return Array.from(m.range.getClientRects());
  return [];
}

/** The first rect of the mark of `f`, or null. @param {Mark[]} marks @param {Finding} f */
export function rectOf(marks, f) {
  const m = marks.find((x) => x.finding === f);
  if (!m) return null;
  const rs = rectsOf(m);
  return rs.length ? rs[0] : null;
}

/**
 * The finding drawn under client point (x, y) and the rect it was found in. Overlapping
 * marks: the more severe, then the narrower one wins.
 * @param {Mark[]} marks
 * @param {number} x
 * @param {number} y
 * @returns {{finding: Finding, rect: DOMRect, rank: number} | null}
 */
export function findingAt(marks, x, y) {
  /** @type {{finding: Finding, rect: DOMRect, rank: number} | null} */
  let best = null;
  for (const m of marks) {
    // A mirror's marks show only inside the field: a point outside needs no layout read.
    const c = m.clip;
    if (c && (x < c.left - 1 || x > c.right + 1 || y < c.top - 2 || y > c.bottom + 3)) continue;
    for (const r of rectsOf(m)) {
      if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 2 && y <= r.bottom + 3) {
        const rank = SEVS.indexOf(m.finding.severity) * 1e6 + (m.finding.end - m.finding.start);
        if (!best || rank < best.rank) best = { finding: m.finding, rect: r, rank };
      }
    }
  }
  return best;
}

/**
 * The finding whose span holds a collapsed caret, if any.
 * @param {Span | null} caret
 * @param {Finding[]} findings
 */
export function findingAtCaret(caret, findings) {
  if (!caret || caret.start !== caret.end) return null;
  return findings.find((f) => caret.start > f.start && caret.start < f.end) || null;
}
