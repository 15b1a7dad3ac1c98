// Packages the built extension for a school's IT (scripts/package.sh calls this after
// build.mjs; see there for the options):
//
//   node extension/package.mjs --dist DIST --out OUT --key KEY.pem --base-url URL [--deploy DIR]
//
//   OUT/chrome/, OUT/postwacht-chrome.zip   DIST/chrome with the manifest's "key" set to the
//                                          signing key's public key (in place when OUT is DIST)
//   OUT/postwacht.crx                      CRX3 of the same files, signed with KEY
//   OUT/updates.xml                        gupdate manifest naming BASE_URL/postwacht.crx
//   OUT/postwacht-firefox.xpi              DIST/firefox as an XPI (unsigned)
//   OUT/extension-id.txt                   the extension ID
//   OUT/deploy/                            the templates of deploy/ filled in
//
// One extension ID per package: the ID follows from the manifest's "key" for an unpacked or
// zipped install and from the signing key for a CRX; both are the signing key here, so the
// unpacked dist/chrome, its zip, the CRX, extension-id.txt, updates.xml and every file in
// deploy/ name the same ID (tests/e2e/tests/package-id.test.js checks it in Chromium).
// Node's own crypto and zlib only; no openssl, no python.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { crc32, deflateRawSync } from 'node:zlib';

/**
 * The extension ID Chromium derives from a public key (DER SubjectPublicKeyInfo): the first
 * 32 hex digits of its SHA-256, 0-f written as a-p.
 * @param {Buffer} der
 */
export function extensionId(der) {
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/** The DER public key of a PEM private key. @param {string | Buffer} pem */
export function publicKeyDer(pem) {
  return /** @type {Buffer} */ (createPublicKey(createPrivateKey(pem)).export({ type: 'spki', format: 'der' }));
}

/** Every file under `dir`, relative, with '/' separators, sorted. @param {string} dir @returns {string[]} */
function filesUnder(dir) {
  /** @type {string[]} */
  const out = [];
  /** @param {string} d */
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

const DOS_TIME = 0;
const DOS_DATE = (1980 - 1980) << 9 | 1 << 5 | 1; // 1980-01-01

/**
 * The fields a zip entry's local header and its central directory record share, written
 * from byte `at`: flags (UTF-8 names), method, time, date, CRC, sizes, name length.
 * @param {Buffer} buf
 * @param {number} at
 * @param {{method: number, crc: number, packed: number, size: number, nameLength: number}} e
 */
function writeEntryFields(buf, at, e) {
  buf.writeUInt16LE(0x0800, at);
  buf.writeUInt16LE(e.method, at + 2);
  buf.writeUInt16LE(DOS_TIME, at + 4);
  buf.writeUInt16LE(DOS_DATE, at + 6);
  buf.writeUInt32LE(e.crc, at + 8);
  buf.writeUInt32LE(e.packed, at + 12);
  buf.writeUInt32LE(e.size, at + 16);
  buf.writeUInt16LE(e.nameLength, at + 20);
}

/**
 * A zip archive (deflate, fixed timestamps so the same files give the same bytes) of every
 * file under `dir`, paths relative to it.
 * @param {string} dir
 * @returns {Buffer}
 */
export function zipDir(dir) {
  /** @type {Buffer[]} */
  const parts = [];
  /** @type {Buffer[]} */
  const central = [];
  let offset = 0;
  for (const name of filesUnder(dir)) {
    const data = readFileSync(join(dir, name));
    const packed = deflateRawSync(data, { level: 9 });
    const useDeflate = packed.length < data.length;
    const body = useDeflate ? packed : data;
    const crc = crc32(data);
    const fname = Buffer.from(name, 'utf8');
    const entry = { method: useDeflate ? 8 : 0, crc, packed: body.length, size: data.length, nameLength: fname.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    writeEntryFields(local, 6, entry);
    local.writeUInt16LE(0, 28); // no extra field
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(20, 4); // version made by
    cen.writeUInt16LE(20, 6); // version needed
    writeEntryFields(cen, 8, entry);
    cen.writeUInt32LE(offset, 42);
    central.push(cen, fname);
    parts.push(local, fname, body);
    offset += local.length + fname.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

/** Protobuf varint. @param {number} n */
function varint(n) {
  const b = [];
  do {
    let x = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) x |= 0x80;
    b.push(x);
  } while (n);
  return Buffer.from(b);
}
/** A length-delimited protobuf field. @param {number} num @param {Buffer} data */
const field = (num, data) => Buffer.concat([varint((num << 3) | 2), varint(data.length), data]);

/**
 * CRX3 (components/crx_file/crx3.proto): "Cr24", version 3, header size, CrxFileHeader,
 * then the zip. The RSA PKCS#1 v1.5 SHA-256 signature covers
 * "CRX3 SignedData\0" + len(signed_header_data) (u32 LE) + signed_header_data + zip.
 * @param {Buffer} zip @param {string | Buffer} pem @returns {Buffer}
 */
export function crx3(zip, pem) {
  const der = publicKeyDer(pem);
  const crxId = createHash('sha256').update(der).digest().subarray(0, 16);
  const signedData = field(1, crxId);
  const len = Buffer.alloc(4);
  len.writeUInt32LE(signedData.length);
  const signature = sign('sha256', Buffer.concat([Buffer.from('CRX3 SignedData\0', 'latin1'), len, signedData, zip]), createPrivateKey(pem));
  const header = Buffer.concat([field(2, Buffer.concat([field(1, der), field(2, signature)])), field(10000, signedData)]);
  const head = Buffer.alloc(12);
  head.write('Cr24', 0, 'latin1');
  head.writeUInt32LE(3, 4);
  head.writeUInt32LE(header.length, 8);
  return Buffer.concat([head, header, zip]);
}

/**
 * @param {{dist: string, out: string, key: string, baseUrl: string, deploy?: string}} o
 * @returns {string} the extension ID
 */
export function packageAll({ dist, out, key, baseUrl, deploy }) {
  for (const d of ['chrome', 'firefox']) {
    if (!existsSync(join(dist, d, 'manifest.json'))) throw new Error(`${join(dist, d)} is missing (run ./build.sh first)`);
  }
  const pem = readFileSync(key);
  const der = publicKeyDer(pem);
  const id = extensionId(der);
  baseUrl = baseUrl.replace(/\/+$/, '');
  mkdirSync(out, { recursive: true });

  // The Chromium package: dist/chrome with the signing key as the manifest's key, so an
  // unpacked or zipped install gets the CRX's ID.
  const chrome = join(out, 'chrome');
  if (resolve(chrome) !== resolve(join(dist, 'chrome'))) {
    rmSync(chrome, { recursive: true, force: true });
    cpSync(join(dist, 'chrome'), chrome, { recursive: true });
  }
  const mpath = join(chrome, 'manifest.json');
  const manifest = JSON.parse(readFileSync(mpath, 'utf8'));
  manifest.key = der.toString('base64');
  writeFileSync(mpath, JSON.stringify(manifest, null, 2) + '\n');
  const zip = zipDir(chrome);
  writeFileSync(join(out, 'postwacht-chrome.zip'), zip);
  writeFileSync(join(out, 'postwacht.crx'), crx3(zip, pem));

  const crxUrl = `${baseUrl}/postwacht.crx`;
  const updateUrl = `${baseUrl}/updates.xml`;
  writeFileSync(join(out, 'updates.xml'),
    "<?xml version='1.0' encoding='UTF-8'?>\n" +
    "<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>\n" +
    `  <app appid='${id}'>\n` +
    `    <updatecheck codebase='${crxUrl}' version='${manifest.version}' />\n` +
    '  </app>\n' +
    '</gupdate>\n');

  const firefox = join(dist, 'firefox');
  const geckoId = JSON.parse(readFileSync(join(firefox, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;
  writeFileSync(join(out, 'postwacht-firefox.xpi'), zipDir(firefox));
  writeFileSync(join(out, 'extension-id.txt'), id + '\n');

  if (deploy && existsSync(deploy)) {
    /** @type {Record<string, string>} */
    const subst = {
      __EXTENSION_ID__: id,
      __UPDATE_URL__: updateUrl,
      __CRX_URL__: crxUrl,
      __XPI_URL__: `${baseUrl}/postwacht-firefox.xpi`,
      __GECKO_ID__: geckoId,
    };
    const filled = join(out, 'deploy');
    rmSync(filled, { recursive: true, force: true });
    mkdirSync(filled);
    for (const name of readdirSync(deploy).sort()) {
      const p = join(deploy, name);
      if (!statSync(p).isFile()) continue;
      let text = readFileSync(p, 'utf8');
      for (const [k, v] of Object.entries(subst)) text = text.split(k).join(v);
      writeFileSync(join(filled, name), text);
    }
  }
  return id;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values: v } = parseArgs({ options: { dist: { type: 'string' }, out: { type: 'string' }, key: { type: 'string' }, 'base-url': { type: 'string' }, deploy: { type: 'string' }, 'new-key': { type: 'string' } } });
  if (v['new-key']) {
    // A new 2048-bit RSA key in PKCS#8 PEM, readable by its owner only.
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(v['new-key'], privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    process.exit(0);
  }
  if (!v.dist || !v.key || !v['base-url']) {
    console.error('usage: node extension/package.mjs --dist DIST --key KEY.pem --base-url URL [--out OUT] [--deploy DIR]');
    process.exit(2);
  }
  try {
    const out = resolve(v.out || v.dist);
    const id = packageAll({ dist: resolve(v.dist), out, key: resolve(v.key), baseUrl: v['base-url'], deploy: v.deploy && resolve(v.deploy) });
    console.error(`package: extension ID ${id} (from ${v.key}), the same in ${out}/chrome, the zip, the CRX, updates.xml and deploy/`);
    console.log(id);
  } catch (e) {
    console.error(`package: ${/** @type {Error} */ (e).message}`);
    process.exit(1);
  }
}
