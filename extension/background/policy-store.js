// Which policy is in force, and who set it. In order of precedence:
//   1. managed: set by the school's IT through browser policy (chrome.storage.managed; the
//      keys are described by managed_schema.json). Either the whole policy as one JSON
//      string under "policy_json", or the policy's top-level keys (school, roster, rules, …)
//      as separate managed keys, or both (a separate key wins over the same key in the
//      string). When a managed policy is set, an imported file is not used.
//   2. imported: a policy file the teacher imported on the options page
//      (chrome.storage.local "imported_policy": {json, name, imported_at}).
//   3. the default policy embedded in the wasm core (no school, no roster).
// On top of that the teacher's own rule settings (chrome.storage.local settings.rules:
// category or rule id → severity or "off") are merged in. Under a managed policy they can
// only make a rule stricter: every rule's severity in the school's policy is a floor.
// The store never touches the network.

export const SOURCES = ['managed', 'imported', 'default'];
export const SEVERITIES = ['off', 'info', 'warning', 'error'];
const RANK = Object.fromEntries(SEVERITIES.map((s, i) => [s, i]));

// Top-level keys of the policy format (src/policy.rs); managed_schema.json declares them.
export const POLICY_KEYS = [
  'version', 'school', 'roster_salt', 'roster', 'staff', 'rules', 'capacity_statement',
  'contact', 'offline_contact', 'extra_words', 'channels', 'extension',
];

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
 */
export function managedPolicy(raw) {
  raw = isObject(raw) ? raw : {};
  const keys = Object.keys(raw);
  if (!keys.length) return null;
  const problems = [];
  let policy = {};
  // "policy_json" is the documented key; "policy" (a string or an object) is read too.
  for (const k of ['policy_json', 'policy']) {
    if (!(k in raw)) continue;
    let v = raw[k];
    if (typeof v === 'string') {
      try {
        v = JSON.parse(v);
      } catch (e) {
        problems.push(`${k}: not valid JSON: ${e.message}`);
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

async function readImported() {
  try {
    const got = await chrome.storage.local.get('imported_policy');
    const p = got && got.imported_policy;
    return p && typeof p.json === 'string' ? p : null;
  } catch (_) {
    return null;
  }
}

async function readTeacherRules() {
  try {
    const { settings = {} } = await chrome.storage.local.get('settings');
    return isObject(settings.rules) ? settings.rules : {};
  } catch (_) {
    return {};
  }
}

/** The severity a rules map gives rule `r` ({id, category, severity}), or undefined. */
function resolve(rules, r) {
  if (!isObject(rules)) return undefined;
  for (const k of [r.id, r.category]) {
    const v = rules[k];
    if (typeof v === 'string' && v in RANK) return v;
  }
  return undefined;
}

/**
 * Merges the teacher's rule settings into `policy` (an object; changed in place).
 * Returns per rule: {id, category, default, school, teacher, effective, locked}.
 * `locked`: under a managed policy, the school's severity is a floor.
 */
export function mergeTeacherRules(policy, teacher, ruleTable, managed) {
  const base = isObject(policy.rules) ? policy.rules : undefined;
  const out = [];
  const changes = {};
  for (const r of ruleTable) {
    const school = resolve(base, r) || r.severity;
    const mine = resolve(teacher, r);
    let effective = school;
    if (mine) effective = managed ? (RANK[mine] > RANK[school] ? mine : school) : mine;
    if (effective !== school) changes[r.id] = effective;
    out.push({ id: r.id, category: r.category, default: r.severity, school, teacher: mine || null, effective, locked: !!managed });
  }
  if (Object.keys(changes).length) {
    // Rule ids win over categories in the core, so the teacher's changes go in as rule ids
    // next to the school's entries (which stay as they are, so the core still reports a
    // broken one with its path). A "rules" that is not an object is left to the core.
    if (base) policy.rules = Object.assign({}, base, changes);
    else if (!('rules' in policy)) policy.rules = changes;
  }
  return out;
}

/**
 * The policy in force: {source, json (string, or undefined for the default), name,
 * problems (the extension's own findings about a managed policy), imported_ignored}.
 * `ruleTable` is Checker.rules() from the core; without it teacher rules are not merged.
 */
export async function currentPolicy(ruleTable = []) {
  const [raw, imported, teacher] = await Promise.all([readManagedRaw(), readImported(), readTeacherRules()]);
  const managed = managedPolicy(raw);
  let source = 'default';
  let policy = null;
  let text;
  let problems = [];
  if (managed) {
    source = 'managed';
    policy = managed.policy;
    problems = managed.problems;
  } else if (imported) {
    source = 'imported';
    try {
      policy = JSON.parse(imported.json);
    } catch (_) {
      text = imported.json; // the core reports it
    }
    if (!isObject(policy)) {
      text = imported.json;
      policy = null;
    }
  }
  let rules = [];
  if (policy || source === 'default') {
    const p = policy || {};
    rules = mergeTeacherRules(p, teacher, ruleTable, source === 'managed');
    if (policy || Object.keys(p).length) text = JSON.stringify(p);
  }
  const name = (policy && isObject(policy.school) && typeof policy.school.name === 'string' && policy.school.name) || (source === 'imported' && imported.name) || '';
  return { source, json: text, name, problems, rules, imported_ignored: source === 'managed' && !!imported };
}

/** Extension-side settings a policy may carry next to the rules (see docs/extension.md). */
export function extensionSettings(json) {
  const out = { allow_pause: true, allow_override: true, override_needs_reason: false, sites: [] };
  if (!json) return out;
  try {
    const p = JSON.parse(json);
    const ext = (p && p.extension) || {};
    if (ext.allow_pause === false) out.allow_pause = false;
    if (ext.allow_override === false) out.allow_override = false;
    if (ext.override_needs_reason === true) out.override_needs_reason = true;
    if (Array.isArray(ext.sites)) out.sites = ext.sites.filter((s) => typeof s === 'string');
  } catch (_) { /* the checker reports a broken policy */ }
  return out;
}

/** Calls `fn` whenever a policy source or the teacher's rule settings change. */
export function onPolicyChanged(fn) {
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed') fn();
    else if (area === 'local' && changes.imported_policy) fn();
    else if (area === 'local' && changes.settings) {
      const a = changes.settings.oldValue && changes.settings.oldValue.rules;
      const b = changes.settings.newValue && changes.settings.newValue.rules;
      if (JSON.stringify(a || {}) !== JSON.stringify(b || {})) fn();
    }
  });
}
