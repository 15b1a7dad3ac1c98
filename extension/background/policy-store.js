// Which policy is in force, and who set it. In order of precedence:
//   1. managed: set by the school's IT through browser policy (chrome.storage.managed; the
//      keys are described by managed_schema.json, generated from the core's policy format
//      by `postwacht policy schema`). Either the whole policy as one JSON string under
//      "policy_json", or the policy's top-level keys (school, roster, rules, …) as separate
//      managed keys, or both (a separate key wins over the same key in the string). When a
//      managed policy is set, an imported file is not used.
//   2. imported: a policy file the teacher imported on the options page, kept in the
//      extension origin's IndexedDB ({json, name, imported_at}; see storeImported), where
//      content scripts cannot read it.
//   3. the default policy embedded in the wasm core (no school, no roster).
// On top of that come the teacher's own rule settings (chrome.storage.local settings.rules:
// category or rule id → severity or "off"). What they mean (under a managed policy they
// can only make a rule stricter), the extension settings' defaults and the validation of
// the policy are the core's: Checker.forExtension (src/policy/teacher.rs). This file only
// gathers the sources. It never touches the network.

export const SOURCES = ['managed', 'imported', 'default'];

/** @param {unknown} v @returns {v is Record<string, any>} */
const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

async function readManagedRaw() {
  try {
    if (!chrome.storage.managed) return {};
    return (await chrome.storage.managed.get(null)) || {};
  } catch (_) {
    return {}; // no managed storage (Firefox without a policies.json entry)
  }
}

/**
 * The managed storage turned into one policy object, plus what the extension itself finds
 * odd about it ("path: problem"; the core adds its own problems when it compiles it).
 * Returns null when IT set nothing.
 * @param {unknown} rawValue what chrome.storage.managed.get(null) gave
 * @returns {{policy: Record<string, unknown>, problems: string[]} | null}
 */
export function managedPolicy(rawValue) {
  /** @type {Record<string, any>} */
  const raw = isObject(rawValue) ? rawValue : {};
  const keys = Object.keys(raw);
  if (!keys.length) return null;
  /** @type {string[]} */
  const problems = [];
  /** @type {Record<string, unknown>} */
  let policy = {};
  // "policy_json" is the documented key; "policy" (a string or an object) is read too.
  for (const k of ['policy_json', 'policy']) {
    if (!(k in raw)) continue;
    let v = raw[k];
    if (typeof v === 'string') {
      try {
        v = JSON.parse(v);
      } catch (e) {
        problems.push(`${k}: not valid JSON: ${/** @type {Error} */ (e).message}`);
        continue;
      }
    }
    if (isObject(v)) policy = Object.assign({}, v, policy);
    else problems.push(`${k}: expected the policy as a JSON object, found ${Array.isArray(v) ? 'a list' : typeof v}`);
  }
  for (const k of keys) {
    if (k === 'policy_json' || k === 'policy') continue;
    // Every other key goes to the core as a top-level key, so an unknown one is reported
    // there with a "did you mean" hint (Firefox passes every key through; Chromium drops
    // keys the schema does not name).
    policy[k] = raw[k];
  }
  // Chromium drops a managed value whose type does not match managed_schema.json, silently
  // (one wrong field drops the whole top-level key). What is left can look odd:
  if (!('school' in policy)) {
    problems.push('school: missing (if IT set it, the browser dropped it because a value in it has the wrong type: see chrome://policy)');
  }
  if ('roster_salt' in policy && !('roster' in policy)) {
    problems.push('roster: missing while roster_salt is set (if IT set it, the browser dropped it because a value in it has the wrong type: see chrome://policy)');
  }
  return { policy, problems };
}

/**
 * @typedef {object} PolicySources
 * @property {string} source 'managed', 'imported' or 'default'
 * @property {string} json the policy's text for the core ('' for the default policy)
 * @property {string} teacherRules the teacher's rule settings as JSON ('{}' for none)
 * @property {string[]} problems the extension's own findings about a managed policy
 * @property {string} importedName the imported file's name ('' when none is used)
 * @property {boolean} imported_ignored a file is imported but a managed policy wins
 * @property {boolean} imported_present a file is imported (in force or not)
 */

/**
 * Which policy is in force, from what the three stores hold (no storage access: the unit
 * tests call this directly).
 * @param {{managedRaw?: unknown, imported?: {json: string, name?: string} | null, teacherRules?: unknown}} stores
 * @returns {PolicySources}
 */
export function policySources({ managedRaw, imported, teacherRules }) {
  const managed = managedPolicy(managedRaw);
  const validImported = imported && typeof imported.json === 'string' ? imported : null;
  const teacher = JSON.stringify(isObject(teacherRules) ? teacherRules : {});
  if (managed) {
    return {
      source: 'managed',
      json: JSON.stringify(managed.policy),
      teacherRules: teacher,
      problems: managed.problems,
      importedName: '',
      imported_ignored: !!validImported,
      imported_present: !!validImported,
    };
  }
  if (validImported) {
    // The text as imported: the core reports a broken one with its paths.
    return {
      source: 'imported',
      json: validImported.json,
      teacherRules: teacher,
      problems: [],
      importedName: String(validImported.name || ''),
      imported_ignored: false,
      imported_present: true,
    };
  }
  return { source: 'default', json: '', teacherRules: teacher, problems: [], importedName: '', imported_ignored: false, imported_present: false };
}

// ---- the imported policy: in the extension origin's IndexedDB ---------------------------
// Not in chrome.storage.local: content scripts can read that area (and get every change to
// it through storage.onChanged in every tab), and the policy holds the roster. Chrome's
// storage.local.setAccessLevel would close the whole area to content scripts, which read
// their settings there, and Firefox does not support it for storage.local; storage.session
// would forget the file when the browser closes. IndexedDB belongs to the extension's
// origin: only the worker and the extension's pages can open it, in Chrome and Firefox.
// Only the worker touches it (the options page sends 'import-policy' / 'remove-policy').
const DB = 'postwacht';
const STORE = 'policy';

/** @returns {Promise<IDBDatabase>} */
function openDb() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/**
 * One request on the policy store.
 * @param {IDBTransactionMode} mode
 * @param {(s: IDBObjectStore) => IDBRequest} op
 * @returns {Promise<any>}
 */
async function withStore(mode, op) {
  const db = await openDb();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = op(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

/** @typedef {{json: string, name: string, imported_at: string}} ImportedPolicy */

/** Keeps an imported policy (replacing the one before). @param {ImportedPolicy} p */
export async function storeImported(p) {
  await withStore('readwrite', (s) => s.put({ json: String(p.json), name: String(p.name || ''), imported_at: String(p.imported_at || '') }, 'imported'));
}

/** Forgets the imported policy. */
export async function removeImported() {
  await withStore('readwrite', (s) => s.delete('imported'));
}

/**
 * Moves what earlier versions kept in storage.local to where it belongs now: the imported
 * policy to IndexedDB, and the "toch plaatsen" log is dropped (it is kept for the session
 * only now). Also run when something (an older options page, a test) writes
 * storage.local.imported_policy.
 */
export async function migrateLegacyStorage() {
  /** @type {{imported_policy?: ImportedPolicy, overrides?: unknown}} */
  const got = await chrome.storage.local.get(['imported_policy', 'overrides']);
  const legacy = got && got.imported_policy;
  if (legacy && typeof legacy.json === 'string') await storeImported(legacy);
  if (got && ('imported_policy' in got || 'overrides' in got)) await chrome.storage.local.remove(['imported_policy', 'overrides']);
}

/** @returns {Promise<ImportedPolicy | null>} */
export async function readImported() {
  try {
    await migrateLegacyStorage();
  } catch (_) { /* keep going with what IndexedDB has */ }
  try {
    return (await withStore('readonly', (s) => s.get('imported'))) || null;
  } catch (_) {
    return null;
  }
}

async function readTeacherRules() {
  try {
    /** @type {{settings?: {rules?: unknown}}} */
    const { settings = {} } = await chrome.storage.local.get('settings');
    return settings.rules;
  } catch (_) {
    return {};
  }
}

/** The policy sources as the browser's storage holds them now. @returns {Promise<PolicySources>} */
export async function currentPolicy() {
  const [managedRaw, imported, teacherRules] = await Promise.all([readManagedRaw(), readImported(), readTeacherRules()]);
  return policySources({ managedRaw, imported, teacherRules });
}

/**
 * Compiles the policy in force with the core's Checker (the wasm-bindgen class). A broken
 * managed or imported policy never switches checking off: the valid parts are used, and
 * the problems are shown on the options page (and noted in the popup).
 * @param {any} Checker the wasm Checker class
 * @param {PolicySources} p
 * @returns {{checker: any, problems: string[], info: object}} `info` is what the options
 *   page and the popup get for 'policy-info'
 */
export function compilePolicy(Checker, p) {
  const checker = Checker.forExtension(p.json, p.teacherRules, p.source === 'managed');
  const problems = [...p.problems, ...checker.problems()];
  const info = Object.assign(checker.extensionSettings(), {
    source: p.source,
    name: checker.schoolName() || p.importedName,
    problems,
    rules: checker.ruleRows(),
    imported_ignored: p.imported_ignored,
    imported_present: p.imported_present,
  });
  return { checker, problems, info };
}

/**
 * Calls `fn` whenever a policy source or the teacher's rule settings change.
 * @param {() => void} fn
 */
export function onPolicyChanged(fn) {
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed') fn();
    else if (area === 'local' && changes.imported_policy) fn();
    else if (area === 'local' && changes.settings) {
      const before = /** @type {{rules?: unknown} | undefined} */ (changes.settings.oldValue);
      const after = /** @type {{rules?: unknown} | undefined} */ (changes.settings.newValue);
      const a = before && before.rules;
      const b = after && after.rules;
      if (JSON.stringify(a || {}) !== JSON.stringify(b || {})) fn();
    }
  });
}
