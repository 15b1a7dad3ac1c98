// Postwacht's background service worker: the only place the checker (Rust compiled to
// WebAssembly) runs. Pages with a strict Content-Security-Policy cannot compile wasm in a
// content script, so content scripts send {type: 'check', text, context, locale} here and
// get findings back. The wasm module and the compiled policy are created lazily on the
// first request after every (re)start of the worker: MV3 stops idle workers at any time.
import init, { Checker } from '../pkg/postwacht.js';
import { senderKind, refusal, forContent } from './senders.js';
import { compilePolicy, currentPolicy, onPolicyChanged, storeImported, removeImported, migrateLegacyStorage } from './policy-store.js';
import { handleImage, imageLoaded } from './image.js';
import { onCounts, othersOf, tabClosed } from './counts.js';

// Tells one run of the worker from the next (tests check a restart really happened).
const instance = Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
const OWN_ORIGIN = chrome.runtime.getURL('');

/** @typedef {ReturnType<typeof compilePolicy> & {key: string}} State */
/** @typedef {{type: string, [k: string]: any}} Message */
/** @param {unknown} e */
const errText = (e) => String((e && /** @type {Error} */ (e).message) || e);
/** @type {Promise<unknown> | null} */
let wasm = null; // Promise of init()
/** @type {WebAssembly.Memory | null} the instance's memory, for 'ping' (the benchmark reads its size) */
let wasmMemory = null;
/** @type {State | null} */
let state = null; // {checker, problems, info, key}: the compiled policy in force
let stale = true; // a policy source changed since `state` was compiled
/** @type {Promise<unknown>} */
let loading = Promise.resolve();

function initWasm() {
  if (!wasm) {
    wasm = init({ module_or_path: chrome.runtime.getURL('pkg/postwacht_bg.wasm') }).then((/** @type {any} */ exports) => {
      wasmMemory = (exports && exports.memory) || null;
      return exports;
    }, (/** @type {unknown} */ e) => {
      wasm = null;
      throw e;
    });
  }
  return wasm;
}

// The checker for the policy in force, cached: the policy sources are read and compiled
// again only after storage.onChanged said one changed (and on the first call after a
// restart), so a check costs no storage read and no JSON.stringify of the policy. A check
// that races a change (its message overtakes the worker's onChanged event) is answered
// with the old policy, and recheckTabs() asks every tab to check again once the new one
// is compiled. Calls are serialised.
/** @returns {Promise<State>} */
async function compile() {
  await initWasm();
  if (state && !stale) return state;
  stale = false; // before reading: a change from here on marks it stale again
  const sources = await currentPolicy();
  const key = sources.source + '\n' + sources.json + '\n' + sources.teacherRules;
  if (state && state.key === key) return state;
  const previous = state;
  state = Object.assign(compilePolicy(Checker, sources), { key });
  if (previous) {
    previous.checker.free?.();
    recheckTabs();
  }
  return state;
}

function load() {
  const p = loading.then(compile);
  loading = p.catch(() => {});
  return p;
}

// Content scripts check again when a policy changes (they also listen to storage changes;
// this reaches them when the change came from a source they cannot see).
async function recheckTabs() {
  try {
    for (const tab of await chrome.tabs.query({})) {
      if (tab.id !== undefined) chrome.tabs.sendMessage(tab.id, { type: 'recheck' }).catch(() => {});
    }
  } catch (_) { /* no tabs API here */ }
}

onPolicyChanged(() => {
  stale = true;
  load().catch(() => {});
});

// "Toch plaatsen" with a reason: kept in storage.session (memory, gone when the browser
// closes; not readable by content scripts), at most 50, never the post's text.
const OVERRIDES_MAX = 50;

// A JavaScript string can hold a lone surrogate (half an emoji cut off, a page's own
// text); JSON.stringify writes it as "\ud800", which the core's JSON reader refuses, so the
// whole post went unchecked. U+FFFD in its place is one UTF-16 unit too: every offset the
// core returns still fits the composer's text (issue 14; tests/e2e/tests/hostile.test.js).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** @param {string} s */
function wellFormed(s) {
  const es2024 = /** @type {{toWellFormed?: () => string}} */ (/** @type {unknown} */ (s));
  return typeof es2024.toWellFormed === 'function' ? es2024.toWellFormed() : s.replace(LONE_SURROGATE, '\uFFFD');
}

/** @param {Message} msg @param {chrome.runtime.MessageSender} sender */
async function handle(msg, sender) {
  // Who may ask what: background/senders.js.
  const kind = senderKind(sender, chrome.runtime.id, OWN_ORIGIN);
  const refused = refusal(msg, kind);
  if (refused) return refused;
  switch (msg.type) {
    case 'check': {
      const { checker } = await load();
      // The context goes to the core as the content script sent it: the core knows the
      // platforms, accounts and reply kinds, and rejects anything else with a clear error.
      const post = {
        text: wellFormed(String(msg.text || '')),
        context: msg.context || {},
        locale: msg.locale === 'en' ? 'en' : 'nl',
      };
      // checkInContext also says which account, addressee and role the core decided on.
      if (typeof checker.checkInContext === 'function') {
        const res = checker.checkInContext(JSON.stringify(post));
        return { ok: true, findings: Array.isArray(res.findings) ? res.findings : [], context: res.context || null };
      }
      const findings = checker.check(JSON.stringify(post));
      return { ok: true, findings: Array.isArray(findings) ? findings : [], context: null };
    }
    case 'policy-info': {
      const { info } = await load();
      return { ok: true, info: kind === 'content' ? forContent(info) : info };
    }
    case 'import-policy': {
      // From the options page: validated by the core first, then kept where content scripts
      // cannot read it (policy-store.js: storeImported).
      await initWasm();
      const json = String(msg.json || '');
      try {
        new Checker(json).free?.();
      } catch (e) {
        return { ok: false, error: errText(e) };
      }
      await storeImported({ json, name: String(msg.name || ''), imported_at: new Date().toISOString() });
      stale = true;
      await load();
      return { ok: true };
    }
    case 'remove-policy': {
      await removeImported();
      stale = true;
      await load();
      return { ok: true };
    }
    case 'validate-policy': {
      await initWasm();
      try {
        new Checker(String(msg.json)).free?.();
        return { ok: true };
      } catch (e) {
        return { ok: false, error: errText(e) };
      }
    }
    case 'counts':
      // Per frame; the badge shows the sum over the tab's frames (background/counts.js).
      await onCounts({ counts: msg.counts, gone: !!msg.gone }, sender);
      return { ok: true };
    case 'tab-counts':
      return { ok: true, others: await othersOf(sender) };
    case 'override': {
      // A record of "toch plaatsen" with a reason for this browser session only: host, rule
      // ids and the reason; never the post itself, never sent anywhere.
      const got = await chrome.storage.session.get('overrides');
      /** @type {object[]} */
      const overrides = Array.isArray(got.overrides) ? got.overrides : [];
      const rules = Array.isArray(msg.rules) ? msg.rules.slice(0, 50).map((/** @type {unknown} */ r) => String(r).slice(0, 100)) : [];
      overrides.push({ at: new Date().toISOString(), host: String(msg.host || '').slice(0, 255), rules, reason: String(msg.reason || '').slice(0, 500) });
      await chrome.storage.session.set({ overrides: overrides.slice(-OVERRIDES_MAX) });
      return { ok: true };
    }
    case 'inspect-image':
    case 'strip-image':
      return handleImage(msg);
    case 'ping':
      return { ok: true, instance, wasm: state !== null, image: imageLoaded(), wasm_memory_bytes: wasmMemory ? wasmMemory.buffer.byteLength : 0 };
    default:
      return { ok: false, error: 'unknown message' };
  }
}

// storage.session is for trusted contexts only (the default in Chrome; said explicitly).
chrome.storage.session.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })?.catch?.(() => {});
// Earlier versions kept the imported policy and the overrides in storage.local.
migrateLegacyStorage().catch(() => {});

chrome.tabs?.onRemoved?.addListener((tabId) => {
  tabClosed(tabId).catch(() => {});
});

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  handle(msg, sender).then(sendResponse, (e) => sendResponse({ ok: false, error: errText(e) }));
  return true; // answer asynchronously
});

// ---- sites added at run time (by the user or named by the policy) -----------------------
// The manifest covers the big platforms; other sites need an optional host permission that
// the user grants (popup or options page). For those, the content scripts are registered
// here, and registered again whenever the granted permissions change.
const CONTENT = (chrome.runtime.getManifest().content_scripts || [])[0] || {};
const CONTENT_JS = CONTENT.js || [];
const CONTENT_CSS = CONTENT.css || [];
const BUILT_IN = new Set(CONTENT.matches);

async function syncUserSites() {
  if (!chrome.scripting || !chrome.permissions) return;
  const { origins = [] } = await chrome.permissions.getAll();
  const extra = origins.filter((o) => !BUILT_IN.has(o) && !o.startsWith('chrome-extension:') && !o.startsWith('moz-extension:'));
  try {
    await chrome.scripting.unregisterContentScripts({ ids: ['postwacht-user-sites'] });
  } catch (_) { /* none registered yet */ }
  if (!extra.length) return;
  await chrome.scripting.registerContentScripts([
    { id: 'postwacht-user-sites', matches: extra, js: CONTENT_JS, css: CONTENT_CSS, runAt: 'document_idle', persistAcrossSessions: true },
  ]);
}
chrome.runtime.onInstalled.addListener(() => syncUserSites().catch(() => {}));
if (chrome.permissions && chrome.permissions.onAdded) {
  chrome.permissions.onAdded.addListener(() => syncUserSites().catch(() => {}));
  chrome.permissions.onRemoved.addListener(() => syncUserSites().catch(() => {}));
}
