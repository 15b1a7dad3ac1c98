// Who may ask the service worker what (background/senders.js).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { senderKind, refusal, forContent, MAY_ASK } from '../background/senders.js';

const ID = 'omkhemjkngnbkdmjfdpahofmpkjcijhe';
const ORIGIN = `chrome-extension://${ID}/`;
const page = { id: ID, url: `${ORIGIN}options/options.html` };
const content = { id: ID, url: 'https://www.facebook.com/', tab: { id: 7 } };

describe('senderKind', () => {
  it("tells the extension's pages from its content scripts", () => {
    assert.equal(senderKind(page, ID, ORIGIN), 'page');
    // An extension page opened in a tab is still a page.
    assert.equal(senderKind({ ...page, tab: { id: 3 } }, ID, ORIGIN), 'page');
    assert.equal(senderKind(content, ID, ORIGIN), 'content');
    assert.equal(senderKind({ id: ID, url: 'about:blank', tab: { id: 7 } }, ID, ORIGIN), 'content');
  });
  it('refuses other extensions and senders without a tab or an own URL', () => {
    assert.equal(senderKind({ ...page, id: 'abcdefghijklmnopabcdefghijklmnop' }, ID, ORIGIN), null);
    assert.equal(senderKind({ ...content, id: 'abcdefghijklmnopabcdefghijklmnop' }, ID, ORIGIN), null);
    assert.equal(senderKind({ id: ID, url: 'https://evil.example/' }, ID, ORIGIN), null);
    assert.equal(senderKind({ id: ID, url: `chrome-extension://${'a'.repeat(32)}/x.html` }, ID, ORIGIN), null);
    assert.equal(senderKind(undefined, ID, ORIGIN), null);
  });
});

describe('refusal', () => {
  it('lets content scripts check, report and read settings, and nothing else', () => {
    for (const type of ['check', 'policy-info', 'counts', 'override']) assert.equal(refusal({ type }, 'content'), null, type);
    for (const type of ['validate-policy', 'import-policy', 'remove-policy', 'ping']) assert.ok(refusal({ type }, 'content'), type);
  });
  it("lets the extension's pages manage the policy", () => {
    for (const type of ['check', 'policy-info', 'validate-policy', 'import-policy', 'remove-policy', 'ping']) assert.equal(refusal({ type }, 'page'), null, type);
  });
  it('refuses unknown senders and messages, also names from Object.prototype', () => {
    assert.deepEqual(refusal({ type: 'check' }, null), { ok: false, error: 'unknown sender' });
    for (const msg of [{ type: 'nope' }, { type: 'toString' }, { type: '__proto__' }, {}, null, 'check']) assert.ok(refusal(msg, 'page'), JSON.stringify(msg));
  });
  it('names a sender kind for every message', () => {
    for (const [type, kinds] of Object.entries(MAY_ASK)) assert.ok(kinds.length > 0, type);
  });
});

describe('forContent', () => {
  it('keeps the settings and drops the problem texts', () => {
    const info = { allow_pause: false, source: 'managed', problems: ['roster[0].name: Daan de Vries ...'] };
    const out = forContent(info);
    assert.deepEqual(out, { allow_pause: false, source: 'managed', problems: [], problem_count: 1 });
    assert.ok(!JSON.stringify(out).includes('Daan'));
  });
});
