// The publish guard and the counts as a teacher meets them (issue 9, the remaining items):
// a post whose check is still under way is held and then released or explained (item 13);
// a chat box marked aria-multiline whose page sends on Enter is held on the first Enter,
// while Shift+Enter and a multi-line composer's Enter still add lines (item 2); a paused
// site sends no check, not even before the settings are read; and the badge and popup add
// up the counts of composers in two frames. Pages: pages/src/guard.js, page.js.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openEditor, composer, getText, waitText, waitBadge, hoverMark, ui, published } from '../lib/helpers.js';

let env;
let sw;
before(async () => {
  env = await setup();
  sw = () => env.browser.serviceWorker();
});
after(async () => {
  await env.close();
});

const guard = (page, opts) => ui(page, '[data-postwacht-guard]', opts);

async function openCase(query) {
  const page = await env.context.newPage();
  page.on('pageerror', (e) => console.error(`[guard ${query}] pageerror: ${e.message}`));
  await page.goto(`${env.server.origin}/guard.html?${query}`);
  await page.waitForFunction(() => window.__ready);
  return page;
}

/**
 * Keeps the service worker busy for `ms` (a long task, as when it compiles a big roster
 * after a restart): every message to it waits, so a check started meanwhile is pending.
 */
const blockWorker = (ms) => sw().evaluate((ms) => {
  setTimeout(() => {
    const end = Date.now() + ms;
    while (Date.now() < end) { /* busy */ }
  }, 0);
}, ms);

describe('item 13: a check still under way holds the post', () => {
  it('held with a message while pending, then published once the answer finds nothing', async () => {
    const page = await openEditor(env, 'textarea');
    await composer(page).click();
    await page.keyboard.type('Hallo allemaal');
    await waitBadge(page, (b) => b.state === 'ok' && b.errors === 0);
    await blockWorker(7000);
    await page.keyboard.type(', tot morgen');
    const clicked = Date.now();
    await page.locator('.publish').click();
    const g = guard(page);
    await g.waitFor({ timeout: 6500 });
    assert.equal(await g.locator('[data-guard-failed]').getAttribute('data-guard-failed'), 'pending');
    assert.deepEqual(await published(page), [], 'nothing published while the check is pending');
    // The answer comes (nothing wrong): the dialog goes and the post goes out.
    await page.waitForFunction(() => window.__published.length === 1, null, { timeout: 20000 });
    console.log(`pending check: published ${Date.now() - clicked} ms after the click`);
    assert.ok(Date.now() - clicked > 3000, 'not before the worker answered');
    assert.deepEqual(await published(page), [{ box: 'main', text: 'Hallo allemaal, tot morgen' }]);
    await g.waitFor({ state: 'detached' });
    await page.close();
  });

  it('held with a message while pending, then the errors the answer found are listed', async () => {
    const page = await openEditor(env, 'textarea');
    await composer(page).click();
    await page.keyboard.type('Bel me op');
    await waitBadge(page, (b) => b.state === 'ok' && b.errors === 0);
    await blockWorker(7000);
    await page.keyboard.type(' 06-12345678');
    await page.locator('.publish').click();
    const g = guard(page);
    await g.waitFor({ timeout: 6500 });
    assert.equal(await g.locator('[data-guard-failed]').getAttribute('data-guard-failed'), 'pending');
    // The answer comes: the dialog now lists the error, and still nothing is published.
    const start = Date.now();
    while (Date.now() - start < 20000 && (await g.locator('[data-guard-failed]').count())) await page.waitForTimeout(100);
    assert.equal(await g.locator('[data-guard-failed]').count(), 0, 'the pending message gave way to the answer');
    assert.match(await g.locator('li').first().textContent(), /06-12345678/);
    assert.deepEqual(await published(page), []);
    await g.locator('[data-guard-back]').click();
    await g.waitFor({ state: 'detached' });
    assert.equal(await getText(page), 'Bel me op 06-12345678', 'the draft is kept');
    assert.deepEqual(await published(page), []);
    await page.close();
  });
});

describe('item 2: a chat box marked aria-multiline that sends on Enter', () => {
  for (const [name, query] of [
    ['labelled as a message, with a send button', 'case=chat-ml'],
    ['labelled as a message, no button', 'case=chat-ml&button=0'],
    ['with a send button, a neutral label', 'case=chat-ml&label=' + encodeURIComponent('Wat wil je zeggen?')],
  ]) {
    it(`${name}: the first Enter is held; Shift+Enter adds a line; "toch plaatsen" sends`, async () => {
      const page = await openCase(query);
      await composer(page).click();
      await page.keyboard.type('Bel me op 06-12345678');
      await waitBadge(page, (b) => b.errors >= 1);
      await page.keyboard.press('Enter');
      await guard(page).waitFor();
      assert.deepEqual(await published(page), [], 'the first Enter did not send');
      await guard(page).locator('[data-guard-back]').click();
      await guard(page).waitFor({ state: 'detached' });
      assert.equal(await getText(page), 'Bel me op 06-12345678', 'the draft is kept');

      // Shift+Enter: a new line, no dialog.
      await page.keyboard.press('End');
      await page.keyboard.press('Shift+Enter');
      await page.keyboard.type('Groetjes');
      await waitText(page, 'Bel me op 06-12345678\nGroetjes');
      assert.equal(await guard(page).count(), 0, 'Shift+Enter opens no dialog');

      await page.keyboard.press('Enter');
      await guard(page).waitFor();
      assert.deepEqual(await published(page), []);
      await guard(page).locator('[data-guard-post]').click();
      await page.waitForFunction(() => window.__published.length === 1);
      assert.deepEqual(await published(page), [{ box: 'main', text: 'Bel me op 06-12345678\nGroetjes' }]);
      await page.close();
    });
  }

  it('a multi-line post composer (aria-multiline, a "Plaatsen" button): Enter adds a line, the button is held', async () => {
    const page = await openCase('case=post-ml');
    await composer(page).click();
    await page.keyboard.type('Bel me op 06-12345678');
    await waitBadge(page, (b) => b.errors >= 1);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Groet');
    await waitText(page, 'Bel me op 06-12345678\nGroet');
    assert.equal(await guard(page).count(), 0, 'Enter in a post composer opens no dialog');
    await page.locator('.publish').click();
    await guard(page).waitFor();
    assert.deepEqual(await published(page), []);
    await guard(page).locator('[data-guard-back]').click();
    await page.close();
  });
});

describe('item 2: a box that looks like a chat box but where Enter adds a line', () => {
  it('the first Enter is held; "toch plaatsen" adds the line, and later Enters are not held', async () => {
    // Labelled as a comment (where many sites send on Enter), but this page leaves Enter to
    // the browser: a new line.
    const page = await openCase('case=post-ml&label=' + encodeURIComponent('Schrijf een reactie'));
    await composer(page).click();
    await page.keyboard.type('Bel me op 06-12345678');
    await waitBadge(page, (b) => b.errors >= 1);
    await page.keyboard.press('Enter');
    await guard(page).waitFor();
    await guard(page).locator('[data-guard-post]').click();
    await guard(page).waitFor({ state: 'detached' });
    await page.keyboard.type('Groet');
    await waitText(page, 'Bel me op 06-12345678\nGroet');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Juf');
    await waitText(page, 'Bel me op 06-12345678\nGroet\nJuf');
    assert.equal(await guard(page).count(), 0, 'Enter is known to add a line now');
    assert.deepEqual(await published(page), []);
    await page.close();
  });
});

describe('item 2: a textarea chat box that sends on Enter', () => {
  for (const [name, query] of [
    ['labelled as a message, with a send button', 'case=chat-ta'],
    ['labelled as a message, no button', 'case=chat-ta&button=0'],
    ['a comment box with a send button', 'case=chat-ta&label=' + encodeURIComponent('Schrijf een reactie…')],
    ['with a send button, a neutral label', 'case=chat-ta&label=' + encodeURIComponent('Wat wil je zeggen?')],
  ]) {
    it(`${name}: the first Enter is held; Shift+Enter adds a line; "toch plaatsen" sends`, async () => {
      const page = await openCase(query);
      await composer(page).click();
      await page.keyboard.type('Bel me op 06-12345678');
      await waitBadge(page, (b) => b.errors >= 1);
      await page.keyboard.press('Enter');
      await guard(page).waitFor();
      assert.deepEqual(await published(page), [], 'the first Enter did not send');
      await guard(page).locator('[data-guard-back]').click();
      await guard(page).waitFor({ state: 'detached' });
      assert.equal(await getText(page), 'Bel me op 06-12345678', 'the draft is kept');

      // Shift+Enter: a new line, no dialog (the box grows with it).
      await page.keyboard.press('End');
      await page.keyboard.press('Shift+Enter');
      await page.keyboard.type('Groetjes');
      await waitText(page, 'Bel me op 06-12345678\nGroetjes');
      assert.equal(await guard(page).count(), 0, 'Shift+Enter opens no dialog');

      await page.keyboard.press('Enter');
      await guard(page).waitFor();
      assert.deepEqual(await published(page), []);
      await guard(page).locator('[data-guard-post]').click();
      await page.waitForFunction(() => window.__published.length === 1);
      assert.deepEqual(await published(page), [{ box: 'main', text: 'Bel me op 06-12345678\nGroetjes' }]);
      assert.equal(await getText(page), '', 'the page emptied its box after sending');
      await page.close();
    });
  }

  it('a multi-line textarea post composer ("Schrijf een bericht", a "Plaatsen" button): Enter adds a line, the button is held', async () => {
    const page = await openCase('case=post-ta');
    await composer(page).click();
    await page.keyboard.type('Bel me op 06-12345678');
    await waitBadge(page, (b) => b.errors >= 1);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Groet');
    await waitText(page, 'Bel me op 06-12345678\nGroet');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Juf');
    await waitText(page, 'Bel me op 06-12345678\nGroet\nJuf');
    assert.equal(await guard(page).count(), 0, 'Enter in a post composer opens no dialog');
    await page.locator('.publish').click();
    await guard(page).waitFor();
    assert.deepEqual(await published(page), []);
    await guard(page).locator('[data-guard-back]').click();
    await guard(page).waitFor({ state: 'detached' });
    assert.equal(await getText(page), 'Bel me op 06-12345678\nGroet\nJuf');
    await page.close();
  });

  it('a one-line comment textarea where Enter adds a line: the first Enter is held, "toch plaatsen" adds the line, later Enters pass', async () => {
    const page = await openCase('case=chat-ta&sends=0&button=0&label=' + encodeURIComponent('Schrijf een reactie…'));
    await composer(page).click();
    await page.keyboard.type('Bel me op 06-12345678');
    await waitBadge(page, (b) => b.errors >= 1);
    await page.keyboard.press('Enter');
    await guard(page).waitFor();
    await guard(page).locator('[data-guard-post]').click();
    await guard(page).waitFor({ state: 'detached' });
    await page.keyboard.type('Groet');
    await waitText(page, 'Bel me op 06-12345678\nGroet');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Juf');
    await waitText(page, 'Bel me op 06-12345678\nGroet\nJuf');
    assert.equal(await guard(page).count(), 0, 'Enter is known to add a line now');
    assert.deepEqual(await published(page), []);
    // The line "toch plaatsen" added is an undo step of its own, as the browser's Enter.
    const seen = [];
    for (let i = 0; i < 40 && !seen.includes('Bel me op 06-12345678'); i++) {
      await page.keyboard.press('Control+z');
      seen.push(await getText(page));
    }
    assert.ok(seen.includes('Bel me op 06-12345678\nGroet'), `undo steps: ${JSON.stringify(seen)}`);
    assert.ok(seen.includes('Bel me op 06-12345678'), `undo steps: ${JSON.stringify(seen)}`);
    await page.close();
  });
});

describe('item 13: a publish before the settings were read', () => {
  it('is held until they are, then until the first check answers; the errors are shown', async () => {
    // A restored draft with an error; the browser's storage is busy with large writes (as
    // when a big roster is saved), so reading the settings waits behind them; the teacher
    // clicks "Plaatsen" as soon as the page shows.
    await sw().evaluate(() => {
      const big = 'x'.repeat(4 * 1024 * 1024);
      self.__storm = Promise.all(Array.from({ length: 30 }, (_, i) => chrome.storage.local.set({ junk: big + i })));
    });
    try {
      const page = await env.context.newPage();
      page.on('pageerror', (e) => console.error(`[guard early] pageerror: ${e.message}`));
      await page.goto(`${env.server.origin}/guard.html?case=post-ta&draft=${encodeURIComponent('Bel me op 06-12345678')}`);
      // The content script starts at the page's load (document_idle): a moment later.
      await page.waitForTimeout(300);
      const atClick = await page.evaluate(() => {
        document.querySelector('.publish').click();
        // Once the settings are read the draft is attached: its badge puts Postwacht's
        // element in the page. Not there yet: the click came before.
        return { ui: !!document.querySelector('postwacht-ui'), published: window.__published.length };
      });
      assert.ok(!atClick.ui, 'the click came before the settings were read (the case this test is about)');
      assert.equal(atClick.published, 0, 'the click was held');
      await page.waitForFunction(() => !!document.querySelector('postwacht-ui'), null, { timeout: 30000 });
      await guard(page).waitFor({ timeout: 30000 });
      const g = guard(page);
      while ((await g.locator('[data-guard-failed]').count()) && !(await g.locator('li').count())) await page.waitForTimeout(100);
      assert.match(await g.locator('li').first().textContent(), /06-12345678/);
      assert.deepEqual(await published(page), [], 'nothing published');
      await g.locator('[data-guard-post]').click();
      await page.waitForFunction(() => window.__published.length === 1);
      assert.deepEqual(await published(page), [{ box: 'main', text: 'Bel me op 06-12345678' }]);
      await page.close();
    } finally {
      await sw().evaluate(async () => {
        await self.__storm;
        await chrome.storage.local.remove('junk');
      });
    }
  });
});

describe('a publish while a fix is being applied', () => {
  for (const editor of ['prosemirror', 'contenteditable', 'textarea']) {
    it(`${editor}: Ctrl+Enter right after the fix's click is held, the dialog keeps the focus, the text is the fixed one`, async () => {
      const page = await openEditor(env, editor);
      await composer(page).click();
      await page.keyboard.type('Bel me ff op 06-12345678');
      await waitBadge(page, (b) => b.errors >= 1);
      const card = editor === 'textarea' ? null : await hoverMark(page, 'ff');
      if (!card) {
        // The card by keyboard: the caret into "ff", Alt+Shift+P.
        for (let i = 0; i < ' op 06-12345678'.length + 1; i++) await page.keyboard.press('ArrowLeft');
        await page.keyboard.press('Alt+Shift+P');
      }
      const fix = (card || ui(page, '[data-postwacht-card]')).locator('[data-fix="0"]');
      const replacement = await fix.getAttribute('data-replacement');
      await fix.click();
      // The fix types, then puts the caret back a frame later; Ctrl+Enter comes meanwhile.
      await page.keyboard.press('Control+Enter');
      await guard(page).waitFor();
      await page.waitForTimeout(400);
      assert.ok(await page.evaluate(() => !!document.activeElement && document.activeElement.matches('postwacht-ui')), 'the focus is in the dialog');
      assert.equal(await guard(page).count(), 1);
      assert.equal(await getText(page), `Bel me ${replacement} op 06-12345678`);
      assert.deepEqual(await published(page), []);
      await page.keyboard.press('Escape');
      await guard(page).waitFor({ state: 'detached' });
      assert.deepEqual(await published(page), []);
      await page.close();
    });
  }
});

describe('a paused site', () => {
  it('sends no check, not even for a click before the settings are read', async () => {
    await sw().evaluate(async () => {
      const { settings = {} } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: Object.assign({ language: 'nl' }, settings, { sites: { '127.0.0.1': { paused: true } } }) });
      self.__seen = [];
      self.__see = (msg) => {
        if (msg && msg.type) self.__seen.push(msg.type);
      };
      chrome.runtime.onMessage.addListener(self.__see);
    });
    try {
      // The worker is busy while the page starts, so the policy's answer (which says
      // whether pausing is allowed) comes late; the teacher clicks and types meanwhile.
      await blockWorker(3000);
      const page = await openEditor(env, 'textarea');
      await composer(page).click();
      await page.keyboard.type('Bel me op 06-12345678');
      await page.waitForTimeout(4500);
      const seen = await sw().evaluate(() => self.__seen.slice());
      assert.ok(seen.includes('policy-info'), `the content script ran: ${seen.join(' ')}`);
      assert.ok(!seen.includes('check'), `no check on a paused site: ${seen.join(' ')}`);
      await page.close();
    } finally {
      await sw().evaluate(async () => {
        chrome.runtime.onMessage.removeListener(self.__see);
        const { settings = {} } = await chrome.storage.local.get('settings');
        await chrome.storage.local.set({ settings: Object.assign({}, settings, { sites: {} }) });
      });
    }
  });
});

describe('counts of composers in two frames', () => {
  it('the toolbar badge and the popup add up both frames', async () => {
    const page = await openCase('case=frames');
    const n = {};
    for (const name of ['a', 'b']) {
      const f = page.frame({ name });
      await f.waitForFunction(() => window.__ready);
      await f.locator('textarea').click();
      await page.keyboard.type(name === 'a' ? 'Bel me op 06-12345678' : 'Bel 06-12345678 of 06-87654321, ff snel');
      n[name] = (await waitBadge(page, (b) => b.errors >= 1, 'main', 15000, { frame: name })).errors;
    }
    const total = n.a + n.b;
    const url = page.url();
    const badgeText = () => sw().evaluate(async (u) => {
      const tab = (await chrome.tabs.query({})).find((t) => t.url === u);
      return chrome.action.getBadgeText({ tabId: tab.id });
    }, url);
    const start = Date.now();
    let text = await badgeText();
    while (text !== String(total) && Date.now() - start < 10000) {
      await page.waitForTimeout(100);
      text = await badgeText();
    }
    assert.equal(text, String(total), `badge for ${n.a} + ${n.b} errors`);

    const tabId = await sw().evaluate(async (u) => (await chrome.tabs.query({})).find((t) => t.url === u).id, url);
    const popup = await env.context.newPage();
    await popup.goto(`chrome-extension://${env.browser.extensionId}/popup/popup.html?tab=${tabId}`);
    await popup.locator('#counts').waitFor();
    assert.match(await popup.locator('#counts').textContent(), new RegExp(`^${total} fouten`));
    await popup.close();

    // A frame that goes takes its counts with it.
    await page.evaluate(() => document.querySelector('iframe[name="b"]').remove());
    const start2 = Date.now();
    text = await badgeText();
    while (text !== String(n.a) && Date.now() - start2 < 10000) {
      await page.waitForTimeout(100);
      text = await badgeText();
    }
    assert.equal(text, String(n.a), 'the removed frame no longer counts');
    await page.close();
  });
});
