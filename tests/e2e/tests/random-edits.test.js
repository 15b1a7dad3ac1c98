// A scripted session of a few hundred random edits per editor (typing words that draw
// marks, deleting, moving the caret, pausing so checks land in between): afterwards the
// editor's own text must equal what was typed. Postwacht must never change the text by
// itself, nor lose or duplicate keystrokes while it redraws marks.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, openEditor, composer, getText, waitText, waitBadge, rng, EDITORS } from '../lib/helpers.js';

const EDITS = Number(process.env.POSTWACHT_RANDOM_EDITS || 300);
const WORDS = [' ff', ' lol', ' Daan', ' hallo', ' 06-12345678', ' groep', ' é', 'x', ' ', ',', ' uit groep 6'];

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env.close();
});

describe('random edits', () => {
  for (const [i, editor] of EDITORS.entries()) {
    it(`${editor}: the text equals what was typed after ${EDITS} random edits`, async () => {
      const page = await openEditor(env, editor);
      const rand = rng(1234 + i);
      const pick = (a) => a[Math.floor(rand() * a.length)];
      let model = '';
      let caret = 0;
      await composer(page).click();
      for (let n = 0; n < EDITS; n++) {
        const r = rand();
        if (r < 0.5 && model.length < 70) {
          const w = pick(WORDS);
          await page.keyboard.type(w);
          model = model.slice(0, caret) + w + model.slice(caret);
          caret += w.length;
        } else if (r < 0.7 || model.length >= 70) {
          const k = 1 + Math.floor(rand() * 4);
          for (let j = 0; j < k; j++) await page.keyboard.press('Backspace');
          const from = Math.max(0, caret - k);
          model = model.slice(0, from) + model.slice(caret);
          caret = from;
        } else if (r < 0.85) {
          const k = 1 + Math.floor(rand() * 6);
          for (let j = 0; j < k; j++) await page.keyboard.press('ArrowLeft');
          caret = Math.max(0, caret - k);
        } else {
          const k = 1 + Math.floor(rand() * 6);
          for (let j = 0; j < k; j++) await page.keyboard.press('ArrowRight');
          caret = Math.min(model.length, caret + k);
        }
        // Now and then a pause, so checks answer (and marks are redrawn) mid-session.
        if (rand() < 0.08) await page.waitForTimeout(Math.floor(rand() * 350));
        // Let the editor handle the keys before the next edit, as it would between a
        // person's keystrokes (Lexical drops keys sent faster than a frame, with or
        // without Postwacht).
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
        if (n % 25 === 24) await waitText(page, model, 'main', 3000).catch((e) => assert.fail(`after edit ${n + 1}: ${e.message}`));
      }
      // Leading/trailing spaces: editors may keep them as no-break spaces; compare exactly.
      await waitText(page, model);
      // The extension settles on the final text without touching it.
      await waitBadge(page, (b) => b.state === 'ok');
      await page.waitForTimeout(400);
      assert.equal(await getText(page), model);
      await page.close();
    });
  }
});
