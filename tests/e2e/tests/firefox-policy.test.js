// Firefox ESR: the shipped, packed XPI (dist/postwacht-firefox.xpi from scripts/package.sh)
// loads on a host it is built for (https://www.facebook.com, served locally: lib/server.js), and
// the school's policy from policies.json ("3rdparty" → "Extensions" → the gecko id) reaches
// the extension through storage.managed: a roster pupil's name is marked. Firefox reads
// policies.json at start only, so it is written before the browser starts. An existing
// policies.json is kept aside and put back, even on failure (lib/policy-files.js).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchFirefox, hasFirefox } from '../lib/firefox.js';
import { startServer } from '../lib/server.js';
import { buildPages, PAGES_OUT } from '../lib/build-pages.js';
import { SHIPPED_DIR, SHIPPED_HOST } from '../lib/helpers.js';
import { cleanupStale, writeFirefoxPolicies, restoreFirefox } from '../lib/policy-files.js';

const DIST = SHIPPED_DIR;
const XPI = join(DIST, 'postwacht-firefox.xpi');
const FIREFOX_DIR = join(DIST, 'firefox');
const skip = !hasFirefox() || typeof WebSocket !== 'function' ? 'Firefox ESR (or a WebSocket client) is not available' : false;

describe('Firefox: policies.json "3rdparty"', { skip }, () => {
  let ff;
  let server;
  before(async () => {
    cleanupStale();
    const gecko = JSON.parse(readFileSync(join(FIREFOX_DIR, 'manifest.json'), 'utf8')).browser_specific_settings.gecko.id;
    writeFirefoxPolicies({
      '3rdparty': {
        Extensions: {
          [gecko]: { policy_json: JSON.stringify({ school: { name: 'OBS De Vossenburcht' }, roster: [{ name: 'Xandrijn Pluimveer', group: '6', consent: { social: false } }] }) },
        },
      },
    });
    server = await startServer(process.env.POSTWACHT_PAGES_BUILT ? PAGES_OUT : await buildPages(), { host: SHIPPED_HOST });
    // The packed XPI when build.sh made one (the fake-core run has only the directory).
    ff = await launchFirefox(existsSync(XPI) ? XPI : FIREFOX_DIR, { localHost: SHIPPED_HOST });
  });
  after(async () => {
    try {
      if (ff) await ff.close();
      if (server) await server.close();
    } finally {
      restoreFirefox();
    }
  });

  it('the roster from policies.json is used: a pupil named in a post is an error', async () => {
    await ff.goto(`${server.origin}/page.html?editor=textarea`);
    await ff.waitFor(() => window.__ready && !!window.__boxes.main.el);
    // Postwacht's UI is in a closed shadow root: the page (and WebDriver BiDi) reads only
    // the postwacht:marks-updated event with the badge's counts. The same text without the
    // roster has no error (the name is not one a pupil context or a word list gives).
    await ff.evaluate(() => document.addEventListener('postwacht:marks-updated', (e) => (window.__marks = { errors: e.detail.errors })));
    await ff.click('[data-test-composer="main"] textarea');
    const text = 'Vandaag heeft Xandrijn Pluimveer een prachtige tekening gemaakt.';
    await ff.type(text);
    await ff.waitFor((t) => window.__boxes.main.getText() === t, [text]);
    const marked = await ff.waitFor(() => window.__marks && window.__marks.errors >= 1 && window.__marks, [], 20000);
    assert.ok(marked.errors >= 1, JSON.stringify(marked));
  });
});
