// A tiny static server for the test pages, on 127.0.0.1 and a random port only.
//   /NAME        a file from the built pages dir
//   /csp/NAME    the same file, sent with a strict Content-Security-Policy
// Every request is logged, so tests can assert what was (and was not) asked for.
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.png': 'image/png' };
export const STRICT_CSP = "script-src 'self'; object-src 'none'";

export async function startServer(root) {
  const log = [];
  const server = http.createServer(async (req, res) => {
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
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    close: () => new Promise((r) => server.close(r)),
  };
}
