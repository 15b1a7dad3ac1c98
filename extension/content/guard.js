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

/** Whether a publish must wait for the guard: errors, or no answer for the text as it is. @param {Composer} c */
function mustHold(c) {
  return c.errors().length > 0 || !!c.error || c.checkedText !== c.adapter.read().text;
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
 * Whether contenteditable `el` looks like a chat box: its label says message or comment,
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
 * What Enter without Shift does in composer `c`: 'send' in a one-line input or where the
 * page was seen to send on Enter, 'newline' where it was seen to add a line (or the
 * composer says it is multi-line and does not look like a chat box), 'unknown' otherwise.
 * @param {Composer} c @returns {'send' | 'newline' | 'unknown'}
 */
function enterDoes(c) {
  if (c.el.tagName === 'INPUT') return 'send';
  if (c.enterDoes) return c.enterDoes;
  if (c.el.tagName === 'TEXTAREA') return 'newline';
  if (c.el.getAttribute('aria-multiline') !== 'true') return 'unknown';
  // aria-multiline: Enter may add a line, or (a chat box) send; the first Enter there is
  // held while errors remain, and what it did is learnt.
  return looksLikeChat(c.el) ? 'unknown' : 'newline';
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

/**
 * Holds a publish back while `composer` has errors: the guard dialog decides whether
 * `replay` (publishing after all) runs. A check that fails holds the post like an error;
 * one still under way after CHECK_WAIT_MS holds it with a message saying so, and when its
 * answer comes the dialog gives way to it: the errors it found, or the post goes out (the
 * teacher asked to publish, and nothing holds it any more).
 * @param {Composer} composer
 * @param {() => void} replay
 */
async function hold(composer, replay) {
  let { state: failed, done } = await settle(composer, CHECK_WAIT_MS);
  const pol = mgr ? mgr.policyInfo() : {};
  const opts = { allowOverride: pol.allow_override !== false, needReason: pol.override_needs_reason === true };
  composer.rememberCaret();
  let shown = false;
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
      const composer = composerAt(manager, targetOf(ev));
      if (!composer) return;
      if (modified) {
        if (!mustHold(composer)) return;
      } else {
        const does = enterDoes(composer);
        // Where Enter may only add a line, only known errors or a failed check hold it;
        // what Enter did there is learnt (a chat box that sends on Enter is held next time).
        if (does === 'newline' || (does === 'send' ? !mustHold(composer) : !composer.errors().length && !composer.error)) {
          if (does !== 'send') learnEnter(composer);
          return;
        }
      }
      ev.preventDefault();
      ev.stopImmediatePropagation();
      const target = /** @type {Element} */ (targetOf(ev));
      const init = { key: 'Enter', code: 'Enter', keyCode: 13, which: 13, ctrlKey: ev.ctrlKey, metaKey: ev.metaKey, shiftKey: ev.shiftKey, altKey: ev.altKey, bubbles: true, cancelable: true, composed: true };
      const learn = !modified && enterDoes(composer) === 'unknown';
      hold(composer, () => {
        composer.focusBack();
        if (learn) learnEnter(composer);
        const replayed = new KeyboardEvent('keydown', init);
        bypass = replayed;
        (target.isConnected ? target : composer.el).dispatchEvent(replayed);
        bypass = null;
        // A replayed Enter has no default action: where the page left it alone, Enter adds
        // a line here, so the line is added as the browser would have.
        if (learn && !replayed.defaultPrevented && composer.el.isContentEditable) {
          document.execCommand('insertParagraph');
          composer.enterDoes = 'newline';
        }
      });
    },
    true,
  );

  /**
   * Enter in a composer whose kind of Enter is not known yet: afterwards, a new line in
   * the text says Enter adds lines, an emptied composer says the page sent it.
   * @param {Composer} composer
   */
  function learnEnter(composer) {
    const before = composer.adapter.read().text;
    const lines = before.split('\n').length;
    setTimeout(() => {
      if (!composer.el.isConnected) return;
      const now = composer.adapter.read().text;
      if (now.split('\n').length > lines) composer.enterDoes = 'newline';
      else if (before.trim() && !now.trim()) composer.enterDoes = 'send';
    }, 60);
  }

  /** @param {MouseEvent | KeyboardEvent} ev */
  function onActivate(ev) {
    if (!active() || bypass === ev) return;
    if (ev.type === 'keydown' && /** @type {KeyboardEvent} */ (ev).key !== 'Enter' && /** @type {KeyboardEvent} */ (ev).key !== ' ') return;
    const btn = publishButton(targetOf(ev));
    if (!btn) return;
    const composer = composerForButton(btn, manager);
    if (!composer) return;
    if (!mustHold(composer)) return;
    ev.preventDefault();
    ev.stopImmediatePropagation();
    hold(composer, () => {
      bypass = 'click';
      try {
        btn.click();
      } finally {
        bypass = null;
      }
    });
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
      let composer = manager.list().find((c) => c.el.isConnected && form.contains(c.el));
      if (!composer) {
        // A composer with text the page has just mounted: checked now.
        for (const cand of form.querySelectorAll(COMPOSER_SELECTOR)) {
          const root = composerFor(cand);
          if (root && root === cand && rawText(root).trim()) composer = manager.attach(root);
          if (composer) break;
        }
      }
      if (!composer) return;
      if (!mustHold(composer)) return;
      ev.preventDefault();
      ev.stopImmediatePropagation();
      const submitter = ev.submitter;
      hold(composer, () => {
        bypass = 'submit';
        try {
          form.requestSubmit(submitter || undefined);
        } finally {
          bypass = null;
        }
      });
    },
    true,
  );
}

