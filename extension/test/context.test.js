// Unit tests of content/context.js: the platform from the site, the reply context from the
// composer, the attachments from a file list. No browser: plain objects and a jsdom DOM.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { platform, replyTo, isReply, identity, answered, siteSetting, siteKey, withSiteSetting, threadKey, attachmentsFrom } from '../content/context.js';

const doc = (/** @type {string} */ head = '', body = '') => new JSDOM(`<!doctype html><head>${head}</head><body>${body}</body>`).window.document;
const at = (/** @type {string} */ url) => new URL(url);

describe('context.platform', () => {
  const none = doc();
  it('knows the platforms by host name, with or without www. and subdomains', () => {
    assert.equal(platform(at('https://www.facebook.com/'), none), 'facebook');
    assert.equal(platform(at('https://m.facebook.com/groups/1'), none), 'facebook');
    assert.equal(platform(at('https://x.com/home'), none), 'x');
    assert.equal(platform(at('https://mobile.twitter.com/'), none), 'x');
    assert.equal(platform(at('https://www.linkedin.com/feed/'), none), 'linkedin');
    assert.equal(platform(at('https://www.instagram.com/'), none), 'instagram');
    assert.equal(platform(at('https://talk.parro.com/'), none), 'schoolapp');
    assert.equal(platform(at('https://app.socialschools.eu/'), none), 'schoolapp');
    assert.equal(platform(at('https://socialschools.nl/'), none), 'schoolapp');
  });
  it('does not take a look-alike host for a platform', () => {
    assert.equal(platform(at('https://notfacebook.com/'), none), 'other');
    assert.equal(platform(at('https://facebook.com.evil.example/'), none), 'other');
    assert.equal(platform(at('https://box.com/'), none), 'other');
  });
  it('lets local pages (and only those) say which platform they stand for', () => {
    assert.equal(platform(at('http://127.0.0.1:8080/page.html?postwacht-platform=linkedin'), none), 'linkedin');
    assert.equal(platform(at('http://localhost/'), doc('<meta name="postwacht-platform" content="x">')), 'x');
    // The query wins over the meta tag; an unknown platform is "other".
    assert.equal(platform(at('http://127.0.0.1/?postwacht-platform=instagram'), doc('<meta name="postwacht-platform" content="x">')), 'instagram');
    assert.equal(platform(at('http://127.0.0.1/?postwacht-platform=myspace'), none), 'other');
    assert.equal(platform(at('https://example.org/?postwacht-platform=facebook'), doc('<meta name="postwacht-platform" content="x">')), 'other');
  });
});

describe('context.replyTo', () => {
  const el = (/** @type {string} */ html) => /** @type {Element} */ (doc('', html).querySelector('#c'));
  it('reads an explicit data-postwacht-reply-to on the composer or an ancestor', () => {
    assert.equal(replyTo(el('<div data-postwacht-reply-to="parent"><textarea id="c"></textarea></div>')), 'parent');
    assert.equal(replyTo(el('<textarea id="c" data-postwacht-reply-to="student"></textarea>')), 'student');
    assert.equal(replyTo(el('<textarea id="c" data-postwacht-reply-to="none" aria-label="Reply"></textarea>')), null);
    assert.equal(replyTo(el('<textarea id="c" data-postwacht-reply-to="someone"></textarea>')), 'other');
  });
  it('leaves the addressee to the core when the label only says it is a reply', () => {
    assert.equal(replyTo(el('<div id="c" contenteditable="true" aria-label="Reageer als Juf Marieke"></div>')), null);
    assert.equal(replyTo(el('<textarea id="c" placeholder="Post your reply"></textarea>')), null);
  });
});

describe('context.isReply', () => {
  const el = (/** @type {string} */ html) => /** @type {Element} */ (doc('', html).querySelector('#c'));
  it('takes a composer whose label says it answers someone, or that sits under a message, for a reply', () => {
    assert.equal(isReply(el('<div id="c" contenteditable="true" aria-label="Reageer als Juf Marieke"></div>')), true);
    assert.equal(isReply(el('<textarea id="c" placeholder="Post your reply"></textarea>')), true);
    assert.equal(isReply(el('<div id="c" aria-placeholder="Schrijf een opmerking"></div>')), true);
    assert.equal(isReply(el('<ul role="log"><li><b>Fatima</b> Waarom?</li></ul><textarea id="c" placeholder="Typ een bericht"></textarea>')), true);
    assert.equal(isReply(el('<textarea id="c" data-postwacht-reply-to="none" aria-label="Reply"></textarea>')), false);
  });
  it('is false for a new post', () => {
    assert.equal(isReply(el('<textarea id="c" placeholder="Wat wil je delen?"></textarea>')), false);
    assert.equal(isReply(el('<div id="c" aria-label="Reactietijd"></div>')), false); // a word boundary, not a prefix
  });
});

describe('context.identity', () => {
  const el = (/** @type {string} */ html) => /** @type {Element} */ (doc('', html).querySelector('#c'));
  it('reads the identity a composer writes as from its label', () => {
    assert.equal(identity(el('<div id="c" contenteditable="true" aria-label="Reageer als Het Baken College"></div>')), 'Het Baken College');
    assert.equal(identity(el('<div id="c" contenteditable="true" aria-placeholder="Comment as Het Baken College…"></div>')), 'Het Baken College');
    assert.equal(identity(el('<textarea id="c" placeholder="Reply as Marieke Jansen"></textarea>')), 'Marieke Jansen');
  });
  it('reads labels with a few words between the verb and "als"', () => {
    assert.equal(identity(el('<div id="c" contenteditable="true" aria-label="Schrijf een opmerking als Marieke Jansen"></div>')), 'Marieke Jansen');
    assert.equal(identity(el('<div id="c" contenteditable="true" aria-label="Write a comment as Het Baken College"></div>')), 'Het Baken College');
  });
  it('does not take the label of another composer nearby', () => {
    assert.equal(identity(el('<div><form><div contenteditable="true" aria-label="Reageer als OBS De Regenboog"></div></form><form><div id="c" contenteditable="true" aria-label="Schrijf een opmerking"></div></form></div>')), null);
  });
  it('reads it from a label next to the composer', () => {
    assert.equal(identity(el('<div><div><span>Reageren als Het Baken College</span></div><div><div id="c" contenteditable="true"></div></div></div>')), 'Het Baken College');
  });
  it('is null where the site shows none', () => {
    assert.equal(identity(el('<textarea id="c" placeholder="Wat wil je delen?"></textarea>')), null);
    assert.equal(identity(el('<div id="c" aria-label="Reactie"></div>')), null);
  });
});

describe('context.answered', () => {
  const el = (/** @type {string} */ html) => /** @type {Element} */ (doc('', html).querySelector('#c'));
  it('reads the comment a reply box is nested in (Facebook)', () => {
    const m = answered(el('<div role="article" aria-label="Reactie van Fatima Bakker"><a href="#">Fatima Bakker</a><div dir="auto">Mijn zoon mocht niet mee, waarom?</div><div role="button">Beantwoorden</div><form><div id="c" contenteditable="true" aria-label="Reageer als Het Baken College"></div></form></div>'));
    assert.deepEqual(m, { text: 'Mijn zoon mocht niet mee, waarom?', author: 'Fatima Bakker' });
  });
  it('reads a post without the comments under it', () => {
    const m = answered(el('<div role="article" aria-label="Bericht van OBS De Regenboog"><h3>OBS De Regenboog</h3><div>Foto\'s van de sportdag.</div><div role="article" aria-label="Reactie van Fatima"><div>Mijn dochter mocht niet mee.</div></div><form><div id="c" contenteditable="true" aria-label="Schrijf een opmerking"></div></form></div>'));
    assert.deepEqual(m, { text: 'Foto\'s van de sportdag.', author: 'OBS De Regenboog' });
  });
  it('reads the last message above the composer in a chat (school-parent app)', () => {
    const m = answered(el('<div role="log"><div role="listitem"><strong>Juf Emma</strong> Morgen is de sportdag.</div><div role="listitem"><strong>Anja (moeder van Sem)</strong> Moet Sem zijn gymschoenen mee?</div></div><div class="composer"><textarea id="c" placeholder="Typ een bericht"></textarea></div>'));
    assert.deepEqual(m, { text: 'Moet Sem zijn gymschoenen mee?', author: 'Anja (moeder van Sem)' });
  });
  it('does not take the page\'s menus and lists for a conversation', () => {
    assert.equal(answered(el('<nav><ul><li><a>Groepen</a></li><li><a>Agenda</a></li></ul></nav><div><textarea id="c" placeholder="Schrijf een bericht"></textarea></div>')), null);
    assert.equal(answered(el('<ul><li>Gymschoenen</li><li>Fruit</li></ul><div><textarea id="c" placeholder="Schrijf een bericht"></textarea></div>')), null);
    assert.equal(isReply(el('<ul><li>Gymschoenen</li></ul><textarea id="c" placeholder="Schrijf een bericht aan de ouders"></textarea>')), false);
  });
  it('is null for a composer with no message before it', () => {
    assert.equal(answered(el('<div><textarea id="c" placeholder="Wat wil je delen?"></textarea></div>')), null);
  });
});

describe('context.withSiteSetting (the popup\'s pause)', () => {
  it('stores the pause under the site, so it covers www., m. and other subdomains', () => {
    const sites = withSiteSetting({ 'facebook.com': { account: 'school' } }, 'www.facebook.com', 'paused', true);
    assert.deepEqual(sites, { 'facebook.com': { account: 'school', paused: true } });
    for (const h of ['www.facebook.com', 'm.facebook.com', 'business.facebook.com', 'facebook.com']) {
      assert.deepEqual(siteSetting(sites, h), { account: 'school', paused: true }, h);
    }
    assert.deepEqual(siteSetting(sites, 'notfacebook.com'), {});
  });
  it('resumes a pause stored under the exact host before (older versions)', () => {
    const old = { 'www.facebook.com': { paused: true }, 'm.facebook.com': { account: 'personal', paused: true } };
    const sites = withSiteSetting(old, 'm.facebook.com', 'paused', false);
    assert.equal(siteSetting(sites, 'www.facebook.com').paused, false);
    assert.deepEqual(siteSetting(sites, 'm.facebook.com'), { account: 'personal', paused: false });
    assert.deepEqual(old['www.facebook.com'], { paused: true }, 'the input is not changed');
  });
  it('keeps a subdomain of its own apart from its parent', () => {
    const sites = withSiteSetting({}, 'talk.parro.com', 'paused', true);
    assert.equal(siteSetting(sites, 'talk.parro.com').paused, true);
    assert.equal(siteSetting(sites, 'parro.com').paused, undefined);
  });
});

describe('context.siteSetting and siteKey', () => {
  const sites = { 'facebook.com': { account: 'school' }, 'talk.parro.com': { account: 'personal' } };
  it('matches a host and its subdomains, not look-alikes', () => {
    assert.deepEqual(siteSetting(sites, 'www.facebook.com'), { account: 'school' });
    assert.deepEqual(siteSetting(sites, 'm.facebook.com'), { account: 'school' });
    assert.deepEqual(siteSetting(sites, 'facebook.com'), { account: 'school' });
    assert.deepEqual(siteSetting(sites, 'notfacebook.com'), {});
    assert.deepEqual(siteSetting(sites, 'parro.com'), {});
    assert.deepEqual(siteSetting(undefined, 'facebook.com'), {});
  });
  it('merges the entries along the host name, the most specific winning per field', () => {
    const s = { 'facebook.com': { account: 'school' }, 'www.facebook.com': { paused: false } };
    assert.deepEqual(siteSetting(s, 'www.facebook.com'), { account: 'school', paused: false });
    const t = { 'facebook.com': { account: 'school' }, 'm.facebook.com': { account: 'personal' } };
    assert.deepEqual(siteSetting(t, 'm.facebook.com'), { account: 'personal' });
    assert.deepEqual(siteSetting(t, 'www.facebook.com'), { account: 'school' });
  });
  it('stores what the user typed as a bare host', () => {
    assert.equal(siteKey('https://www.facebook.com/groups/123'), 'facebook.com');
    assert.equal(siteKey('m.facebook.com'), 'facebook.com');
    assert.equal(siteKey(' Talk.Parro.com '), 'talk.parro.com');
  });
});

describe('context.threadKey', () => {
  it('is a short hash of the thread, the same for the same message and different for another', () => {
    const a = threadKey('facebook.com', { text: 'Mijn zoon mocht niet mee', author: 'Fatima' });
    assert.match(/** @type {string} */ (a), /^[0-9a-f]{8}$/);
    assert.equal(threadKey('facebook.com', { text: 'Mijn zoon mocht niet mee', author: 'Fatima' }), a);
    assert.notEqual(threadKey('facebook.com', { text: 'Iets anders', author: 'Fatima' }), a);
    assert.equal(threadKey('facebook.com', null), null);
  });
});

describe('context.attachmentsFrom', () => {
  it('keeps images and videos, by MIME type or else by file name', () => {
    const files = [
      { type: 'image/jpeg', name: 'klas.jpg' },
      { type: 'video/mp4', name: 'uitje' },
      { type: '', name: 'IMG_0001.HEIC' },
      { type: 'application/octet-stream', name: 'film.mov' },
      { type: 'application/pdf', name: 'brief.pdf' },
      { type: 'text/plain', name: '' },
    ];
    assert.deepEqual(attachmentsFrom(files), [
      { kind: 'image', name: 'klas.jpg' },
      { kind: 'video', name: 'uitje' },
      { kind: 'image', name: 'IMG_0001.HEIC' },
      { kind: 'video', name: 'film.mov' },
    ]);
  });
  it('is empty for no files', () => {
    assert.deepEqual(attachmentsFrom(null), []);
    assert.deepEqual(attachmentsFrom(undefined), []);
    assert.deepEqual(attachmentsFrom([]), []);
  });
});
