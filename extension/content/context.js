// Where a post is written: platform (from the site), account (personal unless the user or
// the site setting says school), reply context and attachments. Pure functions of what they
// are given (a location, a document, an element, files), so the unit tests run them in Node
// (extension/test/context.test.js).

/** @typedef {import('../shared/types.js').ReplyTo} ReplyTo */
/** @typedef {import('../shared/types.js').Attachment} Attachment */

export const PLATFORMS = new Set(['facebook', 'x', 'linkedin', 'instagram', 'schoolapp', 'other']);
/** @type {Set<string>} */
export const REPLY = new Set(['parent', 'student', 'colleague', 'other']);

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

/**
 * Reply context of a composer: an explicit data-postwacht-reply-to="parent|student|..."
 * on the composer or an ancestor (test pages, sites we know), else "other" when the
 * composer's label says it answers someone (Facebook's "Reageer als ...", X's "Post your
 * reply"), else null (a new post).
 * @param {Element} el
 * @returns {ReplyTo | null}
 */
export function replyTo(el) {
  const tagged = el.closest('[data-postwacht-reply-to]');
  if (tagged) {
    const v = tagged.getAttribute('data-postwacht-reply-to') || '';
    return REPLY.has(v) ? /** @type {ReplyTo} */ (v) : v === 'none' ? null : 'other';
  }
  const label = [
    el.getAttribute('aria-label'),
    el.getAttribute('placeholder'),
    el.getAttribute('aria-placeholder'),
    el.getAttribute('data-placeholder'),
  ].filter(Boolean).join(' ');
  if (label && REPLY_WORDS.test(label)) return 'other';
  return null;
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
