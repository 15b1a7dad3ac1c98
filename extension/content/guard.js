// The publish guard: while errors remain, Ctrl/Cmd+Enter in a composer, a click on the
// site's publish button, or a form submit is held back and a dialog lists the errors, with
// "terug naar bericht" (back to the draft) and "toch plaatsen" (post anyway). The draft is
// never touched either way.
(function () {
  'use strict';
  const PW = (globalThis.PW = globalThis.PW || {});
  if (PW.started) return; // already running in this page (injected a second time)

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

  let bypass = null; // the one event we replay after "toch plaatsen"
  let mgr = null;

  function publishButton(target) {
    if (!target || target.nodeType !== 1) return null;
    const b = target.closest('button, [role="button"], input[type="submit"], input[type="button"]');
    if (!b || PW.ui.contains(b)) return null;
    if (b.matches(PUBLISH_SELECTOR)) return b;
    const label = (b.getAttribute('aria-label') || b.value || b.textContent || '').trim();
    return label.length < 40 && PUBLISH_WORDS.test(label) ? b : null;
  }

  /** The checked composer a publish button belongs to: the nearest one sharing an ancestor. */
  function composerForButton(btn, manager) {
    const list = manager.list().filter((c) => c.el.isConnected);
    if (!list.length) return null;
    const form = btn.form || btn.closest('form');
    if (form) {
      const inForm = list.filter((c) => form.contains(c.el));
      if (inForm.length) return pick(inForm);
    }
    let scope = btn.parentElement;
    for (let i = 0; scope && i < 12; i++, scope = scope.parentElement) {
      const inside = list.filter((c) => scope.contains(c.el));
      if (inside.length) return pick(inside);
    }
    return null;
  }
  function pick(cands) {
    // Prefer the focused or most recently used composer.
    return cands.find((c) => c.el.contains(document.activeElement)) || cands.sort((a, b) => (b.lastUsed || 0) - (a.lastUsed || 0))[0];
  }

  async function hold(composer, replay) {
    // Make sure the findings are for the text as it is now.
    if (composer.checkedText !== composer.adapter.read().text) await composer.check();
    const errors = composer.errors();
    if (!errors.length) return replay();
    composer.rememberCaret();
    const pol = mgr ? mgr.policyInfo() : {};
    const { choice, reason } = await PW.ui.showGuard(errors, {
      allowOverride: pol.allow_override !== false,
      needReason: pol.override_needs_reason === true,
    });
    if (choice === 'post') {
      if (reason) {
        // Kept on this computer only (no network): which rules were overridden and why.
        PW.bg.send({ type: 'override', host: location.hostname, rules: errors.map((f) => f.rule), reason }).catch(() => {});
      }
      replay();
    } else composer.focusBack();
  }

  function install(manager) {
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
        const target = ev.target;
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

    function onActivate(ev) {
      if (!active() || bypass === ev) return;
      if (ev.type === 'keydown' && ev.key !== 'Enter' && ev.key !== ' ') return;
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
      if (ev.target && ev.target.nodeType === 1 && publishButton(ev.target) && !PW.adapters.composerFor(ev.target)) onActivate(ev);
    }, true);

    window.addEventListener(
      'submit',
      (ev) => {
        if (!active() || bypass === 'click' || bypass === 'submit') return;
        const form = ev.target;
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

  PW.guard = { install, publishButton };
})();
