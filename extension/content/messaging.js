// Talking to the background service worker, which runs the checker (wasm).
import { getLang } from '../shared/i18n.js';
import { wellFormed } from './textmap.js';

/** @typedef {import('../shared/types.js').Finding} Finding */
/** @typedef {import('../shared/types.js').PostContext} PostContext */

let dead = false; // the extension was reloaded or removed: this script is orphaned

/**
 * Sends `msg` to the service worker; resolves its answer.
 * @param {Record<string, unknown>} msg
 * @returns {Promise<any>}
 */
export async function send(msg) {
  let lastErr;
  // The service worker may be stopped at any time (MV3); a message wakes it, but a
  // message in flight while it stops fails: try once more.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const res = await chrome.runtime.sendMessage(msg);
      if (res === undefined) throw new Error('no answer from the service worker');
      return res;
    } catch (e) {
      lastErr = e;
      if (!chrome.runtime || !chrome.runtime.id) {
        dead = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }
  throw lastErr;
}

/**
 * The findings for `text` written in `context`, in the UI language, and the context the
 * core checked it in (account, addressee, role: given or inferred; null from an older core).
 * @param {string} text
 * @param {PostContext} context
 * @returns {Promise<{findings: Finding[], context: import('../shared/types.js').ResolvedContext | null}>}
 */
export async function checkInContext(text, context) {
  if (dead) throw new Error('extension context invalidated');
  const res = await send({ type: 'check', text, context, locale: getLang() });
  if (!res.ok) throw new Error(res.error || 'check failed');
  return { findings: res.findings, context: res.context || null };
}

/**
 * The findings for `text` written in `context`, in the UI language.
 * @param {string} text
 * @param {PostContext} context
 * @returns {Promise<Finding[]>}
 */
export async function check(text, context) {
  if (dead) throw new Error('extension context invalidated');
  // A lone surrogate cannot cross into the core (JSON, UTF-8): replaced, same length, so
  // the findings' spans are spans of the page's text.
  const ctx = Object.assign({}, context, { attachments: (context.attachments || []).map((a) => Object.assign({}, a, { name: wellFormed(String(a.name || '')) })) });
  const res = await send({ type: 'check', text: wellFormed(text), context: ctx, locale: getLang() });
  if (!res.ok) throw new Error(res.error || 'check failed');
  return res.findings;
}
