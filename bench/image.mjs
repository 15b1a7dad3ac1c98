// The photo inspection's benchmark, wasm in Node (dist/node/image.js) against native Rust
// (crates/postwacht-image/examples/bench.rs) on the same 12-megapixel JPEG. Prints the
// time per step (decode, downscale, detect) and the budget: at most 0.5 s for a
// 12-megapixel photo. Informational: it never fails on a timing, only when a side breaks
// or the two sides disagree on the faces.
//
//   node bench/image.mjs NATIVE.json [--smoke]
//
// NATIVE.json is the example's output line; it names the JPEG it wrote.
import { readFileSync } from 'node:fs';

const BUDGET_MS = 500;
const [nativeFile, ...rest] = process.argv.slice(2);
if (!nativeFile) {
  console.error('usage: node bench/image.mjs NATIVE.json [--smoke]');
  process.exit(2);
}
const smoke = rest.includes('--smoke');
const cases = JSON.parse(readFileSync(nativeFile, 'utf8'));
const { inspectImage } = await import(new URL('../dist/node/image.js', import.meta.url).href);
const iters = smoke ? 2 : 7;
const median = (xs) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const row = (name, t) =>
  `| ${name} | ${t.decode_ms.toFixed(1)} | ${t.downscale_ms.toFixed(1)} | ${t.detect_ms.toFixed(1)} | ` +
  `${t.total_ms.toFixed(1)} | ${t.total_ms <= BUDGET_MS ? 'ok' : 'OVER'} |`;
let disagree = false;
console.log(`\nPhoto inspection, 12-megapixel JPEGs, median of ${iters} (ms; budget ${BUDGET_MS} ms from bytes to faces)\n`);
console.log('| photo, side | decode | downscale | detect | total | budget |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const native of cases) {
  const bytes = new Uint8Array(readFileSync(native.file));
  inspectImage(bytes); // warm-up: compiles the module's functions and reads the model
  const runs = [];
  let faces = 0;
  for (let i = 0; i < iters; i++) {
    const found = inspectImage(bytes);
    faces = found.faces.length;
    runs.push(found.timings);
  }
  const step = (k) => median(runs.map((t) => t[k]));
  const wasm = {
    decode_ms: step('decode_ms'), downscale_ms: step('downscale_ms'),
    detect_ms: step('detect_ms'), total_ms: step('total_ms'),
  };
  const what = `${native.case} (${native.width}×${native.height}, ${(native.bytes / 1e6).toFixed(1)} MB, ${faces} faces)`;
  console.log(row(`${what}, wasm (Node)`, wasm));
  console.log(row(`${native.case}, native`, native));
  if (faces !== native.faces) {
    console.error(`${native.case}: wasm found ${faces} faces, native ${native.faces}: the builds disagree`);
    disagree = true;
  }
}
if (disagree) process.exit(1);
