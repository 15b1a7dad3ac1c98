// Smoke test of dist/firefox in Firefox ESR (WebDriver BiDi, no geckodriver): the derived
// manifest loads, the background script runs the wasm, and a post gets its marks, its
// badge, a fix and the publish guard. Skipped when Firefox is not installed (run.sh
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

  const badge = () =>
    ff.evaluate(() => {
      const b = document.querySelector('postwacht-ui')?.shadowRoot?.querySelector('[data-postwacht-badge]');
      return b && { errors: +b.dataset.errors, warnings: +b.dataset.warnings, infos: +b.dataset.infos, state: b.dataset.state };
    });

  for (const [editor, csp] of [['textarea', false], ['contenteditable', true], ['prosemirror', false]]) {
    it(`${editor}${csp ? ' (strict CSP)' : ''}: marks, badge, a fix and the guard`, async () => {
      await ff.goto(`${server.origin}/${csp ? 'csp/' : ''}page.html?editor=${editor}`);
      await ff.waitFor(() => window.__ready && !!window.__boxes.main.el);
      await ff.click('[data-test-composer="main"] textarea, [data-test-composer="main"] [contenteditable="true"]');
      await ff.type(TEXT);
      await ff.waitFor((t) => window.__boxes.main.getText() === t, [TEXT]);
      const b = await ff.waitFor(() => {
        const el = document.querySelector('postwacht-ui')?.shadowRoot?.querySelector('[data-postwacht-badge]');
        return el && el.dataset.state === 'ok' && +el.dataset.errors >= 1 && { errors: +el.dataset.errors };
      });
      assert.ok(b.errors >= 1);
      // The marks, as drawn: textarea mirror, Custom Highlight API, or overlay underlines.
      const drawn = await ff.waitFor(() => {
        const root = document.querySelector('postwacht-ui').shadowRoot;
        const texts = [...root.querySelectorAll('.mirror span[data-sev]')].map((s) => s.textContent);
        if (window.CSS && CSS.highlights) for (const sev of ['error', 'warning', 'info']) for (const r of CSS.highlights.get('postwacht-' + sev) || []) texts.push(r.toString());
        const ulines = root.querySelectorAll('.uline').length;
        return (texts.includes('06-12345678') || ulines > 0) && { texts, ulines };
      });
      assert.ok(drawn.texts.includes('06-12345678') || drawn.ulines > 0);

      // A fix, through the badge panel and the card (as a keyboard or mouse user would).
      const ui = (sel) => `document.querySelector('postwacht-ui').shadowRoot.querySelector(${JSON.stringify(sel)})`;
      await ff.evaluate(new Function(`${ui('[data-postwacht-badge]')}.click()`));
      await ff.waitFor(new Function(`return !!${ui('[data-postwacht-panel]')}`));
      await ff.evaluate(() => [...document.querySelector('postwacht-ui').shadowRoot.querySelectorAll('[data-postwacht-panel] .item')].find((b) => b.textContent.includes('“ff”')).click());
      const replacement = await ff.waitFor(new Function(`const b = ${ui('[data-postwacht-card] [data-fix="0"]')}; return b && b.dataset.replacement`));
      await ff.evaluate(new Function(`${ui('[data-postwacht-card] [data-fix="0"]')}.click()`));
      const start = TEXT.indexOf(' ff ') + 1;
      const fixed = TEXT.slice(0, start) + replacement + TEXT.slice(start + 2);
      await ff.waitFor((t) => window.__boxes.main.getText() === t, [fixed]);

      // Ctrl+Enter is held back while the phone number is there.
      await ff.evaluate(() => window.__boxes.main.el.focus());
      await ff.press(KEY.Control, KEY.Enter);
      await ff.waitFor(() => !!document.querySelector('postwacht-ui').shadowRoot.querySelector('[data-postwacht-guard]'));
      assert.deepEqual(await ff.evaluate(() => window.__published), []);
      await ff.evaluate(() => document.querySelector('postwacht-ui').shadowRoot.querySelector('[data-guard-back]').click());
      await ff.waitFor(() => !document.querySelector('postwacht-ui').shadowRoot.querySelector('[data-postwacht-guard]'));
      assert.equal(await ff.evaluate(() => window.__boxes.main.getText()), fixed);
      assert.ok(await badge());
    });
  }
});
