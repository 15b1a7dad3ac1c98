// The manifests build.mjs writes: the shipped ones name no local host, the test ones do,
// and Firefox gets its background scripts and gecko id.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { manifestFor, TEST_HOSTS } from '../build.mjs';

const base = JSON.parse(readFileSync(new URL('../manifest.json', import.meta.url), 'utf8'));
const hosts = (/** @type {Record<string, any>} */ m) => [...m.host_permissions, ...m.content_scripts.flatMap((/** @type {any} */ c) => c.matches)];
const local = (/** @type {string} */ h) => /127\.0\.0\.1|localhost/.test(h);

describe('build.mjs manifests', () => {
  for (const browser of /** @type {const} */ (['chrome', 'firefox'])) {
    it(`${browser}: the shipped manifest names no local host; the test one adds exactly the test hosts`, () => {
      const shipped = manifestFor(base, { browser, test: false });
      assert.deepEqual(hosts(shipped).filter(local), []);
      const test = manifestFor(base, { browser, test: true });
      assert.deepEqual(test.host_permissions, [...shipped.host_permissions, ...TEST_HOSTS]);
      assert.deepEqual(test.content_scripts[0].matches, [...shipped.content_scripts[0].matches, ...TEST_HOSTS]);
    });
  }
  it('firefox: background scripts, the gecko id, no managed_schema; chrome keeps the source manifest', () => {
    const ff = manifestFor(base, { browser: 'firefox', test: false });
    assert.deepEqual(ff.background, { scripts: [base.background.service_worker], type: 'module' });
    assert.equal(ff.browser_specific_settings.gecko.id, 'postwacht@postwacht.extension');
    assert.equal(ff.storage, undefined);
    assert.deepEqual(manifestFor(base, { browser: 'chrome', test: false }), base);
  });
});
