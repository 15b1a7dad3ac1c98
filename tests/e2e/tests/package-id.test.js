// One extension ID per package (issue 9, item 3): the ID Chromium gives the shipped
// dist/chrome when it is installed (loaded unpacked, in a normal launch: no machine-wide
// policy files) is the one in dist/extension-id.txt, updates.xml, the CRX's signing key, the
// zip's manifest and every file in dist/deploy that names an extension. A policy IT writes
// from those files therefore reaches this extension.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { launch } from '../lib/browser.js';
import { SHIPPED_DIR } from '../lib/helpers.js';

const CHROME = join(SHIPPED_DIR, 'chrome');
const DEPLOY = join(SHIPPED_DIR, 'deploy');
/** A Chromium extension ID: 32 letters a-p. */
const ID_RE = /(?<![a-z])[a-p]{32}(?![a-z])/g;

/** @param {Buffer} der */
function idOf(der) {
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** One file of a zip archive (central directory; stored or deflated). @param {Buffer} zip @param {string} name */
function unzipOne(zip, name) {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'a zip archive');
  let p = zip.readUInt32LE(end + 16);
  const count = zip.readUInt16LE(end + 10);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(p + 10);
    const size = zip.readUInt32LE(p + 20);
    const nlen = zip.readUInt16LE(p + 28);
    const xlen = zip.readUInt16LE(p + 30);
    const clen = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const fname = zip.subarray(p + 46, p + 46 + nlen).toString('utf8');
    if (fname === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const body = zip.subarray(start, start + size);
      return method === 8 ? inflateRawSync(body) : body;
    }
    p += 46 + nlen + xlen + clen;
  }
  throw new Error(`${name} is not in the archive`);
}

/** Protobuf length-delimited fields of `buf` (number → list of payloads). @param {Buffer} buf */
function fields(buf) {
  /** @type {Map<number, Buffer[]>} */
  const out = new Map();
  let i = 0;
  const varint = () => {
    let n = 0;
    let shift = 0;
    for (;;) {
      const b = buf[i++];
      n += (b & 0x7f) * 2 ** shift;
      shift += 7;
      if (!(b & 0x80)) return n;
    }
  };
  while (i < buf.length) {
    const tag = varint();
    assert.equal(tag & 7, 2, 'only length-delimited fields in a CRX3 header');
    const len = varint();
    const num = Math.floor(tag / 8);
    if (!out.has(num)) out.set(num, []);
    /** @type {Buffer[]} */ (out.get(num)).push(buf.subarray(i, i + len));
    i += len;
  }
  return out;
}

describe('one extension ID for the shipped Chromium package', () => {
  /** @type {any} */
  let browser;
  /** @type {string} */
  let installed;
  before(async () => {
    browser = await launch(CHROME);
    installed = browser.extensionId;
  });
  after(async () => {
    if (browser) await browser.close();
  });

  it('Chromium gives dist/chrome the ID of dist/extension-id.txt', async () => {
    const runtimeId = await browser.serviceWorker().evaluate(() => chrome.runtime.id);
    assert.equal(runtimeId, installed);
    assert.match(installed, /^[a-p]{32}$/);
    assert.equal(readFileSync(join(SHIPPED_DIR, 'extension-id.txt'), 'utf8').trim(), installed);
  });

  it('updates.xml, the CRX and the zip name the same ID', () => {
    const xml = readFileSync(join(SHIPPED_DIR, 'updates.xml'), 'utf8');
    assert.deepEqual([...xml.matchAll(/appid='([^']*)'/g)].map((m) => m[1]), [installed]);

    const crx = readFileSync(join(SHIPPED_DIR, 'postwacht.crx'));
    assert.equal(crx.subarray(0, 4).toString('latin1'), 'Cr24');
    const headerSize = crx.readUInt32LE(8);
    const header = fields(crx.subarray(12, 12 + headerSize));
    const proofs = header.get(2) || [];
    assert.equal(proofs.length, 1, 'one RSA key proof');
    const der = /** @type {Buffer[]} */ (fields(proofs[0]).get(1))[0];
    assert.equal(idOf(der), installed, 'the CRX is signed with the key of the installed ID');
    const signedData = fields(/** @type {Buffer[]} */ (header.get(10000))[0]);
    assert.equal(/** @type {Buffer[]} */ (signedData.get(1))[0].toString('hex'), createHash('sha256').update(der).digest('hex').slice(0, 32));
    const crxZip = crx.subarray(12 + headerSize);
    const zip = readFileSync(join(SHIPPED_DIR, 'postwacht-chrome.zip'));
    assert.ok(crxZip.equals(zip), 'the CRX holds exactly postwacht-chrome.zip');
    for (const archive of [zip, crxZip]) {
      const m = JSON.parse(unzipOne(archive, 'manifest.json').toString('utf8'));
      assert.equal(idOf(Buffer.from(m.key, 'base64')), installed, "the packaged manifest's key");
    }
  });

  it('every file in dist/deploy names this ID and no other', () => {
    assert.ok(existsSync(DEPLOY), 'dist/deploy exists');
    const files = readdirSync(DEPLOY).sort();
    assert.ok(files.length >= 4, files.join(', '));
    const gecko = JSON.parse(readFileSync(join(SHIPPED_DIR, 'firefox', 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;
    for (const f of files) {
      const text = readFileSync(join(DEPLOY, f), 'utf8');
      assert.ok(!/__[A-Z_]+__/.test(text), `${f}: no placeholder left`);
      const ids = new Set([...text.matchAll(ID_RE)].map((m) => m[0]));
      assert.deepEqual([...ids].filter((x) => x !== installed), [], `${f}: names another extension ID`);
      if (/chrom|edge/.test(f)) assert.ok(ids.has(installed), `${f} names the installed ID`);
      if (/firefox/.test(f)) assert.ok(text.includes(gecko), `${f} names the Firefox add-on ID`);
    }
    // The Chromium files as IT deploys them: the ID is the key of both policies.
    const linux = JSON.parse(readFileSync(join(DEPLOY, 'chromium-linux-policy.json'), 'utf8'));
    assert.deepEqual(Object.keys(linux.ExtensionSettings), [installed]);
    assert.deepEqual(Object.keys(linux['3rdparty'].extensions), [installed]);
    const reg = readFileSync(join(DEPLOY, 'chrome-edge-windows.reg'), 'utf8');
    assert.ok(reg.includes(`3rdparty\\extensions\\${installed}\\policy]`), 'the .reg policy key');
  });
});
