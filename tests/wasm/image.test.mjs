// The image module of the Node build (dist/node/image.js, written by ./build.sh): the same
// photo inspection as `postwacht image`, on the fixtures of crates/postwacht-image.
//
//   inspectImage(bytes)   → {format, width, height, orientation, faces, not_inspected, gps, owner, timings}
//   stripMetadata(bytes)  → Uint8Array without GPS/owner
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const IMAGE = new URL('../../dist/node/image.js', import.meta.url);
if (!existsSync(fileURLToPath(IMAGE))) {
  throw new Error(`${fileURLToPath(IMAGE)} is missing: run ./build.sh first`);
}
const { inspectImage, stripMetadata } = await import(IMAGE.href);
const { Checker } = await import(new URL('../../dist/node/index.js', import.meta.url).href);

const fixture = (name) =>
  new Uint8Array(readFileSync(new URL(`../../crates/postwacht-image/tests/fixtures/${name}`, import.meta.url)));

test('the group photo: many faces, each box inside the photo', () => {
  const found = inspectImage(fixture('group.jpg'));
  assert.equal(found.format, 'jpeg');
  assert.deepEqual([found.width, found.height], [1666, 600]);
  assert.ok(found.faces.length >= 20 && found.faces.length <= 29, `${found.faces.length} faces`);
  for (const f of found.faces) {
    assert.ok(f.x + f.width <= found.width && f.y + f.height <= found.height, JSON.stringify(f));
  }
  assert.equal(found.gps, null);
  assert.ok(found.timings.total_ms > 0, 'timed with performance.now()');
  assert.ok(found.timings.detect_ms <= found.timings.total_ms);
});

test('one face in JPEG, rotated JPEG and WebP; none in the drawn landscape', () => {
  assert.equal(inspectImage(fixture('one-face.jpg')).faces.length, 1);
  assert.equal(inspectImage(fixture('one-face.webp')).faces.length, 1);
  const rotated = inspectImage(fixture('one-face-rotated.jpg'));
  assert.deepEqual([rotated.orientation, rotated.width, rotated.height, rotated.faces.length], [6, 120, 140, 1]);
  assert.equal(inspectImage(fixture('no-face.png')).faces.length, 0);
});

test('GPS and owner; stripping removes them and keeps the size', () => {
  const found = inspectImage(fixture('gps.jpg'));
  assert.ok(Math.abs(found.gps.lat - 52.0907) < 1e-3 && Math.abs(found.gps.lon - 5.1214) < 1e-3);
  assert.equal(found.owner, 'Anja de Vries');
  const clean = stripMetadata(fixture('gps.jpg'));
  assert.ok(clean instanceof Uint8Array && clean.length > 1000);
  const after = inspectImage(clean);
  assert.deepEqual([after.gps, after.owner, after.width, after.height], [null, null, 640, 480]);
});

test('an owner in XMP (exiftool-written dc:creator, aux:OwnerName) or EXIF Copyright; stripped with the rest', () => {
  assert.equal(inspectImage(fixture('xmp-creator.jpg')).owner, 'Anja de Vries; Meester Jan');
  assert.equal(inspectImage(fixture('xmp-owner.png')).owner, 'Meester Jan');
  assert.equal(inspectImage(fixture('exif-copyright.jpg')).owner, '(c) 2026 Anja de Vries');
  assert.equal(inspectImage(fixture('one-face.jpg')).owner, null);
  assert.equal(inspectImage(stripMetadata(fixture('xmp-creator.jpg'))).owner, null);
});

test('too large and HEIC: metadata only; broken files throw with a kind', () => {
  assert.equal(inspectImage(fixture('huge.jpg')).not_inspected, 'too-large');
  assert.equal(inspectImage(fixture('huge.jpg')).faces, null);
  assert.equal(inspectImage(fixture('photo.heic')).not_inspected, 'no-decoder');
  for (const [name, kind] of [
    ['not-an-image.txt', 'not-an-image'], ['truncated.jpg', 'truncated'],
    ['corrupt.jpg', 'corrupt'], ['lying.png', 'corrupt'],
  ]) {
    assert.throws(() => inspectImage(fixture(name)), (e) => e instanceof Error && e.kind === kind && e.message.length > 10, name);
  }
  assert.throws(() => inspectImage(new Uint8Array()), (e) => e.kind === 'not-an-image');
});

test('what the inspection found drives the text core\'s findings', () => {
  const checker = new Checker();
  const attach = (name) => {
    const f = inspectImage(fixture(name));
    return { kind: 'image', name, faces: f.faces?.length, gps: f.gps ?? false, owner: f.owner ?? false };
  };
  const check = (att) => checker.check(JSON.stringify({
    text: 'Groep 4 genoot vandaag van de excursie.',
    context: { account: 'school', platform: 'facebook', attachments: [att] },
  })).map((f) => f.rule);
  const landscape = check(attach('gps.jpg'));
  assert.ok(!landscape.some((r) => r.startsWith('photo-consent')), landscape.join());
  assert.ok(landscape.includes('confidential.photo-location'), landscape.join());
  assert.ok(check(attach('group.jpg')).includes('photo-consent.faces'));
  assert.ok(check({ kind: 'image', name: 'x.jpg' }).includes('photo-consent.unconfirmed'), 'uninspected: as before');
  const owned = check(attach('xmp-creator.jpg'));
  assert.ok(owned.includes('confidential.photo-location'), owned.join());
  // A video's sampled frame: its faces count; none in it says nothing about the video.
  assert.ok(check({ kind: 'video', name: 'v.webm', faces: 3 }).includes('photo-consent.faces'));
  const blank = check({ kind: 'video', name: 'v.webm', faces: 0 });
  assert.ok(blank.includes('photo-consent.unconfirmed') && !blank.includes('photo-consent.faces'), blank.join());
});
