// Options: language, the account per site, importing the school's policy file (for
// teachers whose IT does not push one yet), and extra sites (permission asked at run time).
import { managedWithoutPolicy, installType } from '../shared/managed.js';
import { t, setLang, getLang, apply } from '../shared/i18n.js';
import { policyErrorList, problemText } from '../shared/policy-errors.js';
import { sitePattern, originPattern } from '../shared/sites.js';
import { siteKey } from '../content/context.js';

/** @typedef {import('../shared/types.js').Settings} Settings */
/** @typedef {import('../shared/types.js').PolicyInfo} PolicyInfo */

/** The element with id `id` (the page has every one this script asks for). @param {string} id @returns {any} */
const $ = (id) => document.getElementById(id);

/** @returns {Promise<Settings>} */
async function getSettings() {
  const { settings = {} } = /** @type {{settings?: Partial<Settings>}} */ (await chrome.storage.local.get('settings'));
  return Object.assign({ language: 'nl', sites: {} }, settings);
}
// The last status line ("Opgeslagen.", the result of an import), kept as message keys so a
// language switch shows it in the new language.
/** @type {{key: string, args: string[]} | null} */
let saved = null;
/** @type {{cls: string, key: string, args: string[], list: string[]} | null} */
let result = null;

function renderStatus() {
  $('saved').textContent = saved ? t(saved.key, ...saved.args) : '';
  const out = $('policy-result');
  out.textContent = '';
  out.className = result ? result.cls : '';
  if (!result) return;
  const p = document.createElement('p');
  p.textContent = t(result.key, ...result.args);
  out.appendChild(p);
  if (result.list.length) {
    const ul = document.createElement('ul');
    for (const item of result.list.flatMap((e) => policyErrorList(e, getLang()))) {
      const li = document.createElement('li');
      li.textContent = item;
      ul.appendChild(li);
    }
    out.appendChild(ul);
  }
}

/** @param {string} cls @param {string} key @param {string[]} [args] @param {string[]} [list] */
function setResult(cls, key, args = [], list = []) {
  result = { cls, key, args, list };
  renderStatus();
}

/** @param {Settings} s */
async function saveSettings(s) {
  await chrome.storage.local.set({ settings: s });
  // The language may just have changed: the status follows it.
  setLang(s.language);
  saved = { key: 'optSaved', args: [] };
  renderStatus();
}

const CATEGORIES = ['student_name', 'photo_consent', 'confidential', 'informal', 'profanity', 'discussion', 'disclaimer'];
function renderCategories() {
  const dl = $('categories');
  dl.textContent = '';
  for (const c of CATEGORIES) {
    const dt = document.createElement('dt');
    dt.textContent = t('cat_' + c);
    const dd = document.createElement('dd');
    dd.textContent = t('catHelp_' + c);
    dl.append(dt, dd);
  }
}


async function render() {
  const s = await getSettings();
  setLang(s.language);
  apply(document);
  renderCategories();
  renderStatus();
  $('extension-id').textContent = t('optExtensionId', chrome.runtime.id);
  for (const r of /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll('input[name=language]'))) r.checked = r.value === s.language;

  const ul = $('site-accounts');
  ul.textContent = '';
  for (const [host, v] of Object.entries(s.sites || {})) {
    if (!v.account) continue;
    const li = document.createElement('li');
    li.textContent = `${host}: ${v.account === 'school' ? t('optAccountSchool') : t('optAccountPersonal')} `;
    const rm = document.createElement('button');
    rm.type = 'button';
    rm.textContent = t('optRemove');
    rm.addEventListener('click', async () => {
      const cur = await getSettings();
      if (cur.sites[host]) delete cur.sites[host].account;
      await saveSettings(cur);
      render();
    });
    li.appendChild(rm);
    ul.appendChild(li);
  }

  /** @type {PolicyInfo} */
  let info = { source: 'default', name: '', sites: [], problems: [], rules: [] };
  try {
    const res = await chrome.runtime.sendMessage({ type: 'policy-info' });
    if (res && res.ok) info = res.info;
  } catch { /* keep defaults */ }
  renderPolicy(info, await installType());
  renderRules(info, s);
  // The writer's role: the policy's when it sets one for this profile, else the teacher's.
  $('role').value = info.author_role || s.role || 'staff';
  $('role').disabled = !!info.author_role;
  $('role-policy').hidden = !info.author_role;
  $('policy-remove').hidden = !info.imported_present;

  const { origins = [] } = await chrome.permissions.getAll();
  const builtIn = new Set((chrome.runtime.getManifest().content_scripts || [])[0].matches);
  const sites = $('sites');
  sites.textContent = '';
  for (const o of origins.filter((x) => !builtIn.has(x))) {
    const li = document.createElement('li');
    li.textContent = o + ' ';
    const rm = document.createElement('button');
    rm.type = 'button';
    rm.textContent = t('optRemove');
    rm.addEventListener('click', async () => {
      await chrome.permissions.remove({ origins: [o] });
      render();
    });
    li.appendChild(rm);
    sites.appendChild(li);
  }
  const ps = $('policy-sites');
  ps.textContent = '';
  $('policy-sites-label').hidden = !(info.sites && info.sites.length);
  for (const raw of info.sites || []) {
    const li = document.createElement('li');
    // Only one https origin goes to permissions.request (shared/sites.js).
    const site = sitePattern(raw);
    if (!site) {
      li.className = 'error';
      li.textContent = t('optPolicySiteBad', String(raw));
      ps.appendChild(li);
      continue;
    }
    li.textContent = site + ' ';
    if (!origins.includes(site)) {
      const add = document.createElement('button');
      add.type = 'button';
      add.textContent = t('optAdd');
      add.addEventListener('click', async () => {
        await chrome.permissions.request({ origins: [site] });
        render();
      });
      li.appendChild(add);
    }
    ps.appendChild(li);
  }
}

const sourceLabel = (/** @type {string | undefined} */ source) => (source === 'managed' ? t('policyManaged') : source === 'imported' ? t('policyImported') : t('policyDefault'));

// Which policy is in force and who set it; for a broken one a message for the teacher and
// the details (path: problem) for IT. Checking goes on with the valid parts meanwhile.
/** @param {PolicyInfo} info @param {string} install how the browser installed Postwacht */
function renderPolicy(info, install) {
  const src = sourceLabel(info.source);
  $('policy-current').textContent = t('optPolicyCurrent', info.name ? `${info.name} (${src})` : src);
  $('policy-current').dataset.source = info.source;
  const problems = info.problems || [];
  $('policy-broken').hidden = !problems.length;
  $('policy-broken-msg').textContent = info.source === 'managed' ? t('optPolicyBrokenManaged') : t('optPolicyBrokenImported');
  $('policy-details-summary').textContent = t('optPolicyDetails', problems.length);
  const ul = $('policy-problems');
  ul.textContent = '';
  for (const p of problems) {
    const li = document.createElement('li');
    li.textContent = problemText(p, getLang());
    ul.appendChild(li);
  }
  const managed = info.source === 'managed';
  $('policy-managed').hidden = !(managed && info.imported_ignored);
  // IT installed Postwacht by policy (so the browser is managed), but no managed policy
  // reached it: most often a policy written for another extension ID.
  const none = managedWithoutPolicy(install, info.source);
  $('policy-managed-none').hidden = !none;
  $('policy-managed-none').textContent = none ? t('optManagedNoPolicy', chrome.runtime.id) : '';
  // Under a managed policy an imported file is never used: no import offered.
  $('policy-import').hidden = managed;
  $('policy-import-managed').hidden = !managed;
}

/** @type {Record<string, number>} */
const RANK = { off: 0, info: 1, warning: 2, error: 3 };
const SEVS = ['error', 'warning', 'info', 'off'];
/** @type {Record<string, string>} */
const SEV_KEYS = { error: 'sevError', warning: 'sevWarning', info: 'sevInfo', off: 'sevOff' };
const sevLabel = (/** @type {string} */ s) => t(SEV_KEYS[s]);

// The teacher's own strictness per category (settings.rules). Under a managed policy the
// school's severity is a floor: weaker choices are disabled here, and the background
// ignores them anyway (policy-store.js).
/** @param {PolicyInfo} info @param {Settings} settings */
function renderRules(info, settings) {
  const managed = info.source === 'managed';
  $('rules-help').textContent = managed ? t('optRulesManagedHelp') : t('optRulesHelp');
  const box = $('rules');
  box.textContent = '';
  /** @type {Map<string, import('../shared/types.js').RuleInfo[]>} */
  const byCat = new Map();
  for (const r of info.rules || []) {
    if (!byCat.has(r.category)) byCat.set(r.category, []);
    /** @type {import('../shared/types.js').RuleInfo[]} */ (byCat.get(r.category)).push(r);
  }
  /** @type {Record<string, string>} */
  const mine = settings.rules || {};
  for (const [cat, rules] of byCat) {
    const school = [...new Set(rules.map((r) => r.school))];
    const floor = Math.max(...rules.map((r) => RANK[r.school]));
    const label = document.createElement('label');
    label.className = 'rule';
    const name = document.createElement('span');
    name.textContent = t('cat_' + cat.replace(/-/g, '_')) + ' ';
    const sel = document.createElement('select');
    sel.id = 'rule-' + cat;
    sel.dataset.category = cat;
    const asPolicy = document.createElement('option');
    asPolicy.value = '';
    asPolicy.textContent = t('optRuleAsPolicy', school.length === 1 ? sevLabel(school[0]) : t('optRuleMixed'));
    sel.appendChild(asPolicy);
    for (const sev of SEVS) {
      const o = document.createElement('option');
      o.value = sev;
      o.textContent = sevLabel(sev);
      // Weaker than what the school fixed for some rule of this category: not offered.
      if (managed && RANK[sev] < floor) o.disabled = true;
      sel.appendChild(o);
    }
    const cur = typeof mine[cat] === 'string' ? mine[cat] : '';
    sel.value = [...sel.options].some((o) => o.value === cur && !o.disabled) ? cur : '';
    sel.addEventListener('change', async () => {
      const st = await getSettings();
      const next = Object.assign({}, st.rules);
      if (sel.value) next[cat] = sel.value;
      else delete next[cat];
      st.rules = next;
      await saveSettings(st);
    });
    label.append(name, sel);
    box.appendChild(label);
  }
}

for (const r of /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll('input[name=language]'))) {
  r.addEventListener('change', async () => {
    const s = await getSettings();
    s.language = r.value;
    await saveSettings(s);
    render();
  });
}

$('site-account-form').addEventListener('submit', async (/** @type {SubmitEvent} */ ev) => {
  ev.preventDefault();
  // "https://www.facebook.com/groups" → "facebook.com": the setting covers www., m. and
  // other subdomains (content/context.js siteSetting).
  const host = siteKey($('site-host').value);
  if (!host) return;
  const s = await getSettings();
  s.sites[host] = Object.assign({}, s.sites[host], { account: $('site-account').value });
  await saveSettings(s);
  $('site-host').value = '';
  render();
});

$('role').addEventListener('change', async () => {
  const s = await getSettings();
  s.role = $('role').value === 'leader' ? 'leader' : 'staff';
  await saveSettings(s);
});

$('policy-pick').addEventListener('click', () => $('policy-file').click());

$('policy-file').addEventListener('change', async () => {
  const file = $('policy-file').files[0];
  if (!file) return;
  const json = await file.text();
  $('policy-file').value = '';
  let name;
  try {
    const p = JSON.parse(json);
    name = (p && p.school && p.school.name) || file.name;
  } catch {
    // The core's own message (with the line and column) in the page's language.
    const res = await chrome.runtime.sendMessage({ type: 'validate-policy', json });
    setResult('error', 'optPolicyBadHead', [], [(res && res.error) || 'not valid JSON']);
    return;
  }
  // The worker has the core validate the policy (so the teacher sees the problem now) and
  // keeps it where content scripts cannot read it.
  const res = await chrome.runtime.sendMessage({ type: 'import-policy', json, name });
  if (!res || !res.ok) {
    setResult('error', 'optPolicyBadHead', [], [(res && res.error) || '?']);
    return;
  }
  setResult('ok', 'optPolicyOk', [name]);
  render();
});

$('policy-remove').addEventListener('click', async () => {
  await chrome.runtime.sendMessage({ type: 'remove-policy' });
  result = null;
  renderStatus();
  render();
});

$('site-form').addEventListener('submit', async (/** @type {SubmitEvent} */ ev) => {
  ev.preventDefault();
  const origin = originPattern($('site-origin').value.trim());
  if (!origin) {
    saved = { key: 'optSiteBad', args: [] };
    renderStatus();
    return;
  }
  await chrome.permissions.request({ origins: [origin] });
  $('site-origin').value = '';
  render();
});

chrome.storage.onChanged.addListener(() => render());
render();
