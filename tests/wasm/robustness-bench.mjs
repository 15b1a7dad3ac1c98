// Set-up and large-input figures of the wasm build for issue 14, printed, not asserted:
//   node tests/wasm/robustness-bench.mjs [DIST_NODE_DIR]
// (default dist/node, written by ./build.sh wasm). The same inputs as the native
// examples/robustness_bench.rs. Not a *.test.mjs file: `node --test tests/wasm/` skips it.
// PHRASES=10000 and PASTE_MB=1,10 choose the sizes (the defaults: 10000,100000 and 1,10,30).
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const dir = resolve(process.argv[2] ?? 'dist/node');
const { Checker } = await import(pathToFileURL(resolve(dir, 'index.js')).href);

const first = ['Daan', 'Noor', 'Sem', 'Roos', 'Liam', 'Emma', 'Mila', 'Finn'];
const roster = (n) => JSON.stringify({
  roster: Array.from({ length: n }, (_, i) => ({
    name: `${first[i % first.length]} Achternaam${i}`, group: String(i % 8 + 1), consent: { social: i % 2 === 0 },
  })),
});
const phrases = (n) => {
  const words = Array.from({ length: n }, (_, i) => `de woord${i} ${'x '.repeat(i % 5)}`);
  return JSON.stringify({ school: { name: 'De Linde', aliases: words }, extra_words: { profanity: words } });
};
const line = 'Vandaag was Daan uit groep 6 jarig, bel ff 06-12345678 als er iets is. ';
const paste = (bytes) => line.repeat(Math.ceil(bytes / line.length));
const mb = () => Math.round(process.memoryUsage().rss / 1048576);
const list = (v, d) => (v ?? d).split(',').map(Number);

function time(label, f) {
  const t = performance.now();
  let out;
  try {
    out = f();
  } catch (e) {
    console.log(`${label}: FAILED ${e.message}`);
    return;
  }
  console.log(`${label}: ${Math.round(performance.now() - t)} ms, rss ${mb()} MB${out === undefined ? '' : `, ${out}`}`);
}

for (const n of [10000, 100000]) {
  const json = roster(n);
  time(`roster of ${n} pupils, set-up`, () => { new Checker(json); });
}
for (const n of list(process.env.PHRASES, '10000,100000')) {
  const json = phrases(n);
  time(`${n} aliases + ${n} extra words sharing a first word, set-up`, () => { new Checker(json); });
}
const c = new Checker();
for (const m of list(process.env.PASTE_MB, '1,10,30')) {
  const post = JSON.stringify({ text: paste(m << 20) });
  time(`paste of ${m} MB, check`, () => `${c.check(post).length} findings`);
}
