// The publish guard: while errors remain, Ctrl/Cmd+Enter in a composer, Enter where Enter
// sends (a one-line input, a chat box whose page sends on Enter), a click on the site's
// publish button, or a form submit is held back and a dialog lists the errors, with
// "terug naar bericht" (back to the draft) and "toch plaatsen" (post anyway). The draft is
// never touched either way. It fails closed: a post whose check failed or has not
// finished is held like one with errors, with a message saying so. Composers and buttons
// inside open shadow roots are found through the event's composed path.
import * as ui from './ui.js';
import { composerFor, COMPOSER_SELECTOR } from './adapters.js';
import { send } from './messaging.js';
import { busy as fixBusy } from './fixes.js';

/** @typedef {import('./composer.js').Composer} Composer */
/** @typedef {import('./main.js').Manager} Manager */

// Publish buttons we know by selector, and the words a publish button says.
const PUBLISH_SELECTOR = [
  '[data-postwacht-publish]',
  '[data-testid="tweetButton"]',
  '[data-testid="tweetButtonInline"]',
  '.share-actions__primary-action',
  'button[type="submit"]',
  'input[type="submit"]',
].join(',');
const PUBLISH_WORDS = /^(plaatsen|posten|post|publiceren|publish|verzenden|versturen|verstuur|send|tweet|reply|reageer|reageren|beantwoorden|antwoorden|share|delen|post plaatsen|nu plaatsen|opslaan en plaatsen)$/i;

/** The one event (or kind of event) replayed after "toch plaatsen", let through. @type {Event | 'click' | 'submit' | null} */
let bypass = null;
/** @type {Manager | null} */
let mgr = null;

/** How long a publish waits for a check still under way before it is held as "pending". */
export const CHECK_WAIT_MS = 3000;

/** The event's real target, also inside an open shadow root. @param {Event} ev @returns {EventTarget | null} */
export const targetOf = (ev) => (ev.composedPath && ev.composedPath()[0]) || ev.target;

/** The parent of `n`, crossing out of a shadow root to its host. @param {Node} n @returns {Node | null} */
function up(n) {
  if (n.parentNode) return n.parentNode.nodeType === 11 ? /** @type {ShadowRoot} */ (n.parentNode).host || null : n.parentNode;
  return null;
}
/** `scope` contains `n`, also through shadow roots. @param {Node} scope @param {Node} n */
function holds(scope, n) {
  for (let x = /** @type {Node | null} */ (n); x; x = up(x)) if (x === scope) return true;
  return false;
}

/** The text of a composer element not attached yet. @param {HTMLElement} root */
const rawText = (root) => (root.tagName === 'TEXTAREA' || root.tagName === 'INPUT' ? /** @type {HTMLTextAreaElement} */ (root).value : root.textContent || '');
/** The text as shown, with its line breaks (a composer not attached yet has no adapter to read it). @param {HTMLElement} root */
const shownText = (root) => (root.tagName === 'TEXTAREA' || root.tagName === 'INPUT' ? /** @type {HTMLTextAreaElement} */ (root).value : root.innerText || '');

/**
 * The publish button `target` is (in), or null.
 * @param {EventTarget | null} target
 * @returns {HTMLElement | null}
 */
export function publishButton(target) {
  if (!target || !('nodeType' in target) || target.nodeType !== 1) return null;
  const b = /** @type {HTMLElement | null} */ (/** @type {Element} */ (target).closest('button, [role="button"], input[type="submit"], input[type="button"]'));
  if (!b || ui.contains(b)) return null;
  if (b.matches(PUBLISH_SELECTOR)) return b;
  const label = (b.getAttribute('aria-label') || /** @type {HTMLInputElement} */ (b).value || b.textContent || '').trim();
  return label.length < 40 && PUBLISH_WORDS.test(label) ? b : null;
}

/**
 * The composer a publish button belongs to: the nearest checked one sharing an ancestor
 * (also across shadow roots), else one holding text that is not checked yet (the page has
 * just mounted it again), which is attached now.
 * @param {HTMLElement} btn @param {Manager} manager @returns {Composer | null}
 */
function composerForButton(btn, manager) {
  const list = manager.list().filter((c) => c.el.isConnected);
  const form = /** @type {HTMLButtonElement} */ (btn).form || btn.closest('form');
  if (form) {
    const inForm = list.filter((c) => form.contains(c.el));
    if (inForm.length) return pick(inForm);
  }
  let scope = up(btn);
  for (let i = 0; scope && i < 12; i++, scope = up(scope)) {
    const here = scope;
    const inside = list.filter((c) => holds(here, c.el));
    if (inside.length) return pick(inside);
    if (here.nodeType !== 1 && here.nodeType !== 11) continue;
    for (const cand of /** @type {Element} */ (here).querySelectorAll(COMPOSER_SELECTOR)) {
      const root = composerFor(cand);
      if (!root || root !== cand || !rawText(root).trim()) continue;
      const c = manager.attach(root);
      if (c) return c;
    }
  }
  return null;
}

/** The composer of an event's target, attached now if it was not yet. @param {Manager} manager @param {EventTarget | null} target */
function composerAt(manager, target) {
  const c = manager.composerOf(target);
  if (c) return c;
  const el = composerFor(target);
  return el ? manager.attach(el) || null : null;
}

/**
 * Whether a publish must wait for the guard: errors, no answer for the text as it is, or a
 * fix still being applied. @param {Composer} c
 */
function mustHold(c) {
  return fixBusy() || c.errors().length > 0 || !!c.error || c.checkedText !== c.adapter.read().text;
}

// A chat box: labelled as a message or comment, or next to a button that sends. Chat apps
// mark their box aria-multiline (Shift+Enter adds a line) but send on Enter.
const CHAT_LABEL = /\b(bericht|berichtje|message|chat|opmerking|comment|reactie|reageer|antwoord|typ een|type a)\b|^aa$/i;
const SEND_LABEL = /^(send|verzend|verzenden|versturen|verstuur|stuur|send message|bericht versturen|bericht verzenden)$|druk op enter om te (verzenden|versturen)|press enter to send/i;

/** The label a composer shows (aria-label, placeholder). @param {HTMLElement} el */
function labelOf(el) {
  return (el.getAttribute('aria-label') || el.getAttribute('aria-placeholder') || el.getAttribute('placeholder') || el.getAttribute('data-placeholder') || el.getAttribute('title') || '').trim();
}

/**
 * Whether composer `el` is labelled or placed like a chat box: its label says message or comment,
 * or a button near it (in its nearest few ancestors) says send.
 * @param {HTMLElement} el
 */
export function looksLikeChat(el) {
  if (CHAT_LABEL.test(labelOf(el))) return true;
  let scope = up(el);
  for (let i = 0; scope && i < 4; i++, scope = up(scope)) {
    if (scope.nodeType !== 1 && scope.nodeType !== 11) continue;
    for (const b of /** @type {Element} */ (scope).querySelectorAll('button, [role="button"]')) {
      if (ui.contains(b)) continue;
      const label = (b.getAttribute('aria-label') || b.getAttribute('title') || b.textContent || '').trim();
      if (label.length < 40 && SEND_LABEL.test(label)) return true;
    }
  }
  return false;
}

/**
 * Whether textarea `el` is about as tall as its text (a chat or comment box, one line
 * tall, that grows as it fills), not a multi-line post composer: its inner height leaves
 * less than about one empty line below the text.
 * @param {HTMLTextAreaElement} el
 */
function shortField(el) {
  const cs = getComputedStyle(el);
  const lh = parseFloat(cs.lineHeight) || (parseFloat(cs.fontSize) || 16) * 1.25;
  const inner = el.clientHeight - (parseFloat(cs.paddingTop) || 0) - (parseFloat(cs.paddingBottom) || 0);
  return inner < lh * (el.value.split('\n').length + 0.75);
}

/** Textareas judged chat boxes or not, while they held one line (their height then says). @type {WeakMap<Element, boolean>} */
const chatTextareas = new WeakMap();

/**
 * Whether textarea `el` looks like a chat box: about one line tall, and labelled as a
 * message or comment or next to a button that sends. A tall textarea is a post composer,
 * whatever its label ("Schrijf een bericht"), where Enter adds a line.
 * @param {HTMLTextAreaElement} el
 */
function chatTextarea(el) {
  const known = chatTextareas.get(el);
  if (known !== undefined) return known;
  const yes = shortField(el) && looksLikeChat(el);
  if (!el.value.includes('\n')) chatTextareas.set(el, yes);
  return yes;
}

/**
 * What Enter without Shift was seen to do in a composer element (learnEnter), kept by
 * element rather than on its Composer: the first Enters can come before the settings
 * were read, when nothing is attached yet, and what they did still counts.
 * @type {WeakMap<Element, 'send' | 'newline'>}
 */
const enterSeen = new WeakMap();

/**
 * What Enter without Shift does in composer element `el`: 'send' in a one-line input or
 * where the page was seen to send on Enter, 'newline' where it was seen to add a line (or
 * the composer is multi-line and does not look like a chat box), 'unknown' otherwise.
 * @param {HTMLElement} el
 * @returns {'send' | 'newline' | 'unknown'}
 */
function enterDoes(el) {
  if (el.tagName === 'INPUT') return 'send';
  const learnt = enterSeen.get(el);
  if (learnt) return learnt;
  // A textarea adds a line on Enter unless the page sends: a chat box's first Enter is
  // held while errors remain, and what it did is learnt.
  if (el.tagName === 'TEXTAREA') return chatTextarea(/** @type {HTMLTextAreaElement} */ (el)) ? 'unknown' : 'newline';
  if (el.getAttribute('aria-multiline') !== 'true') return 'unknown';
  // aria-multiline: Enter may add a line, or (a chat box) send; the first Enter there is
  // held while errors remain, and what it did is learnt.
  return looksLikeChat(el) ? 'unknown' : 'newline';
}
/** @param {Composer[]} cands */
function pick(cands) {
  // Prefer the focused or most recently used composer.
  return cands.find((c) => c.el.contains(document.activeElement)) || cands.sort((a, b) => (b.lastUsed || 0) - (a.lastUsed || 0))[0];
}

/**
 * Waits up to `ms` for findings for the composer's text as it is now.
 * @param {Composer} composer @param {number} ms
 * @returns {Promise<{state: 'failed' | 'pending' | null, done: Promise<unknown>}>} state:
 *   'failed' when the check failed, 'pending' when it has not answered in time (`done`
 *   settles when it does), null when the findings are current
 */
async function settle(composer, ms) {
  const text = composer.adapter.read().text;
  if (composer.checkedText === text && !composer.error) return { state: null, done: Promise.resolve() };
  const done = composer.check().then(() => 'done', () => 'done');
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const timeout = new Promise((r) => { timer = setTimeout(() => r('timeout'), ms); });
  const first = await Promise.race([done, timeout]);
  clearTimeout(timer);
  if (composer.error) return { state: 'failed', done };
  if (first === 'timeout' || composer.checkedText === null) return { state: 'pending', done };
  return { state: null, done };
}

/** Resolves once no fix is being applied (at most `ms` later). @param {number} ms */
async function fixDone(ms) {
  const end = Date.now() + ms;
  while (fixBusy() && Date.now() < end) await new Promise((r) => setTimeout(r, 16));
}

/** The dialog's options from the school's policy. */
function dialogOpts() {
  const pol = mgr ? mgr.policyInfo() : {};
  return { allowOverride: pol.allow_override !== false, needReason: pol.override_needs_reason === true };
}

/**
 * Holds a publish back while `composer` has errors: the guard dialog decides whether
 * `replay` (publishing after all) runs. A check that fails holds the post like an error;
 * one still under way after `waitMs` holds it with a message saying so, and when its
 * answer comes the dialog gives way to it: the errors it found, or the post goes out (the
 * teacher asked to publish, and nothing holds it any more). A fix still being applied is
 * waited for first: the check then sees the fixed text, and the fix (which puts the caret
 * back a frame after it typed) cannot take the focus from the dialog.
 * @param {Composer} composer
 * @param {() => void} replay
 * @param {number} [waitMs] @param {boolean} [shownBefore] the pending dialog was shown already
 */
async function hold(composer, replay, waitMs = CHECK_WAIT_MS, shownBefore = false) {
  await fixDone(CHECK_WAIT_MS);
  let { state: failed, done } = await settle(composer, waitMs);
  const opts = dialogOpts();
  composer.rememberCaret();
  let shown = shownBefore;
  while (failed === 'pending') {
    shown = true;
    const dialog = ui.showGuard(composer.errors(), Object.assign({ failed }, opts));
    const first = await Promise.race([dialog, done.then(() => null)]);
    if (first) return decided(composer, first, failed, composer.errors(), replay);
    // The check answered while the dialog was open: it gives way to the answer.
    ui.closeGuard();
    ({ state: failed, done } = await settle(composer, CHECK_WAIT_MS));
  }
  const errors = composer.errors();
  if (!errors.length && !failed) {
    if (shown) composer.focusBack(); // the focus was in the dialog
    return replay();
  }
  const result = await ui.showGuard(errors, Object.assign({ failed }, opts));
  return decided(composer, result, failed, errors, replay);
}

/**
 * A publish before the settings were read (the first moments after the page started;
 * nothing is attached until then): held as "check pending" until they are, then, on a
 * site that is not paused, held like any other until the first check answered: released,
 * or the errors are shown. `find` gives the composer once it can be attached.
 * @param {HTMLElement} el the composer element, not attached yet
 * @param {() => Composer | null} find
 * @param {(c: Composer | null) => void} replay
 */
async function holdEarly(el, find, replay) {
  const manager = /** @type {Manager} */ (mgr);
  const ready = manager.whenReady.then(() => null);
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const late = new Promise((r) => { timer = setTimeout(() => r('late'), CHECK_WAIT_MS); });
  const first = await Promise.race([ready, late]);
  clearTimeout(timer);
  let shown = false;
  if (first === 'late') {
    shown = true;
    const dialog = ui.showGuard([], Object.assign({ failed: /** @type {'pending'} */ ('pending') }, dialogOpts()));
    const result = await Promise.race([dialog, ready]);
    if (result) {
      if (result.choice !== 'post') return el.focus({ preventScroll: true });
      if (result.reason) send({ type: 'override', host: location.hostname, rules: ['check-pending'], reason: result.reason }).catch(() => {});
      return replay(null);
    }
    ui.closeGuard();
  }
  const composer = !manager.paused && el.isConnected ? find() : null;
  if (!composer) {
    // A paused site (or the composer went): the guard is not active here.
    if (shown) el.focus({ preventScroll: true });
    return replay(null);
  }
  return hold(composer, () => replay(composer), shown ? 0 : CHECK_WAIT_MS, shown);
}

/**
 * The teacher's choice in the guard dialog.
 * @param {Composer} composer @param {{choice: string, reason?: string}} result
 * @param {'failed' | 'pending' | null} failed @param {import('../shared/types.js').Finding[]} errors
 * @param {() => void} replay
 */
function decided(composer, { choice, reason }, failed, errors, replay) {
  if (choice !== 'post') return composer.focusBack();
  if (reason) {
    // Kept on this computer only (no network): which rules were overridden and why.
    send({ type: 'override', host: location.hostname, rules: failed ? ['check-' + failed] : errors.map((f) => f.rule), reason }).catch(() => {});
  }
  replay();
}

/**
 * A composer element holding text near publish button `btn` (in its form, else in its
 * nearest ancestors), for a publish before anything is attached.
 * @param {HTMLElement} btn @returns {HTMLElement | null}
 */
function composerElementNear(btn) {
  const form = /** @type {HTMLButtonElement} */ (btn).form || btn.closest('form');
  /** @type {Node[]} */
  const scopes = form ? [form] : [];
  for (let scope = up(btn), i = 0; scope && i < 12; i++, scope = up(scope)) scopes.push(scope);
  for (const here of scopes) {
    if (here.nodeType !== 1 && here.nodeType !== 11) continue;
    for (const cand of /** @type {Element} */ (here).querySelectorAll(COMPOSER_SELECTOR)) {
      const root = composerFor(cand);
      if (root && root === cand && rawText(root).trim()) return root;
    }
  }
  return null;
}

/** Adds a line break at the caret of textarea `el`, as Enter would have (undo kept). @param {HTMLTextAreaElement} el */
function insertNewline(el) {
  const before = el.value;
  try {
    document.execCommand('insertText', false, '\n');
  } catch { /* the fallback below */ }
  if (el.value !== before) return;
  el.setRangeText('\n', el.selectionStart, el.selectionEnd, 'end');
  el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertLineBreak' }));
}

/** Listens (capturing) for publishing by key, button and form submit. @param {Manager} manager */
export function install(manager) {
  mgr = manager;
  const active = () => !manager.paused;

  window.addEventListener(
    'keydown',
    (ev) => {
      if (!active() || ev.key !== 'Enter' || ev.isComposing) return;
      if (bypass === ev) return;
      const modified = ev.ctrlKey || ev.metaKey;
      if (!modified && (ev.shiftKey || ev.altKey)) return; // Shift+Enter: a new line
      const target = /** @type {Element} */ (targetOf(ev));
      const init = { key: 'Enter', code: 'Enter', keyCode: 13, which: 13, ctrlKey: ev.ctrlKey, metaKey: ev.metaKey, shiftKey: ev.shiftKey, altKey: ev.altKey, bubbles: true, cancelable: true, composed: true };
      const composer = composerAt(manager, target);
      if (!composer) {
        // Before the settings were read nothing is attached: a send from a composer with
        // text waits for them (and then for its check).
        const el = manager.ready() ? null : composerFor(target);
        if (!el || !rawText(el).trim()) return;
        if (!modified && enterDoes(el) !== 'send') {
          if (enterDoes(el) === 'unknown') learnEnter(el, () => shownText(el));
          return;
        }
        ev.preventDefault();
        ev.stopImmediatePropagation();
        holdEarly(el, () => composerAt(manager, target), (c) => replayKey(c, el, target, init, false));
        return;
      }
      if (modified) {
        if (!mustHold(composer)) return;
      } else {
        const does = enterDoes(composer.el);
        // Where Enter may only add a line, only known errors or a failed check hold it;
        // what Enter did there is learnt (a chat box that sends on Enter is held next time).
        if (does === 'newline' || (does === 'send' ? !mustHold(composer) : !composer.errors().length && !composer.error)) {
          if (does === 'unknown') learnEnter(composer.el, () => composer.adapter.read().text);
          return;
        }
      }
      ev.preventDefault();
      ev.stopImmediatePropagation();
      const learn = !modified && enterDoes(composer.el) === 'unknown';
      hold(composer, () => replayKey(composer, composer.el, target, init, learn));
    },
    true,
  );

  /**
   * Enter (or Ctrl+Enter) let through after all: sent again to where it was pressed.
   * @param {Composer | null} composer @param {HTMLElement} el the composer's element
   * @param {Element} target @param {KeyboardEventInit} init @param {boolean} learn
   */
  function replayKey(composer, el, target, init, learn) {
    if (composer) composer.focusBack();
    if (composer && learn) learnEnter(el, () => composer.adapter.read().text);
    const replayed = new KeyboardEvent('keydown', init);
    bypass = replayed;
    (target.isConnected ? target : el).dispatchEvent(replayed);
    bypass = null;
    // A replayed Enter has no default action: where the page left it alone, Enter adds
    // a line here, so the line is added as the browser would have.
    if (composer && learn && !replayed.defaultPrevented) {
      if (el.isContentEditable) document.execCommand('insertParagraph');
      else if (el.tagName === 'TEXTAREA') insertNewline(/** @type {HTMLTextAreaElement} */ (el));
      enterSeen.set(el, 'newline');
    }
  }

  /**
   * Enter in composer element `el` whose kind of Enter is not known yet: afterwards, a
   * new line in its text (`read`) says Enter adds lines, an emptied composer says the
   * page sent it.
   * @param {HTMLElement} el @param {() => string} read
   */
  function learnEnter(el, read) {
    const before = read();
    const lines = before.split('\n').length;
    // The text leaves out an empty last paragraph (ProseMirror's and Quill's "<p><br></p>"
    // after Enter at the end), so the rendered lines count too.
    const shown = () => (el.isContentEditable ? el.innerText || '' : '').split('\n').length;
    const shownBefore = shown();
    setTimeout(() => {
      if (!el.isConnected) return;
      const now = read();
      if (now.split('\n').length > lines || shown() > shownBefore) enterSeen.set(el, 'newline');
      else if (before.trim() && !now.trim()) enterSeen.set(el, 'send');
    }, 60);
  }

  /** @param {HTMLElement} btn */
  function clickAgain(btn) {
    bypass = 'click';
    try {
      btn.click();
    } finally {
      bypass = null;
    }
  }

  /** @param {MouseEvent | KeyboardEvent} ev */
  function onActivate(ev) {
    if (!active() || bypass === ev) return;
    if (ev.type === 'keydown' && /** @type {KeyboardEvent} */ (ev).key !== 'Enter' && /** @type {KeyboardEvent} */ (ev).key !== ' ') return;
    const btn = publishButton(targetOf(ev));
    if (!btn) return;
    const composer = composerForButton(btn, manager);
    if (!composer) {
      // Before the settings were read nothing is attached: held until they are.
      const el = manager.ready() ? null : composerElementNear(btn);
      if (!el) return;
      ev.preventDefault();
      ev.stopImmediatePropagation();
      holdEarly(el, () => composerForButton(btn, manager), () => clickAgain(btn));
      return;
    }
    if (!mustHold(composer)) return;
    ev.preventDefault();
    ev.stopImmediatePropagation();
    hold(composer, () => clickAgain(btn));
  }
  window.addEventListener('click', (ev) => {
    if (bypass === 'click') return;
    onActivate(ev);
  }, true);
  window.addEventListener('keydown', (ev) => {
    const t = targetOf(ev);
    if (publishButton(t) && !composerFor(t)) onActivate(ev);
  }, true);

  window.addEventListener(
    'submit',
    (ev) => {
      if (!active() || bypass === 'click' || bypass === 'submit') return;
      const form = /** @type {HTMLFormElement} */ (targetOf(ev));
      const submitter = ev.submitter;
      const again = () => {
        bypass = 'submit';
        try {
          form.requestSubmit(submitter || undefined);
        } finally {
          bypass = null;
        }
      };
      /** A composer with text in the form that is not checked yet (the page has just mounted it). */
      const unattached = () => {
        for (const cand of form.querySelectorAll(COMPOSER_SELECTOR)) {
          const root = composerFor(cand);
          if (root && root === cand && rawText(root).trim()) return root;
        }
        return null;
      };
      const find = () => {
        const c = manager.list().find((x) => x.el.isConnected && form.contains(x.el));
        if (c) return c;
        const root = unattached();
        return (root && manager.attach(root)) || null;
      };
      const composer = find();
      if (!composer) {
        const el = manager.ready() ? null : unattached();
        if (!el) return;
        ev.preventDefault();
        ev.stopImmediatePropagation();
        holdEarly(el, find, again);
        return;
      }
      if (!mustHold(composer)) return;
      ev.preventDefault();
      ev.stopImmediatePropagation();
      hold(composer, again);
    },
    true,
  );
}
