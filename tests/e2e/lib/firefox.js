// Firefox ESR driven over WebDriver BiDi, which Firefox speaks natively (no geckodriver):
// a fresh profile, the unpacked dist/firefox installed as a temporary add-on
// (webExtension.install), pages opened and typed into like a person would.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
export const hasFirefox = () => existsSync(FIREFOX);

const PREFS = {
  'app.update.enabled': false,
  'app.update.auto': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'datareporting.policy.dataSubmissionEnabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'toolkit.telemetry.enabled': false,
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.newtabpage.enabled': false,
  'extensions.autoDisableScopes': 0,
};

/**
 * `localHost`: a host name that resolves to the local machine (network.dns.localDomains),
 * served by the local HTTPS test server, whose self-signed certificate is then accepted.
 */
export async function launchFirefox(extensionDir, { localHost = '' } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'postwacht-firefox-'));
  const prefs = localHost ? { ...PREFS, 'network.dns.localDomains': localHost } : PREFS;
  writeFileSync(join(profile, 'user.js'), Object.entries(prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n') + '\n');
  const proc = spawn(FIREFOX, ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const url = await new Promise((res, rej) => {
    let buf = '';
    const timer = setTimeout(() => rej(new Error('Firefox did not start WebDriver BiDi: ' + buf.slice(-500))), 90000);
    proc.stderr.on('data', (d) => {
      buf += d;
      const m = buf.match(/WebDriver BiDi listening on (ws:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        res(m[1]);
      }
    });
    proc.on('exit', (code) => rej(new Error(`Firefox exited (${code}): ${buf.slice(-500)}`)));
  });
  const ws = new WebSocket(url.replace(/\/?$/, '/session'));
  await new Promise((res, rej) => {
    ws.onopen = res;
    ws.onerror = () => rej(new Error('cannot connect to ' + url));
  });
  let id = 0;
  const pending = new Map();
  ws.onmessage = (m) => {
    const d = JSON.parse(m.data);
    if (d.id && pending.has(d.id)) {
      const { res, rej } = pending.get(d.id);
      pending.delete(d.id);
      if (d.type === 'error') rej(new Error(`${d.error}: ${d.message}`));
      else res(d.result);
    }
  };
  const send = (method, params = {}) =>
    new Promise((res, rej) => {
      const i = ++id;
      pending.set(i, { res, rej });
      ws.send(JSON.stringify({ id: i, method, params }));
    });
  await send('session.new', { capabilities: { alwaysMatch: { acceptInsecureCerts: !!localHost } } });
  // A directory (unpacked) or a packed .xpi (dist/postwacht-firefox.xpi), as a temporary add-on.
  const type = extensionDir.endsWith('.xpi') ? 'archivePath' : 'path';
  await send('webExtension.install', { extensionData: { type, path: resolve(extensionDir) } });
  const { contexts } = await send('browsingContext.getTree', {});
  const context = contexts[0].context;

  const ff = {
    send,
    context,
    async goto(url) {
      await send('browsingContext.navigate', { context, url, wait: 'complete' });
    },
    /** Evaluates `fn(...args)` in the page; returns its JSON-able result. */
    async evaluate(fn, ...args) {
      const r = await send('script.evaluate', {
        expression: `(async () => JSON.stringify(await (${fn})(...${JSON.stringify(args)})))()`,
        target: { context },
        awaitPromise: true,
      });
      if (r.type === 'exception') throw new Error('page: ' + (r.exceptionDetails && r.exceptionDetails.text));
      return r.result.value === undefined ? undefined : JSON.parse(r.result.value);
    },
    async waitFor(fn, args = [], timeout = 20000) {
      const start = Date.now();
      let last;
      while (Date.now() - start < timeout) {
        last = await ff.evaluate(fn, ...args);
        if (last) return last;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`condition not met in ${timeout} ms: ${fn}`);
    },
    /** Clicks the middle of the element `selector` matches, with the mouse. */
    async click(selector) {
      const r = await ff.evaluate((sel) => {
        const q = document.querySelector(sel).getBoundingClientRect();
        return { x: Math.round(q.left + q.width / 2), y: Math.round(q.top + q.height / 2) };
      }, selector);
      await send('input.performActions', {
        context,
        actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
          { type: 'pointerMove', x: r.x, y: r.y, origin: 'viewport' },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ] }],
      });
    },
    /**
     * Something in Postwacht's closed UI root, found the way a browser's automation can:
     * WebDriver BiDi serializes the closed shadow root (includeShadowTree "all"), and
     * browsingContext.locateNodes searches it. Returns the node (its sharedId and attributes)
     * or null. The page's own scripts still cannot reach it.
     */
    async uiNode(selector) {
      const r = await send('script.evaluate', {
        expression: `document.querySelector('postwacht-ui')`,
        target: { context },
        awaitPromise: false,
        serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
      });
      const shadow = r.result && r.result.value && r.result.value.shadowRoot;
      if (!shadow || !shadow.sharedId) return null;
      const found = await send('browsingContext.locateNodes', { context, locator: { type: 'css', value: selector }, startNodes: [{ sharedId: shadow.sharedId }], maxNodeCount: 1 });
      return found.nodes[0] || null;
    },
    /** A real mouse click (trusted events) in the middle of `node` (from uiNode). */
    async clickNode(node) {
      await send('input.performActions', {
        context,
        actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
          { type: 'pointerMove', x: 0, y: 0, origin: { type: 'element', element: { sharedId: node.sharedId } } },
          { type: 'pointerDown', button: 0 },
          { type: 'pointerUp', button: 0 },
        ] }],
      });
    },
    async type(text) {
      const actions = [];
      for (const c of text) actions.push({ type: 'keyDown', value: c }, { type: 'keyUp', value: c });
      await send('input.performActions', { context, actions: [{ type: 'key', id: 'keyboard', actions }] });
    },
    async press(...keys) {
      // keys: e.g. ['\uE009', '\uE007'] for Control+Enter (WebDriver key codes)
      const actions = [...keys.map((k) => ({ type: 'keyDown', value: k })), ...keys.reverse().map((k) => ({ type: 'keyUp', value: k }))];
      await send('input.performActions', { context, actions: [{ type: 'key', id: 'keyboard', actions }] });
    },
    async close() {
      try {
        await send('session.end', {});
      } catch (_) { /* already gone */ }
      ws.close();
      proc.kill();
      await new Promise((r) => (proc.exitCode !== null ? r() : proc.on('exit', r)));
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return ff;
}

export const KEY = { Control: '\uE009', Enter: '\uE007', Shift: '\uE008', Alt: '\uE00A', ArrowLeft: '\uE012', Escape: '\uE00C' };
