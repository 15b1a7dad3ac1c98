// The school's policy through browser policy, for real: a policy file in
// /etc/chromium/policies/managed/ naming the extension's ID (from the manifest's key) is read
// through chrome.storage.managed; the teacher cannot weaken it; editing the file while the
// browser runs changes the findings; a malformed policy gives a message and checking goes
// on. Every policy file written here is removed again (lib/policy-files.js).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setup, openEditor, composer, waitBadge, EXTENSION_DIR } from '../lib/helpers.js';
import { cleanupStale, writeChromiumPolicy, removeChromiumPolicies, chromiumExtensionPolicy, extensionIdFromKey } from '../lib/policy-files.js';

const ID = extensionIdFromKey(JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')).key);
// Chromium applies a changed policy file about 5 s after the change.
const POLICY_TIMEOUT = 30000;

const SCHOOL = { name: 'OBS De Wilgenhoek', aliases: ['De Wilgenhoek'] };
const ROSTER = [
  { name: 'Daan de Vries', group: '6', consent: { social: false, website: true, schoolapp: true } },
  { name: 'Noor Bakker', group: '6', consent: { social: true, website: true, schoolapp: true } },
];
// First the per-key form, as IT would fill it in a policy editor (types as managed_schema.json).
const FIRST = {
  school: SCHOOL,
  roster: ROSTER,
  staff: ['Marieke Jansen'],
  rules: { profanity: 'error', informal: 'warning' },
  extension: { allow_pause: false, allow_override: true },
};

let env;
let options;
const check = (text, attachments = []) =>
  options.evaluate(
    ([text, attachments]) => chrome.runtime.sendMessage({ type: 'check', text, locale: 'nl', context: { platform: 'facebook', account: 'personal', attachments } }),
    [text, attachments],
  );
const info = () => options.evaluate(() => chrome.runtime.sendMessage({ type: 'policy-info' })).then((r) => r.info);
async function until(what, fn, timeout = POLICY_TIMEOUT) {
  const start = Date.now();
  let last;
  while (Date.now() - start < timeout) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what}: not within ${timeout} ms`);
}
const rulesOf = (res) => (res && res.ok ? res.findings.map((f) => `${f.rule}:${f.severity}`) : []);

before(async () => {
  cleanupStale();
  writeChromiumPolicy('managed', chromiumExtensionPolicy(ID, FIRST));
  env = await setup();
  assert.equal(env.browser.extensionId, ID, 'the manifest key gives the documented ID');
  options = await env.context.newPage();
  await options.goto(`chrome-extension://${ID}/options/options.html`);
});
after(async () => {
  try {
    if (env) await env.close();
  } finally {
    removeChromiumPolicies();
  }
});

describe('managed policy (Chromium policy file)', () => {
  it('is read from the policy file: a roster pupil without social consent with a photo is an error', async () => {
    await until('managed policy in force', async () => (await info()).source === 'managed');
    const i = await info();
    assert.equal(i.name, 'OBS De Wilgenhoek');
    assert.deepEqual(i.problems, []);
    assert.equal(i.allow_pause, false);

    // In a composer, as a teacher types it, with a photo attached.
    const page = await openEditor(env, 'textarea', { query: '&postwacht-platform=facebook' });
    await composer(page).click();
    await page.keyboard.type('Daan de Vries uit groep 6 op de foto bij de voorleeswedstrijd.');
    await page.locator('[data-box="main"] input[type=file]').setInputFiles({ name: 'klas.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff]) });
    await waitBadge(page, (b) => b.attachments === 1 && b.errors >= 2 && b.state === 'ok'); // the name, and the photo
    await page.close();
    // The same post through the worker: the rule is photo-consent.no-consent.
    const res = await check('Daan de Vries uit groep 6 op de foto bij de voorleeswedstrijd.', [{ kind: 'image', name: 'klas.jpg' }]);
    assert.ok(rulesOf(res).includes('photo-consent.no-consent:error'), rulesOf(res).join(' '));
    // Noor has consent: no consent error for her.
    assert.ok(!rulesOf(await check('Noor Bakker op de foto.', [{ kind: 'image', name: 'a.jpg' }])).includes('photo-consent.no-consent:error'));
  });

  it('the options page and popup say the school set it', async () => {
    await options.reload();
    await options.locator('#policy-current[data-source="managed"]').waitFor();
    assert.match(await options.locator('#policy-current').textContent(), /OBS De Wilgenhoek \(Ingesteld door je school \(IT\)\)/);
    assert.equal(await options.locator('#policy-broken').isHidden(), true);
    const popup = await env.context.newPage();
    await popup.goto(`chrome-extension://${ID}/popup/popup.html`);
    await popup.locator('#policy[data-source="managed"]').waitFor();
    assert.match(await popup.locator('#policy').textContent(), /Ingesteld door je school \(IT\)/);
    await popup.close();
  });

  it("the teacher's options cannot switch off a rule the policy fixed, but can make one stricter", async () => {
    const sel = options.locator('#rule-profanity');
    await sel.waitFor();
    assert.equal(await sel.locator('option[value="off"]').isDisabled(), true);
    assert.equal(await sel.locator('option[value="warning"]').isDisabled(), true);
    // Even written straight into storage, "off" and a weaker severity are ignored...
    await options.evaluate(async () => {
      const { settings = {} } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: Object.assign({}, settings, { rules: { profanity: 'off', 'profanity.curse': 'info', confidential: 'off' } }) });
    });
    const curse = await check('Wat een kutdag vandaag.');
    assert.ok(rulesOf(curse).some((r) => r.startsWith('profanity.') && r.endsWith(':error')), rulesOf(curse).join(' '));
    assert.ok(rulesOf(await check('Bel me op 06-12345678')).includes('confidential.phone:error'));
    // ...while stricter is taken: chat-speak (warning in the policy) becomes an error.
    await options.reload();
    await options.locator('#rule-informal').selectOption('error');
    await until('teacher made informal stricter', async () => rulesOf(await check('Het was ff druk vandaag')).some((r) => r.startsWith('informal.') && r.endsWith(':error')), 10000);
    await options.locator('#rule-informal').selectOption('');
  });

  it('a change of the policy file while the browser runs changes the findings', async () => {
    assert.ok(rulesOf(await check('Bel me op 06-12345678')).includes('confidential.phone:error'));
    // Now the whole policy as one JSON string (policy_json), phone numbers switched off.
    writeChromiumPolicy('managed', chromiumExtensionPolicy(ID, {
      policy_json: JSON.stringify({ school: { name: 'OBS De Wilgenhoek II' }, roster: ROSTER, rules: { 'confidential.phone': 'off' } }),
    }));
    await until('new policy in force', async () => (await info()).name === 'OBS De Wilgenhoek II');
    assert.ok(!rulesOf(await check('Bel me op 06-12345678')).includes('confidential.phone:error'));
    // A composer that is open sees it too, without a reload.
    const page = await openEditor(env, 'textarea');
    await composer(page).click();
    await page.keyboard.type('Bel me op 06-12345678');
    await waitBadge(page, (b) => b.state === 'ok' && b.errors === 0);
    writeChromiumPolicy('managed', chromiumExtensionPolicy(ID, { policy_json: JSON.stringify({ school: { name: 'OBS De Wilgenhoek III' } }) }));
    await waitBadge(page, (b) => b.state === 'ok' && b.errors === 1, 'main', POLICY_TIMEOUT);
    await page.close();
  });

  it('a malformed policy gives the teacher a message and IT the details, and checking goes on', async () => {
    writeChromiumPolicy('managed', chromiumExtensionPolicy(ID, {
      policy_json: JSON.stringify({
        school: { name: 'OBS Kapot' },
        roster: [{ group: '6' }, { name: 'Daan de Vries', group: '6', consent: { social: 'nee' } }],
        rules: { 'profanity.kurse': 'off', informal: 'hard' },
        extension: { allow_pause: 'nee' },
      }),
    }));
    await until('broken policy in force', async () => (await info()).name === 'OBS Kapot');
    const problems = (await info()).problems;
    for (const p of ['roster[0]', 'roster[1].consent.social', 'rules.profanity.kurse: unknown rule id', 'rules.informal', 'extension.allow_pause']) {
      assert.ok(problems.some((x) => x.startsWith(p)), `${p} in ${JSON.stringify(problems)}`);
    }
    await options.reload();
    await options.locator('#policy-broken').waitFor();
    assert.match(await options.locator('#policy-broken-msg').textContent(), /bevat fouten.*blijft controleren/);
    await options.locator('#policy-details summary').click();
    const details = await options.locator('#policy-problems').textContent();
    // The options page speaks one language (Dutch here), the core's problems included.
    assert.match(details, /rules\.profanity\.kurse: onbekende regel/);
    assert.match(details, /roster\[0\]/);
    const popup = await env.context.newPage();
    await popup.goto(`chrome-extension://${ID}/popup/popup.html`);
    await popup.locator('#policy-broken').waitFor();
    await popup.close();
    // Checking goes on with the valid parts: the valid pupil, phone numbers, curses.
    const rules = rulesOf(await check('Daan de Vries was ziek, bel 06-12345678, wat een kutdag'));
    assert.ok(rules.includes('confidential.phone:error'), rules.join(' '));
    assert.ok(rules.some((r) => r.startsWith('student-name.')), rules.join(' '));
    assert.ok(rules.some((r) => r.startsWith('profanity.')), rules.join(' '));

    // Not JSON at all in policy_json: said so, and the default rules still check.
    writeChromiumPolicy('managed', chromiumExtensionPolicy(ID, { policy_json: '{"school": {"name": "OBS Half"' }));
    await until('unparsable policy reported', async () => (await info()).problems.some((p) => p.startsWith('policy_json: not valid JSON')));
    assert.ok(rulesOf(await check('Bel me op 06-12345678')).includes('confidential.phone:error'));
  });
});
