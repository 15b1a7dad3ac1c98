// Unit tests of content/textmap.js on a DOM from jsdom (no browser): the text the core is
// given for a composer, and the way back from its offsets to DOM positions.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { build, position, range, offsetOf, shiftSpans } from '../content/textmap.js';

/** The root element of a document whose body is `html`. @param {string} html */
function root(html) {
  const { document } = new JSDOM(`<!doctype html><body><div id="r">${html}</div></body>`).window;
  return /** @type {HTMLElement} */ (document.getElementById('r'));
}
const textOf = (/** @type {string} */ html) => build(root(html)).text;

describe('textmap.build: the plain text of a composer', () => {
  it('joins inline text and makes one "\\n" per block boundary', () => {
    assert.equal(textOf('<p>Hallo <b>Daan</b>!</p><p>Tot morgen</p>'), 'Hallo Daan!\nTot morgen');
    assert.equal(textOf('<div><div><p>a</p></div></div><div>b</div>'), 'a\nb');
  });
  it('a <br> between text is a newline; a trailing or empty-line <br> adds nothing', () => {
    assert.equal(textOf('<p>een<br>twee</p>'), 'een\ntwee');
    assert.equal(textOf('<p>een<br></p><p><br></p><p>drie</p>'), 'een\n\ndrie'.replace('\n\n', '\n'));
    assert.equal(textOf('<p>tekst<br class="ProseMirror-trailingBreak"></p>'), 'tekst');
  });
  it('keeps an empty line the user made between two paragraphs', () => {
    // Quill/Lexical: an empty paragraph holds a <br>; its block boundaries give one "\n".
    assert.equal(textOf('<p>een</p><p><br></p><p>drie</p>'), 'een\ndrie');
    assert.equal(textOf('<p>een<br><br>drie</p>'), 'een\n\ndrie');
  });
  it('leaves out non-editable widgets, placeholders, scripts and Postwacht\'s own UI', () => {
    const html = '<p>Hoi <span contenteditable="false">@widget</span>juf<span data-slate-placeholder="true">Typ hier</span></p>' +
      '<span data-slate-zero-width="z">\uFEFF</span><script>x()</script><style>p{}</style><postwacht-ui data-postwacht-ui>badge</postwacht-ui>';
    assert.equal(textOf(html), 'Hoi juf');
  });
  it('drops U+FEFF cursor anchors but maps the text around them to the right node offsets', () => {
    const r = root('<p>ab\uFEFFcd</p>');
    const map = build(r);
    assert.equal(map.text, 'abcd');
    const node = /** @type {Text} */ (r.querySelector('p')?.firstChild);
    assert.deepEqual(position(map, 3, 'end'), { node, offset: 4 }); // after the anchor
    assert.equal(offsetOf(map, node, 4), 3);
  });
  it('drops a trailing block newline and gives an empty editor the empty text', () => {
    assert.equal(textOf('<p>klaar</p>'), 'klaar');
    assert.deepEqual(build(root('')), { text: '', segs: [] });
    assert.equal(textOf('<p><br></p>'), '');
  });
});

describe('textmap.position and range: offsets back to the DOM', () => {
  const r = root('<p>Daan <b>de Vries</b></p><p>was ziek</p>');
  const map = build(r);
  const [daan, deVries, ziek] = /** @type {Text[]} */ ([...r.querySelectorAll('p, b')].flatMap((e) => [...e.childNodes].filter((n) => n.nodeType === 3)));

  it('maps an offset inside a text node to that node', () => {
    assert.equal(map.text, 'Daan de Vries\nwas ziek');
    assert.deepEqual(position(map, 2, 'start'), { node: daan, offset: 2 });
    assert.deepEqual(position(map, 7, 'end'), { node: deVries, offset: 2 });
  });
  it('at a boundary between text nodes, both ends take the start of the next node', () => {
    assert.deepEqual(position(map, 5, 'start'), { node: deVries, offset: 0 });
    assert.deepEqual(position(map, 5, 'end'), { node: deVries, offset: 0 });
    assert.deepEqual(position(map, map.text.length, 'end'), { node: ziek, offset: 8 });
  });
  it('on a virtual newline, moves to the nearest text in the preferred direction', () => {
    assert.deepEqual(position(map, 13, 'end'), { node: deVries, offset: 8 });
    assert.deepEqual(position(map, 14, 'start'), { node: ziek, offset: 0 });
  });
  it('a range over a span that crosses elements holds exactly that text', () => {
    assert.equal(range(map, 0, 13)?.toString(), 'Daan de Vries');
    assert.equal(range(map, 5, 18)?.toString(), 'de Vrieswas ');
  });
  it('offsetOf turns text and element points back into offsets', () => {
    assert.equal(offsetOf(map, ziek, 4), 18);
    assert.equal(offsetOf(map, /** @type {Node} */ (r.querySelector('b')), 0), 5);
    assert.equal(offsetOf(map, r, 2), map.text.length); // after the last child
    assert.equal(offsetOf(map, r.ownerDocument.createTextNode('elders'), 0), -1);
  });
  it('an empty map has no positions and no ranges', () => {
    const empty = build(root(''));
    assert.equal(position(empty, 0, 'start'), null);
    assert.equal(range(empty, 0, 0), null);
  });
});

describe('textmap.shiftSpans: marks across an edit', () => {
  const f = (/** @type {number} */ start, /** @type {number} */ end) => ({ start, end, fixes: [{ replacement: 'x', span: { start, end } }] });
  it('keeps spans before the edit, moves spans after it, drops spans it touches', () => {
    const old = 'Daan was ff ziek lol';
    const now = 'Daan was heel erg ff ziek lol'; // "heel erg " typed at 9
    const out = shiftSpans(old, now, [f(0, 4), f(9, 11), f(17, 20), f(5, 10)]);
    assert.deepEqual(out.map((x) => now.slice(x.start, x.end)), ['Daan', 'ff', 'lol']);
    assert.deepEqual(out[1].fixes?.[0].span, { start: 18, end: 20 });
  });
  it('drops a span the edit is inside of, keeps one the edit only follows', () => {
    assert.deepEqual(shiftSpans('bel 0612345678', 'bel 06123X45678', [f(4, 14)]), []);
    assert.equal(shiftSpans('bel 0612345678', 'bel 06123456789', [f(4, 14)]).length, 1);
  });
  it('returns the same list when the text did not change', () => {
    const items = [f(1, 2)];
    assert.equal(shiftSpans('abc', 'abc', items), items);
  });
  it('handles deletions', () => {
    const out = shiftSpans('ff ziek lol', 'ziek lol', [f(0, 2), f(8, 11)]);
    assert.deepEqual(out.map((x) => [x.start, x.end]), [[5, 8]]);
  });
});

describe('textmap.wellFormed and locate: what a fix works on', async () => {
  const { wellFormed, plain, locate } = await import('../content/textmap.js');
  it('replaces lone surrogates only, keeping the length', () => {
    const s = 'a\uD800b\uDC00c\uD83D\uDE00d\uDE00';
    assert.equal(wellFormed(s), 'a\uFFFDb\uFFFDc\uD83D\uDE00d\uFFFD');
    assert.equal(wellFormed(s).length, s.length);
    assert.equal(plain('a\u00a0\uD800'), 'a \uFFFD');
  });
  it('finds the target with its context nearest where it was, or gives -1', () => {
    assert.equal(locate('Bel me ff op', 'Bel me ', 'ff', ' op', 7), 7);
    // Text typed before it: found where it moved to.
    assert.equal(locate('Hoi! Bel me ff op', 'Bel me ', 'ff', ' op', 7), 12);
    // Two of them: the one with the same context, else the nearest.
    assert.equal(locate('ff en dan bel me ff op', 'bel me ', 'ff', ' op', 7), 17);
    assert.equal(locate('ff x ff', '', 'ff', '', 5), 5);
    // Gone, or far away with another context: nothing.
    assert.equal(locate('Bel me even op', 'Bel me ', 'ff', ' op', 7), -1);
    assert.equal(locate('ff' + ' woord'.repeat(40), 'Bel me ', 'ff', ' op', 200), -1);
    // An insertion (empty target) only where its context still is.
    assert.equal(locate('Hallo. Groet', 'Hallo.', '', ' Groet', 6), 6);
    assert.equal(locate('Hallo! Groet', 'Hallo.', '', ' Groet', 6), -1);
  });
});
