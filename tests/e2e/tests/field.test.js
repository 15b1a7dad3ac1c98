// Composers as real sites build them (issue 9): a fix never corrupts a draft when the page
// re-renders, the guard catches every way of sending and fails closed, marks sit on their
// words (content-box, scrollbar, right-to-left), stale marks go, same-origin iframes get
// everything, the badge list follows the context, the page cannot read or click
// Postwacht's UI, keystrokes during a fix stay where they were typed, and a lone surrogate
// from the page is checked. Pages: pages/src/field.js (and page.js for the editors).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setup, openEditor, composer, getText, waitText, badge, waitBadge, marks, waitMarks, waitNoMark, hoverMark, ui, uiEval, published, REPO } from '../lib/helpers.js';

let env;
before(async () => {
  env = await setup({ showScrollbars: true });
});
after(async () => {
  await env.close();
});

// Errors thrown on the pages, Postwacht's content script included; none is expected.
const pageErrors = [];
async function openCase(query) {
  const page = await env.context.newPage();
  page.on('pageerror', (e) => {
    console.error(`[field ${query}] pageerror: ${e.message}`);
    pageErrors.push(`${query}: ${e.message}`);
  });
  await page.goto(`${env.server.origin}/field.html?${query}`);
  await page.waitForFunction(() => window.__ready);
  return page;
}
const field = (page, box = 'main') => page.locator(`[data-test-composer="${box}"]`).locator('textarea, input, [contenteditable="true"]').first();
const guard = (page, opts) => ui(page, '[data-postwacht-guard]', opts);

describe('item 1: a fix while the page re-renders the composer', () => {
  for (const editor of ['textarea', 'contenteditable']) {
    it(`${editor}: the text is exactly the fixed one, or unchanged with a message; never written elsewhere`, async () => {
      const page = await openCase(`case=rerender&editor=${editor}&every=700`);
      await field(page).click();
      await page.keyboard.type('Bel me ff op');
      const ms = await waitMarks(page, ['ff']);
      const m = ms.find((x) => x.text === 'ff');
      // A click on the mark: the caret lands inside "ff" and the card stays open.
      await page.mouse.click(m.x, m.y);
      const card = ui(page, '[data-postwacht-card]');
      await card.waitFor();
      const fix = card.locator('[data-fix="0"]');
      const replacement = await fix.getAttribute('data-replacement');
      // The site re-renders while the card is open.
      const renders = await page.evaluate(() => window.__renders);
      await page.waitForFunction((r) => window.__renders > r, renders);
      await fix.click();
      await page.waitForTimeout(1200);
      const text = await getText(page);
      const fixed = `Bel me ${replacement} op`;
      assert.ok(text === fixed || text === 'Bel me ff op', `text after the fix: ${JSON.stringify(text)}`);
      if (text !== fixed) assert.ok(await ui(page, '[data-postwacht-notice]').count(), 'a refused fix says so');
      await page.close();
    });
  }
});

describe('item 2: the guard catches chat-style sending and shadow roots', () => {
  for (const kase of ['chat-input', 'chat-ce']) {
    it(`${kase}: Enter that sends is held while errors remain`, async () => {
      const page = await openCase(`case=${kase}`);
      await field(page).click();
      await page.keyboard.type('Bel me op 06-12345678');
      await waitBadge(page, (b) => b.errors >= 1);
      await page.keyboard.press('Enter');
      await guard(page).waitFor();
      assert.deepEqual(await published(page), []);
      await guard(page).locator('[data-guard-back]').click();
      await guard(page).waitFor({ state: 'detached' });
      assert.equal(await getText(page), 'Bel me op 06-12345678', 'the draft is kept');
      await page.close();
    });
  }

  for (const editor of ['textarea', 'contenteditable']) {
    it(`${editor} in an open shadow root: marks, the card on hover and click, the post button and Ctrl+Enter held`, async () => {
      const page = await openCase(`case=shadow&editor=${editor}`);
      await page.locator('composer-widget').locator(editor === 'textarea' ? 'textarea' : '[contenteditable]').click();
      await page.keyboard.type('Bel me ff op 06-12345678');
      await waitBadge(page, (b) => b.errors >= 1);
      const card = await hoverMark(page, 'ff');
      assert.match(await card.locator('.quote').textContent(), /ff/);
      // A click on the mark opens (pins) the card too.
      await page.mouse.move(5, 5);
      await card.waitFor({ state: 'detached' });
      const m = (await marks(page)).find((x) => x.text === 'ff');
      await page.mouse.click(m.x, m.y);
      await card.waitFor();
      await page.keyboard.press('Escape');

      await page.locator('composer-widget').locator('.publish').click();
      await guard(page).waitFor();
      assert.deepEqual(await published(page), []);
      await guard(page).locator('[data-guard-back]').click();
      await guard(page).waitFor({ state: 'detached' });
      await page.keyboard.press('Control+Enter');
      await guard(page).waitFor();
      assert.deepEqual(await published(page), []);
      await guard(page).locator('[data-guard-post]').click();
      await page.waitForFunction(() => window.__published.length === 1);
      await page.close();
    });
  }
});

describe('item 4: stale marks', () => {
  it('a textarea the page clears in code loses its marks and counts', async () => {
    const page = await openCase('case=clear');
    await field(page).click();
    await page.keyboard.type('Bel me ff op');
    await waitMarks(page, ['ff']);
    await waitBadge(page, (b) => b.infos + b.warnings >= 1);
    await page.locator('.publish').click();
    await page.waitForFunction(() => window.__published.length === 1);
    assert.equal(await getText(page), '');
    await waitNoMark(page, 'ff', 5000);
    await waitBadge(page, (b) => b.errors + b.warnings + b.infos === 0, 'main', 5000);
    await page.close();
  });

  it('the marks in a one-line input stay inside the field', async () => {
    const page = await openCase('case=one-line');
    await field(page).click();
    await page.keyboard.type('ff lol ' + 'een heel lang bericht over de schoolreis naar het bos '.repeat(2) + 'ff lol');
    await waitMarks(page, ['ff', 'lol']);
    await page.waitForTimeout(400);
    const box = await field(page).boundingBox();
    // What is drawn outside the field, in pixels: the page around the input with and
    // without Postwacht's marks.
    const clip = { x: box.x - 40, y: box.y - 6, width: box.width + 400, height: box.height + 12 };
    const shot = async () => page.screenshot({ clip });
    const withMarks = await shot();
    // The marks' layer hidden (the badge, which sits above a one-line field, stays).
    await uiEval(page, (root) => (root.querySelector('.layer.marks').style.visibility = 'hidden'));
    const without = await shot();
    await uiEval(page, (root) => (root.querySelector('.layer.marks').style.visibility = ''));
    // Compared pixel by pixel in a canvas (no image library needed).
    const outside = await page.evaluate(async ([a, b, clip, box]) => {
      const load = (src) => new Promise((r) => { const i = new Image(); i.onload = () => r(i); i.src = 'data:image/png;base64,' + src; });
      const px = async (src) => {
        const img = await load(src);
        const c = document.createElement('canvas');
        c.width = img.width;
        c.height = img.height;
        const g = c.getContext('2d');
        g.drawImage(img, 0, 0);
        return { w: img.width, h: img.height, d: g.getImageData(0, 0, img.width, img.height).data };
      };
      const A = await px(a);
      const B = await px(b);
      const sx = A.w / clip.width;
      let n = 0;
      for (let y = 0; y < A.h; y++) {
        for (let x = 0; x < A.w; x++) {
          const X = clip.x + x / sx;
          const Y = clip.y + y / sx;
          if (X >= box.x && X <= box.x + box.width && Y >= box.y && Y <= box.y + box.height) continue;
          const i = (y * A.w + x) * 4;
          if (A.d[i] !== B.d[i] || A.d[i + 1] !== B.d[i + 1] || A.d[i + 2] !== B.d[i + 2]) n++;
        }
      }
      return n;
    }, [withMarks.toString('base64'), without.toString('base64'), clip, box]);
    assert.equal(outside, 0, `${outside} pixels of marks drawn outside the field`);
    await page.close();
  });
});

describe('item 5: marks on their words', () => {
  // The truth without any mirror: the caret position the browser itself finds at the
  // centre of each drawn mark must be inside the flagged span.
  async function marksOnWords(page, box) {
    const ms = (await marks(page)).filter((m) => m.start !== undefined);
    assert.ok(ms.length >= 3, `${ms.length} marks drawn`);
    const bad = [];
    let checked = 0;
    for (const m of ms) {
      for (const r of m.rects) {
        const x = (r.left + r.right) / 2;
        const y = (r.top + r.bottom) / 2;
        const at = await page.evaluate(([x, y, id]) => {
          const el = document.getElementById(id);
          const b = el.getBoundingClientRect();
          if (x < b.left + el.clientLeft || x > b.left + el.clientLeft + el.clientWidth || y < b.top + el.clientTop || y > b.top + el.clientTop + el.clientHeight) return null; // scrolled out
          if (document.elementFromPoint(x, y) !== el) return null; // under the badge
          const p = document.caretPositionFromPoint(x, y);
          return p && p.offsetNode === el ? p.offset : -1;
        }, [x, y, box]);
        if (at === null) continue;
        checked++;
        if (!(at >= m.start && at <= m.end)) bad.push(`${JSON.stringify(m.text)} [${m.start}, ${m.end}) drawn at offset ${at}`);
      }
    }
    return { bad, checked };
  }
  const WORDS = ['morgen', 'gaan', 'we', 'ff', 'naar', 'het', 'bos', 'kijken', 'lol', 'wat', 'er', 'allemaal', 'groeit', 'en', 'bloeit', 'ff', 'met', 'de', 'klas', 'lol'];
  const longText = () => {
    const out = [];
    for (let i = 0; i < 90; i++) out.push(WORDS[(i * 7) % WORDS.length]);
    return out.join(' ');
  };
  for (const [id, text] of [
    ['g-content', longText()],
    ['g-scroll', longText()],
    ['g-rtl', 'שלום לכולם ff מחר נפגשים בבית הספר lol תודה רבה ff להתראות'],
  ]) {
    it(`${id}: each mark lies on its word`, async () => {
      const page = await openCase('case=geometry');
      const ta = page.locator('#' + id);
      await ta.click();
      await page.keyboard.insertText(text);
      await waitMarks(page, ['ff', 'lol']);
      await page.waitForTimeout(300);
      const bad = [];
      let checked = 0;
      if (id === 'g-scroll') {
        const sb = await ta.evaluate((el) => el.offsetWidth - el.clientWidth);
        assert.ok(sb > 0, 'the textarea shows a classic scrollbar');
        // Every part of the text, a view at a time, at a few widths (where lines break
        // depends on it).
        for (const width of [440, 451, 463, 474]) {
          await ta.evaluate((el, w) => (el.style.width = w + 'px'), width);
          await page.waitForTimeout(150);
          const { h, total } = await ta.evaluate((el) => ({ h: el.clientHeight, total: el.scrollHeight }));
          for (let top = 0; top < total; top += h / 2) {
            await ta.evaluate((el, t) => (el.scrollTop = t), top);
            await page.waitForTimeout(100);
            const r = await marksOnWords(page, id);
            bad.push(...r.bad.map((b) => `width ${width}: ${b}`));
            checked += r.checked;
          }
        }
      } else {
        const r = await marksOnWords(page, id);
        bad.push(...r.bad);
        checked = r.checked;
      }
      assert.ok(checked >= 3, `${checked} marks checked`);
      assert.deepEqual([...new Set(bad)], []);
      await page.close();
    });
  }
});

describe('item 5: a family emoji (ZWJ sequence) is one emoji', () => {
  it('one is not a run, and the fix for two keeps one whole', async () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}';
    const page = await openEditor(env, 'textarea');
    await composer(page).click();
    await page.keyboard.insertText(`Leuk gezin ${family} op het plein. Bel 06-12345678`);
    await waitBadge(page, (b) => b.errors === 1);
    await page.waitForTimeout(500);
    assert.ok(!(await marks(page)).some((m) => m.text.includes(family)), 'one family emoji is not marked');
    await page.keyboard.press('Control+a');
    await page.keyboard.insertText(`Wat gezellig ${family}${family}`);
    await waitMarks(page, [family + family]);
    await page.waitForTimeout(1100);
    const card = await hoverMark(page, family + family);
    await card.locator('[data-fix="0"]').click();
    await waitText(page, `Wat gezellig ${family}`);
    await page.close();
  });
});

describe('item 6: composers in same-origin iframes', () => {
  for (const frame of ['srcdoc', 'page']) {
    it(`${frame} frame: marks, the card, a fix and the guard`, async () => {
      const page = await openCase('case=iframe');
      const f = page.frame({ name: frame });
      await f.waitForFunction(() => window.__ready);
      await f.locator('textarea').click();
      await page.keyboard.type('Bel me ff op 06-12345678');
      await waitBadge(page, (b) => b.errors >= 1, 'main', 15000, { frame });
      await page.waitForTimeout(1100);
      const card = await hoverMark(page, 'ff', { frame });
      const fix = card.locator('[data-fix="0"]');
      const replacement = await fix.getAttribute('data-replacement');
      await fix.click();
      const expected = `Bel me ${replacement} op 06-12345678`;
      await f.waitForFunction((e) => document.querySelector('textarea').value === e, expected);
      await page.keyboard.press('Control+Enter');
      await guard(page, { frame }).waitFor();
      assert.deepEqual(await published(page), []);
      await guard(page, { frame }).locator('[data-guard-back]').click();
      await f.locator('.publish').click();
      await guard(page, { frame }).waitFor();
      assert.deepEqual(await published(page), []);
      await page.close();
    });
  }
});

describe('item 9: the badge list follows a context change', () => {
  it('the list shows the findings for the account chosen in it', async () => {
    const page = await openEditor(env, 'textarea');
    await composer(page).click();
    await page.keyboard.type('Morgen is de schoolreis van groep 6 naar het bos.');
    await waitBadge(page, (b) => b.warnings + b.errors >= 1);
    await ui(page, '[data-postwacht-badge]').click();
    const panel = ui(page, '[data-postwacht-panel]');
    await panel.waitFor();
    assert.ok((await panel.locator('.item').count()) >= 1);
    await panel.locator('[data-account-school]').check();
    await waitBadge(page, (b) => b.account === 'school' && b.warnings + b.errors === 0);
    await page.waitForTimeout(300);
    assert.equal(await panel.locator('.item').count(), 0, 'no finding listed once there is none');
    await panel.locator('[data-account-school]').click();
    await waitBadge(page, (b) => b.account === 'personal' && b.warnings + b.errors >= 1);
    await page.waitForTimeout(300);
    assert.ok((await panel.locator('.item').count()) >= 1, 'the finding is listed again');
    await page.close();
  });
});

describe('item 12: the page cannot read the roster or click a fix', () => {
  it('no pupil name or group reaches the page, and untrusted clicks do nothing', async () => {
    const sw = env.browser.serviceWorker();
    const json = readFileSync(join(REPO, 'tests', 'e2e', 'fixtures', 'school.json'), 'utf8');
    await sw.evaluate((j) => chrome.storage.local.set({ imported_policy: { json: j, name: 'school.json', imported_at: Date.now() } }), json);
    const page = await env.context.newPage();
    // The page keeps every shadow root it can get hold of.
    await page.addInitScript(() => {
      window.__roots = [];
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init) {
        const r = attach.call(this, init);
        window.__roots.push(r);
        return r;
      };
    });
    await page.goto(`${env.server.origin}/page.html?editor=textarea`);
    await page.waitForFunction(() => window.__ready);
    await composer(page).click();
    await page.keyboard.type('Morgen speelt Daan op het schoolplein, bel ff');
    await waitMarks(page, ['Daan', 'ff']);
    // The teacher opens the card for the name.
    const card = await hoverMark(page, 'Daan');
    assert.match(await card.textContent(), /Daan/);
    const reachable = await page.evaluate(() => {
      const host = document.querySelector('postwacht-ui');
      const texts = [document.documentElement.outerHTML, document.body.innerText];
      for (const r of window.__roots) texts.push(r.innerHTML);
      if (host && host.shadowRoot) texts.push(host.shadowRoot.innerHTML);
      return { open: !!(host && host.shadowRoot), text: texts.join('\n') };
    });
    assert.equal(reachable.open, false, 'the UI root is closed');
    assert.doesNotMatch(reachable.text, /de Vries|groep 6/);
    // A click that is not the user's (a script's) applies no fix.
    await page.waitForTimeout(1100);
    await hoverMark(page, 'ff');
    const before = await getText(page);
    await uiEval(page, (root) => root.querySelector('[data-postwacht-card] [data-fix="0"]').click());
    await page.waitForTimeout(800);
    assert.equal(await getText(page), before);
    await sw.evaluate(() => chrome.storage.local.remove('imported_policy'));
    await page.close();
  });
});

describe('item 13: the guard fails closed', () => {
  it('a failed check holds the post, with a message', async () => {
    const sw = env.browser.serviceWorker();
    await sw.evaluate(() => {
      // Every check fails from now on (answered before the real handler can).
      self.__failChecks = (msg, _s, reply) => {
        if (msg && msg.type === 'check') reply({ ok: false, error: 'test: the checker is not available' });
      };
      chrome.runtime.onMessage.addListener(self.__failChecks);
    });
    try {
      const page = await openEditor(env, 'textarea');
      await composer(page).click();
      await page.keyboard.type('Bel me op 06-12345678');
      await waitBadge(page, (b) => b.state === 'error');
      await page.locator('.publish').click();
      await guard(page).waitFor();
      assert.ok(await guard(page).locator('[data-guard-failed]').count());
      assert.deepEqual(await published(page), []);
      await guard(page).locator('[data-guard-back]').click();
      await page.close();
    } finally {
      await sw.evaluate(() => chrome.runtime.onMessage.removeListener(self.__failChecks));
    }
  });

  it('a composer the page mounts again just before the click is checked first', async () => {
    const page = await openCase('case=remount');
    await field(page).click();
    await page.keyboard.type('Bel me op 06-12345678');
    await waitBadge(page, (b) => b.errors >= 1);
    await page.locator('.publish').click(); // mousedown mounts a new textarea with the text
    await guard(page).waitFor();
    assert.deepEqual(await published(page), []);
    await page.close();
  });
});

describe('item 14: keys typed right after clicking a fix stay where they were typed', () => {
  for (const editor of ['quill', 'prosemirror', 'slate', 'draft', 'lexical']) {
    it(editor, async () => {
      const page = await openEditor(env, editor);
      await composer(page).click();
      await page.keyboard.type('Bel me ff op');
      await waitText(page, 'Bel me ff op');
      await page.waitForTimeout(1100);
      const card = await hoverMark(page, 'ff');
      const fix = card.locator('[data-fix="0"]');
      const replacement = await fix.getAttribute('data-replacement');
      await fix.click();
      await page.keyboard.type('Q'); // within a few ms of the click
      await waitText(page, `Bel me ${replacement} opQ`);
      await page.close();
    });

    it(`${editor}: with the caret put inside the word by a click on its mark`, async () => {
      const page = await openEditor(env, editor);
      await composer(page).click();
      await page.keyboard.type('Bel me ff op');
      await waitText(page, 'Bel me ff op');
      const ms = await waitMarks(page, ['ff']);
      await page.waitForTimeout(1100);
      const m = ms.find((x) => x.text === 'ff');
      await page.mouse.click(m.x, m.y); // the caret between the two f's; the card opens
      const card = ui(page, '[data-postwacht-card]');
      const fix = card.locator('[data-fix="0"]');
      const replacement = await fix.getAttribute('data-replacement');
      await fix.click();
      await page.keyboard.type('Q');
      // The word the caret was in is replaced: the key follows the replacement.
      await waitText(page, `Bel me ${replacement}Q op`);
      await page.close();
    });
  }
});

describe('item 15: a lone surrogate from the page', () => {
  it('is checked (replaced for matching), with marks and fixes on the right spans', async () => {
    const page = await openEditor(env, 'textarea');
    const text = 'Bel me ff op \uD800 06-12345678';
    await composer(page).click();
    await page.evaluate((t) => {
      const ta = window.__boxes.main.el;
      ta.value = t;
      ta.setSelectionRange(t.length, t.length);
      ta.dispatchEvent(new InputEvent('input', { bubbles: true }));
    }, text);
    const b = await waitBadge(page, (b) => b.errors >= 1 || b.state === 'error');
    assert.notEqual(b.state, 'error', b.label);
    const ms = await waitMarks(page, ['06-12345678', 'ff']);
    assert.ok(ms.some((m) => m.text === '06-12345678'));
    await page.waitForTimeout(1100);
    const card = await hoverMark(page, 'ff');
    const fix = card.locator('[data-fix="0"]');
    const replacement = await fix.getAttribute('data-replacement');
    await fix.click();
    await waitText(page, `Bel me ${replacement} op \uD800 06-12345678`);
    await page.close();
  });
});

describe('no page errors', () => {
  it('none of the pages above threw', () => {
    assert.deepEqual(pageErrors, []);
  });
});
