// For every editor kind: typing a post with a pupil's name, chat-speak and a phone number
// draws the marks and the badge counts; hovering opens the card; a fix gives exactly the
// expected text with the caret after it; undo restores the text; the publish guard stops
// Ctrl+Enter and the publish button while errors remain.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openEditor, composer, getText, waitText, waitBadge, waitMarks, waitNoMark, hoverMark, ui, waitCaret, published, EDITORS, TEXT } from '../lib/helpers.js';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env.close();
});

for (const editor of ['input', ...EDITORS]) {
  describe(editor, () => {
    let page;
    before(async () => {
      page = await openEditor(env, editor);
    });
    after(async () => {
      await page.close();
    });

    it('marks a pupil name, chat-speak and a phone number, and counts them in the badge', async () => {
      await composer(page).click();
      await page.keyboard.type(TEXT);
      await waitText(page, TEXT);
      const ms = await waitMarks(page, ['Daan', 'ff', '06-12345678']);
      const phone = ms.find((m) => m.text.includes('06-12345678'));
      assert.equal(phone.severity, 'error');
      // Every drawn mark is counted (overlapping findings may share one mark in a mirror).
      const b = await waitBadge(page, (b) => b.errors + b.warnings + b.infos >= ms.length && b.errors >= 1);
      assert.match(b.label, /Postwacht/);
    });

    it('opens the card on hover, with the message rendered as text', async () => {
      // A person reads the marks before picking a fix. Editors merge edits made within a
      // short time into one undo step (Quill: 1 s, Lexical here: 300 ms); this pause keeps
      // the fix its own step, as it is for a real user.
      await page.waitForTimeout(1100);
      const card = await hoverMark(page, 'ff');
      assert.ok(await card.getAttribute('data-rule'));
      const quote = await card.locator('.quote').textContent();
      assert.match(quote, /ff/);
      // Nothing from the post or the message becomes markup.
      assert.equal(await card.locator('.msg *').count(), 0);
      assert.equal(await card.locator('.quote *').count(), 0);
    });

    it('applies a fix exactly, keeps the caret, and undo restores the text', async () => {
      const card = ui(page, '[data-postwacht-card]');
      const fix = card.locator('[data-fix="0"]');
      await fix.waitFor();
      const replacement = await fix.getAttribute('data-replacement');
      const start = TEXT.indexOf(' ff ') + 1;
      const expected = TEXT.slice(0, start) + replacement + TEXT.slice(start + 2);
      await fix.click();
      await waitText(page, expected);
      await waitNoMark(page, 'ff');
      // The caret was at the end of the post before the fix, so it stays at the end.
      await waitCaret(page, expected.length);
      await page.keyboard.press('Control+z');
      await waitText(page, TEXT);
      await waitMarks(page, ['ff']);
    });

    it('holds back Ctrl+Enter and the publish button while errors remain', async () => {
      await waitBadge(page, (b) => b.errors >= 1);
      await composer(page).focus();
      await page.keyboard.press('Control+Enter');
      const guard = ui(page, '[data-postwacht-guard]');
      await guard.waitFor({ state: 'visible' });
      assert.match(await guard.textContent(), /06-12345678/);
      assert.deepEqual(await published(page), []);
      await guard.locator('[data-guard-back]').click();
      await guard.waitFor({ state: 'detached' });
      assert.equal(await getText(page), TEXT, 'the draft is kept');

      await page.locator('.publish').click();
      await guard.waitFor({ state: 'visible' });
      assert.deepEqual(await published(page), []);
      await guard.locator('[data-guard-post]').click();
      await guard.waitFor({ state: 'detached' });
      await page.waitForFunction(() => window.__published.length === 1);
      assert.deepEqual(await published(page), [{ box: 'main', text: TEXT }]);

      await composer(page).focus();
      await page.keyboard.press('Control+Enter');
      await guard.waitFor({ state: 'visible' });
      await guard.locator('[data-guard-post]').click();
      await page.waitForFunction(() => window.__published.length === 2);
      assert.equal(await getText(page), TEXT, 'the draft is kept');
    });
  });
}
