// The tab's counts as the sum of its frames' (background/counts.js).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { report, sum, frameKey } from '../background/counts.js';

/** @param {number} error */
const c = (error, warning = 0, info = 0, composers = 1) => ({ error, warning, info, composers });

describe('tab counts', () => {
  it('adds up the frames of a tab, and a frame reporting again replaces its own counts', () => {
    let t = report({}, 7, { frame: 'top', top: true }, { counts: c(1) });
    t = report(t, 7, { frame: 'sub', top: false }, { counts: c(2, 1) });
    assert.deepEqual(sum(t[7]), c(3, 1, 0, 2));
    t = report(t, 7, { frame: 'sub', top: false }, { counts: c(0) });
    assert.deepEqual(sum(t[7]), c(1, 0, 0, 2));
    assert.deepEqual(sum(t[7], 'top'), c(0, 0, 0, 1), 'without the asking frame');
  });

  it('a frame that goes leaves the sum; the top frame going clears the tab', () => {
    let t = report({}, 7, { frame: 'top', top: true }, { counts: c(1) });
    t = report(t, 7, { frame: 'sub', top: false }, { counts: c(2) });
    t = report(t, 8, { frame: 'x', top: true }, { counts: c(5) });
    t = report(t, 7, { frame: 'sub', top: false }, { gone: true });
    assert.deepEqual(sum(t[7]), c(1));
    t = report(t, 7, { frame: 'top', top: true }, { gone: true });
    assert.equal(t[7], undefined);
    assert.deepEqual(sum(t[8]), c(5), 'other tabs are left alone');
  });

  it('takes only counts from a report, as non-negative whole numbers', () => {
    const t = report({}, 1, { frame: 'f', top: false }, { counts: { error: -3, warning: 2.7, info: 'x', composers: 1, extra: 'roster' } });
    assert.deepEqual(t[1].f, { error: 0, warning: 2, info: 0, composers: 1 });
  });

  it('keys a frame by its document, else by its frame id', () => {
    assert.equal(frameKey({ documentId: 'D1', frameId: 3 }), 'D1');
    assert.equal(frameKey({ frameId: 3 }), 'frame-3');
  });
});
