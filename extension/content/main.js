// Postwacht's content script entry: finds composers (lazily: on focus or input, plus
// composers that already hold text), keeps their context, wires hover/click/keyboard to the
// card, and talks to the background service worker, which runs the checker (wasm).
(function () {
  'use strict';
  const PW = (globalThis.PW = globalThis.PW || {});
  if (PW.started) return; // injected twice (manifest + scripting after a permission grant)
  PW.started = true;
  const A = PW.adapters;

  // ---- background messaging ----------------------------------------------------------
  let dead = false; // the extension was reloaded or removed: this script is orphaned
  async function send(msg) {
    let lastErr;
    // The service worker may be stopped at any time (MV3); a message wakes it, but a
    // message in flight while it stops fails: try once more.
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const res = await chrome.runtime.sendMessage(msg);
        if (res === undefined) throw new Error('no answer from the service worker');
        return res;
      } catch (e) {
        lastErr = e;
        if (!chrome.runtime || !chrome.runtime.id) {
          dead = true;
          break;
        }
        await new Promise((r) => setTimeout(r, 150));
      }
    }
    throw lastErr;
  }
  PW.bg = {
    async check(text, context) {
      if (dead) throw new Error('extension context invalidated');
      const res = await send({ type: 'check', text, context, locale: PW.i18n.lang });
      if (!res.ok) throw new Error(res.error || 'check failed');
      return res.findings;
    },
    send,
  };

  // ---- manager -----------------------------------------------------------------------
  const composers = new Map(); // element -> Composer
  const host = location.hostname;
  let settings = { language: 'nl', sites: {} };
  let policyInfo = { allow_pause: true };

  const manager = {
    platform: PW.context.platform(),
    paused: false,
    list: () => Array.from(composers.values()),
    siteSettings: () => (settings.sites && settings.sites[host]) || {},
    policyInfo: () => policyInfo,
    composerOf(target) {
      const el = A.composerFor(target);
      return el ? composers.get(el) || null : null;
    },
    attach(el) {
      if (manager.paused || composers.has(el)) return composers.get(el);
      const c = new PW.Composer(el, manager);
      composers.set(el, c);
      return c;
    },
    onComposerChanged() {
      updateTitleCounts();
    },
    schedulePosition,
  };
  PW.manager = manager;

  function totals() {
    const t = { error: 0, warning: 0, info: 0, composers: 0 };
    for (const c of composers.values()) {
      const n = c.counts();
      t.error += n.error;
      t.warning += n.warning;
      t.info += n.info;
      t.composers++;
    }
    return t;
  }
  let lastTotals = '';
  function updateTitleCounts() {
    const t = totals();
    const key = `${t.error}/${t.warning}/${t.info}`;
    if (key === lastTotals) return;
    lastTotals = key;
    send({ type: 'counts', counts: t }).catch(() => {});
  }

  let posFrame = 0;
  function schedulePosition() {
    if (posFrame) return;
    posFrame = requestAnimationFrame(() => {
      posFrame = 0;
      for (const [el, c] of composers) {
        if (!el.isConnected) {
          c.destroy();
          composers.delete(el);
          continue;
        }
        c.position();
      }
    });
  }

  // ---- discovery ---------------------------------------------------------------------
  function consider(target) {
    if (manager.paused) return null;
    const el = A.composerFor(target);
    if (!el) return null;
    const c = manager.attach(el);
    if (c) c.lastUsed = Date.now();
    return c;
  }
  document.addEventListener('focusin', (ev) => consider(ev.composedPath()[0] || ev.target), true);
  document.addEventListener(
    'input',
    (ev) => {
      const c = consider(ev.composedPath()[0] || ev.target);
      if (c) c.onInput();
    },
    true,
  );

  // Composers that already hold text (a restored draft) are checked without a focus. Looked
  // for once at start and, rate-limited, when the page adds nodes: cheap even with a
  // hundred comment boxes, because empty boxes are left alone until used.
  const SCAN = 'textarea, input[type="text"], input:not([type]), input[type="search"], [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"]';
  function scan() {
    if (manager.paused) return;
    for (const el of document.querySelectorAll(SCAN)) {
      if (composers.has(el) || PW.ui.contains(el)) continue;
      const root = A.composerFor(el);
      if (!root || root !== el || composers.has(root)) continue;
      // Placeholders (Slate, Draft) are not text: read it the way the checker would.
      const filled = root.tagName === 'TEXTAREA' ? root.value.trim() : root.tagName === 'INPUT' ? '' : root.textContent.trim() && PW.textmap.build(root).text.trim();
      if (filled) manager.attach(root);
    }
  }
  let scanTimer = 0;
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.addedNodes.length) {
        if (!scanTimer) scanTimer = setTimeout(() => { scanTimer = 0; scan(); }, 500);
        break;
      }
    }
    schedulePosition();
  }).observe(document.documentElement, { childList: true, subtree: true });

  // ---- attachments ---------------------------------------------------------------------
  function composerNear(node) {
    if (!node || node.nodeType !== 1) return lastComposer();
    const direct = manager.composerOf(node);
    if (direct) return direct;
    let scope = node.parentElement;
    for (let i = 0; scope && i < 10; i++, scope = scope.parentElement) {
      const inside = manager.list().filter((c) => scope.contains(c.el));
      if (inside.length) return inside[0];
    }
    return lastComposer();
  }
  function lastComposer() {
    return manager.list().sort((a, b) => (b.lastUsed || 0) - (a.lastUsed || 0))[0] || null;
  }
  document.addEventListener(
    'change',
    (ev) => {
      const t = ev.target;
      if (!t || t.tagName !== 'INPUT' || t.type !== 'file' || !t.files) return;
      const list = PW.context.attachmentsFrom(t.files);
      const c = composerNear(t);
      if (c && list.length) c.addAttachments(list);
    },
    true,
  );
  document.addEventListener(
    'drop',
    (ev) => {
      const list = PW.context.attachmentsFrom(ev.dataTransfer && ev.dataTransfer.files);
      if (!list.length) return;
      const c = composerNear(ev.target) || consider(ev.target);
      if (c) c.addAttachments(list);
    },
    true,
  );
  document.addEventListener(
    'paste',
    (ev) => {
      const list = PW.context.attachmentsFrom(ev.clipboardData && ev.clipboardData.files);
      if (!list.length) return;
      const c = consider(ev.target) || composerNear(ev.target);
      if (c) c.addAttachments(list);
    },
    true,
  );

  // ---- card: hover, click, keyboard ------------------------------------------------------
  let hoverFrame = 0;
  let hoverPoint = null;
  let hoverTimer = 0;
  document.addEventListener(
    'mousemove',
    (ev) => {
      hoverPoint = { x: ev.clientX, y: ev.clientY, target: ev.target };
      if (hoverFrame) return;
      hoverFrame = requestAnimationFrame(() => {
        hoverFrame = 0;
        onHover(hoverPoint);
      });
    },
    { passive: true, capture: true },
  );
  function onHover(p) {
    if (!p || manager.paused) return;
    if (PW.ui.contains(p.target)) return; // over our own card
    const c = manager.composerOf(p.target);
    const cs = PW.ui.cardState();
    const hit = c && c.findingAt(p.x, p.y);
    if (hit) {
      if (cs.node && cs.finding === hit.finding) {
        clearTimeout(hoverTimer);
        return;
      }
      clearTimeout(hoverTimer);
      hoverTimer = setTimeout(() => {
        c.rememberCaret();
        PW.ui.showCard(c, hit.finding, hit.rect);
      }, 120);
    } else {
      clearTimeout(hoverTimer);
      if (cs.node && !cs.pinned) PW.ui.scheduleHideCard();
    }
  }
  document.addEventListener(
    'click',
    (ev) => {
      if (PW.ui.contains(ev.target)) return;
      const c = manager.composerOf(ev.target);
      if (!c) {
        PW.ui.hideCard(true);
        PW.ui.hidePanel();
        return;
      }
      const hit = c.findingAt(ev.clientX, ev.clientY);
      if (hit) {
        c.rememberCaret();
        PW.ui.showCard(c, hit.finding, hit.rect, { pinned: true });
      }
    },
    true,
  );
  // Keyboard: when the caret rests inside a mark, the card shows (without taking focus);
  // Alt+Shift+P moves focus into it (or to the badge panel when the caret is on no mark).
  let selTimer = 0;
  document.addEventListener('selectionchange', () => {
    clearTimeout(selTimer);
    selTimer = setTimeout(() => {
      const a = document.activeElement;
      const c = a && manager.composerOf(a);
      if (!c || !c.lastKeyAt || Date.now() - c.lastKeyAt > 1500) return;
      const f = c.findingAtCaret();
      const cs = PW.ui.cardState();
      if (f && cs.finding !== f) {
        c.rememberCaret();
        const r = c.rectOf(f);
        if (r) PW.ui.showCard(c, f, r);
      } else if (!f && cs.node && !cs.pinned) PW.ui.hideCard(true);
    }, 200);
  });
  document.addEventListener(
    'keydown',
    (ev) => {
      const c = manager.composerOf(ev.target);
      if (!c) return;
      if (ev.key.startsWith('Arrow') || ev.key === 'Home' || ev.key === 'End') c.lastKeyAt = Date.now();
      else c.lastKeyAt = 0;
      if (ev.altKey && ev.shiftKey && (ev.key === 'P' || ev.key === 'p' || ev.code === 'KeyP')) {
        ev.preventDefault();
        ev.stopPropagation();
        c.rememberCaret();
        const f = c.findingAtCaret();
        if (f) PW.ui.showCard(c, f, c.rectOf(f) || c.badge.getBoundingClientRect(), { focus: true });
        else PW.ui.showPanel(c, c.badge.getBoundingClientRect());
      } else if (ev.key === 'Escape' && PW.ui.cardState().node) {
        PW.ui.hideCard(true);
      }
    },
    true,
  );

  window.addEventListener(
    'scroll',
    (ev) => {
      // A card left behind by a scroll would point at the wrong words.
      if (!PW.ui.contains(ev.target)) {
        const cs = PW.ui.cardState();
        if (cs.node && !cs.pinned) PW.ui.hideCard(true);
      }
      schedulePosition();
    },
    { passive: true, capture: true },
  );
  window.addEventListener('resize', schedulePosition, { passive: true });
  setInterval(schedulePosition, 1000); // composers removed or moved without any event

  // ---- guard, settings, popup --------------------------------------------------------
  PW.guard.install(manager);

  function applySettings() {
    PW.i18n.setLang(settings.language);
    const site = manager.siteSettings();
    const wantPause = !!site.paused && policyInfo.allow_pause !== false;
    if (wantPause && !manager.paused) {
      manager.paused = true;
      for (const c of composers.values()) c.destroy();
      composers.clear();
      PW.ui.hideCard(true);
      PW.ui.hidePanel();
    } else if (!wantPause && manager.paused) {
      manager.paused = false;
      scan();
      const a = document.activeElement;
      if (a) consider(a);
    } else {
      for (const c of composers.values()) {
        if (!c.accountSetByUser) c.account = site.account || 'personal';
        c.check();
      }
    }
  }

  async function loadSettings() {
    try {
      const got = await chrome.storage.local.get('settings');
      settings = Object.assign({ language: 'nl', sites: {} }, got.settings || {});
    } catch (_) { /* keep defaults */ }
    try {
      const res = await send({ type: 'policy-info' });
      if (res && res.ok) policyInfo = res.info;
    } catch (_) { /* keep defaults */ }
    applySettings();
  }
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes.settings) {
      settings = Object.assign({ language: 'nl', sites: {} }, changes.settings.newValue || {});
      applySettings();
    }
    if ((area === 'local' && changes.imported_policy) || area === 'managed') loadSettings();
  });

  chrome.runtime.onMessage.addListener((msg, _sender, reply) => {
    if (msg && msg.type === 'status') {
      reply({ ok: true, host, platform: manager.platform, paused: manager.paused, counts: totals() });
    } else if (msg && msg.type === 'recheck') {
      // The policy in force changed: its extension settings (pause) and the findings.
      loadSettings();
      reply({ ok: true });
    }
  });

  PW.i18n.setLang(settings.language);
  loadSettings().then(() => {
    scan();
    const a = document.activeElement;
    if (a && a !== document.body) consider(a);
  });
})();
