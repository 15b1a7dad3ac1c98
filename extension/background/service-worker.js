// Postwacht's background service worker: the only place the checker (Rust compiled to
// WebAssembly) runs. Pages with a strict Content-Security-Policy cannot compile wasm in a
// content script, so content scripts send {type: 'check', text, context, locale} here and
// get findings back. The wasm module and the compiled policy are created lazily on the
// first request after every (re)start of the worker: MV3 stops idle workers at any time.
import init, { Checker } from '../pkg/postwacht.js';
import { currentPolicy, extensionSettings, onPolicyChanged } from './policy-store.js';

// Tells one run of the worker from the next (tests check a restart really happened).
const instance = Date.now().toString(36) + Math.random().toString(36).slice(2, 8);
const tabCounts = new Map();

let wasm = null; // Promise of init()
let ruleTable = null; // Checker.rules(): ids, categories, default severities
let state = null; // {checker, policy, problems, key}
let loading = Promise.resolve();

function initWasm() {
  if (!wasm) {
    wasm = init({ module_or_path: chrome.runtime.getURL('pkg/postwacht_bg.wasm') }).catch((e) => {
      wasm = null;
      throw e;
    });
  }
  return wasm;
}

// The checker for the policy in force now. The policy is read from storage on every call
// (a few ms, and checks are debounced), so a change made by IT or the teacher is used from
// the next check on, even before storage.onChanged reaches this worker. The checker is
// compiled again only when the policy text changed. Calls are serialised.
async function compile() {
  await initWasm();
  if (!ruleTable) ruleTable = typeof Checker.rules === 'function' ? Checker.rules() : [];
  const policy = await currentPolicy(ruleTable);
  const key = policy.source + '\n' + (policy.json || '');
  if (state && state.key === key) return state;
  const problems = [...policy.problems];
  let checker;
  if (typeof Checker.lenient === 'function') {
    // A broken managed or imported policy never switches checking off: the valid parts
    // are used, and the problems are shown on the options page (and noted in the popup).
    checker = Checker.lenient(policy.json);
    problems.push(...checker.problems());
  } else {
    try {
      checker = policy.json === undefined ? new Checker() : new Checker(policy.json);
    } catch (e) {
      problems.push(String((e && e.message) || e));
      checker = new Checker();
    }
  }
  const changed = state !== null;
  state = { checker, policy, problems, key };
  if (changed) recheckTabs();
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
      chrome.tabs.sendMessage(tab.id, { type: 'recheck' }).catch(() => {});
    }
  } catch (_) { /* no tabs API here */ }
}

onPolicyChanged(() => {
  load().catch(() => {});
});

const PLATFORMS = new Set(['facebook', 'x', 'linkedin', 'instagram', 'schoolapp', 'other']);
const REPLY = new Set(['parent', 'student', 'colleague', 'other']);

function cleanContext(c) {
  c = c || {};
  return {
    platform: PLATFORMS.has(c.platform) ? c.platform : 'other',
    account: c.account === 'school' ? 'school' : 'personal',
    reply_to: REPLY.has(c.reply_to) ? c.reply_to : null,
    attachments: Array.isArray(c.attachments)
      ? c.attachments
          .filter((a) => a && (a.kind === 'image' || a.kind === 'video'))
          .map((a) => ({ kind: a.kind, name: String(a.name || '') }))
      : [],
  };
}

async function handle(msg, sender) {
  switch (msg && msg.type) {
    case 'check': {
      const { checker } = await load();
      const post = {
        text: String(msg.text || ''),
        context: cleanContext(msg.context),
        locale: msg.locale === 'en' ? 'en' : 'nl',
      };
      const findings = checker.check(JSON.stringify(post));
      return { ok: true, findings: Array.isArray(findings) ? findings : [] };
    }
    case 'policy-info': {
      const { policy, problems } = await load();
      return {
        ok: true,
        info: Object.assign(extensionSettings(policy.json), {
          source: policy.source,
          name: policy.name,
          problems,
          rules: policy.rules,
          imported_ignored: policy.imported_ignored,
        }),
      };
    }
    case 'validate-policy': {
      await initWasm();
      try {
        new Checker(String(msg.json)).free?.();
        return { ok: true };
      } catch (e) {
        return { ok: false, error: String((e && e.message) || e) };
      }
    }
    case 'counts': {
      const tabId = sender && sender.tab && sender.tab.id;
      if (tabId !== undefined) {
        tabCounts.set(tabId, msg.counts);
        const n = msg.counts.error;
        await chrome.action.setBadgeText({ tabId, text: n ? String(n) : '' });
        await chrome.action.setBadgeBackgroundColor({ tabId, color: '#d93025' });
      }
      return { ok: true };
    }
    case 'override': {
      // A local record of "toch plaatsen" with a reason, for the teacher's own overview:
      // host, rule ids and the reason; never the post itself, never sent anywhere.
      const { overrides = [] } = await chrome.storage.local.get('overrides');
      overrides.push({ at: new Date().toISOString(), host: String(msg.host || ''), rules: (msg.rules || []).map(String), reason: String(msg.reason || '') });
      await chrome.storage.local.set({ overrides: overrides.slice(-50) });
      return { ok: true };
    }
    case 'ping':
      return { ok: true, instance, wasm: state !== null };
    default:
      return { ok: false, error: 'unknown message' };
  }
}

chrome.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  handle(msg, sender).then(sendResponse, (e) => sendResponse({ ok: false, error: String((e && e.message) || e) }));
  return true; // answer asynchronously
});

// ---- sites added at run time (by the user or named by the policy) -----------------------
// The manifest covers the big platforms; other sites need an optional host permission that
// the user grants (popup or options page). For those, the content scripts are registered
// here, and registered again whenever the granted permissions change.
const CONTENT_JS = chrome.runtime.getManifest().content_scripts[0].js;
const CONTENT_CSS = chrome.runtime.getManifest().content_scripts[0].css;
const BUILT_IN = new Set(chrome.runtime.getManifest().content_scripts[0].matches);

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
