#!/usr/bin/env bash
# Packages the assembled extension for a school's IT (called by ./build.sh after
# extension/build.mjs):
#
#   scripts/package.sh [--key KEY.pem] [--base-url URL] [--out DIR] DIST_DIR
#
#   DIR/chrome/                 DIST_DIR/chrome with the signing key's public key as its
#                               manifest "key" (rewritten in place when DIR is DIST_DIR)
#   DIR/postwacht-chrome.zip    the same files zipped (Chrome Web Store, or unpacked installs)
#   DIR/postwacht.crx           CRX3 for Chrome/Edge/Chromium, signed with the school's key
#   DIR/updates.xml             gupdate manifest for self-hosting (names BASE_URL/postwacht.crx)
#   DIR/postwacht-firefox.xpi   Firefox add-on (unsigned; see docs/it-rollout.md)
#   DIR/extension-id.txt        the extension ID that follows from the key
#   DIR/deploy/                 the templates of deploy/ filled in with that ID and URL
#
# DIST_DIR holds chrome/ and firefox/ from extension/build.mjs; DIR defaults to DIST_DIR.
#
# One extension ID per package: Chromium takes an unpacked or zipped extension's ID from the
# manifest's "key" and a CRX's from its signing key, so the manifest's key is set to the
# signing key here, and dist/chrome, the zip, the CRX, extension-id.txt, updates.xml and
# every file in deploy/ name the same ID (tests/e2e/tests/package-id.test.js loads dist/chrome
# in Chromium and compares).
#
# The key: --key, else $POSTWACHT_SIGNING_KEY (a PEM RSA private key the school keeps, and
# keeps secret: whoever has it can publish updates to every browser of the school). Without
# one, a throwaway key is generated once in target/signing/dev-key.pem, for tests and
# development only, and this script says so loudly. (The test build dist/test/chrome keeps
# the source manifest's key, ID omkhemjkngnbkdmjfdpahofmpkjcijhe; it is never shipped.)
#
# The base URL: --base-url, else $POSTWACHT_UPDATE_BASE_URL, else a placeholder that the
# filled-in deploy files show plainly (https://REPLACE-ME.example/postwacht).
#
# Needs bash and Node 20 only (extension/package.mjs writes the zip and the CRX3 with Node's
# own zlib and crypto).
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
BASE_URL=${BASE_URL:-https://REPLACE-ME.example/postwacht}

if [ -z "$KEY" ]; then
  KEY=$ROOT/target/signing/dev-key.pem
  if [ ! -f "$KEY" ]; then
    mkdir -p "$(dirname "$KEY")"
    node "$ROOT/extension/package.mjs" --new-key "$KEY"
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

exec node "$ROOT/extension/package.mjs" --dist "$DIST" --out "$OUT" --key "$KEY" \
  --base-url "$BASE_URL" --deploy "$ROOT/deploy"
