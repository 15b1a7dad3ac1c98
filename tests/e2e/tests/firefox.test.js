// Smoke test of dist/firefox in Firefox ESR (WebDriver BiDi, no geckodriver): the derived
// manifest loads, the background script runs the wasm, and a post gets its marks, its
// badge counts, its card by keyboard, a fix by a real mouse click and the publish guard. Skipped when Firefox is not installed (run.sh
// installs firefox-esr unless POSTWACHT_E2E_FIREFOX=0).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve, dirname } from 'node:path';
import { launchFirefox, hasFirefox, KEY } from '../lib/firefox.js';
import { startServer } from '../lib/server.js';
import { buildPages, PAGES_OUT } from '../lib/build-pages.js';
import { EXTENSION_DIR, TEXT } from '../lib/helpers.js';

const FIREFOX_DIR = process.env.POSTWACHT_FIREFOX_DIR || join(dirname(resolve(EXTENSION_DIR)), 'firefox');
const skip = !hasFirefox() || typeof WebSocket !== 'function' ? 'Firefox ESR (or a WebSocket client) is not available' : false;

describe('Firefox', { skip }, () => {
  let ff;
  let server;
  before(async () => {
    server = await startServer(process.env.POSTWACHT_PAGES_BUILT ? PAGES_OUT : await buildPages());
    ff = await launchFirefox(FIREFOX_DIR);
  });
  after(async () => {
    if (ff) await ff.close();
    if (server) await server.close();
  });

  // Postwacht's UI is in a closed shadow root (no chrome.dom in Firefox): the test goes the
  // way a user does, by keyboard and mouse (trusted events), and reads what the page may
  // read: the postwacht:marks-updated event with the badge's counts, the CSS highlights,
  // the text, where the focus is. Only to find the fix button to click it finds it through
  // WebDriver BiDi's serialization of closed shadow roots (ff.uiNode).
  const lastMarks = () => ff.evaluate(() => window.__marks || null);

  for (const [editor, csp] of [['textarea', false], ['contenteditable', true], ['prosemirror', false]]) {
    it(`${editor}${csp ? ' (strict CSP)' : ''}: marks, badge, the card and the guard`, async () => {
      await ff.goto(`${server.origin}/${csp ? 'csp/' : ''}page.html?editor=${editor}`);
      await ff.waitFor(() => window.__ready && !!window.__boxes.main.el);
      await ff.evaluate(() => {
        window.__marks = null;
        document.addEventListener('postwacht:marks-updated', (e) => (window.__marks = { errors: e.detail.errors, warnings: e.detail.warnings, infos: e.detail.infos }));
      });
      await ff.click('[data-test-composer="main"] textarea, [data-test-composer="main"] [contenteditable="true"]');
      await ff.type(TEXT);
      await ff.waitFor((t) => window.__boxes.main.getText() === t, [TEXT]);
      const b = await ff.waitFor(() => window.__marks && window.__marks.errors >= 1 && window.__marks);
      assert.ok(b.errors >= 1);
      if (editor !== 'textarea') {
        // The marks, as drawn with the Custom Highlight API.
        const drawn = await ff.waitFor(() => {
          const texts = [];
          if (window.CSS && CSS.highlights) for (const sev of ['error', 'warning', 'info']) for (const r of CSS.highlights.get('postwacht-' + sev) || []) texts.push(r.toString());
          return texts.includes('06-12345678') && texts;
        });
        assert.ok(drawn.includes('ff'));
      }

      // The card by keyboard: the caret into "ff", Alt+Shift+P moves the focus into it (or,
      // where the caret is on no mark, into the badge's list); Escape goes back to the draft.
      const start = TEXT.indexOf(' ff ') + 1;
      for (let i = 0; i < TEXT.length - (start + 1); i++) await ff.press(KEY.ArrowLeft);
      await ff.press(KEY.Alt, KEY.Shift, 'P');
      await ff.waitFor(() => document.activeElement && document.activeElement.matches('postwacht-ui'));
      await ff.press(KEY.Escape);
      await ff.waitFor(() => document.activeElement === window.__boxes.main.el);

      // The fix is applied by a real mouse click on its button (a script's click() is
      // ignored on purpose: the buttons act on user events only; Enter sent over WebDriver
      // BiDi to the focused button fires no click in this Firefox). The card for "ff" opens
      // by keyboard in the textarea, by hovering the mark elsewhere (the CSS highlight's place).
      if (editor === 'textarea') {
        await ff.press(KEY.Alt, KEY.Shift, 'P');
      } else {
        const at = await ff.waitFor(() => {
          for (const sev of ['error', 'warning', 'info']) {
            for (const r of CSS.highlights.get('postwacht-' + sev) || []) {
              if (r.toString() !== 'ff') continue;
              const q = r.getClientRects()[0];
              return { x: Math.round(q.left + q.width / 2), y: Math.round(q.top + q.height / 2) };
            }
          }
          return null;
        });
        await ff.send('input.performActions', {
          context: ff.context,
          actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
            { type: 'pointerMove', x: at.x - 20, y: at.y + 30, origin: 'viewport' },
            { type: 'pointerMove', x: at.x, y: at.y, origin: 'viewport', duration: 100 },
          ] }],
        });
      }
      let fix = null;
      for (let i = 0; i < 50 && !fix; i++) {
        fix = await ff.uiNode('[data-postwacht-card] [data-fix="0"]');
        if (!fix) await new Promise((r) => setTimeout(r, 100));
      }
      assert.ok(fix, 'the card for "ff" shows a fix');
      const attrs = (fix.value && fix.value.attributes) || {};
      const replacement = attrs['data-replacement'];
      assert.ok(replacement && replacement !== 'ff', `a replacement for "ff": ${JSON.stringify(attrs)}`);
      await ff.clickNode(fix);
      const fixed = TEXT.replace(' ff ', ` ${replacement} `);
      await ff.waitFor((t) => window.__boxes.main.getText() === t, [fixed]);
      await ff.waitFor(() => document.activeElement === window.__boxes.main.el);

      // Ctrl+Enter is held back while the phone number is there (the focus goes to the
      // guard); Escape goes back to the draft, which is unchanged.
      await ff.press(KEY.Control, KEY.Enter);
      await ff.waitFor(() => /* the guard */ document.activeElement && document.activeElement.matches('postwacht-ui')).catch(async (e) => {
        // Seen once in about a dozen runs on a loaded machine; what the page saw then:
        console.log('# no guard after Ctrl+Enter:', JSON.stringify(await ff.evaluate(() => ({ published: window.__published, active: document.activeElement && document.activeElement.outerHTML.slice(0, 80), marks: window.__marks, text: window.__boxes.main.getText() }))));
        throw e;
      });
      assert.deepEqual(await ff.evaluate(() => window.__published), []);
      await ff.press(KEY.Escape);
      await ff.waitFor(() => document.activeElement === window.__boxes.main.el);
      assert.deepEqual(await ff.evaluate(() => window.__published), []);
      assert.equal(await ff.evaluate(() => window.__boxes.main.getText()), fixed);
      assert.ok((await lastMarks()).errors >= 1);
    });
  }
});
