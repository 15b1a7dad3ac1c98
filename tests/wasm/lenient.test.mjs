// The extension's side of the wasm API (dist/node/postwacht.js, the raw wasm-bindgen
// module; the Node facade in dist/node/index.js stays exactly `new Checker` + `check`):
//
//   Checker.lenient(policyJson)  never throws; keeps the valid parts of a broken policy
//   checker.problems()           "path: problem" for every part that was dropped
//   Checker.rules()              [{id, category, severity}] with the default severities
//   Checker.forExtension(policyJson, teacherRulesJson, managed)
//                                lenient, with the teacher's rule settings on top
//   checker.ruleRows()           [{id, category, default, school, teacher, effective, locked}]
//   checker.extensionSettings()  {sites, allow_pause, allow_override, override_needs_reason,
//                                 author_role (the policy's author.role, else null)}
//   checker.checkInContext(postJson)  {findings, context}: the context given or inferred
//   checker.schoolName()         the policy's school name or ""
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const MODULE = new URL('../../dist/node/postwacht.js', import.meta.url);
if (!existsSync(fileURLToPath(MODULE))) {
  throw new Error(`${fileURLToPath(MODULE)} is missing: run ./build.sh first`);
}
const { Checker } = await import(MODULE.href);

const post = (text, attachments = []) =>
  JSON.stringify({ text, context: { platform: 'facebook', account: 'personal', reply_to: null, attachments } });

test('a valid policy: no problems, same findings as new Checker', () => {
  const json = JSON.stringify({ school: { name: 'OBS De Wilgenhoek' }, roster: [{ name: 'Daan Verkerk', group: '4' }] });
  const lenient = Checker.lenient(json);
  assert.deepEqual(lenient.problems(), []);
  const p = post('Daan Verkerk uit groep 4 won vandaag.');
  assert.deepEqual(lenient.check(p), new Checker(json).check(p));
});

test('a broken policy keeps its valid parts and lists the rest with paths', () => {
  const json = JSON.stringify({
    school: { name: 'OBS De Wilgenhoek' },
    roster: [{ group: '4' }, { name: 'Daan Verkerk', group: '4', consent: { social: false } }],
    rules: { 'profanity.kurse': 'off', informal: 'loud' },
    extension: { allow_pause: 'no' },
  });
  assert.throws(() => new Checker(json));
  const checker = Checker.lenient(json);
  const problems = checker.problems();
  assert.ok(problems.every((p) => typeof p === 'string'));
  assert.ok(problems.some((p) => p.startsWith('roster[0]')), problems.join('\n'));
  assert.ok(problems.some((p) => p.startsWith('rules.profanity.kurse: unknown rule id')), problems.join('\n'));
  assert.ok(problems.some((p) => p.startsWith('rules.informal')), problems.join('\n'));
  assert.ok(problems.some((p) => p.startsWith('extension.allow_pause')), problems.join('\n'));
  // The valid pupil is still known: named without consent with a photo, it is an error.
  const findings = checker.check(post('Daan Verkerk uit groep 4 op de foto!', [{ kind: 'image', name: 'a.jpg' }]));
  assert.ok(findings.some((f) => f.rule === 'photo-consent.no-consent' && f.severity === 'error'), JSON.stringify(findings));
});

test('not JSON at all, empty, undefined: the default policy, with a problem only for the first', () => {
  assert.equal(Checker.lenient('{nope').problems().length, 1);
  assert.deepEqual(Checker.lenient('').problems(), []);
  assert.deepEqual(Checker.lenient(undefined).problems(), []);
  assert.ok(Checker.lenient('{nope').check(post('Bel me op 06-12345678')).some((f) => f.rule === 'confidential.phone'));
});

test('rules() lists every rule id with its category and default severity', () => {
  const rules = Checker.rules();
  assert.ok(rules.length >= 20);
  for (const r of rules) {
    assert.match(r.id, /^[a-z-]+\.[a-z-]+$/);
    assert.ok(r.id.startsWith(r.category + '.'));
    assert.ok(['error', 'warning', 'info'].includes(r.severity));
  }
  assert.ok(rules.some((r) => r.id === 'confidential.phone' && r.severity === 'error'));
});

test('forExtension: lenient, with the teacher settings on top, managed as a floor', () => {
  const json = JSON.stringify({ school: { name: 'OBS De Wilgenhoek' }, rules: { informal: 'warning' }, shcool: 1 });
  const teacher = JSON.stringify({ informal: 'off', 'confidential.phone': 'warning', discussion: 'loud' });
  const text = post('Hoi allemaal xxx, bel me op 06-12345678');

  const imported = Checker.forExtension(json, teacher, false);
  assert.ok(imported.problems().some((p) => p.startsWith('shcool: unknown key')), imported.problems().join('\n'));
  assert.equal(imported.schoolName(), 'OBS De Wilgenhoek');
  let findings = imported.check(text);
  assert.ok(!findings.some((f) => f.category === 'informal'), JSON.stringify(findings));
  assert.equal(findings.find((f) => f.rule === 'confidential.phone').severity, 'warning');
  const rows = imported.ruleRows();
  assert.deepEqual(rows.map((r) => r.id), Checker.rules().map((r) => r.id));
  assert.deepEqual(rows.find((r) => r.id === 'informal.kisses'), {
    id: 'informal.kisses', category: 'informal', default: 'warning', school: 'warning', teacher: 'off', effective: 'off', locked: false,
  });
  // Not a setting: no teacher choice.
  assert.equal(rows.find((r) => r.id === 'discussion.public-reply').teacher, null);

  const managed = Checker.forExtension(json, teacher, true);
  findings = managed.check(text);
  assert.ok(findings.some((f) => f.rule === 'informal.kisses' && f.severity === 'warning'), JSON.stringify(findings));
  assert.equal(findings.find((f) => f.rule === 'confidential.phone').severity, 'error');
  assert.ok(managed.ruleRows().every((r) => r.locked));
});

test('extensionSettings: the defaults filled in, wrong types fall back to them', () => {
  assert.deepEqual(Checker.forExtension('', '{}', false).extensionSettings(),
    { sites: [], allow_pause: true, allow_override: true, override_needs_reason: false, author_role: null });
  const json = JSON.stringify({ extension: { sites: ['parro.com'], allow_pause: false, allow_override: 'no', override_needs_reason: true } });
  const c = Checker.forExtension(json, undefined, true);
  assert.deepEqual(c.extensionSettings(),
    { sites: ['parro.com'], allow_pause: false, allow_override: true, override_needs_reason: true, author_role: null });
  assert.ok(c.problems().some((p) => p.startsWith('extension.allow_override')));
  // Every constructor has them.
  assert.equal(new Checker(json.replace('"no"', 'false')).extensionSettings().allow_override, false);
});

test('checkInContext: the findings and the context the core decided on; the policy role for the extension', () => {
  const json = JSON.stringify({ school: { name: 'OBS De Wilgenhoek' }, author: { role: 'leader' } });
  const c = Checker.forExtension(json, '{}', true);
  assert.equal(c.extensionSettings().author_role, 'leader');
  const { findings, context } = c.checkInContext(JSON.stringify({
    text: 'Nee, dat klopt niet. Het beleid is duidelijk.',
    context: { platform: 'schoolapp', account: 'auto', reply_to: null, reply_to_text: 'Mijn zoon mocht niet mee.' },
  }));
  assert.ok(findings.some((f) => f.rule === 'discussion.public-reply'), JSON.stringify(findings));
  assert.deepEqual(
    [context.account, context.account_from, context.reply_to, context.reply_to_from, context.reply_to_clue, context.author_role, context.author_role_from],
    ['school', 'platform', 'parent', 'inferred', 'Mijn zoon', 'leader', 'policy'],
  );
  assert.throws(() => c.checkInContext('{"text": 1}'), /post/);
});

test('the core rejects an unknown platform or reply kind (the service worker passes them through)', () => {
  const c = Checker.forExtension('', '{}', false);
  assert.throws(() => c.check(JSON.stringify({ text: 'x', context: { platform: 'myspace' } })), /platform|variant/);
  assert.throws(() => c.check(JSON.stringify({ text: 'x', context: { reply_to: 'boss' } })), /variant/);
  assert.ok(Array.isArray(c.check(JSON.stringify({ text: 'Fijne vakantie!', context: { platform: 'x', reply_to: 'parent' } }))));
});
