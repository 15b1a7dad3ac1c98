// The core's policy problems in Dutch (shared/policy-errors.js): every sentence the core
// (dist/node, built by ./build.sh) writes for a set of broken policies has a translation.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { policyErrorList, problemText } from '../shared/policy-errors.js';

const NODE = new URL('../../dist/node/index.js', import.meta.url);
const hasCore = existsSync(NODE);

// Words of the core's English that no Dutch sentence here contains.
const ENGLISH = /\b(expected|found|unknown|invalid|problems?|missing|needs|give either|empty string|lists them|while parsing)\b/;

const BROKEN = [
  '{"shcool": {"name": "X"}}',
  '{"version": 2}',
  '{"school": {"name": 3}}',
  '{"school": "X"}',
  '{"school": {"name": "X", "aliases": [1, ""]}, "rules": {"informal": "loud", "informl": "error", "zzzzzzzzzzzz": "off"}}',
  '{"school": {"name": "X"}, "roster": "Daan"}',
  '{"school": {"name": "X"}, "roster": [{"name": "Daan", "hashed_name": "ab"}, {"hashed_name": "zz"}]}',
  '{"school": {"name": "X"}, "roster_salt": "xyz"}',
  '{"school": {"name": "X"}, "extension": {"allow_pause": "no", "sites": "https://a.nl"}}',
  '{"school": {"name": "X"}, "channels": {"facebook": "telepathy"}}',
  '{"school": {"name": "X"}, "offline_contact": 5, "rules": []}',
  '{"school": ',
  '{"school": {"name": "X"},}',
  '[1, 2',
  'nonsense',
];

describe('policy errors in Dutch', { skip: hasCore ? false : 'dist/node is missing (run ./build.sh)' }, () => {
  it('translates every problem the core reports for broken policies', async () => {
    const { Checker } = await import(NODE.href);
    let seen = 0;
    for (const json of BROKEN) {
      let error = '';
      try {
        new Checker(json);
      } catch (e) {
        error = String(/** @type {Error} */ (e).message);
      }
      assert.ok(error, `the core refuses ${json}`);
      const en = policyErrorList(error, 'en');
      const nl = policyErrorList(error, 'nl');
      assert.equal(nl.length, en.length);
      for (const line of nl) {
        seen++;
        // The path and quoted key names stay as they are; the sentence is Dutch.
        const sentence = line.replace(/"[^"]*"/g, '""').replace(/`[^`]*`/g, '``').replace(/^[\w.[\]-]+: /, '');
        assert.doesNotMatch(sentence, ENGLISH, `${json}\n  core: ${error}\n  nl: ${line}`);
      }
      assert.deepEqual(en, en.map((x) => problemText(x, 'en')), 'English stays as the core wrote it');
    }
    assert.ok(seen >= BROKEN.length);
  });
});

describe('policyErrorList', () => {
  it('splits the core error into its problems and keeps paths', () => {
    const e = 'invalid policy (2 problems): shcool: unknown key; did you mean "school"?; version: expected 1, found 2';
    assert.deepEqual(policyErrorList(e, 'en'), ['shcool: unknown key; did you mean "school"?', 'version: expected 1, found 2']);
    assert.deepEqual(policyErrorList(e, 'nl'), ['shcool: onbekende sleutel; bedoel je "school"?', 'version: hier hoort 1, maar er staat 2']);
  });
});
