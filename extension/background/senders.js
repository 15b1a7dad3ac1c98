// Who may send the service worker which message. Only this extension's own contexts reach
// runtime.onMessage (other extensions and web pages would need onMessageExternal, which is
// not listened to, and the manifest's externally_connectable names nobody), but a content
// script runs inside pages the extension does not trust: it may ask for checks, report its
// counts and overrides, and read the policy's extension settings, nothing else. Importing,
// removing and validating a policy are for the extension's own pages (options, popup).

/** @typedef {'page' | 'content'} SenderKind */

/** @type {Record<string, SenderKind[]>} */
export const MAY_ASK = {
  check: ['page', 'content'],
  'policy-info': ['page', 'content'],
  counts: ['content'],
  // The other frames' counts of the sender's own tab (for the popup's status).
  'tab-counts': ['content'],
  override: ['content'],
  // Photos the teacher attached in the composer: inspected on the device (faces, GPS, owner),
  // and their metadata removed when the teacher clicks the fix.
  'inspect-image': ['content'],
  'strip-image': ['content'],
  'validate-policy': ['page'],
  'import-policy': ['page'],
  'remove-policy': ['page'],
  ping: ['page'],
};

/**
 * 'page' for the extension's own pages (popup, options), 'content' for its content scripts
 * in a web page's tab, null for anything else.
 * @param {{id?: string, url?: string, tab?: {id?: number}} | undefined} sender chrome.runtime.MessageSender
 * @param {string} ownId chrome.runtime.id
 * @param {string} ownOrigin chrome.runtime.getURL('') ("chrome-extension://ID/")
 * @returns {SenderKind | null}
 */
export function senderKind(sender, ownId, ownOrigin) {
  if (!sender || sender.id !== ownId) return null;
  const url = String(sender.url || '');
  if (url.startsWith(ownOrigin)) return 'page';
  // A content script, in any frame of a tab (also about:blank and srcdoc frames). No web
  // page can host a frame of the extension (no web_accessible_resources), so a sender in a
  // tab that is not the extension's own page is a content script.
  if (sender.tab && typeof sender.tab.id === 'number') return 'content';
  return null;
}

/**
 * The answer for a message that `kind` may not send, or null when it may.
 * @param {unknown} msg
 * @param {SenderKind | null} kind
 * @returns {{ok: false, error: string} | null}
 */
export function refusal(msg, kind) {
  const type = msg && typeof msg === 'object' && typeof (/** @type {{type?: unknown}} */ (msg).type) === 'string' ? /** @type {{type: string}} */ (msg).type : '';
  if (!kind) return { ok: false, error: 'unknown sender' };
  if (!Object.hasOwn(MAY_ASK, type)) return { ok: false, error: 'unknown message' };
  if (!MAY_ASK[type].includes(kind)) return { ok: false, error: `'${type}' is not allowed from a ${kind === 'content' ? 'content script' : 'extension page'}` };
  return null;
}

/**
 * The policy info as a content script gets it: without the problem texts, which may quote
 * roster entries (the options page shows them).
 * @template {{problems?: string[]}} T
 * @param {T} info
 * @returns {Omit<T, 'problems'> & {problems: string[], problem_count: number}}
 */
export function forContent(info) {
  const { problems, ...rest } = info;
  return Object.assign(rest, { problems: [], problem_count: (problems || []).length });
}
