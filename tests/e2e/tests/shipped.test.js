// The shipped extension (dist/chrome; dist/firefox, or the packed XPI when
// scripts/package.sh made one), not the test build: it works on a host it is built for and
// stays off local pages. The host (www.facebook.com) is served by the local HTTPS server
// and mapped to 127.0.0.1 by the browser, so nothing leaves the machine.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setup, openEditor, composer, waitBadge, waitMarks, badgeCount, SHIPPED_DIR, SHIPPED_HOST, TEXT } from '../lib/helpers.js';
import { startServer } from '../lib/server.js';
import { launchFirefox, hasFirefox } from '../lib/firefox.js';
import { buildPages, PAGES_OUT } from '../lib/build-pages.js';

const CHROME = join(SHIPPED_DIR, 'chrome');
const FIREFOX = join(SHIPPED_DIR, 'firefox');
const XPI = join(SHIPPED_DIR, 'postwacht-firefox.xpi');
const local = (/** @type {string} */ h) => /127\.0\.0\.1|localhost/.test(h);

describe('the shipped manifests', () => {
  for (const dir of [CHROME, FIREFOX]) {
    it(`${dir}: names no local host`, () => {
      const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      const hosts = [...m.host_permissions, ...m.content_scripts.flatMap((c) => c.matches)];
      assert.deepEqual(hosts.filter(local), []);
      assert.ok(hosts.includes('https://*.facebook.com/*'));
    });
  }
});

describe('the shipped Chromium extension', () => {
  let env;
  let plain;
  before(async () => {
    env = await setup({ extensionDir: CHROME, host: SHIPPED_HOST });
    plain = await startServer(process.env.POSTWACHT_PAGES_BUILT ? PAGES_OUT : await buildPages());
  });
  after(async () => {
    if (plain) await plain.close();
    if (env) await env.close();
  });

  it(`checks a post on https://${SHIPPED_HOST}, as Facebook`, async () => {
    const page = await openEditor(env, 'lexical');
    assert.ok(page.url().startsWith(`https://${SHIPPED_HOST}:`), page.url());
    await composer(page).click();
    await page.keyboard.type(TEXT);
    await waitMarks(page, ['Daan', 'ff', '06-12345678']);
    const b = await waitBadge(page, (x) => x.state === 'ok' && x.errors >= 1);
    assert.equal(b.platform, 'facebook');
    await page.close();
  });

  it('does not run on a page on 127.0.0.1', async () => {
    const page = await env.context.newPage();
    await page.goto(`${plain.origin}/page.html?editor=textarea`);
    await page.waitForFunction(() => window.__ready && window.__boxes.main.el);
    await composer(page).click();
    await page.keyboard.type(TEXT);
    await page.waitForTimeout(1500); // far longer than a check takes where it runs
    assert.equal(await badgeCount(page), 0);
    assert.equal(await page.evaluate(() => !!document.querySelector('postwacht-ui')), false);
    await page.close();
  });
});

const skip = !hasFirefox() || typeof WebSocket !== 'function' ? 'Firefox ESR (or a WebSocket client) is not available' : false;
describe('the shipped Firefox extension', { skip }, () => {
  let ff;
  let server;
  before(async () => {
    server = await startServer(process.env.POSTWACHT_PAGES_BUILT ? PAGES_OUT : await buildPages(), { host: SHIPPED_HOST });
    ff = await launchFirefox(existsSync(XPI) ? XPI : FIREFOX, { localHost: SHIPPED_HOST });
  });
  after(async () => {
    if (ff) await ff.close();
    if (server) await server.close();
  });

  it(`checks a post on https://${SHIPPED_HOST}`, async () => {
    await ff.goto(`${server.origin}/page.html?editor=textarea`);
    await ff.waitFor(() => window.__ready && !!window.__boxes.main.el);
    // Postwacht's UI is closed to the page (and to WebDriver BiDi): what the page may read is
    // the postwacht:marks-updated event, with the badge's counts and the platform.
    await ff.evaluate(() => document.addEventListener('postwacht:marks-updated', (e) => (window.__marks = { errors: e.detail.errors, platform: e.detail.platform })));
    await ff.click('[data-test-composer="main"] textarea');
    await ff.type(TEXT);
    const b = await ff.waitFor(() => window.__marks && window.__marks.errors >= 1 && window.__marks, [], 30000);
    assert.equal(b.platform, 'facebook');
  });
});
