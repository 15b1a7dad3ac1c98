// Force-install as a school's IT does it: scripts/package.sh signs a CRX3 of the shipped
// build (dist/chrome) with a key made
// for this test (never committed) and writes updates.xml naming a local server; a Chromium
// policy file (ExtensionSettings force_installed + update_url, and the extension's managed
// policy under 3rdparty) makes Chromium fetch and install it, without --load-extension; the
// installed extension then checks with the managed policy. Every policy file is removed.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../lib/browser.js';
import { SHIPPED_DIR, REPO } from '../lib/helpers.js';
import { cleanupStale, writeChromiumPolicy, removeChromiumPolicies } from '../lib/policy-files.js';

let tmp;
let id;
let base;
let server;
let context;
let profile;
let prefix;
const requests = [];

const POLICY = {
  school: { name: 'OBS Het Uitrolpunt' },
  roster: [{ name: 'Daan de Vries', group: '6', consent: { social: false } }],
};

before(async () => {
  cleanupStale();
  tmp = mkdtempSync(join(tmpdir(), 'postwacht-crx-'));
  server = http.createServer((req, res) => {
    requests.push(req.url);
    const name = new URL(req.url, 'http://x').pathname.slice(1);
    const type = { 'updates.xml': 'text/xml', 'postwacht.crx': 'application/x-chrome-extension' }[name];
    if (!type) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': type }).end(readFileSync(join(tmp, 'out', name)));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${server.address().port}`;
  // A signing key for this test only, in a temporary directory.
  execFileSync('openssl', ['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', join(tmp, 'test-key.pem')], { stdio: 'ignore' });
  id = execFileSync('bash', [join(REPO, 'scripts', 'package.sh'), '--key', join(tmp, 'test-key.pem'), '--base-url', base, '--out', join(tmp, 'out'), SHIPPED_DIR], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  assert.match(id, /^[a-p]{32}$/);
});

after(async () => {
  try {
    if (context) await context.close().catch(() => {});
    await new Promise((r) => (server ? server.close(r) : r()));
  } finally {
    removeChromiumPolicies();
    if (profile) rmSync(profile, { recursive: true, force: true });
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
});

describe('force-install from a self-hosted updates.xml', () => {
  it('installs the signed CRX through ExtensionSettings, and it reads its managed policy', async () => {
    // The filled-in deploy template for Linux is the policy file itself (plus this test's
    // managed policy and DeveloperToolsAvailability, so the test can reach the worker).
    const template = JSON.parse(readFileSync(join(tmp, 'out', 'deploy', 'chromium-linux-policy.json'), 'utf8'));
    assert.equal(template.ExtensionSettings[id].update_url, `${base}/updates.xml`);
    template.DeveloperToolsAvailability = 1;
    template['3rdparty'].extensions[id] = { policy_json: JSON.stringify(POLICY) };
    writeChromiumPolicy('force-install', template);

    profile = mkdtempSync(join(tmpdir(), 'postwacht-profile-'));
    // No --load-extension; and no --disable-background-networking: with it Chromium never
    // asks for updates.xml. Every host but 127.0.0.1 still fails to resolve.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      // Playwright adds both by default.
      ignoreDefaultArgs: ['--disable-extensions', '--disable-background-networking'],
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--no-default-browser-check', '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
    });
    prefix = `chrome-extension://${id}/`;
    let sw = context.serviceWorkers().find((w) => w.url().startsWith(prefix));
    if (!sw) {
      sw = await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(prefix), timeout: 90000 }).catch((e) => {
        throw new Error(`${e.message}; requests to the update server: ${JSON.stringify(requests)}`);
      });
    }
    assert.ok(requests.some((u) => u.startsWith('/updates.xml')), requests.join(' '));
    assert.ok(requests.includes('/postwacht.crx'), requests.join(' '));
    assert.equal(await sw.evaluate(() => chrome.runtime.id), id);

    // Right after a force-install managed storage can still be empty for a moment.
    const page = await context.newPage();
    await page.goto(`${prefix}options/options.html`);
    const start = Date.now();
    let info;
    while (Date.now() - start < 30000) {
      info = (await page.evaluate(() => chrome.runtime.sendMessage({ type: 'policy-info' }))).info;
      if (info.source === 'managed') break;
      await page.waitForTimeout(250);
    }
    assert.equal(info.source, 'managed');
    assert.equal(info.name, 'OBS Het Uitrolpunt');
    const res = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'check', text: 'Daan de Vries op de foto', locale: 'nl', context: { platform: 'facebook', attachments: [{ kind: 'image', name: 'a.jpg' }] } }));
    const rules = res.findings.map((f) => f.rule);
    assert.ok(rules.includes('photo-consent.no-consent'), rules.join(' '));
  });

  // Issue 9, item 3, for real (needs the force-install above, so it runs only where the
  // machine-global policy files may be written): IT's policy names another extension ID.
  it('a managed policy written for another extension ID: the options page and popup say none reached Postwacht, with its ID', async () => {
    assert.ok(context && prefix, 'the extension was force-installed by the test before');
    const template = JSON.parse(readFileSync(join(tmp, 'out', 'deploy', 'chromium-linux-policy.json'), 'utf8'));
    template.DeveloperToolsAvailability = 1;
    template['3rdparty'] = { extensions: { aaaabbbbccccddddeeeeffffgggghhhh: { policy_json: JSON.stringify(POLICY) } } };
    writeChromiumPolicy('force-install', template);
    // Chromium reads a changed policy file after about 5 s; the pages follow storage.onChanged.
    const options = await context.newPage();
    await options.goto(`${prefix}options/options.html`);
    const notice = options.locator('#policy-managed-none');
    await notice.waitFor({ timeout: 60000 });
    assert.ok((await notice.innerText()).includes(id), await notice.innerText());
    assert.equal(await options.locator('#policy-current').getAttribute('data-source'), 'default');
    const popup = await context.newPage();
    await popup.goto(`${prefix}popup/popup.html`);
    const line = popup.locator('#policy-broken');
    await line.waitFor({ timeout: 15000 });
    assert.match(await line.innerText(), /Beheerd door je school, maar er is geen protocol van school aangekomen/);
    await popup.close();
    await options.close();
  });
});
