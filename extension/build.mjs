// Builds the unpacked extension from extension/ (the source, with its one manifest.json)
// and the wasm package wasm-bindgen wrote (--target web):
//
//   node extension/build.mjs --pkg target/pkg/web [--out dist]
//
//   OUT/chrome/                 loads unpacked in Chrome, Edge and Chromium
//   OUT/firefox/                the same files; manifest changed for Firefox
//   OUT/postwacht-chrome.zip    OUT/postwacht-firefox.zip
//   OUT/test/chrome/            OUT/test/firefox/: the same, plus the test hosts
//                               (http://127.0.0.1/*, http://localhost/*) the e2e tests and
//                               the demo serve their pages on; never shipped
//
// The content script (content/main.js and what it imports), the popup and the options page
// are bundled by esbuild; the UI strings (_locales/*/messages.json) and the shadow root's
// CSS (content/ui.css) are bundled into them. Browser and test differences are applied to
// the manifest here, so there is one hand-kept manifest. build.sh calls this.
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { zipDir } from './package.mjs';

const SRC = dirname(fileURLToPath(import.meta.url));

/** Hosts only the test build may run on (tests/e2e serve their pages there). */
export const TEST_HOSTS = ['http://127.0.0.1/*', 'http://localhost/*'];
/**
 * Where Firefox starts supporting what the extension uses: data_collection_permissions
 * (declared for addons.mozilla.org) from Firefox 140, and from 142 on Android; older
 * versions make addons-linter warn (scripts/check-extension.sh runs it).
 */
const GECKO = {
  id: 'postwacht@postwacht.extension',
  strict_min_version: '140.0',
  // Declared for addons.mozilla.org: the extension collects and transmits nothing.
  data_collection_permissions: { required: ['none'] },
};
/** Copied as they are (relative to extension/). */
const STATIC = ['_locales', 'icons', 'background', 'managed_schema.json', 'content/highlights.css', 'options/options.html', 'options/options.css', 'popup/popup.html', 'popup/popup.css'];

/** What scripts/package.sh writes next to chrome/ and firefox/. */
const PACKAGED = ['postwacht.crx', 'updates.xml', 'postwacht-firefox.xpi', 'extension-id.txt', 'deploy'];

/** @typedef {Record<string, any>} Manifest */

/**
 * The manifest for `browser`, with the test hosts when `test`.
 * @param {Manifest} base the source manifest (not changed)
 * @param {{browser: 'chrome' | 'firefox', test: boolean}} variant
 * @returns {Manifest}
 */
export function manifestFor(base, { browser, test }) {
  /** @type {Manifest} */
  const m = structuredClone(base);
  if (test) {
    m.host_permissions = [...m.host_permissions, ...TEST_HOSTS];
    for (const cs of m.content_scripts) cs.matches = [...cs.matches, ...TEST_HOSTS];
  }
  if (browser === 'firefox') {
    const bg = m.background;
    m.background = { scripts: [bg.service_worker], type: bg.type || 'module' };
    m.browser_specific_settings = { gecko: GECKO, gecko_android: { strict_min_version: '142.0' } };
    // Firefox reads managed storage from its own policies.json and ignores managed_schema.
    delete m.storage;
  }
  return m;
}

/** Every file a manifest names (a missing one stops the browser loading the extension). @param {Manifest} m */
function* namedFiles(m) {
  if (m.background.service_worker) yield m.background.service_worker;
  yield* m.background.scripts || [];
  for (const cs of m.content_scripts || []) yield* [...(cs.js || []), ...(cs.css || [])];
  yield* Object.values(m.icons || {});
  yield* Object.values((m.action && m.action.default_icon) || {});
  if (m.action && m.action.default_popup) yield m.action.default_popup;
  if (m.options_ui) yield m.options_ui.page;
  if (m.storage && m.storage.managed_schema) yield m.storage.managed_schema;
}

/** Fails when a UI string is missing in one of the languages. */
function checkLocales() {
  const dir = join(SRC, '_locales');
  const keys = readdirSync(dir).map((lang) => new Set(Object.keys(JSON.parse(readFileSync(join(dir, lang, 'messages.json'), 'utf8')))));
  const all = new Set(keys.flatMap((k) => [...k]));
  const missing = [...all].filter((k) => !keys.every((s) => s.has(k))).sort();
  if (missing.length) throw new Error(`keys not in every _locales file: ${missing.join(', ')}`);
}

/** Bundles the scripts into `out` (content/content.js, options/options.js, popup/popup.js). @param {string} out */
async function bundle(out) {
  const common = {
    bundle: true,
    target: ['chrome120', 'firefox140'],
    loader: { '.css': /** @type {const} */ ('text') },
    charset: /** @type {const} */ ('utf8'),
    legalComments: /** @type {const} */ ('none'),
    logLevel: /** @type {const} */ ('warning'),
  };
  // The content script is a classic script (browsers do not load content scripts as modules).
  await build({ ...common, entryPoints: [join(SRC, 'content', 'main.js')], outfile: join(out, 'content', 'content.js'), format: 'iife' });
  await build({ ...common, entryPoints: { 'options/options': join(SRC, 'options', 'options.js'), 'popup/popup': join(SRC, 'popup', 'popup.js') }, outdir: out, format: 'esm' });
}

/**
 * @param {string} pkg the wasm-bindgen package (postwacht.js, postwacht_bg.wasm)
 * @param {string} out
 */
export async function buildAll(pkg, out) {
  for (const f of ['postwacht.js', 'postwacht_bg.wasm']) {
    if (!existsSync(join(pkg, f))) throw new Error(`${join(pkg, f)} is missing (run ./build.sh first)`);
  }
  checkLocales();
  const base = JSON.parse(readFileSync(join(SRC, 'manifest.json'), 'utf8'));
  const staged = mkdtempSync(join(tmpdir(), 'postwacht-ext-'));
  try {
    for (const p of STATIC) cpSync(join(SRC, p), join(staged, p), { recursive: true });
    mkdirSync(join(staged, 'pkg'));
    for (const f of ['postwacht.js', 'postwacht_bg.wasm']) cpSync(join(pkg, f), join(staged, 'pkg', f));
    // The photo inspection module (background/image.js); a package without it (the e2e
    // fake core) gets a stand-in whose init fails, so photos are checked by name only.
    if (existsSync(join(pkg, 'postwacht_image.js'))) {
      for (const f of ['postwacht_image.js', 'postwacht_image_bg.wasm', 'LICENSE-rustface-seetaface']) cpSync(join(pkg, f), join(staged, 'pkg', f));
    } else {
      writeFileSync(join(staged, 'pkg', 'postwacht_image.js'), "export default async function init() { throw new Error('no photo inspection in this build'); }\nexport function inspectImage() { throw new Error('no photo inspection'); }\nexport function stripMetadata() { throw new Error('no photo inspection'); }\n");
    }
    await bundle(staged);
    rmSync(join(out, 'test'), { recursive: true, force: true });
    // What scripts/package.sh makes from the last build names that build's ID: gone until
    // it runs again, so no stale ID is left next to the new dist/chrome.
    for (const f of PACKAGED) rmSync(join(out, f), { recursive: true, force: true });
    for (const test of [false, true]) {
      for (const browser of /** @type {const} */ (['chrome', 'firefox'])) {
        const dir = join(out, test ? 'test' : '', browser);
        rmSync(dir, { recursive: true, force: true });
        cpSync(staged, dir, { recursive: true });
        const m = manifestFor(base, { browser, test });
        for (const f of namedFiles(m)) if (!existsSync(join(dir, f))) throw new Error(`the manifest names ${f}, which is not in the extension`);
        writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m, null, 2) + '\n');
        if (!test) {
          const zip = join(out, `postwacht-${browser}.zip`);
          writeFileSync(zip, zipDir(dir));
        }
      }
    }
  } finally {
    rmSync(staged, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { pkg: { type: 'string' }, out: { type: 'string', default: join(SRC, '..', 'dist') } } });
  if (!values.pkg) {
    console.error('usage: node extension/build.mjs --pkg PKG_DIR [--out OUT_DIR]');
    process.exit(2);
  }
  const out = resolve(values.out);
  try {
    await buildAll(resolve(values.pkg), out);
  } catch (e) {
    console.error(`build.mjs: ${/** @type {Error} */ (e).message}`);
    process.exit(1);
  }
  console.log(`built ${out}/{chrome,firefox}, the zips, and ${out}/test/{chrome,firefox}`);
}
