// When a composer is checked: on input (at most once per animation frame), debounced while
// the user types, and answers that arrive after a newer check was started are dropped. An
// answer for a text the user has typed on since is kept, moved onto the new text
// (textmap.shiftSpans), and a fresh check is scheduled.
import { checkInContext as askBackground } from './messaging.js';
import { shiftSpans } from './textmap.js';
import { plain } from './fixes.js';

/** @typedef {import('./composer.js').Composer} Composer */

export const DEBOUNCE_MS = 250;

export class Scheduler {
  /** @param {Composer} composer */
  constructor(composer) {
    this.composer = composer;
    /** Grows with every check started; an answer for an older one is dropped. */
    this.seq = 0;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    this.timer = undefined;
    this.inputFrame = 0;
  }

  /** The composer's text may have changed: re-read it in the next frame, check if it did. */
  onInput() {
    if (this.inputFrame) return;
    this.inputFrame = requestAnimationFrame(() => {
      this.inputFrame = 0;
      const c = this.composer;
      if (!c.el.isConnected) return;
      const before = c.text;
      c.refresh();
      if (c.text !== before) this.soon();
    });
  }

  /** Checks after `delay` ms unless called again before. */
  soon(delay = DEBOUNCE_MS) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.now(), delay);
  }

  /** Runs a check now; resolves when the findings for the current text are drawn. */
  async now() {
    clearTimeout(this.timer);
    const c = this.composer;
    const { text } = c.adapter.read();
    const seq = ++this.seq;
    let findings;
    let resolved;
    try {
      // Browsers keep some spaces in contenteditable as U+00A0; the core should see
      // plain spaces. Same length, so the offsets stay valid.
      ({ findings, context: resolved } = await askBackground(plain(text), c.context()));
    } catch (e) {
      const error = String((e && /** @type {Error} */ (e).message) || e);
      if (seq === this.seq) c.checkFailed(error);
      else c.error = error;
      return;
    }
    if (seq !== this.seq || !c.el.isConnected) return; // a newer check is on its way
    c.setResolved(resolved);
    const now = c.adapter.read().text;
    if (now !== text) {
      // The user typed on while we checked: keep the answer, moved onto the new text.
      findings = shiftSpans(text, now, findings);
      this.soon();
    }
    c.answered(text, now, findings);
  }

  /** No more checks; an answer on its way is dropped. */
  stop() {
    clearTimeout(this.timer);
    this.seq++;
  }
}
