// What docs/privacy.md promises about storage and messages (issue 14), in Chromium with the
// test build:
//   - an imported policy is not in chrome.storage (content scripts can read that) and is not
//     broadcast to tabs through storage.onChanged; it lives in the extension origin's
//     IndexedDB;
//   - with a hashed roster, no pupil's name is stored in clear text anywhere the extension
//     stores things (chrome.storage.local/sync/session, its IndexedDB);
//   - nothing about findings or overrides outlives the browser session: after a session with
//     findings and a "toch plaatsen" with a reason, chrome.storage.local and sync hold only
//     the settings, and the override log is in storage.session (memory only);
//   - the service worker answers a content script only what content scripts may ask, and a
//     page cannot reach it at all.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setup, openEditor, composer, waitBadge, waitMarks, ui, REPO, openOptions, importPolicy } from '../lib/helpers.js';

const PLAIN = readFileSync(join(REPO, 'tests', 'e2e', 'fixtures', 'school.json'), 'utf8');
// The same school, its roster hashed by `postwacht policy build` (fixtures/README.md).
const HASHED = readFileSync(join(REPO, 'tests', 'e2e', 'fixtures', 'school-hashed.json'), 'utf8');
const NAMES = ['Daan', 'Vries', 'Noor', 'Bakker', 'Mehmet', 'Öztürk', 'Ozturk'];
/** Does `text` name `name` as a word (the school board is "... Noord")? */
const names = (/** @type {string} */ text, /** @type {string} */ name) => new RegExp(`(?<![\\p{L}])${name}(?![\\p{L}])`, 'iu').test(text);

let env;
let options;
before(async () => {
  env = await setup();
  options = await openOptions(env);
});
after(async () => {
  await env.close();
});

/** Everything the extension keeps, as text: the storage areas and its IndexedDB. */
async function everythingStored() {
  return env.browser.serviceWorker().evaluate(async () => {
    const areas = {
      local: await chrome.storage.local.get(null),
      sync: await chrome.storage.sync.get(null).catch(() => ({})),
      session: await chrome.storage.session.get(null),
    };
    const idb = {};
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise((res, rej) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error);
      });
      for (const store of db.objectStoreNames) {
        idb[`${name}/${store}`] = await new Promise((res, rej) => {
          const r = db.transaction(store).objectStore(store).getAll();
          r.onsuccess = () => res(r.result);
          r.onerror = () => rej(r.error);
        });
      }
      db.close();
    }
    return { areas, idb };
  });
}

describe('storage', () => {
  it('keeps an imported policy out of chrome.storage and away from the tabs', async () => {
    const page = await openEditor(env, 'textarea');
    // What a content script could see: storage.onChanged in the page's tab.
    await page.evaluate(() => {
      window.__seen = [];
    });
    await importPolicy(options, PLAIN, 'school.json', { ok: true });
    // The policy is in force: the roster is used.
    await composer(page).click();
    await page.keyboard.type('Gisteren met Noor Bakker naar de bieb.');
    await waitMarks(page, ['Noor']);
    const { areas, idb } = await everythingStored();
    assert.ok(!names(JSON.stringify(areas), 'Bakker'), `chrome.storage holds the roster: ${JSON.stringify(areas).slice(0, 300)}`);
    assert.ok(!('imported_policy' in areas.local));
    assert.ok(JSON.stringify(idb).includes('OBS De Regenboog'), 'the policy is in the extension origin\'s IndexedDB');
    await page.close();
  });

  it('with a hashed roster, stores no pupil name in clear text anywhere', async () => {
    assert.ok(!NAMES.some((n) => names(HASHED, n)), 'the fixture itself is hashed');
    await importPolicy(options, HASHED, 'school-hashed.json', { ok: true });
    await options.locator('#policy-current').filter({ hasText: /OBS De Regenboog/ }).waitFor({ timeout: 15000 });
    const page = await openEditor(env, 'textarea');
    await composer(page).click();
    await page.keyboard.type('Daan uit groep 6 was ff ziek.');
    // The hashed roster still finds the pupil.
    await waitMarks(page, ['Daan']);
    const stored = JSON.stringify(await everythingStored());
    for (const n of NAMES) assert.ok(!names(stored, n), `${n} is stored in clear text`);
    await page.close();
  });

  it('keeps nothing about findings or overrides beyond the session', async () => {
    const policy = JSON.parse(PLAIN);
    policy.extension = { override_needs_reason: true };
    await importPolicy(options, JSON.stringify(policy), 'reden.json', { ok: true });
    const page = await openEditor(env, 'textarea');
    await composer(page).click();
    await page.keyboard.type('Bel me op 06-12345678');
    await waitBadge(page, (b) => b.errors === 1);
    await page.locator('.publish').click();
    const guard = ui(page, '[data-postwacht-guard]');
    await guard.waitFor();
    await guard.locator('[data-guard-reason]').fill('Nummer van de school');
    await guard.locator('[data-guard-post]').click();
    await page.waitForFunction(() => window.__published.length === 1);
    const { areas } = await everythingStored();
    // What outlives the browser: storage.local and sync. Only the settings (language,
    // accounts, pauses, the teacher's own rule levels) may be there.
    assert.deepEqual(Object.keys(areas.local).filter((k) => k !== 'settings'), []);
    assert.deepEqual(Object.keys(areas.sync), []);
    const durable = JSON.stringify([areas.local, areas.sync]);
    for (const s of ['06-12345678', 'Nummer van de school', 'confidential', 'override']) assert.ok(!durable.includes(s), s);
    // The session log (memory only, gone when the browser closes) has the reason and never
    // the post.
    const log = areas.session.overrides;
    assert.equal(log.length, 1);
    assert.equal(log[0].reason, 'Nummer van de school');
    assert.ok(!JSON.stringify(areas.session).includes('06-12345678'));
    await page.close();
  });

  it('moves a policy an older version left in storage.local', async () => {
    await env.browser.serviceWorker().evaluate(async (json) => {
      await chrome.storage.local.set({ imported_policy: { json, name: 'Oud', imported_at: '2025-01-01T00:00:00Z' }, overrides: [{ reason: 'oud' }] });
    }, PLAIN);
    await options.reload();
    await options.locator('#policy-current').filter({ hasText: /OBS De Regenboog/ }).waitFor({ timeout: 15000 });
    const sw = env.browser.serviceWorker();
    await sw.evaluate(async () => {
      for (let i = 0; i < 50 && Object.keys(await chrome.storage.local.get(['imported_policy', 'overrides'])).length; i++) await new Promise((r) => setTimeout(r, 100));
    });
    const { areas } = await everythingStored();
    assert.deepEqual(Object.keys(areas.local).filter((k) => k !== 'settings'), []);
  });
});

describe('messages', () => {
  it("answers a content script only what content scripts may ask, without the policy's problem texts", async () => {
    const page = await openEditor(env, 'textarea');
    // The content script's own world in this tab (Playwright evaluates in the main world,
    // so the isolated world is reached through the DevTools protocol).
    const cdp = await env.context.newCDPSession(page);
    const contexts = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    const world = contexts.find((c) => c.origin.startsWith('chrome-extension://') || (c.auxData && c.auxData.type === 'isolated'));
    assert.ok(world, 'the content script world');
    const ask = async (msg) => {
      const r = await cdp.send('Runtime.evaluate', { expression: `chrome.runtime.sendMessage(${JSON.stringify(msg)})`, contextId: world.id, awaitPromise: true, returnByValue: true });
      return r.result.value;
    };
    const checked = await ask({ type: 'check', text: 'ff', context: { platform: 'other' }, locale: 'nl' });
    assert.equal(checked.ok, true);
    for (const type of ['import-policy', 'remove-policy', 'validate-policy', 'ping']) {
      const res = await ask({ type, json: '{}' });
      assert.equal(res.ok, false, type);
      assert.match(res.error, /not allowed/);
    }
    const info = await ask({ type: 'policy-info' });
    assert.equal(info.ok, true);
    assert.deepEqual(info.info.problems, []);
    // The page's own world has no way to message the extension.
    assert.equal(await page.evaluate(() => typeof (window.chrome && window.chrome.runtime && window.chrome.runtime.sendMessage)), 'undefined');
    await page.close();
  });
});
