// The photo inspection in the background service worker (off the page's main thread): the
// second wasm module (crates/postwacht-image, pkg/postwacht_image_bg.wasm). Only its small
// JavaScript glue is imported when the worker starts; the 1.7 MB module is fetched and
// compiled on the first photo a content script sends, and again after a worker restart.
//
// Messages (from content/attachments.js):
//   {type: 'inspect-image', data: BASE64}  → {ok, found: {faces, gps, owner, width, height,
//                                            not_inspected, format, timings}} or {ok: false, error, kind}
//   {type: 'strip-image', data: BASE64}    → {ok, data: BASE64} (metadata removed)
// The bytes arrive as base64: extension messages are JSON, and a Uint8Array would cross as
// an object with one key per byte. Nothing is stored; nothing leaves the browser.
import initImage, { inspectImage, stripMetadata } from '../pkg/postwacht_image.js';

/** @type {Promise<unknown> | null} */
let loaded = null;

export function loadImageModule() {
  if (!loaded) {
    loaded = initImage({ module_or_path: chrome.runtime.getURL('pkg/postwacht_image_bg.wasm') }).catch((/** @type {unknown} */ e) => {
      loaded = null;
      throw e;
    });
  }
  return loaded;
}

/** Whether the image module was loaded in this run of the worker (for `ping`). */
export const imageLoaded = () => loaded !== null;

/** @param {string} b64 */
function fromBase64(b64) {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** @param {Uint8Array} bytes */
function toBase64(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, /** @type {any} */ (bytes.subarray(i, i + 0x8000)));
  return btoa(s);
}

/** @param {{type: string, data?: unknown}} msg */
export async function handleImage(msg) {
  if (typeof msg.data !== 'string') return { ok: false, error: 'no image data' };
  await loadImageModule();
  const bytes = fromBase64(msg.data);
  try {
    if (msg.type === 'strip-image') return { ok: true, data: toBase64(stripMetadata(bytes)) };
    const t0 = performance.now();
    const found = inspectImage(bytes);
    // The face boxes stay here: the page needs the count only.
    const faces = Array.isArray(found.faces) ? found.faces.length : null;
    return { ok: true, found: { ...found, faces, ms: performance.now() - t0 } };
  } catch (e) {
    const err = /** @type {any} */ (e);
    return { ok: false, error: String((err && err.message) || err), kind: (err && err.kind) || '' };
  }
}
