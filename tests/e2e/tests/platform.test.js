// The extension under the conditions real sites impose: a strict Content-Security-Policy
// (wasm cannot be compiled in a content script there), a service worker that the browser
// stops and restarts, and no network traffic of its own at all.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setup, openEditor, composer, waitBadge, waitMarks, badgeCount, EXTENSION_DIR, TEXT } from '../lib/helpers.js';
import { STRICT_CSP } from '../lib/server.js';

let env;
const requests = [];
before(async () => {
  env = await setup();
  env.context.on('request', (r) => requests.push(r.url()));
});
after(async () => {
  await env.close();
});

describe('strict Content-Security-Policy', () => {
  for (const editor of ['textarea', 'contenteditable', 'lexical']) {
    it(`${editor}: checks and marks on a page sent with ${STRICT_CSP}`, async () => {
      const page = await env.context.newPage();
      const res = await page.goto(`${env.server.origin}/csp/page.html?editor=${editor}`);
      assert.equal(res.headers()['content-security-policy'], STRICT_CSP);
      await page.waitForFunction(() => window.__ready && window.__boxes.main.el);
      await composer(page).click();
      await page.keyboard.type(TEXT);
      await waitMarks(page, ['Daan', 'ff', '06-12345678']);
      await waitBadge(page, (b) => b.errors >= 1);
      await page.close();
    });
  }
});

describe('service worker restart', () => {
  it('keeps checking after the browser stopped the service worker', async () => {
    const page = await openEditor(env, 'textarea');
    await composer(page).click();
    await page.keyboard.type(TEXT);
    await waitBadge(page, (b) => b.errors >= 1);

    const ext = await env.context.newPage();
    await ext.goto(`chrome-extension://${env.browser.extensionId}/options/options.html`);
    const ping = () => ext.evaluate(() => chrome.runtime.sendMessage({ type: 'ping' }));
    const first = await ping();
    const cdp = await env.context.newCDPSession(ext);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // Wait until the worker is really gone.
    for (let i = 0; i < 100; i++) {
      const { targetInfos } = await cdp.send('Target.getTargets');
      if (!targetInfos.some((t) => t.type === 'service_worker' && t.url.includes(env.browser.extensionId))) break;
      await ext.waitForTimeout(50);
    }
    await cdp.detach();

    // Typing now wakes a fresh worker, which loads the wasm again and answers.
    await composer(page).fill('');
    await composer(page).click();
    await page.keyboard.type('Bel me op 06-11112222');
    await waitMarks(page, ['06-11112222']);
    await waitBadge(page, (b) => b.errors === 1);
    const second = await ping();
    assert.notEqual(second.instance, first.instance, 'a new service worker answered');
    assert.equal(second.wasm, true);
    await ext.close();
    await page.close();
  });
});

describe('injected twice', () => {
  it('runs once when its scripts are injected again (popup grant on a page that has them)', async () => {
    const page = await openEditor(env, 'contenteditable');
    await composer(page).click();
    await page.keyboard.type(TEXT);
    await waitBadge(page, (b) => b.errors >= 1);
    await env.browser.serviceWorker().evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: chrome.runtime.getManifest().content_scripts[0].js });
    }, page.url());
    await page.keyboard.type(' lol');
    await waitMarks(page, ['lol']);
    assert.equal(await page.evaluate(() => document.querySelectorAll('postwacht-ui').length), 1);
    assert.equal(await badgeCount(page), 1);
    await page.close();
  });
});

describe('privacy', () => {
  it('made no network request: only the test pages and its own files were loaded', async () => {
    const origin = env.server.origin;
    const own = `chrome-extension://${env.browser.extensionId}/`;
    assert.ok(requests.some((u) => u.startsWith(own)), 'the extension’s own requests are seen (so a foreign one would be too)');
    const foreign = requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith(own) && !u.startsWith('data:') && u !== 'about:blank');
    assert.deepEqual(foreign, []);
    const pagePaths = new Set(['/page.html', '/csp/page.html', '/page.js', '/csp/page.js', '/style.css', '/csp/style.css', '/favicon.ico']);
    const unexpected = env.server.log.filter((p) => !pagePaths.has(p));
    assert.deepEqual(unexpected, [], 'the test server saw only the pages’ own requests');
  });

  it('ships no code that talks to the network', () => {
    const files = [];
    const walk = (d) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.js')) files.push(p);
      }
    };
    walk(EXTENSION_DIR);
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      for (const api of ['XMLHttpRequest', 'WebSocket', 'EventSource', 'sendBeacon', 'RTCPeerConnection']) {
        assert.ok(!src.includes(api), `${f} uses ${api}`);
      }
      // fetch() only in the wasm loader (wasm-bindgen's init, given our own wasm URL).
      if (!f.includes(`${join('pkg', '')}`)) assert.ok(!/\bfetch\s*\(/.test(src), `${f} calls fetch`);
    }
  });
});
