#!/usr/bin/env bash
# Packages the assembled extension for a school's IT (called by ./build.sh after
# extension/build.mjs):
#
#   scripts/package.sh [--key KEY.pem] [--base-url URL] [--out DIR] DIST_DIR
#
#   DIR/postwacht.crx           CRX3 for Chrome/Edge/Chromium, signed with the school's key
#   DIR/updates.xml             gupdate manifest for self-hosting (names BASE_URL/postwacht.crx)
#   DIR/postwacht-firefox.xpi   Firefox add-on (unsigned; see docs/it-rollout.md)
#   DIR/extension-id.txt        the extension ID that follows from the key
#   DIR/deploy/                 the templates of deploy/ filled in with that ID and URL
#
# DIST_DIR holds chrome/ and firefox/ from extension/build.mjs; DIR defaults to
# DIST_DIR.
#
# The key: --key, else $POSTWACHT_SIGNING_KEY (a PEM RSA private key the school keeps, and
# keeps secret: whoever has it can publish updates to every browser of the school). Without
# one, a throwaway key is generated once in target/signing/dev-key.pem, for tests and
# development only, and this script says so loudly. A CRX's extension ID is derived from its
# key, so the packaged manifest's "key" is rewritten to the signing key's public key: the
# unpacked dist/chrome (ID omkhemjkngnbkdmjfdpahofmpkjcijhe) and the CRX have different IDs
# unless the school signs with the key behind manifest.json's "key".
#
# The base URL: --base-url, else $POSTWACHT_UPDATE_BASE_URL, else a placeholder that the
# filled-in deploy files show plainly (https://REPLACE-ME.example/postwacht).
#
# Needs bash, python3 and openssl only (the CRX3 container is written here; the e2e test
# has Chromium install the result).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
KEY=${POSTWACHT_SIGNING_KEY:-}
BASE_URL=${POSTWACHT_UPDATE_BASE_URL:-}
OUT=""
while [ $# -gt 0 ]; do
  case "$1" in
    --key) KEY=$2; shift 2 ;;
    --base-url) BASE_URL=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    -*) echo "package: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
if [ $# -ne 1 ]; then
  echo "usage: $0 [--key KEY.pem] [--base-url URL] [--out DIR] DIST_DIR" >&2
  exit 2
fi
DIST=$(cd "$1" && pwd)
OUT=${OUT:-$DIST}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
BASE_URL=${BASE_URL:-https://REPLACE-ME.example/postwacht}
BASE_URL=${BASE_URL%/}

for d in chrome firefox; do
  if [ ! -f "$DIST/$d/manifest.json" ]; then
    echo "package: $DIST/$d is missing (run ./build.sh first)" >&2
    exit 1
  fi
done
if ! command -v openssl >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "package: installing openssl (to sign the CRX)" >&2
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssl >/dev/null
  else
    echo "package: openssl is needed to sign the CRX (apt-get install openssl)" >&2
    exit 1
  fi
fi

if [ -z "$KEY" ]; then
  KEY=$ROOT/target/signing/dev-key.pem
  if [ ! -f "$KEY" ]; then
    mkdir -p "$(dirname "$KEY")"
    (umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$KEY" 2>/dev/null)
  fi
  {
    echo "package: ****************************************************************"
    echo "package: WARNING: no signing key given (POSTWACHT_SIGNING_KEY or --key)."
    echo "package: The CRX is signed with a THROWAWAY key: $KEY"
    echo "package: For tests and development only. A school signs with its own key,"
    echo "package: kept secret and kept forever (a new key means a new extension ID)."
    echo "package: ****************************************************************"
  } >&2
fi
if [ ! -f "$KEY" ]; then
  echo "package: signing key $KEY does not exist" >&2
  exit 1
fi

python3 - "$DIST" "$OUT" "$KEY" "$BASE_URL" "$ROOT/deploy" <<'PY'
import base64, hashlib, io, json, os, shutil, subprocess, sys, tempfile, zipfile

dist, out, key, base_url, deploy_src = sys.argv[1:6]

der = subprocess.run(["openssl", "pkey", "-in", key, "-pubout", "-outform", "DER"],
                     check=True, capture_output=True).stdout
digest = hashlib.sha256(der).digest()
ext_id = "".join(chr(ord("a") + int(c, 16)) for c in digest.hex()[:32])

# The packaged copy: the manifest's key is the signing key's public key.
with tempfile.TemporaryDirectory() as tmp:
    src = os.path.join(tmp, "chrome")
    shutil.copytree(os.path.join(dist, "chrome"), src)
    mpath = os.path.join(src, "manifest.json")
    with open(mpath, encoding="utf-8") as f:
        manifest = json.load(f)
    manifest["key"] = base64.b64encode(der).decode()
    with open(mpath, "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=2)
        f.write("\n")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for d, dirs, files in os.walk(src):
            dirs.sort()
            for name in sorted(files):
                p = os.path.join(d, name)
                z.write(p, os.path.relpath(p, src))
    archive = buf.getvalue()

    # CRX3 (components/crx_file/crx3.proto): "Cr24", version 3, header size, CrxFileHeader,
    # then the zip. The signature (RSA PKCS#1 v1.5, SHA-256) covers
    # "CRX3 SignedData\0" + len(signed_header_data) (u32 LE) + signed_header_data + zip.
    def varint(n):
        b = bytearray()
        while True:
            x = n & 0x7F
            n >>= 7
            b.append(x | (0x80 if n else 0))
            if not n:
                return bytes(b)
    def field(num, data):
        return varint(num << 3 | 2) + varint(len(data)) + data
    signed_data = field(1, digest[:16])  # SignedData.crx_id
    to_sign = b"CRX3 SignedData\x00" + len(signed_data).to_bytes(4, "little") + signed_data + archive
    sig_file = os.path.join(tmp, "to-sign")
    with open(sig_file, "wb") as f:
        f.write(to_sign)
    signature = subprocess.run(["openssl", "dgst", "-sha256", "-sign", key, sig_file],
                               check=True, capture_output=True).stdout
    header = field(2, field(1, der) + field(2, signature)) + field(10000, signed_data)
    crx = b"Cr24" + (3).to_bytes(4, "little") + len(header).to_bytes(4, "little") + header + archive
with open(os.path.join(out, "postwacht.crx"), "wb") as f:
    f.write(crx)

version = manifest["version"]
crx_url = f"{base_url}/postwacht.crx"
update_url = f"{base_url}/updates.xml"
with open(os.path.join(out, "updates.xml"), "w", encoding="utf-8") as f:
    f.write("<?xml version='1.0' encoding='UTF-8'?>\n"
            "<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>\n"
            f"  <app appid='{ext_id}'>\n"
            f"    <updatecheck codebase='{crx_url}' version='{version}' />\n"
            "  </app>\n"
            "</gupdate>\n")

# Firefox: the assembled dist/firefox as an .xpi (a zip with manifest.json at the root).
with open(os.path.join(dist, "firefox", "manifest.json"), encoding="utf-8") as f:
    gecko_id = json.load(f)["browser_specific_settings"]["gecko"]["id"]
with zipfile.ZipFile(os.path.join(out, "postwacht-firefox.xpi"), "w", zipfile.ZIP_DEFLATED) as z:
    root = os.path.join(dist, "firefox")
    for d, dirs, files in os.walk(root):
        dirs.sort()
        for name in sorted(files):
            p = os.path.join(d, name)
            z.write(p, os.path.relpath(p, root))

with open(os.path.join(out, "extension-id.txt"), "w") as f:
    f.write(ext_id + "\n")

# deploy/ templates with the placeholders filled in.
subst = {
    "__EXTENSION_ID__": ext_id,
    "__UPDATE_URL__": update_url,
    "__CRX_URL__": crx_url,
    "__XPI_URL__": f"{base_url}/postwacht-firefox.xpi",
    "__GECKO_ID__": gecko_id,
}
filled = os.path.join(out, "deploy")
if os.path.isdir(deploy_src):
    shutil.rmtree(filled, ignore_errors=True)
    os.makedirs(filled)
    for name in sorted(os.listdir(deploy_src)):
        p = os.path.join(deploy_src, name)
        if not os.path.isfile(p):
            continue
        with open(p, encoding="utf-8", newline="") as f:
            text = f.read()
        for k, v in subst.items():
            text = text.replace(k, v)
        with open(os.path.join(filled, name), "w", encoding="utf-8", newline="") as f:
            f.write(text)

print(f"package: extension ID {ext_id} (from {key})", file=sys.stderr)
print(f"package: {out}/postwacht.crx, updates.xml (codebase {crx_url}), postwacht-firefox.xpi"
      + (f", deploy/ (filled in)" if os.path.isdir(deploy_src) else ""), file=sys.stderr)
print(ext_id)
PY
