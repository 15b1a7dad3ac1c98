// The toolbar popup: status and counts for this tab, pause on this site (unless the
// school's policy forbids it), and asking for permission on a site Postwacht does not
// cover yet.
import { managedWithoutPolicy, installType } from '../shared/managed.js';
import { t, setLang, apply } from '../shared/i18n.js';
import { originPattern } from '../shared/sites.js';
import { withSiteSetting } from '../content/context.js';

/** @typedef {import('../shared/types.js').Settings} Settings */

/** The element with id `id` (the page has every one this script asks for). @param {string} id @returns {any} */
const $ = (id) => document.getElementById(id);

/**
 * The policy line: who set the policy, and plainly when IT installed Postwacht (the browser
 * is managed) but no managed policy reached it.
 * @param {import('../shared/types.js').PolicyInfo} info
 * @param {string} install chrome.management.getSelf().installType
 */
function renderPolicy(info, install) {
  const src = info.source === 'managed' ? t('policyManaged') : info.source === 'imported' ? t('policyImported') : t('policyDefault');
  $('policy').textContent = t('popupPolicy', info.name ? `${info.name} (${src})` : src);
  $('policy').dataset.source = info.source;
  performance.mark('postwacht-policy');
  // A broken policy: checking goes on with its valid parts; the details are for IT, on the
  // options page.
  const broken = !!(info.problems && info.problems.length);
  const unmanaged = managedWithoutPolicy(install, info.source);
  $('policy-broken').hidden = !(broken || unmanaged);
  $('policy-broken').textContent = unmanaged ? t('popupManagedNoPolicy') : broken ? t('popupPolicyBroken') : '';
}


async function main() {
  const { settings = {} } = /** @type {{settings?: Partial<Settings>}} */ (await chrome.storage.local.get('settings'));
  setLang(settings.language || 'nl');
  apply(document);
  $('options').addEventListener('click', () => chrome.runtime.openOptionsPage());

  // The policy info can take a moment on the worker's first start (the wasm core compiles
  // the policy); the tab's status comes from its content script at once. So both are asked
  // at the same time and each is shown when it arrives.
  /** @type {Promise<import('../shared/types.js').PolicyInfo>} */
  const infoP = chrome.runtime.sendMessage({ type: 'policy-info' }).then(
    (res) => (res && res.ok ? res.info : { allow_pause: true, source: 'default', name: '' }),
    () => ({ allow_pause: true, source: 'default', name: '' }),
  );
  Promise.all([infoP, installType()]).then(([info, install]) => renderPolicy(info, install));

  // ?tab=ID: the popup opened as a page for a given tab (used by the e2e tests).
  const forced = Number(new URLSearchParams(location.search).get('tab'));
  /** @type {chrome.tabs.Tab[]} */
  const [tab] = forced ? [await chrome.tabs.get(forced)] : await chrome.tabs.query({ active: true, currentWindow: true });
  const tabId = /** @type {number} */ (tab && tab.id);
  /** @type {any} */
  let status = null;
  try {
    status = tab && (await chrome.tabs.sendMessage(tabId, { type: 'status' }));
  } catch {
    status = null;
  }
  if (!status) {
    $('status').textContent = t('popupNotHere');
    performance.mark('postwacht-status');
    // The tab's address: visible because the user opened the popup on this tab (activeTab).
    const origin = originPattern(tab && tab.url);
    if (origin) {
      $('allow').hidden = false;
      $('allow').dataset.origin = origin;
      $('allow').addEventListener('click', async () => {
        // Asked at run time, for this one site only.
        const granted = await chrome.permissions.request({ origins: [origin] });
        if (granted) {
          await chrome.scripting.insertCSS({ target: { tabId }, files: ['content/highlights.css'] });
          await chrome.scripting.executeScript({ target: { tabId }, files: /** @type {string[]} */ ((chrome.runtime.getManifest().content_scripts || [])[0].js) });
          if (!forced) window.close();
        }
      });
    }
    return;
  }
  const host = status.host;
  $('status').textContent = status.paused ? t('popupPaused') : status.counts.composers ? t('popupOn', host) : t('popupNoComposer');
  // When the tab's status was on screen (the e2e test compares it with the policy line).
  performance.mark('postwacht-status');
  if (!status.paused && status.counts.composers) {
    $('counts').hidden = false;
    const c = status.counts;
    const part = (/** @type {number} */ n, /** @type {string} */ key) => t(key + (n === 1 ? 'One' : 'Other'), n);
    $('counts').textContent = [part(c.error, 'countError'), part(c.warning, 'countWarning'), part(c.info, 'countInfo')].join(' · ');
  }
  const info = await infoP;
  const pause = $('pause');
  if (info.allow_pause === false) {
    $('pause-note').hidden = false;
    $('pause-note').textContent = t('popupPauseForbidden');
    return;
  }
  pause.hidden = false;
  pause.textContent = status.paused ? t('popupResume') : t('popupPause');
  pause.addEventListener('click', async () => {
    const { settings: s = {} } = /** @type {{settings?: Partial<Settings>}} */ (await chrome.storage.local.get('settings'));
    // Under the site's key, so the pause covers www., m. and the other subdomains as the
    // per-site account does (content/context.js).
    const sites = withSiteSetting(s.sites, host, 'paused', !status.paused);
    await chrome.storage.local.set({ settings: Object.assign({}, s, { sites }) });
    if (!forced) window.close();
    else location.reload();
  });
}
main();
