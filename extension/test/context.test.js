// Unit tests of content/context.js: the platform from the site, the reply context from the
// composer, the attachments from a file list. No browser: plain objects and a jsdom DOM.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { JSDOM } from 'jsdom';
import { platform, replyTo, attachmentsFrom } from '../content/context.js';

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
  it('takes a composer whose label says it answers someone for a reply', () => {
    assert.equal(replyTo(el('<div id="c" contenteditable="true" aria-label="Reageer als Juf Marieke"></div>')), 'other');
    assert.equal(replyTo(el('<textarea id="c" placeholder="Post your reply"></textarea>')), 'other');
    assert.equal(replyTo(el('<div id="c" aria-placeholder="Schrijf een opmerking"></div>')), 'other');
  });
  it('is null for a new post', () => {
    assert.equal(replyTo(el('<textarea id="c" placeholder="Wat wil je delen?"></textarea>')), null);
    assert.equal(replyTo(el('<div id="c" aria-label="Reactietijd"></div>')), null); // a word boundary, not a prefix
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
