// Postwacht's own UI in the page: one host element with an open shadow root holding the
// mark overlays (textarea mirrors, fallback underlines), the badges, the card, the badge
// panel, the publish guard dialog and a live region. Page styles cannot leak in, and text
// from the post is only ever set with textContent.
(function () {
  'use strict';
  const PW = (globalThis.PW = globalThis.PW || {});
  if (PW.started) return; // already running in this page (injected a second time)
  const t = (...a) => PW.i18n.t(...a);

  const CSS_TEXT = `
  :host { all: initial; }
  * { box-sizing: border-box; }
  .layer { position: fixed; inset: 0 auto auto 0; width: 0; height: 0; overflow: visible; }
  .mirror { position: fixed; overflow: hidden; pointer-events: none; color: transparent !important;
    background: transparent !important; border-color: transparent !important; white-space: pre-wrap;
    overflow-wrap: break-word; margin: 0; }
  .mirror span[data-sev] { text-decoration-line: underline; text-decoration-skip-ink: none; text-decoration-thickness: 2px; }
  .mirror span[data-sev="error"] { text-decoration-style: wavy; text-decoration-color: #d93025; background: rgba(217,48,37,.1); }
  .mirror span[data-sev="warning"] { text-decoration-style: wavy; text-decoration-color: #e37400; background: rgba(227,116,0,.1); }
  .mirror span[data-sev="info"] { text-decoration-style: dotted; text-decoration-color: #1a73e8; background: rgba(26,115,232,.08); }
  .uline { position: fixed; height: 3px; pointer-events: none; border-bottom: 2px solid; }
  .uline[data-sev="error"] { border-color: #d93025; } .uline[data-sev="warning"] { border-color: #e37400; } .uline[data-sev="info"] { border-color: #1a73e8; border-bottom-style: dotted; }
  .badge { position: fixed; display: flex; gap: 4px; align-items: center; padding: 2px 6px; min-height: 22px;
    font: 600 12px/1.2 system-ui, sans-serif; color: #202124; background: #fff; border: 1px solid #c4c7c5;
    border-radius: 11px; box-shadow: 0 1px 3px rgba(0,0,0,.2); cursor: pointer; opacity: .92; }
  .badge:hover, .badge:focus-visible { opacity: 1; outline: 2px solid #1a73e8; outline-offset: 1px; }
  .badge .n { display: inline-flex; align-items: center; gap: 2px; }
  .badge .dot { width: 8px; height: 8px; border-radius: 50%; display: inline-block; }
  .dot.error { background: #d93025; } .dot.warning { background: #e37400; } .dot.info { background: #1a73e8; }
  .badge .ok { color: #188038; }
  .card, .panel { position: fixed; width: 340px; max-width: calc(100vw - 16px); background: #fff; color: #202124;
    font: 14px/1.4 system-ui, sans-serif; border: 1px solid #c4c7c5; border-radius: 8px;
    box-shadow: 0 4px 16px rgba(0,0,0,.2); padding: 12px; }
  .card[hidden], .panel[hidden], .guard-backdrop[hidden] { display: none; }
  .card header { display: flex; align-items: center; gap: 8px; margin-bottom: 6px; font-weight: 600; }
  .sev { font-size: 11px; text-transform: uppercase; letter-spacing: .04em; padding: 1px 6px; border-radius: 4px; color: #fff; }
  .sev.error { background: #d93025; } .sev.warning { background: #b06000; } .sev.info { background: #1a73e8; }
  .card .quote { font-style: italic; color: #444; margin: 4px 0; overflow-wrap: anywhere; }
  .card .msg { margin: 4px 0 8px; }
  .card .ref { font-size: 12px; color: #5f6368; margin: 0 0 8px; }
  .actions { display: flex; flex-wrap: wrap; gap: 6px; }
  button.act { font: inherit; font-size: 13px; padding: 4px 10px; border-radius: 4px; border: 1px solid #c4c7c5; background: #f8f9fa; color: #202124; cursor: pointer; }
  button.act.primary { background: #1a73e8; color: #fff; border-color: #1a73e8; }
  button.act.danger { background: #fff; color: #b3261e; border-color: #b3261e; }
  button.act:focus-visible, .close:focus-visible, .item:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
  .close { position: absolute; top: 6px; right: 8px; border: 0; background: none; font-size: 18px; cursor: pointer; color: #5f6368; }
  .panel h2, .guard h2 { font-size: 15px; margin: 0 0 8px; }
  .panel ul, .guard ul { list-style: none; margin: 0 0 10px; padding: 0; max-height: 40vh; overflow: auto; }
  .panel li, .guard li { margin: 0 0 6px; }
  .item { display: block; width: 100%; text-align: left; font: inherit; font-size: 13px; border: 1px solid #e0e0e0; background: #fff; border-radius: 4px; padding: 4px 6px; cursor: pointer; color: inherit; }
  .panel label { display: flex; gap: 6px; align-items: center; font-size: 13px; margin: 6px 0; }
  .panel select { font: inherit; font-size: 13px; }
  .muted { color: #5f6368; font-size: 12px; }
  .guard-backdrop { position: fixed; inset: 0; width: 100vw; height: 100vh; background: rgba(0,0,0,.35); display: flex; align-items: center; justify-content: center; }
  .guard { width: 420px; max-width: calc(100vw - 24px); background: #fff; color: #202124; font: 14px/1.4 system-ui, sans-serif; border-radius: 10px; padding: 16px; box-shadow: 0 8px 30px rgba(0,0,0,.3); }
  .guard p { margin: 0 0 10px; }
  .guard .reason { width: 100%; font: inherit; padding: 4px 6px; }
  .sr { position: fixed; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  `;

  let host = null;
  let root = null;
  const els = {};

  function ensure() {
    if (host && host.isConnected) return root;
    host = document.createElement('postwacht-ui');
    host.setAttribute('data-postwacht-ui', '');
    host.style.cssText = 'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647;';
    root = host.attachShadow({ mode: 'open' });
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS_TEXT);
      root.adoptedStyleSheets = [sheet]; // not subject to the page's style-src CSP
    } catch (_) {
      const st = document.createElement('style');
      st.textContent = CSS_TEXT;
      root.appendChild(st);
    }
    for (const name of ['marks', 'badges', 'popups']) {
      const d = document.createElement('div');
      d.className = 'layer ' + name;
      root.appendChild(d);
      els[name] = d;
    }
    const live = document.createElement('div');
    live.className = 'sr';
    live.setAttribute('aria-live', 'polite');
    live.setAttribute('role', 'status');
    root.appendChild(live);
    els.live = live;
    document.documentElement.appendChild(host);
    return root;
  }

  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'text') e.textContent = v;
      else if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const k of kids) if (k) e.appendChild(typeof k === 'string' ? document.createTextNode(k) : k);
    return e;
  }

  let liveTimer = 0;
  function announce(msg) {
    ensure();
    clearTimeout(liveTimer);
    liveTimer = setTimeout(() => {
      els.live.textContent = msg;
    }, 400);
  }

  function sevLabel(sev) {
    return t(sev === 'error' ? 'sevError' : sev === 'warning' ? 'sevWarning' : 'sevInfo');
  }
  /** "2 fouten, 1 waarschuwing, 0 tips" in the chosen language. */
  function countsText(c) {
    const part = (n, key) => t(key + (n === 1 ? 'One' : 'Other'), n);
    return [part(c.error, 'countError'), part(c.warning, 'countWarning'), part(c.info, 'countInfo')].join(', ');
  }
  function countsLabel(c) {
    return t('badgeLabel', countsText(c));
  }

  // ---- card -------------------------------------------------------------------------
  const card = { node: null, composer: null, finding: null, hideTimer: 0, pinned: false };

  function placeNear(node, rect) {
    const w = node.offsetWidth || 340;
    const h = node.offsetHeight || 160;
    let x = Math.min(Math.max(8, rect.left), innerWidth - w - 8);
    let y = rect.bottom + 6;
    if (y + h > innerHeight - 8) y = Math.max(8, rect.top - h - 6);
    node.style.left = x + 'px';
    node.style.top = y + 'px';
  }

  /**
   * Shows the card for `finding` of `composer` next to `rect`. `focus`: move keyboard focus
   * into the card (keyboard users); hover and click leave focus in the editor.
   */
  function showCard(composer, finding, rect, { focus = false, pinned = false } = {}) {
    ensure();
    clearTimeout(card.hideTimer);
    if (card.node) card.node.remove();
    card.composer = composer;
    card.finding = finding;
    card.pinned = pinned || focus;
    const fixes = (finding.fixes || []).map((fx, i) =>
      el('button', {
        class: 'act primary',
        type: 'button',
        'data-fix': String(i),
        'data-replacement': fx.replacement,
        text: fx.label || fx.replacement,
        onclick: (ev) => {
          ev.preventDefault();
          hideCard(true);
          composer.applyFix(finding, fx);
        },
      }),
    );
    const node = el(
      'div',
      {
        class: 'card',
        role: 'dialog',
        'aria-label': t('cardLabel', sevLabel(finding.severity)),
        'data-postwacht-card': '',
        'data-rule': finding.rule,
        'data-severity': finding.severity,
        onmouseenter: () => clearTimeout(card.hideTimer),
        onmouseleave: () => {
          if (!card.pinned) scheduleHideCard();
        },
        onkeydown: (ev) => {
          if (ev.key === 'Escape') {
            ev.preventDefault();
            ev.stopPropagation();
            hideCard(true);
            composer.focusBack();
          }
        },
      },
      el('button', { class: 'close', type: 'button', 'aria-label': t('close'), text: '×', onclick: () => { hideCard(true); composer.focusBack(); } }),
      el('header', {}, el('span', { class: 'sev ' + finding.severity, text: sevLabel(finding.severity) }), el('span', { text: t('cat_' + finding.category.replace(/-/g, '_')) })),
      el('div', { class: 'quote', text: '“' + finding.text + '”' }),
      el('p', { class: 'msg', text: finding.message }),
      // The core cites the protocol rule in the post's language ("Protocol: ...").
      finding.reference ? el('p', { class: 'ref', text: /^protocol\b/i.test(finding.reference) ? finding.reference : t('cardReference', finding.reference) }) : null,
      el(
        'div',
        { class: 'actions' },
        ...fixes,
        el('button', {
          class: 'act',
          type: 'button',
          'data-ignore': '',
          text: t('ignore'),
          title: t('ignoreTitle'),
          onclick: () => {
            hideCard(true);
            composer.ignore(finding);
            composer.focusBack();
          },
        }),
      ),
    );
    els.popups.appendChild(node);
    card.node = node;
    placeNear(node, rect);
    if (focus) (node.querySelector('button.act') || node).focus();
  }

  function scheduleHideCard() {
    clearTimeout(card.hideTimer);
    card.hideTimer = setTimeout(() => hideCard(), 350);
  }
  function hideCard(force) {
    clearTimeout(card.hideTimer);
    if (!card.node) return;
    if (!force && card.pinned) return;
    card.node.remove();
    card.node = card.composer = card.finding = null;
    card.pinned = false;
  }
  function cardState() {
    return card;
  }

  // ---- badge panel -------------------------------------------------------------------
  let panel = null;
  function hidePanel() {
    if (panel) panel.remove();
    panel = null;
  }
  function showPanel(composer, badgeRect) {
    ensure();
    hidePanel();
    hideCard(true);
    const items = composer.findings.map((f) =>
      el(
        'li',
        {},
        el('button', {
          class: 'item',
          type: 'button',
          onclick: () => {
            hidePanel();
            const r = composer.rectOf(f) || badgeRect;
            showCard(composer, f, r, { focus: true });
          },
        }, el('span', { class: 'sev ' + f.severity, text: sevLabel(f.severity) }), ' ', el('span', { text: '“' + f.text + '” — ' + f.message })),
      ),
    );
    const schoolBox = el('input', { type: 'checkbox', 'data-account-school': '' });
    schoolBox.checked = composer.account === 'school';
    schoolBox.addEventListener('change', () => composer.setAccount(schoolBox.checked ? 'school' : 'personal'));
    const replySel = el('select', { 'data-reply-to': '' });
    for (const v of ['', 'parent', 'student', 'colleague', 'other']) {
      const o = el('option', { value: v, text: t('reply_' + (v || 'none')) });
      if ((composer.replyTo || '') === v) o.selected = true;
      replySel.appendChild(o);
    }
    replySel.addEventListener('change', () => composer.setReplyTo(replySel.value || null));
    const att = composer.attachments.length
      ? el('p', { class: 'muted' }, el('span', { text: t('attachments', composer.attachments.map((a) => a.name || a.kind).join(', ')) }), ' ',
          el('button', { class: 'act', type: 'button', text: t('clearAttachments'), onclick: () => { composer.setAttachments([]); hidePanel(); } }))
      : el('p', { class: 'muted', text: t('noAttachments') });
    panel = el(
      'div',
      {
        class: 'panel',
        role: 'dialog',
        'aria-label': t('panelTitle'),
        'data-postwacht-panel': '',
        onkeydown: (ev) => {
          if (ev.key === 'Escape') {
            ev.preventDefault();
            hidePanel();
            composer.focusBack();
          }
        },
      },
      el('button', { class: 'close', type: 'button', 'aria-label': t('close'), text: '×', onclick: () => { hidePanel(); composer.focusBack(); } }),
      el('h2', { text: t('panelTitle') }),
      items.length ? el('ul', {}, ...items) : el('p', { text: t('noFindings') }),
      el('label', {}, schoolBox, el('span', { text: t('postAsSchool') })),
      el('label', {}, el('span', { text: t('replyToLabel') }), replySel),
      att,
    );
    els.popups.appendChild(panel);
    placeNear(panel, badgeRect);
    (panel.querySelector('.item') || schoolBox).focus();
  }

  // ---- badge -------------------------------------------------------------------------
  function createBadge(composer) {
    ensure();
    const b = el('button', {
      class: 'badge',
      type: 'button',
      'data-postwacht-badge': '',
      'data-errors': '0',
      'data-warnings': '0',
      'data-infos': '0',
      'data-kind': composer.adapter.kind,
      'aria-haspopup': 'dialog',
      onclick: (ev) => {
        ev.preventDefault();
        if (panel) hidePanel();
        else showPanel(composer, b.getBoundingClientRect());
      },
      onmousedown: (ev) => ev.preventDefault(), // keep the editor's selection
    });
    els.badges.appendChild(b);
    updateBadge(b, { error: 0, warning: 0, info: 0 });
    return b;
  }

  function updateBadge(b, c) {
    b.dataset.errors = String(c.error);
    b.dataset.warnings = String(c.warning);
    b.dataset.infos = String(c.info);
    b.setAttribute('aria-label', countsLabel(c));
    b.title = countsLabel(c);
    b.textContent = '';
    if (!c.error && !c.warning && !c.info) {
      b.appendChild(el('span', { class: 'ok', 'aria-hidden': 'true', text: '✓' }));
      return;
    }
    for (const sev of ['error', 'warning', 'info']) {
      if (!c[sev]) continue;
      b.appendChild(el('span', { class: 'n', 'aria-hidden': 'true' }, el('span', { class: 'dot ' + sev }), String(c[sev])));
    }
  }

  /** The badge when checking failed: says so instead of showing a reassuring ✓. */
  function badgeError(b, detail) {
    b.dataset.state = 'error';
    b.textContent = '';
    b.appendChild(el('span', { class: 'n', 'aria-hidden': 'true', text: '⚠' }));
    b.setAttribute('aria-label', t('badgeError'));
    b.title = t('badgeError') + (detail ? ' (' + detail + ')' : '');
  }

  // ---- publish guard -----------------------------------------------------------------
  let guard = null;
  /**
   * Shows the guard for `errors`; resolves 'back' or 'post'. The school's policy may take
   * "toch plaatsen" away (allowOverride false) or ask for a reason first (needReason).
   */
  function showGuard(errors, { allowOverride = true, needReason = false } = {}) {
    ensure();
    closeGuard();
    hideCard(true);
    hidePanel();
    return new Promise((resolve) => {
      const finish = (choice, reason) => {
        closeGuard();
        resolve({ choice, reason });
      };
      const back = el('button', { class: 'act primary', type: 'button', 'data-guard-back': '', text: t('guardBack'), onclick: () => finish('back') });
      const focusables = [back];
      let post = null;
      let reason = null;
      if (allowOverride) {
        post = el('button', { class: 'act danger', type: 'button', 'data-guard-post': '', text: t('guardPost'), onclick: () => finish('post', reason ? reason.value.trim() : '') });
        if (needReason) {
          reason = el('input', { type: 'text', class: 'reason', 'data-guard-reason': '', 'aria-label': t('guardReason'), placeholder: t('guardReason') });
          post.disabled = true;
          reason.addEventListener('input', () => {
            post.disabled = reason.value.trim().length < 3;
          });
          focusables.push(reason);
        }
        focusables.push(post);
      }
      const dialog = el(
        'div',
        { class: 'guard', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'pw-guard-title', 'aria-describedby': 'pw-guard-desc', 'data-postwacht-guard': '' },
        el('h2', { id: 'pw-guard-title', text: t('guardTitle') }),
        el('p', { id: 'pw-guard-desc', text: t('guardIntro', t(errors.length === 1 ? 'countErrorOne' : 'countErrorOther', errors.length)) }),
        el('ul', {}, ...errors.map((f) => el('li', {}, el('strong', { text: '“' + f.text + '”' }), ' — ', el('span', { text: f.message })))),
        allowOverride ? null : el('p', { class: 'muted', text: t('guardNoOverride') }),
        reason ? el('p', {}, reason) : null,
        el('div', { class: 'actions' }, back, post),
      );
      guard = el('div', {
        class: 'guard-backdrop',
        onkeydown: (ev) => {
          if (ev.key === 'Escape') {
            ev.preventDefault();
            ev.stopPropagation();
            finish('back');
          } else if (ev.key === 'Tab') {
            // Keep focus inside the dialog.
            const f = focusables.filter((x) => !x.disabled);
            const i = f.indexOf(root.activeElement);
            ev.preventDefault();
            f[(i + (ev.shiftKey ? f.length - 1 : 1)) % f.length].focus();
          }
          ev.stopPropagation();
        },
      }, dialog);
      els.popups.appendChild(guard);
      back.focus();
    });
  }
  function closeGuard() {
    if (guard) guard.remove();
    guard = null;
  }
  function guardOpen() {
    return !!guard;
  }

  function layer(name) {
    ensure();
    return els[name];
  }
  /** True for Postwacht's own elements, inside its shadow root or not. */
  function contains(node) {
    if (!host || !node) return false;
    for (let n = node; n; ) {
      if (n === host) return true;
      const root = n.getRootNode && n.getRootNode();
      if (root && root.host) n = root.host;
      else return host.contains(n);
    }
    return false;
  }
  function destroy() {
    if (host) host.remove();
    host = root = null;
  }

  PW.ui = {
    ensure, el, layer, announce, countsLabel, countsText, sevLabel,
    showCard, hideCard, scheduleHideCard, cardState,
    showPanel, hidePanel,
    createBadge, updateBadge, badgeError,
    showGuard, closeGuard, guardOpen,
    contains, destroy,
    get host() { return host; },
  };
})();
