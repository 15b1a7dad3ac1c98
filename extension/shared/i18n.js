// Postwacht UI strings. The strings live in _locales/{nl,en}/messages.json (so the browser's
// own chrome.i18n sees them for the manifest); the assemble script copies both into
// shared/messages.js as PW_MESSAGES so the user's chosen language (options page) can differ
// from the browser's. Plain classic script: loaded by content scripts, popup and options.
(function () {
  'use strict';
  const PW = (globalThis.PW = globalThis.PW || {});
  const all = globalThis.PW_MESSAGES || {};
  let lang = 'nl';

  function fromChrome(key, subs) {
    try {
      return (globalThis.chrome && chrome.i18n && chrome.i18n.getMessage(key, subs)) || '';
    } catch (_) {
      return '';
    }
  }

  PW.i18n = {
    get lang() {
      return lang;
    },
    setLang(l) {
      lang = l === 'en' ? 'en' : 'nl';
    },
    /** Message `key` in the chosen language, with $1..$9 replaced by `subs`. Always text. */
    t(key, ...subs) {
      const table = all[lang] || {};
      let s = table[key] && table[key].message;
      if (s == null) s = fromChrome(key, subs.map(String));
      if (!s) return key;
      return s.replace(/\$([1-9])/g, (_, n) => (subs[n - 1] === undefined ? '' : String(subs[n - 1])));
    },
    /** Fills every element with data-i18n (text) / data-i18n-attr="attr:key,..." under root. */
    apply(root) {
      for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = PW.i18n.t(el.dataset.i18n);
      for (const el of root.querySelectorAll('[data-i18n-attr]')) {
        for (const pair of el.dataset.i18nAttr.split(',')) {
          const [attr, key] = pair.split(':');
          el.setAttribute(attr.trim(), PW.i18n.t(key.trim()));
        }
      }
      if (root.documentElement) root.documentElement.lang = lang;
    },
  };
})();
