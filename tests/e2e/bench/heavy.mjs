// Heavy input in Chromium (issue 14): what a 1 MB and a 10 MB paste and a page with 500
// composers cost the page, with the built extension (the wasm core in its service worker).
//
//   node tests/e2e/bench/heavy.mjs [--smoke] [--sizes 1000000,10000000] [--editors textarea,contenteditable]
//                                  [--composers 500] [--out FILE]   (after ./build.sh)
//
// Paste: the post is replaced by one insertText (what a paste does) of N characters of
// Dutch school posts (bench/inputs.mjs) in a textarea and a contenteditable. Measured in the
// page: every main-thread task over 50 ms from the paste until the extension has drawn the
// marks for the pasted text (its `postwacht:marks-updated` event) plus 2 s, with a
// PerformanceObserver('longtask'); the same paste with Postwacht paused on the site (the
// content script then does nothing) gives the page's own long tasks (the editor taking and
// laying out the text). What Postwacht adds is the difference. Also: the time from the paste
// to the marks, and the JS heap of the page and of the service worker (CDP Runtime.getHeapUsage)
// after the check.
//
// Composers: page.html?editor=textarea&boxes=N with text in every box (restored drafts:
// the content script picks up composers that hold text without a focus). Measured: the time
// until every box has its badge, the page's JS heap and DOM node count (CDP Performance
// metrics) before and after, and the page's main-thread CPU (CDP TaskDuration) over 10 s of
// idle afterwards (the extension's position timer walks all composers once a second).
//
// Numbers are reported (stdout and target/bench/heavy.json), never asserted; the run fails
// only when the marks never come. docs/hostile-input.md has a measured run.
import { writeFileSync, mkdirSync, mkdtempSync, cpSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { setup, openEditor, composer, REPO, EXTENSION_DIR } from '../lib/helpers.js';
import { postText } from '../../../bench/inputs.mjs';

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const smoke = args.includes('--smoke');
// 10 MB only when asked for (--sizes 10000000): with today's content script it can take the
// page's renderer to 10 GB (docs/hostile-input.md), too much for a shared machine by default.
const SIZES = opt('--sizes') ? opt('--sizes').split(',').map(Number) : smoke ? [100000] : [1000000];
const EDITORS = opt('--editors') ? opt('--editors').split(',') : smoke ? ['textarea'] : ['textarea', 'contenteditable'];
const COMPOSERS = Number(opt('--composers') || (smoke ? 50 : 500));
const out = resolve(opt('--out') || join(REPO, 'target', 'bench', smoke ? 'heavy-smoke.json' : 'heavy.json'));
const MARKS_TIMEOUT_MS = 180000;
const LONGTASK_MS = 50;

// Same as latency.mjs: a copy without the manifest key, so no machine-wide managed policy
// for Postwacht's ID changes what is measured.
const extCopy = mkdtempSync(join(tmpdir(), 'postwacht-heavy-ext-'));
cpSync(EXTENSION_DIR, extCopy, { recursive: true });
const manifest = JSON.parse(readFileSync(join(extCopy, 'manifest.json'), 'utf8'));
delete manifest.key;
writeFileSync(join(extCopy, 'manifest.json'), JSON.stringify(manifest, null, 2));

/** Runs in the page before its scripts: records long tasks and Postwacht's answers. */
function observe() {
  window.__long = [];
  window.__answers = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__long.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  document.addEventListener('postwacht:marks-updated', (ev) => window.__answers.push({ t: performance.now(), text: window.__boxes?.main?.getText().length, detail: { ...ev.detail } }));
}

/** A text of about `n` UTF-16 units made of the benchmark's posts (with findings in it). */
function bigText(n) {
  // One paragraph (the contenteditable gets one text node).
  const unit = postText(100000).trimEnd().replace(/\s*\n\s*/g, ' ') + ' ';
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

const mb = (b) => Math.round((b / 1048576) * 10) / 10;
const env = await setup({ extensionDir: extCopy });
const results = { paste: [], composers: null };
let chromium = '';
try {
  const ext = await env.context.newPage();
  await ext.goto(`chrome-extension://${env.browser.extensionId}/options/options.html`);
  const setPaused = (paused) => ext.evaluate(async (p) => {
    const { settings = {} } = await chrome.storage.local.get('settings');
    const sites = Object.assign({}, settings.sites, { '127.0.0.1': { paused: p } });
    await chrome.storage.local.set({ settings: Object.assign({ language: 'nl' }, settings, { sites }) });
  }, paused);
  // The service worker: its JS heap (CDP Runtime.getHeapUsage on its target), and the
  // extension's renderer process (where it and its wasm memory live; Linux /proc): resident
  // and peak memory, CPU time so far.
  const bcdp = await env.context.browser().newBrowserCDPSession();
  const worker = async () => {
    const outw = { heap_mb: null, rss_mb: null, peak_rss_mb: null, cpu_s: null };
    try {
      const { targetInfos } = await bcdp.send('Target.getTargets');
      const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(env.browser.extensionId));
      if (sw) {
        const { sessionId } = await bcdp.send('Target.attachToTarget', { targetId: sw.targetId, flatten: false });
        const res = await new Promise((resolveMsg) => {
          const on = (ev) => {
            if (ev.sessionId !== sessionId) return;
            const msg = JSON.parse(ev.message);
            if (msg.id === 1) {
              bcdp.off('Target.receivedMessageFromTarget', on);
              resolveMsg(msg.result);
            }
          };
          bcdp.on('Target.receivedMessageFromTarget', on);
          bcdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }) });
        });
        outw.heap_mb = mb(res.usedSize);
        await bcdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
      }
      const { processInfo } = await bcdp.send('SystemInfo.getProcessInfo');
      for (const p of processInfo.filter((x) => x.type === 'renderer')) {
        let cmd = '';
        try {
          cmd = readFileSync(`/proc/${p.id}/cmdline`, 'utf8');
        } catch {
          continue;
        }
        if (!cmd.includes('--extension-process')) continue;
        const status = readFileSync(`/proc/${p.id}/status`, 'utf8');
        const kb = (k) => Number((new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(status) || [])[1] || 0);
        outw.rss_mb = mb(kb('VmRSS') * 1024);
        outw.peak_rss_mb = mb(kb('VmHWM') * 1024);
        outw.cpu_s = Math.round(p.cpuTime * 100) / 100;
      }
    } catch (e) {
      outw.error = String(e.message || e);
    }
    return outw;
  };
  await env.context.addInitScript(observe);

  for (const editor of EDITORS) {
    for (const size of SIZES) {
      const text = bigText(size);
      const row = { editor, chars: text.length };
      for (const paused of [true, false]) {
        await setPaused(paused);
        const w0 = await worker();
        const page = await openEditor(env, editor);
        if (!chromium) chromium = await page.evaluate(async () => (await navigator.userAgentData.getHighEntropyValues(['uaFullVersion'])).uaFullVersion);
        const cdp = await env.context.newCDPSession(page);
        await composer(page).click();
        await page.waitForTimeout(300);
        // The paste, timed in the page (its own task: the editor takes the text).
        // In a task of the page's own (a long task the observer sees), like a real paste:
        // the text is set and an input event says so. (Not execCommand('insertText'):
        // Chromium's own editing takes 17-20 s for 1 MB in a textarea, Postwacht on or off.)
        const t0 = await composer(page).evaluate((el, t) => new Promise((resolve) => setTimeout(() => {
          const start = performance.now();
          if (el.tagName === 'TEXTAREA') el.value = t;
          else el.textContent = t;
          el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
          window.__pasteEnd = performance.now();
          resolve(start);
        }, 0)), text);
        let marksAt = null;
        if (!paused) {
          // The marks for the pasted text, or the badge saying the check failed.
          const failed = () => document.querySelector('postwacht-ui')?.shadowRoot.querySelector('[data-postwacht-badge][data-state="error"]');
          await page
            .waitForFunction(([n, f]) => window.__answers.some((a) => a.text === n) || new Function('return ' + f)()(), [text.length, failed.toString()], { timeout: MARKS_TIMEOUT_MS, polling: 200 })
            .catch(() => {});
          marksAt = await page.evaluate((n) => window.__answers.find((a) => a.text === n) || null, text.length);
          if (!marksAt) {
            row.on_failure = await page.evaluate(() => {
              const b = document.querySelector('postwacht-ui')?.shadowRoot.querySelector('[data-postwacht-badge]');
              return b ? { state: b.dataset.state || '', title: b.title } : { state: 'no badge' };
            });
            row.on_failure.after_ms = Math.round((await page.evaluate(() => performance.now())) - t0);
          }
        }
        await page.waitForTimeout(2000);
        const m = await page.evaluate(() => ({ long: window.__long, pasteEnd: window.__pasteEnd, heap: performance.memory ? performance.memory.usedJSHeapSize : null }));
        const after = m.long.filter((l) => l.start + l.duration > t0);
        const key = paused ? 'paused' : 'on';
        row[key] = {
          paste_ms: Math.round(m.pasteEnd - t0),
          long_tasks: after.map((l) => Math.round(l.duration)),
          // Tasks that began after the paste's own task: the editor's layout and whatever
          // the content script does with the text.
          long_tasks_after_paste: after.filter((l) => l.start > t0 + 1).map((l) => Math.round(l.duration)),
          max_long_task_ms: Math.round(Math.max(0, ...after.map((l) => l.duration))),
          page_heap_mb: (await cdp.send('Runtime.getHeapUsage').then((h) => mb(h.usedSize)).catch(() => null)),
        };
        if (!paused) {
          row.on.paste_to_marks_ms = marksAt ? Math.round(marksAt.t - t0) : null;
          row.on.findings = marksAt ? marksAt.detail : null;
          row.on.failure = row.on_failure || null;
          delete row.on_failure;
          row.on.worker = await worker();
          row.on.worker_cpu_s = w0.cpu_s === null || row.on.worker.cpu_s === null ? null : Math.round((row.on.worker.cpu_s - w0.cpu_s) * 100) / 100;
        }
        await cdp.detach();
        await page.close();
      }
      console.error(JSON.stringify(row));
      results.paste.push(row);
    }
  }
  await setPaused(false);

  // --- a page with many composers, every one holding text --------------------------------
  const page = await env.context.newPage();
  const cdp = await env.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
  // Every box holds a draft from the start (the page fills them: drafts=1), as a restored
  // page would; each has an error (a phone number). Timed from navigation start.
  const before = await metrics();
  const wBefore = await worker();
  await page.goto(`${env.server.origin}/page.html?editor=textarea&boxes=${COMPOSERS}&drafts=1`);
  await page.waitForFunction(() => window.__ready);
  const start = { t: 0, n: COMPOSERS };
  await page.waitForFunction((n) => (document.querySelector('postwacht-ui')?.shadowRoot.querySelectorAll('[data-postwacht-badge][data-errors="1"]').length || 0) >= n, start.n, { timeout: MARKS_TIMEOUT_MS, polling: 200 });
  const allMarked = await page.evaluate(() => performance.now());
  const marked = await metrics();
  await page.waitForTimeout(1000);
  const idle0 = await metrics();
  await page.waitForTimeout(10000);
  const idle1 = await metrics();
  const long = await page.evaluate(() => window.__long.map((l) => Math.round(l.duration)));
  results.composers = {
    composers: start.n,
    all_badges_ms: Math.round(allMarked - start.t),
    page_heap_mb: { before: mb(before.JSHeapUsedSize), after: mb(marked.JSHeapUsedSize) },
    dom_nodes: { before: before.Nodes, after: marked.Nodes },
    cpu_while_checking_ms: Math.round((marked.TaskDuration - before.TaskDuration) * 1000),
    idle_cpu_ms_per_s: Math.round(((idle1.TaskDuration - idle0.TaskDuration) * 1000) / 10 * 10) / 10,
    long_tasks: long,
    worker: await worker(),
    worker_before: wBefore,
  };
  console.error(JSON.stringify(results.composers));
  await cdp.detach();
  await page.close();
} finally {
  await env.close();
  rmSync(extCopy, { recursive: true, force: true });
}

// --- report ------------------------------------------------------------------------------------
const n = (x) => x.toLocaleString('en-US');
const list = (xs) => (xs.length ? xs.join(', ') + ' ms' : 'none');
console.log(`\nPostwacht heavy input — Chromium ${chromium}${smoke ? ' (SMOKE)' : ''}, ${new Date().toISOString().slice(0, 10)}`);
console.log('\nPaste (one insertText). Long tasks (> 50 ms) from the paste to marks + 2 s; "paused": the same with Postwacht paused on the site.');
for (const r of results.paste) {
  const got = r.on.findings
    ? `marks after ${n(r.on.paste_to_marks_ms)} ms, ${r.on.findings.errors}/${r.on.findings.warnings}/${r.on.findings.infos} findings`
    : `NO marks: badge ${JSON.stringify(r.on.failure)}`;
  console.log(`  ${r.editor}, ${n(r.chars)} chars: paste ${r.on.paste_ms} ms (paused ${r.paused.paste_ms} ms); ${got}`);
  console.log(`    long tasks after the paste's own task: with Postwacht ${list(r.on.long_tasks_after_paste)}; paused ${list(r.paused.long_tasks_after_paste)}`);
    const w = r.on.worker;
    console.log(`    JS heap: page ${r.on.page_heap_mb} MB (paused ${r.paused.page_heap_mb} MB); service worker heap ${w.heap_mb} MB, extension process ${w.rss_mb} MB resident (peak so far ${w.peak_rss_mb} MB), ${r.on.worker_cpu_s} s CPU for this paste`);
}
const c = results.composers;
console.log(`\n${n(c.composers)} composers with text: all badges after ${n(c.all_badges_ms)} ms, main-thread CPU ${n(c.cpu_while_checking_ms)} ms while checking, idle ${c.idle_cpu_ms_per_s} ms CPU per second`);
console.log(`  page JS heap ${c.page_heap_mb.before} → ${c.page_heap_mb.after} MB, DOM nodes ${n(c.dom_nodes.before)} → ${n(c.dom_nodes.after)}; service worker heap ${c.worker.heap_mb} MB, extension process ${c.worker.rss_mb} MB resident, ${Math.round((c.worker.cpu_s - c.worker_before.cpu_s) * 100) / 100} s CPU; long tasks: ${list(c.long_tasks)}`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ chromium, smoke, longtask_ms: LONGTASK_MS, results }, null, 1));
