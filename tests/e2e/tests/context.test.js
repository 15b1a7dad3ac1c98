// Composers found late and in bulk, the context each post is checked in (platform,
// reply, attachments, account), and the keyboard route to the card and the badge panel.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openEditor, composer, getText, waitText, badge, badgeCount, waitBadge, waitMarks, ui, uiEval, TEXT } from '../lib/helpers.js';

/** Waits until `pred(root)` holds in the content script's world. */
async function waitUi(page, pred, timeout = 10000) {
  const start = Date.now();
  while (!(await uiEval(page, pred))) {
    if (Date.now() - start > timeout) throw new Error('waitUi: timed out');
    await page.waitForTimeout(50);
  }
}

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env.close();
});

describe('composers on the page', () => {
  it('a page with a hundred comment boxes: only the boxes in use are checked, and it stays fast', async () => {
    const page = await openEditor(env, 'textarea', { query: '&boxes=100' });
    // Nothing is attached until a box is used.
    await page.waitForTimeout(300);
    assert.equal(await badgeCount(page), 0);
    const box = composer(page, 'c57');
    await box.scrollIntoViewIfNeeded();
    await box.click();
    const t0 = Date.now();
    await page.keyboard.type('Ik bel je ff op 06-12345678');
    const typing = Date.now() - t0;
    const b = await waitBadge(page, (b) => b.errors === 1, 'c57');
    assert.equal(b.replyTo, 'parent', 'a comment box answers the parent it is under');
    assert.equal(await badgeCount(page), 1);
    assert.ok(typing < 3000, `typing 27 characters took ${typing} ms`);
    await page.close();
  });

  it('picks up a reply box added after load', async () => {
    const page = await openEditor(env, 'textarea', { query: '&dynamic=1' });
    await page.click('#open-reply');
    const reply = composer(page, 'reply');
    await reply.waitFor();
    await reply.click();
    await page.keyboard.type(TEXT);
    await waitMarks(page, ['Daan', 'ff', '06-12345678']);
    const b = await waitBadge(page, (b) => b.errors >= 1, 'reply');
    assert.equal(b.replyTo, 'parent');
    await page.close();
  });

  it('takes the platform from the page (meta tag or query parameter)', async () => {
    const page = await openEditor(env, 'contenteditable', { query: '&postwacht-platform=linkedin' });
    await composer(page).click();
    await page.keyboard.type('hoi');
    assert.equal((await waitBadge(page, () => true)).platform, 'linkedin');
    await page.goto(`${env.server.origin}/page.html?editor=contenteditable`);
    await page.waitForFunction(() => window.__ready && window.__boxes.main.el);
    await composer(page).click();
    await page.keyboard.type('hoi');
    const b = await waitBadge(page, () => true);
    assert.equal(b.platform, 'facebook');
    assert.equal(b.replyTo, 'none');
    assert.equal(b.account, 'personal');
    await page.close();
  });
});

describe('attachments and account', () => {
  it('counts images added by file input, drag and drop, and paste', async () => {
    const page = await openEditor(env, 'lexical');
    await composer(page).click();
    await page.keyboard.type('Foto van groep 6');
    await waitBadge(page, () => true);
    await page.locator('[data-box="main"] input[type=file]').setInputFiles({ name: 'klas.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff]) });
    await waitBadge(page, (b) => b.attachments === 1);
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['x'], 'schoolreis.mp4', { type: 'video/mp4' }));
      window.__boxes.main.el.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await waitBadge(page, (b) => b.attachments === 2);
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['x'], 'plein.png', { type: 'image/png' }));
      window.__boxes.main.el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    });
    await waitBadge(page, (b) => b.attachments === 3);
    assert.equal(await getText(page), 'Foto van groep 6');
    await page.close();
  });

  it('switches to the school account in the badge panel', async () => {
    const page = await openEditor(env, 'textarea');
    await composer(page).click();
    await page.keyboard.type(TEXT);
    await waitBadge(page, (b) => b.errors >= 1);
    await ui(page, '[data-postwacht-badge]').click();
    const panel = ui(page, '[data-postwacht-panel]');
    await panel.waitFor();
    await panel.locator('[data-account-school]').check();
    await waitBadge(page, (b) => b.account === 'school');
    await page.close();
  });
});

describe('keyboard', () => {
  it('opens the card from the caret with Alt+Shift+P, applies a fix with Enter, and Escape goes back', async () => {
    const page = await openEditor(env, 'prosemirror');
    await composer(page).click();
    await page.keyboard.type(TEXT);
    await waitMarks(page, ['ff']);
    // Caret into "ff": TEXT ends "... was ff ziek, bel 06-12345678 lol".
    const back = TEXT.length - (TEXT.indexOf(' ff ') + 2);
    for (let i = 0; i < back; i++) await page.keyboard.press('ArrowLeft');
    const card = ui(page, '[data-postwacht-card]');
    await card.waitFor({ state: 'visible' }); // shown for the caret, focus stays in the editor
    await page.keyboard.press('Alt+Shift+P');
    await waitUi(page, (root) => !!root && !!root.activeElement && root.activeElement.matches('[data-postwacht-card] button'));
    const replacement = await card.locator('[data-fix="0"]').getAttribute('data-replacement');
    await page.keyboard.press('Enter');
    const start = TEXT.indexOf(' ff ') + 1;
    await waitText(page, TEXT.slice(0, start) + replacement + TEXT.slice(start + 2));

    // The badge panel by keyboard, and back to the editor with Escape.
    await page.keyboard.press('Alt+Shift+P');
    const panel = ui(page, '[data-postwacht-panel], [data-postwacht-card]');
    await panel.first().waitFor();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement === window.__boxes.main.el);
    await page.close();
  });

  it('announces the counts in a live region', async () => {
    const page = await openEditor(env, 'textarea');
    await composer(page).click();
    await page.keyboard.type('bel 06-12345678');
    await waitBadge(page, (b) => b.errors === 1);
    await waitUi(page, (root) => /1/.test(root.querySelector('[aria-live]').textContent));
    const b = await badge(page);
    assert.match(b.label, /1/);
    await page.close();
  });
});

describe('marks while typing', () => {
  for (const editor of ['textarea', 'lexical']) {
    it(`${editor}: marks stay on their words, frame by frame, while text is typed before them`, async () => {
      const page = await openEditor(env, editor);
      await composer(page).click();
      await page.keyboard.type(TEXT);
      await waitMarks(page, ['ff', '06-12345678']);
      // Sample the drawn marks on every frame while typing at the start of the post.
      // Sampled in the content script's world, where the (closed) shadow root is reachable.
      await uiEval(page, (root) => {
        window.__samples = [];
        const tick = () => {
          const texts = [];
          for (const s of root.querySelectorAll('.mirror span[data-sev]')) texts.push(s.textContent);
          for (const sev of ['error', 'warning', 'info']) for (const r of CSS.highlights.get('postwacht-' + sev) || []) texts.push(r.toString());
          window.__samples.push(texts);
          if (!window.__stopSampling) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      await page.keyboard.press(editor === 'textarea' ? 'Control+Home' : 'Home');
      await page.keyboard.type('Hoi allemaal! ', { delay: 40 });
      await waitText(page, 'Hoi allemaal! ' + TEXT);
      await page.waitForTimeout(500);
      const samples = await uiEval(page, () => {
        window.__stopSampling = true;
        return window.__samples;
      });
      assert.ok(samples.length > 10, `${samples.length} frames sampled`);
      for (const [i, s] of samples.entries()) {
        assert.ok(s.includes('ff'), `frame ${i}: no mark on "ff" (${JSON.stringify(s)})`);
        assert.ok(s.includes('06-12345678'), `frame ${i}: no mark on the phone number (${JSON.stringify(s)})`);
      }
      await page.close();
    });
  }
});

describe('publish controls as the big sites build them', () => {
  for (const [site, editor] of [['x', 'draft'], ['facebook', 'lexical']]) {
    it(`${site}: a div role=button publish control is held back on click and on Enter`, async () => {
      const page = await openEditor(env, editor, { query: `&button=${site}` });
      await composer(page).click();
      await page.keyboard.type('Bel me op 06-12345678');
      await waitBadge(page, (b) => b.errors === 1);
      const guard = ui(page, '[data-postwacht-guard]');
      // A click lands on the inner span, as a mouse click does.
      await page.locator('.publish span span').click();
      await guard.waitFor();
      await guard.locator('[data-guard-back]').click();
      await guard.waitFor({ state: 'detached' });
      await page.locator('.publish').focus();
      await page.keyboard.press('Enter');
      await guard.waitFor();
      assert.deepEqual(await page.evaluate(() => window.__published), []);
      await guard.locator('[data-guard-post]').click();
      await page.waitForFunction(() => window.__published.length === 1);
      assert.equal((await page.evaluate(() => window.__published))[0].text, 'Bel me op 06-12345678');
      await page.close();
    });
  }
});
