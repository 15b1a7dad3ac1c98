// A tiny static server for the test pages, on 127.0.0.1 and a random port only.
// startServer(root) serves http://127.0.0.1:PORT; startServer(root, {host}) serves
// https://HOST:PORT with a self-signed certificate made for HOST (lib/tls.js), for testing
// the shipped extension on the host names it is built for: the browser maps HOST to
// 127.0.0.1 (Chromium --host-resolver-rules, Firefox network.dns.localDomains), so nothing
// leaves the machine.
//   /NAME        a file from the built pages dir
//   /csp/NAME    the same file, sent with a strict Content-Security-Policy
// Every request is logged, so tests can assert what was (and was not) asked for.
import http from 'node:http';
import https from 'node:https';
import { selfSignedCert } from './tls.js';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.png': 'image/png' };
export const STRICT_CSP = "script-src 'self'; object-src 'none'";

/** @param {string} root @param {{host?: string}} [opts] */
export async function startServer(root, { host } = {}) {
  const log = [];
  const handler = async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    log.push(url.pathname);
    let path = url.pathname;
    const headers = {};
    if (path.startsWith('/csp/')) {
      headers['Content-Security-Policy'] = STRICT_CSP;
      path = path.slice(4);
    }
    if (path === '/') path = '/demo.html';
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      headers['Content-Type'] = TYPES[extname(file)] || 'application/octet-stream';
      headers['Cache-Control'] = 'no-store';
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  };
  const server = host ? https.createServer(selfSignedCert(host), handler) : http.createServer(handler);
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return {
    origin: host ? `https://${host}:${port}` : `http://127.0.0.1:${port}`,
    log,
    close: () => new Promise((r) => server.close(r)),
  };
}
