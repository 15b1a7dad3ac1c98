// The toolbar popup: status and counts for this tab, pause on this site (unless the
// school's policy forbids it), and asking for permission on a site Postwacht does not
// cover yet.
const t = (...a) => PW.i18n.t(...a);
const $ = (id) => document.getElementById(id);

async function main() {
  const { settings = {} } = await chrome.storage.local.get('settings');
  PW.i18n.setLang(settings.language || 'nl');
  PW.i18n.apply(document);
  $('options').addEventListener('click', () => chrome.runtime.openOptionsPage());

  let info = { allow_pause: true, source: 'default', name: '' };
  try {
    const res = await chrome.runtime.sendMessage({ type: 'policy-info' });
    if (res && res.ok) info = res.info;
  } catch (_) { /* keep defaults */ }
  const src = info.source === 'managed' ? t('policyManaged') : info.source === 'imported' ? t('policyImported') : t('policyDefault');
  $('policy').textContent = t('popupPolicy', info.name ? `${info.name} (${src})` : src);
  $('policy').dataset.source = info.source;
  // A broken policy: checking goes on with its valid parts; the details are for IT, on the
  // options page.
  $('policy-broken').hidden = !(info.problems && info.problems.length);
  $('policy-broken').textContent = t('popupPolicyBroken');

  // ?tab=ID: the popup opened as a page for a given tab (used by the e2e tests).
  const forced = Number(new URLSearchParams(location.search).get('tab'));
  const [tab] = forced ? [await chrome.tabs.get(forced)] : await chrome.tabs.query({ active: true, currentWindow: true });
  let status = null;
  try {
    status = tab && (await chrome.tabs.sendMessage(tab.id, { type: 'status' }));
  } catch (_) {
    status = null;
  }
  if (!status) {
    $('status').textContent = t('popupNotHere');
    let origin = null;
    try {
      const u = new URL(tab.url);
      if (u.protocol === 'https:' || u.protocol === 'http:') origin = `${u.protocol}//${u.host}/*`;
    } catch (_) { /* no URL: not a web page */ }
    if (origin) {
      $('allow').hidden = false;
      $('allow').addEventListener('click', async () => {
        // Asked at run time, for this one site only.
        const granted = await chrome.permissions.request({ origins: [origin] });
        if (granted) {
          await chrome.scripting.insertCSS({ target: { tabId: tab.id }, files: ['content/highlights.css'] });
          await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: chrome.runtime.getManifest().content_scripts[0].js });
          if (!forced) window.close();
        }
      });
    }
    return;
  }
  const host = status.host;
  $('status').textContent = status.paused ? t('popupPaused') : status.counts.composers ? t('popupOn', host) : t('popupNoComposer');
  if (!status.paused && status.counts.composers) {
    $('counts').hidden = false;
    const c = status.counts;
    const part = (n, key) => t(key + (n === 1 ? 'One' : 'Other'), n);
    $('counts').textContent = [part(c.error, 'countError'), part(c.warning, 'countWarning'), part(c.info, 'countInfo')].join(' · ');
  }
  const pause = $('pause');
  if (info.allow_pause === false) {
    $('pause-note').hidden = false;
    $('pause-note').textContent = t('popupPauseForbidden');
    return;
  }
  pause.hidden = false;
  pause.textContent = status.paused ? t('popupResume') : t('popupPause');
  pause.addEventListener('click', async () => {
    const { settings: s = {} } = await chrome.storage.local.get('settings');
    const sites = Object.assign({}, s.sites);
    sites[host] = Object.assign({}, sites[host], { paused: !status.paused });
    await chrome.storage.local.set({ settings: Object.assign({}, s, { sites }) });
    if (!forced) window.close();
    else location.reload();
  });
}
main();
