// Postwacht's content script entry: finds composers (lazily: on focus or input, plus
// composers that already hold text), keeps their context, wires hover/click/keyboard to the
// card, and talks to the background service worker, which runs the checker (wasm).
//
// The entry point of the content script bundle (build.mjs bundles it with everything it
// imports into content/content.js). The script can be injected into a page a second time
// (by the manifest and again by chrome.scripting after a permission grant); only the first
// starts. No module does anything when it is loaded, so a second copy stays inert.
import * as ui from './ui.js';
import * as context from './context.js';
import { composerFor, COMPOSER_SELECTOR } from './adapters.js';
import { build as buildTextMap } from './textmap.js';
import { Composer } from './composer.js';
import * as guard from './guard.js';
import { targetOf } from './guard.js';
import { send } from './messaging.js';
import { setLang } from '../shared/i18n.js';
import * as attachments from './attachments.js';

/** @typedef {import('../shared/types.js').Settings} Settings */
/** @typedef {import('../shared/types.js').PolicyInfo} PolicyInfo */

/**
 * The page's composers and what they share (platform, settings, the school's policy).
 * @typedef {{
 *   platform: string,
 *   host: string,
 *   paused: boolean,
 *   ready(): boolean,
 *   whenReady: Promise<void>,
 *   list(): Composer[],
 *   siteSettings(): {account?: string, paused?: boolean},
 *   authorRole(): 'staff' | 'leader' | null,
 *   threadChoice(key: string | null): import('../shared/types.js').ReplyTo | 'none' | null,
 *   rememberThread(key: string | null, to: import('../shared/types.js').ReplyTo | 'none'): void,
 *   rememberSiteAccount(account: 'personal' | 'school'): void,
 *   policyInfo(): PolicyInfo,
 *   composerOf(target: EventTarget | null): Composer | null,
 *   attach(el: HTMLElement): Composer | undefined,
 *   onComposerChanged(c: Composer): void,
 *   schedulePosition(): void,
 *   touched: WeakSet<HTMLElement>,
 * }} Manager
 */

const STARTED = Symbol.for('postwacht.content-started');
/** @type {Record<symbol, boolean>} */
const flags = /** @type {any} */ (globalThis);
if (!flags[STARTED]) {
  flags[STARTED] = true;
  start();
}

/**
 * The platform of the page this frame is part of: a same-origin frame (an editor in an
 * iframe, about:blank or srcdoc) belongs to the site of the top page.
 */
function framePlatform() {
  try {
    if (window.top && window.top !== window) return context.platform(window.top.location, window.top.document);
  } catch { /* another origin: the frame's own */ }
  return context.platform(location, document);
}

/** The focused element, inside open shadow roots too. */
function deepActive() {
  let a = document.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  return a;
}

function start() {
  // ---- manager -----------------------------------------------------------------------
  /** @type {Map<HTMLElement, Composer>} */
  const composers = new Map();
  const host = location.hostname;
  /** @type {Settings} */
  let settings = { language: 'nl', sites: {} };
  /** @type {PolicyInfo} */
  let policyInfo = { allow_pause: true };
  /** The user's choices of addressee per thread (context.threadKey → reply_to or "none"). @type {Record<string, string>} */
  let threads = {};
  const THREADS_KEPT = 200;

  /** The settings were read once: until then no composer is attached (a paused site gets no check). */
  let settingsLoaded = false;
  /** Elements focused or typed in before the settings were read: considered once they are. @type {Set<EventTarget>} */
  const early = new Set();
  /** @type {() => void} */
  let readyNow = () => {};
  /** Settles when the settings were read (guard.js holds a publish until then). @type {Promise<void>} */
  const whenReady = new Promise((r) => { readyNow = r; });

  /** Composers the user typed, clicked, pasted or dropped in (trusted events): see Composer.exposed. @type {WeakSet<HTMLElement>} */
  const touched = new WeakSet();
  /** @type {Manager} */
  const manager = {
    platform: framePlatform(),
    host,
    paused: false,
    ready: () => settingsLoaded,
    whenReady,
    list: () => Array.from(composers.values()),
    // Per-site settings match the host and its parent domains (facebook.com covers www. and m.).
    siteSettings: () => context.siteSetting(settings.sites, host),
    // The policy's role for this profile wins; else the teacher's own setting (options).
    authorRole: () => policyInfo.author_role || settings.role || null,
    threadChoice(key) {
      const v = key ? threads[key] : undefined;
      return v === 'none' || (v && context.REPLY.has(v)) ? /** @type {any} */ (v) : null;
    },
    rememberThread(key, to) {
      if (!key) return;
      delete threads[key];
      threads[key] = to;
      const keys = Object.keys(threads);
      for (const k of keys.slice(0, Math.max(0, keys.length - THREADS_KEPT))) delete threads[k];
      chrome.storage.local.set({ threads }).catch(() => {});
    },
    rememberSiteAccount(account) {
      const key = context.siteKey(host);
      const sites = Object.assign({}, settings.sites);
      sites[key] = Object.assign({}, sites[key], { account });
      // A more specific entry's account would hide this one (context.siteSetting).
      for (const k of Object.keys(sites)) {
        if (k !== key && k.endsWith('.' + key) && sites[k] && sites[k].account) sites[k] = Object.assign({}, sites[k], { account: undefined });
      }
      settings = Object.assign({}, settings, { sites });
      chrome.storage.local.set({ settings }).catch(() => {});
    },
    policyInfo: () => policyInfo,
    composerOf(target) {
      const el = composerFor(target);
      return el ? composers.get(el) || null : null;
    },
    attach(el) {
      // Nothing is attached (and so nothing checked) before the settings said whether the
      // site is paused.
      if (!settingsLoaded || manager.paused || composers.has(el)) return composers.get(el);
      const c = new Composer(el, manager);
      composers.set(el, c);
      return c;
    },
    onComposerChanged() {
      updateTitleCounts();
    },
    schedulePosition,
    touched,
  };

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
    // A frame without composers (an ad, a widget) reports nothing; the service worker adds
    // up the counts of the tab's frames.
    if (window !== window.top && !t.composers && !lastTotals) return;
    const key = `${t.error}/${t.warning}/${t.info}/${t.composers}`;
    if (key === lastTotals) return;
    lastTotals = key;
    send({ type: 'counts', counts: t }).catch(() => {});
  }

  let posFrame = 0;
  function schedulePosition() {
    if (posFrame) return;
    posFrame = requestAnimationFrame(() => {
      posFrame = 0;
      /** @type {Composer[]} */
      const live = [];
      for (const [el, c] of composers) {
        if (!el.isConnected) {
          c.destroy();
          composers.delete(el);
          continue;
        }
        live.push(c);
      }
      // Every composer's layout reads first, then the writes: one layout for all of them.
      const gs = live.map((c) => c.measure());
      live.forEach((c, i) => c.place(gs[i]));
    });
  }

  // The user's own work in a composer (trusted events only: a page script's events and
  // execCommand are not): from then on the page may see its marks and counts.
  for (const type of ['pointerdown', 'keydown', 'paste', 'drop', 'compositionstart']) {
    document.addEventListener(
      type,
      (ev) => {
        if (!ev.isTrusted) return;
        const el = composerFor(ev.composedPath()[0] || ev.target);
        if (!el || touched.has(el)) return;
        touched.add(el);
        const c = composers.get(el);
        if (c) c.render();
      },
      true,
    );
  }

  // ---- discovery ---------------------------------------------------------------------
  /** @param {EventTarget | null} target */
  function consider(target) {
    if (manager.paused) return null;
    const el = composerFor(target);
    if (!el) return null;
    if (!settingsLoaded) {
      early.add(el);
      return null;
    }
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
  const SCAN = COMPOSER_SELECTOR;
  function scan() {
    if (manager.paused) return;
    for (const el of document.querySelectorAll(SCAN)) {
      if (composers.has(/** @type {HTMLElement} */ (el)) || ui.contains(el)) continue;
      const root = composerFor(el);
      if (!root || root !== el || composers.has(root)) continue;
      // Placeholders (Slate, Draft) are not text: read it the way the checker would.
      const filled = root.tagName === 'TEXTAREA' ? /** @type {HTMLTextAreaElement} */ (root).value.trim() : root.tagName === 'INPUT' ? '' : (root.textContent || '').trim() && buildTextMap(root).text.trim();
      if (filled) manager.attach(root);
    }
  }
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let scanTimer;
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.addedNodes.length) {
        if (!scanTimer) scanTimer = setTimeout(() => { scanTimer = undefined; scan(); }, 500);
        break;
      }
    }
    schedulePosition();
  }).observe(document.documentElement, { childList: true, subtree: true });

  // ---- attachments ---------------------------------------------------------------------
  /**
   * The composer a file input or drop target belongs to: the nearest one sharing an
   * ancestor, else the one used last.
   * @param {EventTarget | null} target
   * @returns {Composer | null}
   */
  function composerNear(target) {
    if (!target || !('nodeType' in target) || target.nodeType !== 1) return lastComposer();
    const node = /** @type {Element} */ (target);
    const direct = manager.composerOf(node);
    if (direct) return direct;
    let scope = node.parentElement;
    for (let i = 0; scope && i < 10; i++, scope = scope.parentElement) {
      const here = scope;
      const inside = manager.list().filter((c) => here.contains(c.el));
      if (inside.length) return inside[0];
    }
    return lastComposer();
  }
  function lastComposer() {
    return manager.list().sort((a, b) => (b.lastUsed || 0) - (a.lastUsed || 0))[0] || null;
  }
  attachments.watchPreviews(composerNear);
  document.addEventListener(
    'change',
    (ev) => {
      const t = /** @type {HTMLInputElement | null} */ (ev.target);
      if (!t || t.tagName !== 'INPUT' || t.type !== 'file' || !t.files) return;
      const list = context.attachmentsFrom(t.files);
      const c = composerNear(t);
      if (c && list.length) c.addAttachments(list);
      if (c) attachments.added(c, t.files, t); // photos: inspected on the device
    },
    true,
  );
  document.addEventListener(
    'drop',
    (ev) => {
      const list = context.attachmentsFrom(ev.dataTransfer && ev.dataTransfer.files);
      if (!list.length) return;
      const c = composerNear(ev.target) || consider(ev.target);
      if (c) c.addAttachments(list);
      if (c) attachments.added(c, ev.dataTransfer && ev.dataTransfer.files, null);
    },
    true,
  );
  document.addEventListener(
    'paste',
    (ev) => {
      const list = context.attachmentsFrom(ev.clipboardData && ev.clipboardData.files);
      if (!list.length) return;
      const c = consider(ev.target) || composerNear(ev.target);
      if (c) c.addAttachments(list);
      if (c) attachments.added(c, ev.clipboardData && ev.clipboardData.files, null);
    },
    true,
  );

  // ---- card: hover, click, keyboard ------------------------------------------------------
  let hoverFrame = 0;
  /** @typedef {{x: number, y: number, target: EventTarget | null}} Point */
  /** @type {Point | null} */
  let hoverPoint = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let hoverTimer;
  document.addEventListener(
    'mousemove',
    (ev) => {
      hoverPoint = { x: ev.clientX, y: ev.clientY, target: targetOf(ev) };
      if (hoverFrame) return;
      hoverFrame = requestAnimationFrame(() => {
        hoverFrame = 0;
        onHover(hoverPoint);
      });
    },
    { passive: true, capture: true },
  );
  /** @param {Point | null} p */
  function onHover(p) {
    if (!p || manager.paused) return;
    if (ui.contains(p.target)) return; // over our own card
    const c = manager.composerOf(p.target);
    const cs = ui.cardState();
    const hit = c && c.findingAt(p.x, p.y);
    if (hit) {
      if (cs.node && cs.finding === hit.finding) {
        clearTimeout(hoverTimer);
        return;
      }
      clearTimeout(hoverTimer);
      hoverTimer = setTimeout(() => {
        c.rememberCaret();
        ui.showCard(c, hit.finding, hit.rect);
      }, 120);
    } else {
      clearTimeout(hoverTimer);
      if (cs.node && !cs.pinned) ui.scheduleHideCard();
    }
  }
  document.addEventListener(
    'click',
    (ev) => {
      if (ui.contains(ev.target)) return;
      const c = manager.composerOf(targetOf(ev));
      sweepSoon(); // a click may have sent the post and cleared the composer
      if (!c) {
        ui.hideCard(true);
        ui.hidePanel();
        return;
      }
      const hit = c.findingAt(ev.clientX, ev.clientY);
      if (hit) {
        c.rememberCaret();
        ui.showCard(c, hit.finding, hit.rect, { pinned: true });
      }
    },
    true,
  );
  // Keyboard: when the caret rests inside a mark, the card shows (without taking focus);
  // Alt+Shift+P moves focus into it (or to the badge panel when the caret is on no mark).
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let selTimer;
  document.addEventListener('selectionchange', () => {
    clearTimeout(selTimer);
    selTimer = setTimeout(() => {
      const a = deepActive();
      const c = a && manager.composerOf(a);
      if (!c || !c.lastKeyAt || Date.now() - c.lastKeyAt > 1500) return;
      const f = c.findingAtCaret();
      const cs = ui.cardState();
      if (f && cs.finding !== f) {
        c.rememberCaret();
        const r = c.rectOf(f);
        if (r) ui.showCard(c, f, r);
      } else if (!f && cs.node && !cs.pinned) ui.hideCard(true);
    }, 200);
  });
  document.addEventListener(
    'keydown',
    (ev) => {
      if (ev.key === 'Enter') sweepSoon();
      const c = manager.composerOf(targetOf(ev));
      if (!c) return;
      if (ev.key.startsWith('Arrow') || ev.key === 'Home' || ev.key === 'End') c.lastKeyAt = Date.now();
      else c.lastKeyAt = 0;
      if (ev.altKey && ev.shiftKey && (ev.key === 'P' || ev.key === 'p' || ev.code === 'KeyP')) {
        ev.preventDefault();
        ev.stopPropagation();
        c.rememberCaret();
        const f = c.findingAtCaret();
        if (f) ui.showCard(c, f, c.rectOf(f) || c.badge.getBoundingClientRect(), { focus: true });
        else ui.showPanel(c, c.badge.getBoundingClientRect());
      } else if (ev.key === 'Escape' && ui.cardState().node) {
        ui.hideCard(true);
      }
    },
    true,
  );

  window.addEventListener(
    'scroll',
    (ev) => {
      // A card left behind by a scroll would point at the wrong words.
      if (!ui.contains(ev.target)) {
        const cs = ui.cardState();
        if (cs.node && !cs.pinned) ui.hideCard(true);
      }
      schedulePosition();
    },
    { passive: true, capture: true },
  );
  window.addEventListener('resize', schedulePosition, { passive: true });
  // A text field's value set by the page's script fires no event (a site clears the
  // composer after sending): compared once a second, and soon after a click or Enter.
  function sweep() {
    for (const c of composers.values()) {
      if (c.adapter.kind === 'textarea' && c.el.isConnected && c.adapter.read().text !== c.text) c.onInput();
    }
  }
  function sweepSoon() {
    setTimeout(sweep, 50);
    setTimeout(sweep, 300);
  }
  setInterval(() => {
    for (const c of composers.values()) c.marks.restyle(); // a page's style change fires no event
    schedulePosition(); // composers removed or moved without any event
    sweep();
  }, 1000);

  // ---- guard, settings, popup --------------------------------------------------------
  guard.install(manager);

  function applySettings() {
    setLang(settings.language);
    const site = manager.siteSettings();
    const wantPause = !!site.paused && policyInfo.allow_pause !== false;
    if (wantPause && !manager.paused) {
      manager.paused = true;
      for (const c of composers.values()) c.destroy();
      composers.clear();
      ui.hideCard(true);
      ui.hidePanel();
    } else if (!wantPause && manager.paused) {
      manager.paused = false;
      scan();
      const a = document.activeElement;
      if (a) consider(a);
    } else {
      // The account per composer is decided at each check (composer.context()).
      for (const c of composers.values()) c.check();
    }
  }

  async function loadSettings() {
    try {
      const got = await chrome.storage.local.get(['settings', 'threads']);
      settings = Object.assign({ language: 'nl', sites: {} }, got.settings || {});
      threads = Object.assign({}, got.threads || {});
    } catch { /* keep defaults */ }
    // A site the teacher did not pause is checked at once; on a paused one the policy
    // decides (it may forbid pausing), so nothing is attached before it answered.
    if (!manager.siteSettings().paused) {
      setLang(settings.language);
      settingsReady();
    }
    try {
      const res = await send({ type: 'policy-info' });
      if (res && res.ok) policyInfo = res.info;
    } catch { /* keep defaults */ }
    applySettings();
  }
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes.settings) {
      settings = Object.assign({ language: 'nl', sites: {} }, changes.settings.newValue || {});
      applySettings();
    }
    if (area === 'local' && changes.threads) threads = Object.assign({}, changes.threads.newValue || {});
    if ((area === 'local' && changes.imported_policy) || area === 'managed') loadSettings();
  });

  chrome.runtime.onMessage.addListener((msg, _sender, reply) => {
    if (msg && msg.type === 'status') {
      // Every frame gets the popup's question; the first answer counts: the top page's,
      // or a frame's that has composers. The counts are the tab's: this frame's, plus
      // what the other frames reported to the service worker (if it answers soon).
      if (window !== window.top && !composers.size) return;
      const own = totals();
      const others = send({ type: 'tab-counts' }).then((r) => (r && r.ok ? r.others : null), () => null);
      const late = new Promise((r) => setTimeout(() => r(null), 300));
      Promise.race([others, late]).then((o) => {
        const counts = Object.assign({}, own);
        if (o) for (const k of /** @type {(keyof typeof own)[]} */ (['error', 'warning', 'info', 'composers'])) counts[k] += Number(o[k]) || 0;
        reply({ ok: true, host, platform: manager.platform, paused: manager.paused, counts });
      });
      return true;
    } else if (msg && msg.type === 'recheck') {
      // The policy in force changed: its extension settings (pause) and the findings.
      loadSettings();
      reply({ ok: true });
    }
  });

  /** Once, when it is known whether the site is paused: what was used meanwhile is attached. */
  function settingsReady() {
    if (settingsLoaded) return;
    settingsLoaded = true;
    scan();
    const a = document.activeElement;
    if (a && a !== document.body) consider(a);
    // What was focused or typed in meanwhile (on a paused site: nothing is attached).
    for (const el of early) {
      if (!/** @type {Node} */ (el).isConnected) continue;
      const c = consider(el);
      if (c) c.onInput();
    }
    early.clear();
    readyNow();
  }
  setLang(settings.language);
  loadSettings().then(settingsReady);
  // This document's counts leave the tab's total when it goes (navigation, a removed
  // frame), and come back when it is shown again from the back/forward cache.
  window.addEventListener('pagehide', () => {
    if (lastTotals) send({ type: 'counts', gone: true }).catch(() => {});
  });
  window.addEventListener('pageshow', (ev) => {
    if (!ev.persisted) return;
    lastTotals = '';
    updateTitleCounts();
  });
}
