// A throwaway self-signed TLS certificate for one host name (openssl, as scripts/package.sh
// uses), made once per test process in a temporary directory and removed on exit.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made = new Map();

/** {key, cert} (PEM) for `host`. @param {string} host */
export function selfSignedCert(host) {
  if (made.has(host)) return made.get(host);
  const dir = mkdtempSync(join(tmpdir(), 'postwacht-tls-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${host}`, '-addext', `subjectAltName=DNS:${host}`, '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  const pair = { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  made.set(host, pair);
  return pair;
}
