// Postwacht UI strings. The strings live in _locales/{nl,en}/messages.json (so the browser's
// own chrome.i18n sees them for the manifest); the bundler (build.mjs) inlines both files
// here, so the language the user chose on the options page can differ from the browser's.
// Used by the content script, the popup and the options page.
import nl from '../_locales/nl/messages.json';
import en from '../_locales/en/messages.json';

/** @typedef {'nl' | 'en'} Lang */
/** @type {Record<Lang, Record<string, {message: string}>>} */
const all = { nl, en };
/** @type {Lang} */
let lang = 'nl';

/** @param {string} key @param {string[]} subs */
function fromChrome(key, subs) {
  try {
    return (globalThis.chrome && chrome.i18n && chrome.i18n.getMessage(key, subs)) || '';
  } catch {
    return '';
  }
}

/** The language in use. */
export function getLang() {
  return lang;
}

/** @param {unknown} l "en" for English; anything else is Dutch. */
export function setLang(l) {
  lang = l === 'en' ? 'en' : 'nl';
}

/**
 * Message `key` in the chosen language, with $1..$9 replaced by `subs`. Always text.
 * @param {string} key
 * @param {...(string | number)} subs
 * @returns {string}
 */
export function t(key, ...subs) {
  const table = all[lang] || {};
  let s = table[key] && table[key].message;
  if (s == null) s = fromChrome(key, subs.map(String));
  if (!s) return key;
  return s.replace(/\$([1-9])/g, (_, n) => (subs[n - 1] === undefined ? '' : String(subs[n - 1])));
}

/**
 * Fills every element with data-i18n (text) / data-i18n-attr="attr:key,..." under root.
 * @param {Document} root
 */
export function apply(root) {
  for (const el of root.querySelectorAll('[data-i18n]')) {
    if (el instanceof HTMLElement && el.dataset.i18n) el.textContent = t(el.dataset.i18n);
  }
  for (const el of root.querySelectorAll('[data-i18n-attr]')) {
    if (!(el instanceof HTMLElement) || !el.dataset.i18nAttr) continue;
    for (const pair of el.dataset.i18nAttr.split(',')) {
      const [attr, key] = pair.split(':');
      el.setAttribute(attr.trim(), t(key.trim()));
    }
  }
  if (root.documentElement) root.documentElement.lang = lang;
}
