// The post's real context on pages built like the real sites (issue 10): a school-parent
// app (a class group and a chat with a parent), a Facebook page whose comment box shows
// the identity it writes as, and a parent's comment with a reply box nested in it. Nothing
// on these pages tags the account or the addressee for Postwacht: it reads what the site
// shows. And whatever it decides, nothing is written into the draft.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setup, composer, waitBadge, hoverMark, ui, REPO } from '../lib/helpers.js';

let env;
before(async () => {
  env = await setup();
  // The school's policy, imported as a teacher would (options page): OBS De Regenboog.
  const json = readFileSync(join(REPO, 'tests', 'e2e', 'fixtures', 'school.json'), 'utf8');
  await env.browser.serviceWorker().evaluate(async (j) => {
    await chrome.storage.local.set({ imported_policy: { json: j, name: 'OBS De Regenboog', imported_at: new Date().toISOString() } });
  }, json);
});
after(async () => {
  await env.close();
});

async function open(path) {
  const page = await env.context.newPage();
  page.on('pageerror', (e) => console.error(`[${path}] pageerror: ${e.message}`));
  await page.goto(`${env.server.origin}/${path}`);
  return page;
}

/** The draft as the site has it (value of a textarea, text of a contenteditable). */
function getTextOf(page, box) {
  return composer(page, box).evaluate((el) => ('value' in el ? el.value : el.innerText).replace(/\n$/, ''));
}

async function type(page, box, text) {
  await composer(page, box).click();
  await page.keyboard.type(text);
}

const ANNOUNCE = 'Beste ouders van groep 6, morgen is de sportdag. Neem gymschoenen mee!';
const ARGUE = 'Nee, dat klopt niet. Het beleid is duidelijk, daar maken we geen uitzondering op.';

describe('a school-parent app', () => {
  it('counts as the school channel: a message to the parents of a class gets no "op persoonlijke titel"', async () => {
    const page = await open('schoolapp.html');
    await type(page, 'announce', ANNOUNCE);
    const b = await waitBadge(page, (x) => x.state === 'ok' && x.account === 'school', 'announce');
    assert.equal(b.platform, 'schoolapp');
    assert.equal(b.warnings + b.errors, 0, JSON.stringify(b));
    assert.equal(await getTextOf(page, 'announce'), ANNOUNCE);
    await page.close();
  });

  it('reads the parent message a chat reply answers, warns about the discussion, and remembers a correction for the thread', async () => {
    const page = await open('schoolapp.html');
    await type(page, 'chat', ARGUE);
    const b = await waitBadge(page, (x) => x.replyTo === 'parent' && x.warnings >= 1, 'chat');
    assert.equal(b.account, 'school');
    const card = await hoverMark(page, 'Nee, dat klopt niet.');
    assert.equal(await card.getAttribute('data-rule'), 'discussion.public-reply');
    const line = card.locator('[data-postwacht-addressee="parent"]');
    assert.match(await line.textContent(), /Mijn zoon/);
    // One click: "not a parent or pupil".
    await line.locator('[data-reply-set="none"]').click();
    await waitBadge(page, (x) => x.replyTo === 'other' && x.warnings === 0, 'chat');
    assert.equal(await getTextOf(page, 'chat'), ARGUE);
    // The choice holds for this thread after a reload.
    await page.waitForTimeout(300);
    await page.reload();
    await type(page, 'chat', ARGUE);
    const again = await waitBadge(page, (x) => x.state === 'ok' && x.replyTo === 'other', 'chat');
    assert.equal(again.warnings, 0, JSON.stringify(again));
    await page.close();
  });
});

describe('a Facebook page and a comment thread', () => {
  it('writes as the school where the composer shows the school page identity, as the teacher elsewhere', async () => {
    const page = await open('fbpage.html');
    const text = 'Morgen is er een studiedag, de school is dan dicht.';
    await type(page, 'page', text);
    const asPage = await waitBadge(page, (x) => x.state === 'ok' && x.account === 'school', 'page');
    assert.equal(asPage.warnings + asPage.errors, 0, JSON.stringify(asPage));
    await type(page, 'own', text);
    const own = await waitBadge(page, (x) => x.state === 'ok' && x.account === 'personal' && x.warnings >= 1, 'own');
    assert.equal(own.platform, 'facebook');
    assert.equal(await getTextOf(page, 'page'), text);
    assert.equal(await getTextOf(page, 'own'), text);
    await page.close();
  });

  it('reads the parent comment a nested reply box answers and warns about arguing in public', async () => {
    const page = await open('fbpage.html');
    const text = 'Dat is niet waar, dat hebben we al drie keer uitgelegd.';
    await type(page, 'reply', text);
    // Two warnings: the discussion, and no capacity statement from a personal account.
    const b = await waitBadge(page, (x) => x.replyTo === 'parent' && x.warnings >= 2, 'reply');
    assert.equal(b.account, 'personal');
    // Written as the teacher herself: a disclaimer finding covers the whole post as well, so
    // the discussion card is opened from the badge panel.
    await ui(page, '[data-postwacht-badge]').click();
    const panel = ui(page, '[data-postwacht-panel]');
    await panel.waitFor();
    const items = panel.locator('.item');
    let item = null;
    for (let i = 0; i < (await items.count()); i++) {
      if ((await items.nth(i).textContent()).includes('discussie')) item = items.nth(i);
    }
    if (!item) throw new Error('no discussion item in the panel: ' + (await panel.textContent()));
    await item.click();
    const card = ui(page, '[data-postwacht-card]');
    await card.waitFor({ state: 'visible' });
    assert.equal(await card.getAttribute('data-rule'), 'discussion.public-reply');
    assert.match(await card.locator('[data-postwacht-addressee]').textContent(), /mijn dochter/i);
    assert.equal(await getTextOf(page, 'reply'), text);
    await page.close();
  });
});

describe('per-site account', () => {
  it('remembers "post as the school" for the site across a reload', async () => {
    const page = await open('page.html?editor=textarea');
    await page.waitForFunction(() => window.__ready && window.__boxes.main && window.__boxes.main.el);
    await type(page, 'main', 'Trots op groep 6 vandaag!');
    await waitBadge(page, (x) => x.state === 'ok' && x.account === 'personal');
    await ui(page, '[data-postwacht-badge]').click();
    await ui(page, '[data-postwacht-panel] [data-account-school]').check();
    await waitBadge(page, (x) => x.account === 'school');
    await page.waitForTimeout(300);
    await page.reload();
    await page.waitForFunction(() => window.__ready && window.__boxes.main && window.__boxes.main.el);
    await type(page, 'main', 'Trots op groep 6 vandaag!');
    const b = await waitBadge(page, (x) => x.state === 'ok');
    assert.equal(b.account, 'school');
    await page.close();
  });
});
