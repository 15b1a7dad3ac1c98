// The popup and the options page as a teacher uses them: language, importing the school's
// policy file, pausing on a site, and what the school's policy may forbid.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setup, openEditor, composer, waitBadge, waitMarks, badgeCount, hoverMark, ui, REPO, openOptions, importPolicy } from '../lib/helpers.js';

const POLICY = readFileSync(join(REPO, 'tests', 'e2e', 'fixtures', 'school.json'));

let env;
let options;
before(async () => {
  env = await setup();
  options = await openOptions(env);
});
after(async () => {
  await env.close();
});

describe('options page', () => {
  it('imports the school policy file, and the roster is used at once', async () => {
    await importPolicy(options, POLICY);
    await options.locator('#policy-result.ok').waitFor();
    assert.match(await options.locator('#policy-result').textContent(), /OBS De Regenboog/);
    // Right after the browser starts, the first read of managed storage takes a few seconds.
    await options.locator('#policy-current').filter({ hasText: /OBS De Regenboog/ }).waitFor({ timeout: 15000 });

    const page = await openEditor(env, 'textarea');
    await composer(page).click();
    await page.keyboard.type('Gisteren met Noor Bakker naar de bieb geweest.');
    await waitMarks(page, ['Noor']);
    await page.close();
  });

  it('refuses a broken policy file and says what is wrong', async () => {
    await importPolicy(options, Buffer.from('{"school": {"name": 5}, "roster": "niemand"}'), 'kapot.json');
    await options.locator('#policy-result.error').waitFor();
    assert.ok((await options.locator('#policy-result').textContent()).length > 20);
    // The good policy stays in force.
    await options.locator('#policy-current').filter({ hasText: /OBS De Regenboog/ }).waitFor({ timeout: 15000 });
  });

  it('switches the language of the findings and of Postwacht itself to English', async () => {
    const page = await openEditor(env, 'textarea');
    await composer(page).click();
    await page.keyboard.type('Bel me ff op 06-12345678');
    await waitBadge(page, (b) => b.errors === 1);
    const nlMessage = await (await hoverMark(page, 'ff')).locator('.msg').textContent();

    await options.locator('input[name=language][value=en]').check();
    await options.getByRole('heading', { name: 'Postwacht – settings' }).waitFor();
    await waitBadge(page, (b) => /error/.test(b.label));
    await page.mouse.move(5, 5);
    await ui(page, '[data-postwacht-card]').waitFor({ state: 'detached' });
    const card = await hoverMark(page, 'ff');
    const enMessage = await card.locator('.msg').textContent();
    assert.notEqual(enMessage, nlMessage);
    assert.equal(await card.locator('[data-ignore]').textContent(), 'ignore');

    await options.locator('input[name=language][value=nl]').check();
    await waitBadge(page, (b) => /fout/.test(b.label));
    await page.close();
  });
});

describe('account per site', () => {
  it('checks posts on a site set to "namens de school" as school posts', async () => {
    await options.locator('#site-host').fill('127.0.0.1');
    await options.locator('#site-account').selectOption('school');
    await options.locator('#site-account-form button[type=submit]').click();
    await options.locator('#site-accounts li').first().waitFor();
    const page = await openEditor(env, 'textarea');
    await composer(page).click();
    await page.keyboard.type('Hallo');
    await waitBadge(page, (b) => b.account === 'school');
    await options.locator('#site-accounts li button').first().click();
    await options.locator('#site-accounts li').first().waitFor({ state: 'detached' });
    await waitBadge(page, (b) => b.account === 'personal');
    await page.close();
  });
});

describe('popup', () => {
  async function popupFor(page) {
    const id = await env.browser.serviceWorker().evaluate(async (url) => (await chrome.tabs.query({ url })).map((t) => t.id)[0], page.url());
    const popup = await env.context.newPage();
    await popup.goto(`chrome-extension://${env.browser.extensionId}/popup/popup.html?tab=${id}`);
    return popup;
  }

  it('shows the counts for the tab and pauses and resumes on this site', async () => {
    const page = await openEditor(env, 'contenteditable');
    await composer(page).click();
    await page.keyboard.type('Bel me op 06-12345678');
    await waitBadge(page, (b) => b.errors === 1);
    const popup = await popupFor(page);
    await popup.locator('#counts:not([hidden])').waitFor();
    assert.match(await popup.locator('#counts').textContent(), /1 fout/);
    await popup.locator('#pause').click();
    await ui(page, '[data-postwacht-badge]').waitFor({ state: 'detached' });
    assert.equal(await badgeCount(page), 0);
    await popup.locator('#status').filter({ hasText: 'Gepauzeerd' }).waitFor();
    await popup.locator('#pause').click();
    await composer(page).click();
    await page.keyboard.type('!');
    await waitBadge(page, (b) => b.errors === 1);
    await popup.close();
    await page.close();
  });

  it('does not offer pausing or posting anyway when the school forbids it', async () => {
    const strict = JSON.parse(POLICY.toString());
    strict.extension = { allow_pause: false, allow_override: false };
    await importPolicy(options, Buffer.from(JSON.stringify(strict)), 'streng.json');
    await options.locator('#policy-result.ok').waitFor();

    const page = await openEditor(env, 'textarea');
    await composer(page).click();
    await page.keyboard.type('Bel me op 06-12345678');
    await waitBadge(page, (b) => b.errors === 1);
    const popup = await popupFor(page);
    await popup.locator('#pause-note:not([hidden])').waitFor();
    assert.equal(await popup.locator('#pause').isHidden(), true);
    await popup.close();

    await composer(page).focus();
    await page.keyboard.press('Control+Enter');
    const guard = ui(page, '[data-postwacht-guard]');
    await guard.waitFor();
    assert.equal(await guard.locator('[data-guard-post]').count(), 0);
    await guard.locator('[data-guard-back]').click();
    assert.deepEqual(await page.evaluate(() => window.__published), []);
    await page.close();

    await options.locator('#policy-remove').click();
    await options.locator('#policy-remove').waitFor({ state: 'hidden' });
  });

  it('asks for a reason before posting anyway when the school wants one', async () => {
    const policy = JSON.parse(POLICY.toString());
    policy.extension = { override_needs_reason: true };
    await importPolicy(options, Buffer.from(JSON.stringify(policy)), 'reden.json');
    await options.locator('#policy-result.ok').waitFor();

    const page = await openEditor(env, 'textarea');
    await composer(page).click();
    await page.keyboard.type('Bel me op 06-12345678');
    await waitBadge(page, (b) => b.errors === 1);
    await page.locator('.publish').click();
    const guard = ui(page, '[data-postwacht-guard]');
    await guard.waitFor();
    const post = guard.locator('[data-guard-post]');
    assert.equal(await post.isDisabled(), true);
    await guard.locator('[data-guard-reason]').fill('Nummer van de school, mag gedeeld');
    assert.equal(await badgeCount(page), 1, 'the reason field is not checked as a composer');
    await post.click();
    await page.waitForFunction(() => window.__published.length === 1);
    // Kept for the browser session only (storage.session), never in storage.local.
    const log = await env.browser.serviceWorker().evaluate(async () => (await chrome.storage.session.get('overrides')).overrides);
    assert.equal(await env.browser.serviceWorker().evaluate(async () => (await chrome.storage.local.get('overrides')).overrides), undefined);
    assert.equal(log.length, 1);
    assert.equal(log[0].reason, 'Nummer van de school, mag gedeeld');
    assert.ok(!JSON.stringify(log).includes('06-12345678'), 'the post itself is not kept');
    await page.close();
    await options.locator('#policy-remove').click();
    await options.locator('#policy-remove').waitFor({ state: 'hidden' });
  });
});
