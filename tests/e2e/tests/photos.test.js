// Photos checked on the device (issue 11): real image files attached through the page's
// file input are inspected by the image wasm module in the service worker; the findings
// say how many faces there are and whether the file gives away where it was taken, go when
// the photo is removed, and the metadata fix changes the file in the input, never the draft.
// The images are the fixtures of crates/postwacht-image (a face photo, a group photo, a
// drawn house-and-field picture with GPS and an owner in its EXIF).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { setup, openEditor, composer, getText, waitBadge, ui, REPO, EXTENSION_DIR } from '../lib/helpers.js';

const FIXTURES = join(REPO, 'crates', 'postwacht-image', 'tests', 'fixtures');
const photo = (name) => ({ name, mimeType: name.endsWith('.png') ? 'image/png' : 'image/jpeg', buffer: readFileSync(join(FIXTURES, name)) });
const DRAFT = 'Groep 4 genoot vandaag van de excursie.';

let env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env.close();
});

/** The findings' messages as the badge panel lists them. */
async function panelText(page) {
  const panel = ui(page, '[data-postwacht-panel]');
  // Once (a full run at load ~3, session 6) a click on the badge while the first photo was
  // being inspected opened no panel in 30 s; the cause is not known (the badge is redrawn
  // when the inspection answers, so the click may have hit the old one). A teacher clicks
  // again; so does the test, up to 30 s in all (notes: to be looked into).
  for (let tries = 0; ; tries++) {
    await ui(page, '[data-postwacht-badge]').click();
    try {
      await panel.waitFor({ timeout: 3000 });
      break;
    } catch (e) {
      if (tries >= 9) throw e;
    }
  }
  const text = await panel.innerText();
  await page.keyboard.press('Escape');
  return text;
}

async function waitPanel(page, pred, what, timeout = 15000) {
  const start = Date.now();
  let last = '';
  while (Date.now() - start < timeout) {
    last = await panelText(page);
    if (pred(last)) return last;
    await page.waitForTimeout(150);
  }
  throw new Error(`panel never showed ${what}; last: ${last}`);
}

async function draft(page) {
  await composer(page).click();
  await page.keyboard.type(DRAFT);
  await waitBadge(page, (b) => b.warnings + b.errors + b.infos > 0);
}

const input = (page) => page.locator('[data-box="main"] input[type=file]');

/** Drops fixture `fixture` on the main composer as a file named `name`. */
async function dropPhoto(page, fixture, name) {
  const b64 = readFileSync(join(FIXTURES, fixture)).toString('base64');
  await page.evaluate(([data, n]) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const dt = new DataTransfer();
    dt.items.add(new File([bytes], n, { type: 'image/jpeg' }));
    window.__boxes.main.el.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [b64, name]);
}

describe('photos inspected on the device', () => {
  it('the extension ships the face model\'s licence notice with the module', () => {
    const notice = readFileSync(join(EXTENSION_DIR, 'pkg', 'LICENSE-rustface-seetaface'), 'utf8');
    assert.ok(notice.includes('Redistribution') && notice.includes('VIPL'), notice);
    assert.ok(existsSync(join(EXTENSION_DIR, 'pkg', 'postwacht_image_bg.wasm')));
  });

  it('a face photo: the count of faces; removing it takes its findings away', async () => {
    const page = await openEditor(env, 'textarea');
    await draft(page);
    // The text was checked; the image module is not loaded until a photo comes.
    const ext = await env.context.newPage();
    await ext.goto(`chrome-extension://${env.browser.extensionId}/options/options.html`);
    const imageFetched = () => ext.evaluate(() => chrome.runtime.sendMessage({ type: 'ping' }).then((r) => r.image));
    assert.equal(await imageFetched(), false, 'the image wasm is loaded only for a photo');
    const t0 = Date.now();
    await input(page).setInputFiles(photo('one-face.jpg'));
    const text = await waitPanel(page, (t) => t.includes('(one-face.jpg) staat 1 gezicht'), 'the face count');
    assert.ok(!text.includes('“”'), text);
    console.log(`# one-face.jpg: attach → finding ${Date.now() - t0} ms (first photo: includes loading the image module)`);
    assert.ok(!text.includes('Er is beeld van een schoolsituatie'), 'the count replaces the unconfirmed warning');
    assert.equal(await imageFetched(), true, 'the image wasm was loaded for the photo');
    const t1 = Date.now();
    await input(page).setInputFiles(photo('group.jpg'));
    await waitPanel(page, (t) => /\(group\.jpg\) staan \d\d gezichten/.test(t) && !t.includes('one-face.jpg'), 'the group count');
    console.log(`# group.jpg: attach → finding ${Date.now() - t1} ms`);
    await input(page).setInputFiles([]);
    await waitPanel(page, (t) => !t.includes('gezicht'), 'the findings gone with the photo');
    await waitBadge(page, (b) => b.attachments === 0);
    assert.equal(await getText(page), DRAFT);
    await ext.close();
    await page.close();
  });

  it('a composer emptied after sending (text and file input cleared by script) clears its attachment findings', async () => {
    const page = await openEditor(env, 'textarea');
    await draft(page);
    await input(page).setInputFiles(photo('one-face.jpg'));
    await waitPanel(page, (t) => t.includes('(one-face.jpg) staat 1 gezicht'), 'the face count');
    await waitBadge(page, (b) => b.attachments === 1);
    // The site sends: it clears the box and the file input by script (no input or change
    // event), as the social sites do after "Plaatsen".
    await page.evaluate(() => {
      const box = document.querySelector('[data-box="main"]');
      box.querySelector('textarea').value = '';
      box.querySelector('input[type=file]').value = '';
    });
    await waitBadge(page, (b) => b.attachments === 0 && b.warnings + b.errors + b.infos === 0);
    // A photo still in the input when the teacher empties the text by hand stays.
    await composer(page).click();
    await page.keyboard.type(DRAFT);
    await input(page).setInputFiles(photo('one-face.jpg'));
    await waitPanel(page, (t) => t.includes('(one-face.jpg) staat 1 gezicht'), 'the face count again');
    await composer(page).fill('');
    await page.waitForTimeout(1500);
    await waitBadge(page, (b) => b.attachments === 1);
    // Dropped on the composer (no input to look at): it goes with the sent post.
    await composer(page).fill(DRAFT);
    await input(page).setInputFiles([]);
    await waitBadge(page, (b) => b.attachments === 0);
    await dropPhoto(page, 'one-face.jpg', 'drop.jpg');
    await waitPanel(page, (t) => t.includes('(drop.jpg) staat 1 gezicht'), 'the dropped photo');
    await page.evaluate(() => { document.querySelector('[data-box="main"] textarea').value = ''; });
    await waitBadge(page, (b) => b.attachments === 0 && b.warnings + b.errors + b.infos === 0);
    assert.deepEqual(await page.evaluate(() => window.__published), [], 'nothing was published by the test');
    await page.close();
  });

  it('a picture without people: no consent question; its GPS and owner: a fix on click that cleans the file, not the draft', async () => {
    const page = await openEditor(env, 'textarea');
    await draft(page);
    await input(page).setInputFiles(photo('gps.jpg'));
    const text = await waitPanel(page, (t) => t.includes('(gps.jpg) verraadt waar hij is genomen'), 'the photo-location finding');
    assert.ok(!text.includes('Er is beeld van een schoolsituatie') && !text.includes('gezicht'), text);
    // Nothing changed before the click.
    const before = await page.evaluate(async () => new Uint8Array(await document.querySelector('[data-box="main"] input[type=file]').files[0].arrayBuffer()).length);
    assert.equal(before, readFileSync(join(FIXTURES, 'gps.jpg')).length);
    // The card of the finding, with its fix.
    await ui(page, '[data-postwacht-badge]').click();
    await ui(page, '[data-postwacht-panel] li button.item', ).filter({ hasText: 'gps.jpg' }).click();
    const card = ui(page, '[data-postwacht-card][data-rule="confidential.photo-location"]');
    await card.waitFor();
    // The finding has no text under it: the card quotes the photo by its file name.
    assert.equal(await card.locator('.quote').innerText(), '“gps.jpg”');
    await card.locator('button.act.primary').click();
    await waitPanel(page, (t) => !t.includes('verraadt'), 'the finding gone after the fix');
    const after = await page.evaluate(async () => {
      const input = document.querySelector('[data-box="main"] input[type=file]');
      const f = input.files[0];
      const bytes = new Uint8Array(await f.arrayBuffer());
      const s = Array.from(bytes, (b) => String.fromCharCode(b)).join('');
      return { n: input.files.length, name: f.name, size: bytes.length, jpeg: bytes[0] === 0xff && bytes[1] === 0xd8, anja: s.includes('Anja') };
    });
    assert.deepEqual([after.n, after.name, after.jpeg, after.anja], [1, 'gps.jpg', true, false]);
    assert.ok(after.size < before, `${after.size} < ${before}`);
    assert.equal(await getText(page), DRAFT, 'the draft is untouched');
    await page.close();
  });

  it('a photo dropped on the composer: the card says how to remove the location by hand', async () => {
    const page = await openEditor(env, 'textarea');
    await draft(page);
    await dropPhoto(page, 'gps-south-west.jpg', 'ushuaia.jpg');
    const text = await waitPanel(page, (t) => t.includes('(ushuaia.jpg) verraadt'), 'the finding for the dropped photo');
    assert.ok(text.includes('Dat kan hier niet automatisch'), text);
    assert.equal(await getText(page), DRAFT);
    await page.close();
  });

  it('a preview the site shows (blob: <img>) without a file event: its faces; gone with the preview', async () => {
    const page = await openEditor(env, 'textarea');
    await draft(page);
    const b64 = readFileSync(join(FIXTURES, 'group.jpg')).toString('base64');
    await page.evaluate((data) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const img = document.createElement('img');
      img.id = 'preview';
      img.src = URL.createObjectURL(new Blob([bytes], { type: 'image/jpeg' }));
      window.__boxes.main.el.parentElement.appendChild(img);
    }, b64);
    await waitPanel(page, (t) => /staan \d\d gezichten/.test(t), 'the faces of the preview');
    await page.evaluate(() => document.getElementById('preview').remove());
    await waitPanel(page, (t) => !t.includes('gezicht'), 'the finding gone with the preview');
    await waitBadge(page, (b) => b.attachments === 0);
    assert.equal(await getText(page), DRAFT);
    await page.close();
  });

  it('a video: the faces of one frame (drawn in the content script, not the page); one it cannot play: the warning as before', async () => {
    const page = await openEditor(env, 'textarea');
    await draft(page);
    // A real WebM, recorded by Chromium's MediaRecorder from a canvas showing the group photo.
    const b64 = readFileSync(join(FIXTURES, 'group.jpg')).toString('base64');
    const size = await page.evaluate(async (data) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/jpeg' }));
      const canvas = document.createElement('canvas');
      canvas.width = bmp.width;
      canvas.height = bmp.height;
      const ctx = canvas.getContext('2d');
      ctx.drawImage(bmp, 0, 0);
      const rec = new MediaRecorder(canvas.captureStream(10), { mimeType: 'video/webm', videoBitsPerSecond: 4e6 });
      const chunks = [];
      rec.ondataavailable = (e) => chunks.push(e.data);
      const stopped = new Promise((r) => (rec.onstop = r));
      rec.start();
      for (let i = 0; i < 15; i++) {
        ctx.drawImage(bmp, 0, 0);
        await new Promise((r) => setTimeout(r, 100));
      }
      rec.stop();
      await stopped;
      const file = new File(chunks, 'schoolreis.webm', { type: 'video/webm' });
      const dt = new DataTransfer();
      dt.items.add(file);
      const input = document.querySelector('[data-box="main"] input[type=file]');
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return file.size;
    }, b64);
    assert.ok(size > 1000, `a WebM of ${size} bytes`);
    const text = await waitPanel(page, (t) => /uit deze video \(schoolreis\.webm\) staan \d+ gezichten/.test(t), 'the faces of the video frame');
    assert.ok(!text.includes('Er is beeld van een schoolsituatie'), text);
    // The page saw no <video> or canvas of ours.
    assert.equal(await page.evaluate(() => document.querySelectorAll('video, canvas').length), 0);
    // A "video" the browser cannot decode: checked as an attached video, as before.
    await input(page).setInputFiles({ name: 'kapot.mp4', mimeType: 'video/mp4', buffer: Buffer.from('not a video at all') });
    await waitPanel(page, (t) => t.includes('Er is beeld van een schoolsituatie') && !t.includes('gezicht'), 'the unconfirmed warning for the broken video');
    await input(page).setInputFiles([]);
    await waitBadge(page, (b) => b.attachments === 0);
    assert.equal(await getText(page), DRAFT);
    await page.close();
  });

  it('a file that is not a real image is checked by its name, as before; a huge one gets an info', async () => {
    const page = await openEditor(env, 'textarea');
    await draft(page);
    await input(page).setInputFiles({ name: 'kapot.jpg', mimeType: 'image/jpeg', buffer: readFileSync(join(FIXTURES, 'truncated.jpg')) });
    await waitPanel(page, (t) => t.includes('Er is beeld van een schoolsituatie'), 'the unconfirmed warning');
    // Over 40 megapixels: read, not looked at: an info besides the warning.
    await input(page).setInputFiles(photo('huge.jpg'));
    const listed = await waitPanel(page, (t) => t.includes('(huge.jpg) niet naar gezichten kijken') && t.includes('Er is beeld van een schoolsituatie'), 'the not-inspected info');
    // The info is about the file, not the text: the panel quotes the file's name, never “”.
    assert.ok(listed.includes('“huge.jpg” — Postwacht kon in de foto'), listed);
    assert.ok(!listed.includes('“”'), listed);
    await page.close();
  });
});
