// The publish guard: while errors remain, Ctrl/Cmd+Enter in a composer, a click on the
// site's publish button, or a form submit is held back and a dialog lists the errors, with
// "terug naar bericht" (back to the draft) and "toch plaatsen" (post anyway). The draft is
// never touched either way.
import * as ui from './ui.js';
import { composerFor } from './adapters.js';
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

/** The checked composer a publish button belongs to: the nearest one sharing an ancestor. */
/** @param {HTMLElement} btn @param {Manager} manager @returns {Composer | null} */
function composerForButton(btn, manager) {
  const list = manager.list().filter((c) => c.el.isConnected);
  if (!list.length) return null;
  const form = /** @type {HTMLButtonElement} */ (btn).form || btn.closest('form');
  if (form) {
    const inForm = list.filter((c) => form.contains(c.el));
    if (inForm.length) return pick(inForm);
  }
  let scope = btn.parentElement;
  for (let i = 0; scope && i < 12; i++, scope = scope.parentElement) {
    const here = scope;
    const inside = list.filter((c) => here.contains(c.el));
    if (inside.length) return pick(inside);
  }
  return null;
}
/** @param {Composer[]} cands */
function pick(cands) {
  // Prefer the focused or most recently used composer.
  return cands.find((c) => c.el.contains(document.activeElement)) || cands.sort((a, b) => (b.lastUsed || 0) - (a.lastUsed || 0))[0];
}

/**
 * Holds a publish back while `composer` has errors: the guard dialog decides whether
 * `replay` (publishing after all) runs.
 * @param {Composer} composer
 * @param {() => void} replay
 */
async function hold(composer, replay) {
  // Make sure the findings are for the text as it is now.
  if (composer.checkedText !== composer.adapter.read().text) await composer.check();
  const errors = composer.errors();
  if (!errors.length) return replay();
  composer.rememberCaret();
  const pol = mgr ? mgr.policyInfo() : {};
  const { choice, reason } = await ui.showGuard(errors, {
    allowOverride: pol.allow_override !== false,
    needReason: pol.override_needs_reason === true,
  });
  if (choice === 'post') {
    if (reason) {
      // Kept on this computer only (no network): which rules were overridden and why.
      send({ type: 'override', host: location.hostname, rules: errors.map((f) => f.rule), reason }).catch(() => {});
    }
    replay();
  } else composer.focusBack();
}

/** Listens (capturing) for publishing by key, button and form submit. @param {Manager} manager */
export function install(manager) {
  mgr = manager;
  const active = () => !manager.paused;

  window.addEventListener(
    'keydown',
    (ev) => {
      if (!active() || ev.key !== 'Enter' || !(ev.ctrlKey || ev.metaKey)) return;
      if (bypass === ev) return;
      const composer = manager.composerOf(ev.target);
      if (!composer) return;
      const stale = composer.checkedText !== composer.adapter.read().text;
      if (!composer.errors().length && !stale) return;
      ev.preventDefault();
      ev.stopImmediatePropagation();
      const target = /** @type {Element} */ (ev.target);
      const init = { key: 'Enter', code: 'Enter', keyCode: 13, which: 13, ctrlKey: ev.ctrlKey, metaKey: ev.metaKey, shiftKey: ev.shiftKey, altKey: ev.altKey, bubbles: true, cancelable: true, composed: true };
      hold(composer, () => {
        composer.focusBack();
        const replayed = new KeyboardEvent('keydown', init);
        bypass = replayed;
        (target.isConnected ? target : composer.el).dispatchEvent(replayed);
        bypass = null;
      });
    },
    true,
  );

  /** @param {MouseEvent | KeyboardEvent} ev */
  function onActivate(ev) {
    if (!active() || bypass === ev) return;
    if (ev.type === 'keydown' && /** @type {KeyboardEvent} */ (ev).key !== 'Enter' && /** @type {KeyboardEvent} */ (ev).key !== ' ') return;
    const btn = publishButton(ev.target);
    if (!btn) return;
    const composer = composerForButton(btn, manager);
    if (!composer) return;
    const stale = composer.checkedText !== composer.adapter.read().text;
    if (!composer.errors().length && !stale) return;
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
    if (publishButton(ev.target) && !composerFor(ev.target)) onActivate(ev);
  }, true);

  window.addEventListener(
    'submit',
    (ev) => {
      if (!active() || bypass === 'click' || bypass === 'submit') return;
      const form = /** @type {HTMLFormElement} */ (ev.target);
      const composer = manager.list().find((c) => form.contains(c.el));
      if (!composer) return;
      const stale = composer.checkedText !== composer.adapter.read().text;
      if (!composer.errors().length && !stale) return;
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

