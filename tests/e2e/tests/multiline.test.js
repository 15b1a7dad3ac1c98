// Posts of more than one line: block boundaries (paragraphs, line breaks) map to "\n" for
// the core, marks land on the right words in later lines, and a fix there gives exactly
// the expected text.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openEditor, composer, getText, waitText, waitMarks, waitNoMark, hoverMark, ui, published, EDITORS } from '../lib/helpers.js';

const LINES = ['Beste ouders,', '', 'Daan uit groep 6 was ff ziek.', 'Bel gerust: 06-12345678'];

let env;
let sw;
before(async () => {
  env = await setup();
  sw = () => env.browser.serviceWorker();
});
after(async () => {
  await env.close();
});

describe('posts of several lines', () => {
  for (const editor of EDITORS) {
    it(`${editor}: marks and a fix in the third line`, async () => {
      const page = await openEditor(env, editor);
      await composer(page).click();
      for (const [i, line] of LINES.entries()) {
        if (i) await page.keyboard.press(editor === 'lexical' ? 'Shift+Enter' : 'Enter');
        if (line) await page.keyboard.type(line);
      }
      // Editors differ in how they separate paragraphs in their own plain text: compare
      // the lines that have text.
      const lines = (t) => t.split('\n').filter((l) => l.trim());
      await page.waitForFunction((n) => window.__boxes.main.getText().split('\n').filter((l) => l.trim()).length === n, LINES.filter(Boolean).length);
      const before = await getText(page);
      assert.deepEqual(lines(before), LINES.filter(Boolean));
      const ms = await waitMarks(page, ['Daan', 'ff', '06-12345678']);
      assert.equal(ms.find((m) => m.text.includes('06-12345678')).severity, 'error');
      await page.waitForTimeout(1100); // one undo step per action, as for a reader
      const card = await hoverMark(page, 'ff');
      const fix = card.locator('[data-fix="0"]');
      const replacement = await fix.getAttribute('data-replacement');
      await fix.click();
      const expected = before.replace(' ff ', ` ${replacement} `);
      await waitText(page, expected);
      await waitNoMark(page, 'ff');
      await page.keyboard.press('Control+z');
      await waitText(page, before);
      await ui(page, '[data-postwacht-badge]').first().waitFor();
      await page.close();
    });
  }

  // Rich editors put an empty last paragraph after Enter at the end, which the text leaves
  // out: the guard still learns from the first Enter that Enter adds lines there, so a later
  // Enter, once the post has errors, is not held as if it sent the post.
  for (const editor of ['quill', 'prosemirror', 'slate', 'contenteditable']) {
    it(`${editor}: Enter keeps adding lines after the post has errors`, async () => {
      const page = await openEditor(env, editor);
      await composer(page).click();
      await page.keyboard.type('Beste ouders,');
      await page.keyboard.press('Enter');
      await page.waitForTimeout(300); // the guard looks 60 ms after an Enter
      await page.keyboard.type('Daan uit groep 6 was ziek, bel 06-12345678.');
      const ms = await waitMarks(page, ['Daan', '06-12345678']);
      assert.ok(ms.some((m) => m.severity === 'error'), 'the post has errors');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Groet');
      await page.waitForFunction(() => window.__boxes.main.getText().split('\n').filter((l) => l.trim()).length === 3, null, { timeout: 5000 });
      assert.deepEqual(await published(page), [], 'nothing was sent');
      await page.close();
    });
  }

  // The first Enters can come before the settings were read (nothing is attached yet: a
  // slow start of the service worker). What they did is still learnt, so Enter in the
  // post, once it has errors, adds its line instead of being held as a send.
  for (const editor of ['quill', 'contenteditable']) {
    it(`${editor}: Enter pressed before the settings were read is learnt too`, async () => {
      // The browser's storage is busy with large writes (as when a big roster is saved):
      // reading the settings waits behind them.
      await sw().evaluate(() => {
        const big = 'x'.repeat(4 * 1024 * 1024);
        self.__storm = Promise.all(Array.from({ length: 30 }, (_, i) => chrome.storage.local.set({ junk: big + i })));
      });
      const page = await openEditor(env, editor);
      await composer(page).click();
      await page.keyboard.type('Beste ouders,');
      await page.keyboard.press('Enter');
      const attached = await page.evaluate(() => !!document.querySelector('postwacht-ui'));
      await page.keyboard.type('Daan uit groep 6 was ziek, bel 06-12345678.');
      assert.ok(!attached, 'the Enter came before anything was attached (the case this test is about)');
      const ms = await waitMarks(page, ['Daan', '06-12345678']);
      assert.ok(ms.some((m) => m.severity === 'error'), 'the post has errors');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Groet');
      await page.waitForFunction(() => window.__boxes.main.getText().split('\n').filter((l) => l.trim()).length === 3, null, { timeout: 5000 });
      assert.deepEqual(await published(page), [], 'nothing was sent');
      await page.close();
      await sw().evaluate(async () => {
        await self.__storm;
        await chrome.storage.local.remove('junk');
      });
    });
  }
});
