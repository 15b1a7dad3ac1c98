// Where the school's policy comes from, in order of precedence:
//   1. managed: pushed by the school's IT through browser policy (chrome.storage.managed,
//      key "policy", a JSON string or object). Read here already; the managed_schema and
//      the admin documentation come with the managed-policy issue.
//   2. imported: a policy file a teacher imported on the options page
//      (chrome.storage.local "imported_policy": {json, name, imported_at}).
//   3. the default policy embedded in the wasm core (no school, no roster).
// The store never touches the network.

export const SOURCES = ['managed', 'imported', 'default'];

async function readManaged() {
  try {
    if (!chrome.storage.managed) return null;
    const got = await chrome.storage.managed.get('policy');
    const p = got && got.policy;
    if (!p) return null;
    return typeof p === 'string' ? p : JSON.stringify(p);
  } catch (_) {
    return null; // no managed storage (no schema, or Firefox without a policy)
  }
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

/**
 * The policy in force: {source, json (string|undefined for the default), name}.
 */
export async function currentPolicy() {
  const managed = await readManaged();
  if (managed) return { source: 'managed', json: managed, name: schoolName(managed) };
  const imported = await readImported();
  if (imported) return { source: 'imported', json: imported.json, name: imported.name || schoolName(imported.json) };
  return { source: 'default', json: undefined, name: '' };
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

function schoolName(json) {
  try {
    const p = JSON.parse(json);
    return (p && p.school && p.school.name) || '';
  } catch (_) {
    return '';
  }
}

/** Calls `fn` whenever a policy source changes. */
export function onPolicyChanged(fn) {
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'managed' || (area === 'local' && changes.imported_policy)) fn();
  });
}
