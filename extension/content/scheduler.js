// When a composer is checked: on every input, with no debounce, so typing never waits for
// a timer. At most one check is in flight per composer; input that comes while one runs
// only marks the text as changed, and when the answer comes the next check starts at once
// with the newest text (the texts typed in between are never checked). An answer for a
// text the user has typed on since is kept, moved onto the new text (textmap.shiftSpans),
// so the marks stay on their words until the next answer; an answer that stop() or a
// newer forced check made stale is dropped. Nothing here runs a timer while the user types,
// except in a long post (over LONG_TEXT_UNITS), where a keystroke's check waits for a short
// pause in typing (at most a second): see typed().
import { checkInContext as askBackground } from './messaging.js';
import { shiftSpans } from './textmap.js';
import { plain } from './fixes.js';

/** @typedef {import('./composer.js').Composer} Composer */

/**
 * Heavy input (issue 14): a text longer than this (UTF-16 units) is checked up to here (cut
 * at a space), and the badge says so. 1 MB is checked in the worker in about half a second;
 * 10 MB took 16 s and over 1 GB of wasm memory and failed (docs/hostile-input.md), so the
 * limit is a little over 1 MB (no platform takes a post near that long).
 */
export const CHECK_LIMIT = 1200000;

/** The part of `text` that is checked: all of it, or up to CHECK_LIMIT, cut at a space. @param {string} text */
export function checkedPart(text) {
  if (text.length <= CHECK_LIMIT) return text;
  let cut = text.lastIndexOf(' ', CHECK_LIMIT);
  if (cut < CHECK_LIMIT / 2) cut = CHECK_LIMIT;
  // Not between the two halves of a surrogate pair.
  const c = text.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return text.slice(0, cut);
}

/**
 * Long posts (issue 9, item 10): above this many UTF-16 units a keystroke's check waits for
 * a pause in typing (LONG_PAUSE_MS), and while the user types on, one check starts at least
 * every LONG_MAX_WAIT_MS. A check's round trip (the text to the worker, its findings back)
 * grows with the post; at 20,000 characters one per keystroke was most of the content
 * script's cost per keystroke. The marks move along with the text meanwhile (shiftSpans).
 */
export const LONG_TEXT_UNITS = 10000;
const LONG_PAUSE_MS = 300;
const LONG_MAX_WAIT_MS = 1000;

/** One-line inputs only: the pause in typing after which they are checked. */
const ONE_LINE_PAUSE_MS = 250;

export class Scheduler {
  /** @param {Composer} composer */
  constructor(composer) {
    this.composer = composer;
    /** Grows with every check started; an answer for an older one is dropped. */
    this.seq = 0;
    /** @type {Promise<void> | null} the check in flight */
    this.running = null;
    /** @type {Promise<void> | null} the one check queued behind it (all callers share it) */
    this.queued = null;
    /** An input is waiting for its microtask (inputs of one task are read once). */
    this.inputQueued = false;
    /** The animation frame that moves the marks after input. */
    this.inputFrame = 0;
    /** @type {ReturnType<typeof setTimeout> | undefined} only for soon() */
    this.timer = undefined;
    this.stopped = false;
    /** When the first keystroke not yet checked came (a long post's checks wait, typed()). */
    this.longSince = 0;
  }

  /**
   * The composer's text may have changed (an input event, a DOM mutation): re-read it once
   * all the mutations of this task are done, move the marks along, and check if it did.
   */
  onInput() {
    if (this.inputQueued || this.stopped) return;
    this.inputQueued = true;
    queueMicrotask(() => {
      this.inputQueued = false;
      const c = this.composer;
      if (this.stopped || !c.el.isConnected) return;
      // The check starts now (it reads the text itself) ...
      // (A one-line input still waits for a pause in typing: checked at once, its marks
      // end up past the field's edge in tests/e2e/tests/field.test.js "one-line": not
      // understood yet, see docs/wasm-and-bench.md.)
      if (c.el.tagName === 'INPUT') this.soon(ONE_LINE_PAUSE_MS);
      else {
        const { text } = c.adapter.read();
        if (text !== c.text) this.typed(text.length, text.length - c.text.length);
      }
      // ... and the marks move along in the next frame, once the field has laid out and
      // scrolled for the edit (a one-line input scrolls to the caret), once per frame.
      if (!this.inputFrame) {
        this.inputFrame = requestAnimationFrame(() => {
          this.inputFrame = 0;
          if (this.stopped || !c.el.isConnected) return;
          const before = c.text;
          c.refresh(true);
          if (c.text !== before && c.el.tagName !== 'INPUT') this.typed(c.text.length, c.text.length - before.length);
        });
      }
    });
  }

  /**
   * The user typed: a check now (request()), or for a long post after a pause in typing,
   * at most LONG_MAX_WAIT_MS after the first keystroke not yet checked.
   * @param {number} length the text's length now
   * @param {number} delta its change (a paste or a cut is checked at once)
   */
  typed(length, delta) {
    if (this.stopped) return;
    if (length <= LONG_TEXT_UNITS || Math.abs(delta) > 16) {
      this.request();
      return;
    }
    const now = performance.now();
    if (!this.longSince) this.longSince = now;
    clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(LONG_PAUSE_MS, this.longSince + LONG_MAX_WAIT_MS - now));
    this.timer = setTimeout(() => this.request(), wait);
  }

  /** A check of the current text: now when nothing is in flight, else right after it. */
  request() {
    if (this.stopped) return Promise.resolve();
    if (!this.running) return this.start();
    if (!this.queued) {
      this.queued = this.running.then(() => {
        this.queued = null;
        return this.start();
      });
    }
    return this.queued;
  }

  /** Checks after `delay` ms: the first check of a new composer, once it is set up. */
  soon(delay = 0) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.request(), delay);
  }

  /**
   * Runs a check that starts after this call (a context or policy change needs one even
   * for the same text); resolves when findings for the then current text are drawn.
   */
  now() {
    clearTimeout(this.timer);
    return this.request();
  }

  /** @returns {Promise<void>} */
  start() {
    this.longSince = 0;
    const p = this.run().finally(() => {
      if (this.running === p) this.running = null;
    });
    this.running = p;
    return p;
  }

  async run() {
    const c = this.composer;
    const { text } = c.adapter.read();
    c.beforeCheck(text);
    const seq = ++this.seq;
    let findings;
    let resolved;
    try {
      // Browsers keep some spaces in contenteditable as U+00A0; the core should see
      // plain spaces. Same length, so the offsets stay valid.
      ({ findings, context: resolved } = await askBackground(plain(checkedPart(text)), c.context()));
    } catch (e) {
      const error = String((e && /** @type {Error} */ (e).message) || e);
      if (seq === this.seq && !this.stopped) c.checkFailed(error);
      else c.error = error;
      return;
    }
    if (seq !== this.seq || this.stopped || !c.el.isConnected) return; // stale: dropped
    c.setResolved(resolved);
    const now = c.adapter.read().text;
    if (now !== text) {
      // The user typed on while we checked: keep the answer, moved onto the new text,
      // and check the newest text right away.
      findings = shiftSpans(text, now, findings);
      this.typed(now.length, now.length - text.length);
    }
    c.answered(text, now, findings, text.length > CHECK_LIMIT ? checkedPart(text).length + (now.length - text.length) : Infinity);
    // Drawn right away; a one-line input is placed again once the next frame has laid out
    // the field: it scrolls to the caret in that layout (no scroll event), after the answer
    // came. (Only there: two more frames per answer are a keystroke's cost in a textarea.)
    if (c.el.tagName === 'INPUT') requestAnimationFrame(() => setTimeout(() => c.manager.schedulePosition(), 0));
  }

  /** No more checks; an answer on its way is dropped. */
  stop() {
    clearTimeout(this.timer);
    if (this.inputFrame) cancelAnimationFrame(this.inputFrame);
    this.stopped = true;
    this.seq++;
  }
}
