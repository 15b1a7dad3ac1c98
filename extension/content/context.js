// Where a post is written: platform (from the site), the identity the composer writes as,
// the message it answers (text and author), per-site settings and attachments. Which
// account and addressee that means is the core's to decide (src/context/). Pure functions of what they
// are given (a location, a document, an element, files), so the unit tests run them in Node
// (extension/test/context.test.js).

import { PLATFORMS as CORE_PLATFORMS, REPLY_TO as CORE_REPLY_TO } from '../shared/context-values.js';

/** @typedef {import('../shared/types.js').ReplyTo} ReplyTo */
/** @typedef {import('../shared/types.js').Attachment} Attachment */

// The values the core accepts, generated from its enums (src/context/values.rs).
/** @type {Set<string>} */
export const PLATFORMS = new Set(CORE_PLATFORMS);
/** @type {Set<string>} */
export const REPLY = new Set(CORE_REPLY_TO);

/**
 * Platform from the host name. Local pages (127.0.0.1, localhost: the demo and the tests)
 * say which platform they stand for with <meta name="postwacht-platform" content="x"> or
 * the query parameter ?postwacht-platform=x.
 * @param {{hostname: string, search: string}} loc
 * @param {Pick<Document, 'querySelector'>} doc
 * @returns {string}
 */
export function platform(loc, doc) {
  const host = loc.hostname.replace(/^www\./, '');
  const is = (/** @type {string} */ d) => host === d || host.endsWith('.' + d);
  if (is('facebook.com')) return 'facebook';
  if (is('x.com') || is('twitter.com')) return 'x';
  if (is('linkedin.com')) return 'linkedin';
  if (is('instagram.com')) return 'instagram';
  if (is('parro.com') || is('socialschools.eu') || is('socialschools.nl')) return 'schoolapp';
  if (host === '127.0.0.1' || host === 'localhost') {
    const q = new URLSearchParams(loc.search).get('postwacht-platform');
    const m = /** @type {HTMLMetaElement | null} */ (doc.querySelector('meta[name="postwacht-platform"]'));
    const p = q || (m && m.content);
    if (p && PLATFORMS.has(p)) return p;
  }
  return 'other';
}

const REPLY_WORDS = /\b(reply|replying|antwoord|antwoorden|beantwoord|reageer|reageren|reactie|comment|opmerking)\b/i;

/** @param {Element} el */
function labelOf(el) {
  return [
    el.getAttribute('aria-label'),
    el.getAttribute('placeholder'),
    el.getAttribute('aria-placeholder'),
    el.getAttribute('data-placeholder'),
  ].filter(Boolean).join(' ');
}

/**
 * Who a composer answers, when the page says so: an explicit data-postwacht-reply-to=
 * "parent|student|..." on the composer or an ancestor (test pages, sites we know), else null.
 * A composer whose label only says it answers someone ("Reageer als ...", "Post your reply")
 * is a reply to someone unknown: see isReply; the core infers who from the message
 * answered and the reply itself.
 * @param {Element} el
 * @returns {ReplyTo | null}
 */
export function replyTo(el) {
  const tagged = el.closest('[data-postwacht-reply-to]');
  if (tagged) {
    const v = tagged.getAttribute('data-postwacht-reply-to') || '';
    return REPLY.has(v) ? /** @type {ReplyTo} */ (v) : v === 'none' ? null : 'other';
  }
  return null;
}

/**
 * The composer answers a message: its label says so, it sits in a comment or message
 * thread, or a message it answers is shown (see answered).
 * @param {Element} el
 * @returns {boolean}
 */
export function isReply(el) {
  const tagged = el.closest('[data-postwacht-reply-to]');
  if (tagged) return tagged.getAttribute('data-postwacht-reply-to') !== 'none';
  const label = labelOf(el);
  if (label && REPLY_WORDS.test(label)) return true;
  return answered(el) !== null;
}

// "Reageer als Het Baken College", "Comment as Het Baken College", "Reply as ...",
// "Posting as ...": the identity a composer writes as.
const IDENTITY = /(?:^|\b)(?:reageer|reageren|reageert|reactie|antwoord|antwoorden|schrijf|schrijven|plaats|plaatsen|posten|post|comment|commenting|reply|replying|posting|write|writing|bericht)(?:\s+[^\s]+){0,2}?\s+(?:als|as)\s+(.{2,80}?)\s*(?:\.{3}|…)?\s*$/i;

const MAX_NEAR = 400;
const EDITABLE = 'textarea, input, [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"], [role="textbox"]';

/**
 * The identity the composer writes as, where the site shows it: in the composer's label,
 * or in a label next to it ("Reageren als ..." above a LinkedIn comment box). Null when
 * the site shows none.
 * @param {Element} el
 * @returns {string | null}
 */
export function identity(el) {
  const own = IDENTITY.exec(labelOf(el));
  if (own) return own[1].trim();
  let scope = el.parentElement;
  for (let i = 0; scope && i < 4; i++, scope = scope.parentElement) {
    const near = scope.querySelectorAll('[aria-label], label, span, div');
    // A big subtree (a whole feed) is not "next to" the composer: stop looking there.
    if (near.length > MAX_NEAR) break;
    for (const n of near) {
      if (n === el || n.contains(el) || el.contains(n)) continue;
      // Another composer's own label ("Reageer als ..." of the box next to this one) says
      // nothing about this one.
      if (n.matches(EDITABLE) || n.querySelector(EDITABLE)) continue;
      const txt = (n.children.length ? n.getAttribute('aria-label') : n.getAttribute('aria-label') || n.textContent) || '';
      if (txt.length > 120) continue;
      const m = IDENTITY.exec(txt.trim());
      if (m) return m[1].trim();
    }
  }
  return null;
}

const MESSAGE = '[role="article"], article, [role="listitem"], li, [data-testid="tweet"], [role="row"]';
const AUTHOR_LABEL = /^(?:reactie|opmerking|bericht|antwoord|comment|reply|message|post)\s+(?:van|by|from)\s+(.+?)(?:\s+(?:\d|op\s|on\s|,).*)?$/i;
const MAX_TEXT = 2000;

/**
 * The message a composer answers, where the site shows it: the comment the reply box
 * sits in (Facebook nests it inside the comment's role="article"), else the message right
 * above the composer in its thread (a chat in a school-parent app, a tweet above the reply
 * box). Its text and author label, read as text; null when there is none.
 * @param {Element} el
 * @returns {{text: string, author: string} | null}
 */
export function answered(el) {
  /** @type {Element | null} */
  let msg = el.parentElement && el.parentElement.closest(MESSAGE);
  if (msg && !textOf(msg)) msg = null;
  if (!msg) {
    // The nearest message before the composer, going up a few levels.
    let node = /** @type {Element | null} */ (el);
    for (let depth = 0; node && depth < 6 && !msg; depth++, node = node.parentElement) {
      for (let prev = node.previousElementSibling; prev && !msg; prev = prev.previousElementSibling) {
        const list = prev.matches(MESSAGE) ? [prev] : Array.from(prev.querySelectorAll(MESSAGE));
        const last = list.reverse().find((m) => threadMessage(m) && !m.querySelector(MESSAGE) && textOf(m));
        if (last) msg = last;
      }
    }
  }
  if (!msg) return null;
  const author = authorOf(msg);
  let text = textOf(msg);
  if (author && text.startsWith(author)) text = text.slice(author.length).trim();
  return { text: text.slice(0, MAX_TEXT), author };
}

const THREAD = '[role="log"], [role="feed"], [aria-live]';
const NOT_CONTENT = 'nav, header, footer, menu, [role="navigation"], [role="menu"], [role="menubar"], [role="tablist"], [role="listbox"]';

/**
 * A message of a conversation, not a list item of the page's chrome: an article or a tweet,
 * or an item of a message log or feed; never inside navigation or menus.
 * @param {Element} m
 */
function threadMessage(m) {
  if (m.closest(NOT_CONTENT)) return false;
  return m.matches('[role="article"], article, [data-testid="tweet"]') || !!m.closest(THREAD);
}

/** The text of a message without the composers, buttons and replies inside it. @param {Element} msg */
function textOf(msg) {
  const clone = /** @type {Element} */ (msg.cloneNode(true));
  // Drop nested composers, buttons, the reply area (what the reply box sits in) and the
  // comments under the message (messages of their own).
  for (const n of clone.querySelectorAll('textarea, input, [contenteditable], button, [role="button"], [role="textbox"], form, postwacht-ui, ' + MESSAGE)) n.remove();
  return (clone.textContent || '').replace(/\s+/g, ' ').trim();
}

/** The author label of a message: an aria-label like "Reactie van Fatima", else its first link, heading or bold text. @param {Element} msg */
function authorOf(msg) {
  const aria = msg.getAttribute('aria-label') || '';
  const m = AUTHOR_LABEL.exec(aria.trim());
  if (m) return m[1].trim();
  const n = msg.querySelector('[data-author], .author, h3, h4, strong, b, a');
  const txt = n ? (n.textContent || '').replace(/\s+/g, ' ').trim() : '';
  return txt.length <= 80 ? txt : '';
}

/**
 * The per-site settings for a host: the entries for the host and its parent domains,
 * merged field by field with the most specific winning ("facebook.com" covers
 * www.facebook.com and m.facebook.com; a "paused" the popup stored for www.facebook.com
 * does not hide the account set for facebook.com). Keys are written through siteKey.
 * @param {Record<string, {account?: string, paused?: boolean}> | undefined} sites
 * @param {string} host
 * @returns {{account?: string, paused?: boolean}}
 */
export function siteSetting(sites, host) {
  if (!sites) return {};
  /** @type {string[]} */
  const chain = [];
  let h = host.toLowerCase().replace(/\.$/, '');
  for (;;) {
    chain.push(h);
    const dot = h.indexOf('.');
    if (dot < 0 || h.indexOf('.', dot + 1) < 0) break;
    h = h.slice(dot + 1);
  }
  /** @type {{account?: string, paused?: boolean}} */
  const out = {};
  for (const k of chain.reverse()) {
    if (!Object.prototype.hasOwnProperty.call(sites, k)) continue;
    for (const [f, v] of Object.entries(sites[k] || {})) if (v !== undefined) Object.assign(out, { [f]: v });
  }
  return out;
}

/**
 * The key a site is stored under: the host a user typed or pasted, without scheme, path,
 * "www." or "m." ("https://www.facebook.com/groups" → "facebook.com").
 * @param {string} input
 * @returns {string}
 */
export function siteKey(input) {
  const h = input.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/[/?#:].*$/, '').replace(/\.$/, '');
  return h.replace(/^(?:www|m|mobile)\./, '');
}

/**
 * The sites map with `field` set to `value` for the site of `host`: stored under
 * siteKey(host) ("www.facebook.com" → "facebook.com", as the options page stores an
 * account), so it covers www., m. and the other subdomains (siteSetting), and taken out of
 * the more specific entries that would hide it. `sites` is not changed.
 * @template {'account' | 'paused'} F
 * @param {Record<string, {account?: string, paused?: boolean}> | undefined} sites
 * @param {string} host
 * @param {F} field
 * @param {{account?: string, paused?: boolean}[F]} value
 * @returns {Record<string, {account?: string, paused?: boolean}>}
 */
export function withSiteSetting(sites, host, field, value) {
  const key = siteKey(host);
  /** @type {Record<string, {account?: string, paused?: boolean}>} */
  const out = Object.assign({}, sites);
  out[key] = Object.assign({}, out[key], { [field]: value });
  for (const k of Object.keys(out)) {
    if (k === key || !k.endsWith('.' + key) || !out[k] || out[k][field] === undefined) continue;
    const rest = Object.assign({}, out[k]);
    delete rest[field];
    out[k] = rest;
  }
  return out;
}

/**
 * A short key for a thread (the message answered), to remember the user's choice of
 * addressee: a hash, so no text of the thread is stored.
 * @param {string} host
 * @param {{text: string, author: string} | null} msg
 * @returns {string | null}
 */
export function threadKey(host, msg) {
  if (!msg || !(msg.text || msg.author)) return null;
  const s = host + '\u0000' + msg.author + '\u0000' + msg.text;
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * @param {{type?: string, name?: string}} file
 * @returns {Attachment['kind'] | null}
 */
function kindOfFile(file) {
  const t = (file.type || '').toLowerCase();
  if (t.startsWith('image/')) return 'image';
  if (t.startsWith('video/')) return 'video';
  const n = (file.name || '').toLowerCase();
  if (/\.(jpe?g|png|gif|webp|heic|heif|bmp|avif)$/.test(n)) return 'image';
  if (/\.(mp4|mov|webm|m4v|avi|mkv)$/.test(n)) return 'video';
  return null;
}

/**
 * [{kind, name}] for the image and video files in a FileList (or any list of files).
 * @param {Iterable<{type?: string, name?: string}> | null | undefined} files
 * @returns {Attachment[]}
 */
export function attachmentsFrom(files) {
  /** @type {Attachment[]} */
  const out = [];
  for (const f of files || []) {
    const kind = kindOfFile(f);
    if (kind) out.push({ kind, name: f.name || '' });
  }
  return out;
}
