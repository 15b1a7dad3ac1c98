// Browser policy files for the managed-policy tests: Chromium's
// /etc/chromium/policies/managed/*.json and Firefox ESR's distribution/policies.json.
// These are machine-wide, so every file written here is removed again: at the end of the
// test (try/finally), on process exit and on SIGINT/SIGTERM, and leftovers of runs that
// died (their pid is gone) are removed when the next run starts. Files carry the writing
// process's pid, so two runs on one machine do not remove each other's files.
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const CHROMIUM_POLICY_DIR = process.env.POSTWACHT_CHROMIUM_POLICY_DIR || '/etc/chromium/policies/managed';
export const FIREFOX_POLICIES = process.env.POSTWACHT_FIREFOX_POLICIES || '/usr/lib/firefox-esr/distribution/policies.json';
const PREFIX = 'postwacht-e2e-';
const BACKUP = `${FIREFOX_POLICIES}.postwacht-e2e-backup`;

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === 'EPERM';
  }
};

// Root writes directly; anyone else through `sudo -n` (CI machines run as root).
function asRoot(fn, cmd) {
  try {
    return fn();
  } catch (e) {
    if (e.code !== 'EACCES' && e.code !== 'EPERM') throw e;
    execFileSync('sudo', ['-n', ...cmd], { stdio: ['pipe', 'ignore', 'inherit'] });
  }
}
function write(path, text) {
  asRoot(() => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }, ['sh', '-c', `mkdir -p "${dirname(path)}" && printf %s '${text.replace(/'/g, "'\\''")}' > "${path}"`]);
}
function remove(path) {
  if (existsSync(path)) asRoot(() => rmSync(path, { force: true }), ['rm', '-f', path]);
}

/** The extension ID Chromium derives from a manifest `key` (base64 DER public key). */
export function extensionIdFromKey(keyBase64) {
  const hex = createHash('sha256').update(Buffer.from(keyBase64, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

const written = new Set();
let firefoxWritten = false;

/** Removes what dead runs left behind: their Chromium policy files and Firefox's backup. */
export function cleanupStale() {
  if (existsSync(CHROMIUM_POLICY_DIR)) {
    for (const f of readdirSync(CHROMIUM_POLICY_DIR)) {
      const m = f.match(/^postwacht-e2e-(\d+)-.*\.json$/);
      if (m && !alive(Number(m[1]))) remove(join(CHROMIUM_POLICY_DIR, f));
    }
  }
  if (existsSync(`${BACKUP}.pid`)) {
    const pid = Number(readFileSync(`${BACKUP}.pid`, 'utf8'));
    if (!alive(pid)) restoreFirefox(true);
  }
}

/** Writes (or replaces) Chromium policy file `name` with `policy`; returns its path. */
export function writeChromiumPolicy(name, policy) {
  const path = join(CHROMIUM_POLICY_DIR, `${PREFIX}${process.pid}-${name}.json`);
  written.add(path);
  write(path, typeof policy === 'string' ? policy : JSON.stringify(policy, null, 2));
  return path;
}

export function removeChromiumPolicies() {
  for (const p of written) remove(p);
  written.clear();
}

/** Chromium's file for one extension's managed storage (3rdparty). */
export const chromiumExtensionPolicy = (id, values) => ({ '3rdparty': { extensions: { [id]: values } } });

/** Installs Firefox's policies.json (the existing one, if any, is kept aside and restored). */
export function writeFirefoxPolicies(policies) {
  if (!firefoxWritten) {
    if (existsSync(FIREFOX_POLICIES) && !existsSync(BACKUP)) asRoot(() => copyFileSync(FIREFOX_POLICIES, BACKUP), ['cp', FIREFOX_POLICIES, BACKUP]);
    write(`${BACKUP}.pid`, String(process.pid));
    firefoxWritten = true;
  }
  write(FIREFOX_POLICIES, JSON.stringify({ policies }, null, 2));
}

export function restoreFirefox(force = false) {
  if (!firefoxWritten && !force) return;
  if (existsSync(BACKUP)) asRoot(() => renameSync(BACKUP, FIREFOX_POLICIES), ['mv', BACKUP, FIREFOX_POLICIES]);
  else remove(FIREFOX_POLICIES);
  remove(`${BACKUP}.pid`);
  firefoxWritten = false;
}

export function cleanupAll() {
  removeChromiumPolicies();
  restoreFirefox();
}

process.on('exit', cleanupAll);
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    cleanupAll();
    process.exit(130);
  });
}
