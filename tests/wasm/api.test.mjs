// The Node API of the wasm build (dist/node/index.js, written by ./build.sh):
//
//   new Checker(policyJson?)   undefined / null / "" → the embedded default policy
//   checker.check(postJson)    → array of plain finding objects
//
// Run with tests/run-wasm-tests.sh (builds first), or `node --test tests/wasm/` after
// ./build.sh. Only behaviour is asserted here; timings live in ./build.sh bench.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const INDEX = new URL('../../dist/node/index.js', import.meta.url);
if (!existsSync(fileURLToPath(INDEX))) {
  throw new Error(`${fileURLToPath(INDEX)} is missing: run ./build.sh first`);
}
const { Checker } = await import(INDEX.href);

const FIELDS = [
  'category', 'rule', 'severity', 'start', 'end', 'start_byte', 'end_byte',
  'text', 'message', 'reference', 'fixes',
].sort();
const CATEGORIES = [
  'disclaimer', 'student-name', 'photo-consent', 'informal', 'profanity', 'confidential', 'discussion',
];

// A small school in the policy format (names made up for this test).
const POLICY = {
  school: { name: 'OBS De Wilgenhoek', aliases: ['De Wilgenhoek'], board: 'Stichting Polderscholen' },
  roster: [
    { name: 'Daan Verkerk', group: '4', consent: { social: false, website: false, schoolapp: true } },
    { name: 'Fenna Bos', group: '4', consent: { social: true, website: true, schoolapp: true } },
    { name: 'Youssef Amrani', group: '7', consent: { social: true, schoolapp: true } },
  ],
  staff: ['Hanneke Vlot', 'Gerrit Zijlstra'],
};

const post = (text, context = {}) =>
  JSON.stringify({
    text,
    context: { platform: 'facebook', account: 'personal', reply_to: null, attachments: [], ...context },
  });

// A post that breaks several rules at once: a pupil named (without consent, photo
// attached), a phone number, chat-speak, a curse and the school named without statement.
const BUSY_POST = post(
  'Haha 😂 Daan uit groep 4 van De Wilgenhoek was vandaag echt kut chagrijnig lol, ' +
    'bel zijn moeder maar op 06-12345678!!!',
  { attachments: [{ kind: 'image', name: 'IMG_0001.jpg' }] },
);

test('the facade exposes exactly new Checker(policyJson) and check(postJson)', () => {
  assert.equal(typeof Checker, 'function');
  assert.deepEqual(Object.getOwnPropertyNames(Checker.prototype).sort(), ['check', 'constructor']);
});

test('constructs with the default policy: no argument, undefined, null, ""', () => {
  for (const arg of [[], [undefined], [null], ['']]) {
    const checker = new Checker(...arg);
    const findings = checker.check(post('Fijne vakantie allemaal!'));
    assert.ok(Array.isArray(findings), `check() returns an array (args ${JSON.stringify(arg)})`);
  }
});

test('constructs with a valid policy and checks many posts with one checker', () => {
  const checker = new Checker(JSON.stringify(POLICY));
  for (let i = 0; i < 50; i++) {
    assert.ok(Array.isArray(checker.check(post(`Bericht ${i}: morgen is de school om 14.00 uur uit.`))));
  }
});

test('a malformed policy throws an Error with a message', () => {
  for (const bad of ['{not json', '[]', '{"roster": 5}', '{"roster": [{"group": "4"}]}']) {
    assert.throws(
      () => new Checker(bad),
      (e) => e instanceof Error && typeof e.message === 'string' && e.message.length > 0,
      `policy ${bad} must be refused`,
    );
  }
});

test('the policy error names the path of the problem', () => {
  assert.throws(() => new Checker('{"roster": 5}'), (e) => e instanceof Error && /roster/.test(e.message));
});

test('a policy that is not a string throws an Error', () => {
  assert.throws(() => new Checker(42), Error);
  assert.throws(() => new Checker({ school: {} }), Error);
});

test('a bad post throws an Error (and the checker keeps working)', () => {
  const checker = new Checker();
  for (const bad of ['{', '', 'null', '{"context": {}}', '{"text": 5}', '{"text": "x", "context": {"platform": "myspace"}}']) {
    assert.throws(
      () => checker.check(bad),
      (e) => e instanceof Error && e.message.length > 0,
      `post ${JSON.stringify(bad)} must be refused`,
    );
  }
  assert.throws(() => checker.check(undefined), Error);
  assert.throws(() => checker.check({ text: 'an object, not JSON' }), Error);
  assert.ok(Array.isArray(checker.check(post('Nog steeds in orde.'))));
});

test('check returns plain objects with the documented fields', () => {
  const checker = new Checker(JSON.stringify(POLICY));
  const findings = checker.check(BUSY_POST);
  assert.ok(Array.isArray(findings));
  assert.ok(findings.length > 0, 'a post with a phone number, a pupil and a curse has findings');
  for (const f of findings) {
    assert.equal(Object.getPrototypeOf(f), Object.prototype, 'a plain object');
    assert.deepEqual(Object.keys(f).sort(), FIELDS);
    assert.ok(CATEGORIES.includes(f.category), f.category);
    assert.ok(['info', 'warning', 'error'].includes(f.severity), f.severity);
    assert.equal(typeof f.rule, 'string');
    assert.equal(typeof f.message, 'string');
    assert.equal(typeof f.reference, 'string');
    for (const k of ['start', 'end', 'start_byte', 'end_byte']) assert.ok(Number.isInteger(f[k]), k);
    assert.ok(Array.isArray(f.fixes));
    for (const fix of f.fixes) {
      assert.equal(typeof fix.label, 'string');
      assert.equal(typeof fix.replacement, 'string');
      assert.equal(typeof fix.span, 'object');
    }
  }
  // The result is data, not a view into wasm memory: it survives JSON and further checks.
  const copy = JSON.parse(JSON.stringify(findings));
  checker.check(post('Iets anders.'));
  assert.deepEqual(findings, copy);
});

test('spans are UTF-16 code units: an emoji before a phone number', () => {
  const checker = new Checker();
  const text = 'Vragen? 😀🎉 Bel gerust naar 06-12345678, ook in het weekend.';
  const findings = checker.check(post(text));
  const phone = findings.find((f) => text.slice(f.start, f.end) === '06-12345678');
  assert.ok(
    phone,
    `a finding whose start/end slice the JS string to the phone number; got ${JSON.stringify(
      findings.map((f) => [f.rule, f.start, f.end, f.text]),
    )}`,
  );
  assert.equal(phone.category, 'confidential');
  assert.equal(phone.text, '06-12345678');
  // And the byte offsets address the UTF-8 encoding of the same text.
  const bytes = Buffer.from(text, 'utf8');
  assert.equal(bytes.subarray(phone.start_byte, phone.end_byte).toString('utf8'), '06-12345678');
});

test('every finding’s span slices its own text, in UTF-16 and in UTF-8', () => {
  const checker = new Checker(JSON.stringify(POLICY));
  const text = JSON.parse(BUSY_POST).text;
  const bytes = Buffer.from(text, 'utf8');
  for (const f of checker.check(BUSY_POST)) {
    if (f.start === f.end) continue; // whole-post findings may have an empty span
    assert.equal(text.slice(f.start, f.end), f.text, `${f.rule} UTF-16 span`);
    assert.equal(bytes.subarray(f.start_byte, f.end_byte).toString('utf8'), f.text, `${f.rule} byte span`);
  }
});
