// What may go to permissions.request (shared/sites.js).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sitePattern, originPattern } from '../shared/sites.js';

describe('sitePattern', () => {
  it('takes one https origin, in the forms IT writes', () => {
    assert.equal(sitePattern('https://app.school.nl/*'), 'https://app.school.nl/*');
    assert.equal(sitePattern('https://app.school.nl'), 'https://app.school.nl/*');
    assert.equal(sitePattern('https://App.School.nl/'), 'https://app.school.nl/*');
    assert.equal(sitePattern('https://*.school.nl/*'), 'https://*.school.nl/*');
    assert.equal(sitePattern('https://intranet.school.nl:8443/*'), 'https://intranet.school.nl/*');
  });
  it('refuses what would ask for more than one site, or is no site', () => {
    for (const bad of ['https://*/*', '<all_urls>', '*://*/*', 'http://app.school.nl/*', 'https://*.nl/*', 'https://app.school.nl/path/*',
      'https://app.school.nl/*?x', 'app.school.nl', '', 'https://', 'https://-bad.nl/*', 'https://a b.nl/*', 'https://10.0.0.1/*', 'file:///etc/*', 42, null]) {
      assert.equal(sitePattern(bad), null, String(bad));
    }
  });
});

describe('originPattern', () => {
  it('gives the origin of an https page, nothing for others', () => {
    assert.equal(originPattern('https://app.school.nl/berichten?id=3'), 'https://app.school.nl/*');
    assert.equal(originPattern('https://school.example:8443/x'), 'https://school.example/*');
    assert.equal(originPattern('http://app.school.nl/'), null);
    assert.equal(originPattern('chrome://extensions/'), null);
    assert.equal(originPattern(undefined), null);
  });
});
