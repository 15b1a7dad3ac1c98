// Photos attached to a composer, looked at on the device: the content script reads the File
// (file input, drop, paste, or a blob: preview the site shows) and sends its bytes to the
// service worker, whose second wasm module (background/image.js) counts the faces and reads
// the GPS position and owner. What it found goes into the post's attachments
// ({kind, name, faces, gps, owner}), so the core's rules decide. Nothing leaves the browser,
// and the page never sees what was found (it lives in this isolated world).
//
// - A photo removed again (the file input cleared or re-chosen, its preview gone from the
//   page) is taken out of the attachments, and its findings go with the next check.
// - The "remove location and owner" fix runs only on a click, and only where the photo came
//   from a file input that still holds it: the cleaned file is put back into that input and
//   the site is told with input/change events. Elsewhere the card says how to do it by hand.
import { send } from './messaging.js';
import { getLang } from '../shared/i18n.js';

/** @typedef {import('./composer.js').Composer} Composer */
/** @typedef {import('../shared/types.js').Finding} Finding */
/** @typedef {import('../shared/types.js').Fix} Fix */
/**
 * @typedef {{kind: 'image' | 'video', name: string, faces?: number | null,
 *   gps?: boolean | {lat: number, lon: number}, owner?: boolean | string, not_inspected?: boolean}} Attachment
 */
/** @typedef {{file: Blob, name: string, input: HTMLInputElement | null, preview: Element | null, kind?: 'video'}} Source */

/** Photos larger than this are not read (the wasm side refuses over 40 megapixels anyway). */
const MAX_BYTES = 64 * 1024 * 1024;
const IMAGE_TYPES = /\.(jpe?g|png|webp|heic|heif|avif)$/i;
const VIDEO_TYPES = /\.(mp4|mov|webm|m4v|mkv)$/i;
/** How long a video may take to give its sampled frame before it is checked as today. */
const FRAME_TIMEOUT_MS = 5000;

const TEXT = {
  nl: {
    strip: 'Verwijder locatie en eigenaar uit de foto',
    photo: 'foto',
    how: ' Dat kan hier niet automatisch: maak een kopie zonder locatiegegevens (op de telefoon: bij het delen "Locatie" uitzetten; op de computer: Eigenschappen → Details → "Eigenschappen en persoonlijke gegevens verwijderen") en voeg die toe in plaats van deze foto.',
  },
  en: {
    strip: 'Remove location and owner from the photo',
    photo: 'photo',
    how: ' This cannot be done automatically here: make a copy without location data (on a phone: turn off "Location" when sharing; on a computer: Properties → Details → "Remove properties and personal information") and attach that instead of this photo.',
  },
};
const text = () => TEXT[getLang() === 'en' ? 'en' : 'nl'];

/** Per composer: where each inspected photo came from, by attachment name. */
/** @type {WeakMap<Composer, Map<string, Source>>} */
const sources = new WeakMap();

/** @param {Composer} c */
function sourcesOf(c) {
  let m = sources.get(c);
  if (!m) sources.set(c, (m = new Map()));
  return m;
}

/** @param {{type?: string, name?: string}} f */
const isImage = (f) => (f.type || '').toLowerCase().startsWith('image/') || IMAGE_TYPES.test(f.name || '');
/** @param {{type?: string, name?: string}} f */
const isVideo = (f) => (f.type || '').toLowerCase().startsWith('video/') || VIDEO_TYPES.test(f.name || '');

/** @param {ArrayBuffer} buf */
function toBase64(buf) {
  const bytes = new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, /** @type {any} */ (bytes.subarray(i, i + 0x8000)));
  return btoa(s);
}

/**
 * What the inspection found, as the core's attachment fields; null when the photo could not
 * be inspected (it is then checked by its name, as before).
 * @param {Blob} file
 */
export async function inspect(file) {
  if (!file.size || file.size > MAX_BYTES) return null;
  const res = await send({ type: 'inspect-image', data: toBase64(await file.arrayBuffer()) });
  if (!res || !res.ok) return null;
  const f = res.found;
  return {
    faces: typeof f.faces === 'number' ? f.faces : null,
    gps: f.gps ? { lat: f.gps.lat, lon: f.gps.lon } : false,
    owner: f.owner ? true : false,
    not_inspected: typeof f.not_inspected === 'string',
  };
}

/**
 * Replaces attachment `name` of `c` by `next` (or removes it when `next` is null).
 * @param {Composer} c @param {string} name @param {Attachment | null} next
 */
function replace(c, name, next, kind = 'image') {
  const list = c.attachments.filter((a) => !(a.kind === kind && a.name === name));
  if (next) list.push(next);
  c.setAttachments(list);
}

/**
 * Files were attached to composer `c` (already counted by name in `c.attachments`): inspect
 * the photos among them. `input`: the file input they came from, if any; the photos it held
 * before and holds no longer are removed.
 * @param {Composer} c
 * @param {Iterable<Blob & {name?: string}> | null | undefined} files
 * @param {HTMLInputElement | null} input
 */
export async function added(c, files, input) {
  const src = sourcesOf(c);
  watched.add(c);
  const list = Array.from(files || []);
  if (input) {
    const names = new Set(list.map((f) => f.name || ''));
    for (const [name, s] of src) {
      if (s.input === input && !names.has(name)) {
        src.delete(name);
        replace(c, name, null, s.kind || 'image');
      }
    }
  }
  // Files that are neither photos nor videos are only counted by name; where they came from
  // is kept for keptAfterEmptied.
  for (const file of list) if (!isImage(file) && !isVideo(file)) src.set(file.name || '', { file, name: file.name || '', input, preview: null });
  await Promise.all([
    ...list.filter(isImage).map(async (file) => {
      const name = file.name || '';
      src.set(name, { file, name, input, preview: null });
      const found = await inspect(file).catch(() => null);
      if (!found || src.get(name)?.file !== file) return; // failed, or replaced meanwhile
      replace(c, name, { kind: 'image', name, faces: found.faces, gps: found.gps, owner: found.owner, not_inspected: found.not_inspected });
      findPreview(c, name);
    }),
    ...list.filter(isVideo).map(async (file) => {
      const name = file.name || '';
      src.set(name, { file, name, input, preview: null, kind: 'video' });
      const frame = await videoFrame(file).catch(() => null);
      const found = frame && (await inspect(frame).catch(() => null));
      if (!found || src.get(name)?.file !== file || typeof found.faces !== 'number') return;
      // One frame: its faces count, its GPS/owner are not the video's (a frame has none).
      replace(c, name, { kind: 'video', name, faces: found.faces }, 'video');
    }),
  ]);
}

/**
 * One frame of a video file (a tenth of the way in, at most 1 s; the first frame when the
 * length is unknown), drawn in this content script's own <video> and canvas, which are
 * never put in the page, scaled like a preview and encoded as PNG for the image module.
 * Null when the browser cannot decode the video or takes too long: it is then checked as
 * an attached video, as before.
 * @param {Blob} file
 * @returns {Promise<Blob | null>}
 */
async function videoFrame(file) {
  const url = URL.createObjectURL(file);
  const video = document.createElement('video');
  video.muted = true;
  video.preload = 'auto';
  /** @param {string} ev */
  const once = (ev) =>
    new Promise((resolve, reject) => {
      video.addEventListener(ev, resolve, { once: true });
      video.addEventListener('error', reject, { once: true });
    });
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve(null), FRAME_TIMEOUT_MS)));
  try {
    const drawn = (async () => {
      const loaded = once('loadeddata');
      video.src = url;
      await loaded;
      const d = video.duration;
      if (Number.isFinite(d) && d > 0.2) {
        const seeked = once('seeked');
        video.currentTime = Math.min(1, d / 10);
        await seeked;
      }
      const w = video.videoWidth;
      const h = video.videoHeight;
      if (!w || !h) return null;
      const k = Math.min(1, PREVIEW_LONG_SIDE / Math.max(w, h));
      const canvas = new OffscreenCanvas(Math.max(1, Math.round(w * k)), Math.max(1, Math.round(h * k)));
      const ctx = canvas.getContext('2d');
      if (!ctx) return null;
      ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
      return canvas.convertToBlob({ type: 'image/png' });
    })();
    return /** @type {Blob | null} */ (await Promise.race([drawn, timeout]));
  } finally {
    clearTimeout(timer);
    video.removeAttribute('src');
    video.load();
    URL.revokeObjectURL(url);
  }
}

/**
 * The preview image the site shows for a photo just attached (a blob: or data: <img> near
 * the composer that no other photo claims); when it leaves the page, the photo is removed.
 * @param {Composer} c @param {string} name
 */
function findPreview(c, name) {
  const src = sourcesOf(c).get(name);
  if (!src) return;
  const claimed = new Set(Array.from(sourcesOf(c).values()).map((s) => s.preview));
  let scope = c.el.parentElement;
  for (let i = 0; scope && i < 6; i++, scope = scope.parentElement) {
    const img = Array.from(scope.querySelectorAll('img')).find((im) => /^(blob|data):/.test(im.src) && !claimed.has(im));
    if (img) {
      src.preview = img;
      watchRemovals();
      return;
    }
  }
}

/** @type {Set<Composer>} */
const watched = new Set();
let observer = /** @type {MutationObserver | null} */ (null);
function watchRemovals() {
  if (observer) return;
  observer = new MutationObserver((records) => {
    if (!records.some((r) => r.removedNodes.length)) return;
    for (const c of watched) {
      for (const [name, s] of sourcesOf(c)) {
        if (s.preview && !s.preview.isConnected) {
          sourcesOf(c).delete(name);
          replace(c, name, null);
        }
      }
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
}

/**
 * Composer `c` was emptied after it held text (the site sent the post and cleared the box):
 * the attachments that are still there stay, the others go with their findings. Still
 * there: the file input it came from still holds a file of that name (a site clears the
 * input by script, which fires no event), or its preview is still on the page. One that
 * came by drop or paste, or whose source is not known, has nothing left to show it is
 * still attached: it goes.
 * @param {Composer} c
 * @returns {Attachment[]} the attachments to keep
 */
export function keptAfterEmptied(c) {
  const src = sourcesOf(c);
  return c.attachments.filter((a) => {
    const s = src.get(a.name);
    const inInput = !!(s && s.input && s.input.isConnected && Array.from(s.input.files || []).some((f) => f.name === a.name));
    const shown = !!(s && s.preview && s.preview.isConnected);
    if (!inInput && !shown) src.delete(a.name);
    return inInput || shown;
  });
}

/** The long side, in pixels, of the copy of a preview image that is inspected. */
const PREVIEW_LONG_SIDE = 1000;

/**
 * The pixels a preview <img> shows, scaled to at most PREVIEW_LONG_SIDE on the long side
 * and encoded as PNG (no network: the image is already decoded in the page). The file's
 * metadata is not in it, so only the faces are known.
 * @param {HTMLImageElement} img
 * @returns {Promise<Blob | null>}
 */
async function previewPixels(img) {
  if (!img.complete) await new Promise((r) => img.addEventListener('load', r, { once: true }));
  const w = img.naturalWidth;
  const h = img.naturalHeight;
  if (!w || !h) return null;
  const k = Math.min(1, PREVIEW_LONG_SIDE / Math.max(w, h));
  const canvas = new OffscreenCanvas(Math.max(1, Math.round(w * k)), Math.max(1, Math.round(h * k)));
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return canvas.convertToBlob({ type: 'image/png' });
}

/**
 * An <img> with a blob: source appeared in or near composer `c` without a file event (a
 * site that reads the clipboard or picker itself): inspect the image it shows.
 * @param {Composer} c @param {HTMLImageElement} img
 */
export async function previewAppeared(c, img) {
  if (!/^blob:/.test(img.src)) return;
  const src = sourcesOf(c);
  for (const s of src.values()) if (s.preview === img) return;
  // Let a file event that came with it (input, drop, paste) claim it first.
  await new Promise((r) => setTimeout(r, 300));
  for (const s of src.values()) if (s.preview === img) return;
  for (const s of src.values()) {
    if (!s.preview) {
      s.preview = img;
      watched.add(c);
      watchRemovals();
      return;
    }
  }
  const pixels = await previewPixels(img).catch(() => null);
  if (!pixels) return;
  const name = img.alt || 'afbeelding-' + (src.size + 1);
  src.set(name, { file: pixels, name, input: null, preview: img });
  watched.add(c);
  watchRemovals();
  c.addAttachments([{ kind: 'image', name }]);
  const found = await inspect(pixels).catch(() => null);
  if (!found || src.get(name)?.file !== pixels) return;
  // The copy has no metadata: GPS and owner stay unknown (not false).
  replace(c, name, { kind: 'image', name, faces: found.faces });
}

/** Findings about the attached photos or videos rather than the text. */
const ATTACHMENT_RULES = /^(photo-consent\.|confidential\.photo-location$)/;

/**
 * A finding about an attachment has no text under it (an empty span): the card quotes the
 * attachment instead, by its file name as the core's message names it ("De foto (IMG_1.jpg)
 * ..."), or "foto N" for one without a name (the core calls it "#N").
 * @param {Composer} c @param {Finding} f
 * @returns {Finding}
 */
function quoted(c, f) {
  if (f.text || !ATTACHMENT_RULES.test(f.rule)) return f;
  const named = c.attachments.filter((a) => a.name);
  const byName = named.filter((a) => f.message.includes('(' + a.name + ')'));
  const numbered = /\(#(\d+)\)/.exec(f.message);
  let quote;
  if (byName.length) quote = byName.reduce((a, b) => (b.name.length > a.name.length ? b : a)).name;
  else if (numbered) quote = text().photo + ' ' + numbered[1];
  else if (c.attachments.length) quote = c.attachments.map((a, i) => a.name || text().photo + ' ' + (i + 1)).join(', ');
  else return f;
  return { ...f, quote };
}

/**
 * The findings as the card shows them: those about an attachment quote its name; a
 * photo-location finding gets the metadata fix when
 * its photo came from a file input that still holds it, else a sentence on how to do it.
 * @param {Composer} c @param {Finding[]} findings
 * @returns {Finding[]}
 */
export function decorate(c, findings) {
  watched.add(c);
  const src = sourcesOf(c);
  return findings.map((found) => {
    const f = quoted(c, found);
    if (f.rule !== 'confidential.photo-location') return f;
    const s = Array.from(src.values()).find((x) => f.message.includes('(' + x.name + ')'));
    if (s && s.input && s.input.isConnected && Array.from(s.input.files || []).includes(/** @type {File} */ (s.file))) {
      const fix = /** @type {Fix} */ (/** @type {any} */ ({ label: text().strip, replacement: '', action: 'strip-metadata', photo: s.name }));
      return { ...f, fixes: [...(f.fixes || []), fix] };
    }
    return { ...f, message: f.message + text().how };
  });
}

/**
 * The fix the teacher clicked: the photo without its metadata goes back into the file input
 * it came from. The draft's text is not touched. True when the input took the new file.
 * @param {Composer} c @param {Finding} _finding @param {Fix & {action?: string, photo?: string}} fix
 */
export async function applyAction(c, _finding, fix) {
  const s = fix.photo !== undefined ? sourcesOf(c).get(fix.photo) : undefined;
  if (fix.action !== 'strip-metadata' || !s || !s.input) return false;
  const res = await send({ type: 'strip-image', data: toBase64(await s.file.arrayBuffer()) });
  if (!res || !res.ok) return false;
  const bin = atob(res.data);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const old = /** @type {File} */ (s.file);
  const clean = new File([bytes], s.name, { type: old.type, lastModified: old.lastModified });
  const dt = new DataTransfer();
  for (const f of Array.from(s.input.files || [])) dt.items.add(f === old ? clean : f);
  s.input.files = dt.files;
  // The site reads the input on these events, as after the teacher's own choice; our own
  // change listener inspects the new file, and the finding goes.
  s.input.dispatchEvent(new Event('input', { bubbles: true }));
  s.input.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}

/**
 * Watches the page for preview images (blob: <img>) near a composer that came without a file
 * event we saw. `composerNear` finds the composer an element belongs to.
 * @param {(el: Element) => Composer | null} composerNear
 */
export function watchPreviews(composerNear) {
  new MutationObserver((records) => {
    for (const r of records) {
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1) continue;
        const el = /** @type {Element} */ (n);
        const imgs = el.tagName === 'IMG' ? [el] : Array.from(el.querySelectorAll('img[src^="blob:"]'));
        for (const img of imgs) {
          const c = composerNear(img);
          if (c && near(c, img)) previewAppeared(c, /** @type {HTMLImageElement} */ (img));
        }
      }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
}

/** @param {Composer} c @param {Element} img */
function near(c, img) {
  let scope = c.el.parentElement;
  for (let i = 0; scope && i < 6; i++, scope = scope.parentElement) if (scope.contains(img)) return true;
  return false;
}
