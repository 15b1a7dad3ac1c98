// The extension's policy store (extension/background/policy-store.js) with the real core:
// which source wins, how managed keys are merged, and what the service worker hands the
// options page and popup ('policy-info'), compiled by the wasm build in dist/node/.
// Storage is not involved: policySources() takes what the three stores hold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MODULE = new URL('../../dist/node/postwacht.js', import.meta.url);
if (!existsSync(fileURLToPath(MODULE))) {
  throw new Error(`${fileURLToPath(MODULE)} is missing: run ./build.sh first`);
}
const { Checker } = await import(MODULE.href);
const store = await import(new URL('../../extension/background/policy-store.js', import.meta.url).href);

const post = (text) => JSON.stringify({ text, context: { platform: 'facebook', account: 'personal', reply_to: null, attachments: [] } });
const SCHOOL = { school: { name: 'OBS De Wilgenhoek' }, roster: [{ name: 'Daan Verkerk', group: '4' }] };

test('nothing set: the default policy, every rule at its default, default extension settings', () => {
  const p = store.policySources({});
  assert.equal(p.source, 'default');
  assert.equal(p.json, '');
  const { checker, problems, info } = store.compilePolicy(Checker, p);
  assert.deepEqual(problems, []);
  assert.equal(info.name, '');
  assert.equal(info.source, 'default');
  assert.equal(info.imported_ignored, false);
  assert.deepEqual([info.allow_pause, info.allow_override, info.override_needs_reason, info.sites], [true, true, false, []]);
  const defaults = Object.fromEntries(Checker.rules().map((r) => [r.id, r.severity]));
  assert.equal(info.rules.length, Checker.rules().length);
  for (const r of info.rules) assert.equal(r.effective, defaults[r.id], r.id);
  assert.ok(checker.check(post('Bel me op 06-12345678')).some((f) => f.rule === 'confidential.phone'));
});

test('an imported file is used as written; a broken one keeps its valid parts', () => {
  const imported = { json: JSON.stringify({ ...SCHOOL, rules: { informal: 'loud' } }), name: 'wilgenhoek.json' };
  const p = store.policySources({ imported, teacherRules: { informal: 'off' } });
  assert.equal(p.source, 'imported');
  assert.equal(p.json, imported.json);
  const { checker, info } = store.compilePolicy(Checker, p);
  assert.equal(info.name, 'OBS De Wilgenhoek');
  assert.ok(info.problems.some((x) => x.startsWith('rules.informal')), info.problems.join('\n'));
  // Not managed: the teacher may switch a category off.
  assert.ok(info.rules.filter((r) => r.category === 'informal').every((r) => r.effective === 'off' && !r.locked));
  assert.ok(!checker.check(post('Hoi xxx lol')).some((f) => f.category === 'informal'));
  assert.ok(checker.check(post('Daan Verkerk uit groep 4 won.')).some((f) => f.rule === 'student-name.roster'));
  // No school name in the file: the file's name.
  const bare = store.compilePolicy(Checker, store.policySources({ imported: { json: '{nope', name: 'kapot.json' } }));
  assert.equal(bare.info.name, 'kapot.json');
  assert.equal(bare.info.problems.length, 1);
  assert.match(bare.info.problems[0], /not valid JSON/);
});

test('managed wins over an imported file; a separate managed key wins over policy_json', () => {
  const raw = {
    policy_json: JSON.stringify({ ...SCHOOL, rules: { informal: 'error' }, extension: { allow_pause: false } }),
    rules: { informal: 'warning' },
    shcool: {},
  };
  const p = store.policySources({ managedRaw: raw, imported: { json: '{}', name: 'x.json' }, teacherRules: { informal: 'off', discussion: 'error' } });
  assert.equal(p.source, 'managed');
  assert.equal(p.imported_ignored, true);
  const { checker, info } = store.compilePolicy(Checker, p);
  assert.equal(info.allow_pause, false);
  assert.ok(info.problems.some((x) => x.startsWith('shcool: unknown key; did you mean "school"')), info.problems.join('\n'));
  const kisses = info.rules.find((r) => r.id === 'informal.kisses');
  // The school's "warning" is a floor: the teacher's "off" does not count.
  assert.deepEqual([kisses.school, kisses.teacher, kisses.effective, kisses.locked], ['warning', 'off', 'warning', true]);
  assert.equal(info.rules.find((r) => r.id === 'discussion.public-reply').effective, 'error');
  assert.ok(checker.check(post('Hoi xxx')).some((f) => f.rule === 'informal.kisses' && f.severity === 'warning'));
});

test('managed storage the browser trimmed: the store says what looks dropped', () => {
  const m = store.managedPolicy({ roster_salt: '00112233445566778899aabbccddeeff' });
  assert.ok(m.problems.some((x) => x.startsWith('school: missing')));
  assert.ok(m.problems.some((x) => x.startsWith('roster: missing while roster_salt')));
  assert.equal(store.managedPolicy({}), null);
  assert.equal(store.managedPolicy(undefined), null);
  const bad = store.managedPolicy({ policy_json: '[1]', school: { name: 'X' } });
  assert.deepEqual(bad.problems, ['policy_json: expected the policy as a JSON object, found a list']);
  assert.deepEqual(bad.policy, { school: { name: 'X' } });
});

test('teacher settings that are not an object count as none', () => {
  for (const teacherRules of [undefined, null, 'error', ['informal']]) {
    const p = store.policySources({ teacherRules });
    assert.equal(p.teacherRules, '{}');
  }
});
