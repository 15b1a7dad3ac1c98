// Compares builds of the core's wasm side by side in one Node process, so the machine's load
// hits them alike: size (raw, Node zlib level 9) and CPU time per call (process.cpuUsage,
// which does not count the time the process waits for a core on a loaded machine).
//
//   node bench/variants.mjs INPUT_DIR name=path/to/postwacht_bg.wasm ... [--rounds N]
//
// Each .wasm must have the interface of the current dist/node glue (same src/wasm.rs): the
// glue is copied next to each variant. INPUT_DIR comes from bench/inputs.mjs (full set).
// Per round and variant: the median of a timed loop; printed: the median over rounds.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NODE_PKG = join(ROOT, 'dist/node');

const args = process.argv.slice(2);
const ri = args.indexOf('--rounds');
const rounds = ri >= 0 ? Number(args.splice(ri, 2)[1]) : 5;
const [inputDir, ...specs] = args;
if (!inputDir || specs.length === 0) {
  console.error('usage: node bench/variants.mjs INPUT_DIR name=file.wasm ... [--rounds N]');
  process.exit(2);
}
const input = (f) => readFileSync(join(inputDir, f), 'utf8');
const policy = input('policy-1500.json');
const posts = { 1000: input('post-1000.json'), 100000: input('post-100000.json') };

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** Median CPU time of f over a loop of at least `min` calls and about `budget` ms. */
function time(f, min, budget) {
  for (let i = 0; i < 3; i++) f();
  const times = [];
  const start = cpuMs();
  while (times.length < min || cpuMs() - start < budget) {
    const t = cpuMs();
    f();
    times.push(cpuMs() - t);
  }
  return median(times);
}
/** For calls shorter than the clock's resolution: CPU time of a batch, per call. */
function timeBatch(f, batch, reps) {
  for (let i = 0; i < batch; i++) f();
  const per = [];
  for (let r = 0; r < reps; r++) {
    const t = cpuMs();
    for (let i = 0; i < batch; i++) f();
    per.push((cpuMs() - t) / batch);
  }
  return median(per);
}

const variants = [];
for (const spec of specs) {
  const [name, file] = spec.split('=');
  const dir = mkdtempSync(join(tmpdir(), `pw-variant-${name}-`));
  for (const f of readdirSync(NODE_PKG)) {
    if (f.endsWith('.js') || f === 'package.json') copyFileSync(join(NODE_PKG, f), join(dir, f));
  }
  copyFileSync(file, join(dir, 'postwacht_bg.wasm'));
  const { Checker } = await import(pathToFileURL(join(dir, 'index.js')).href);
  const bytes = readFileSync(file);
  const checker = new Checker(policy);
  variants.push({
    name,
    raw: bytes.length,
    gz: gzipSync(bytes, { level: 9 }).length,
    Checker,
    checker,
    findings: checker.check(posts[1000]).length + checker.check(posts[100000]).length,
    res: { c1000: [], c100000: [], setup: [] },
  });
}
const base = variants[0].findings;
for (const v of variants) {
  if (v.findings !== base) console.error(`MISMATCH ${v.name}: ${v.findings} findings, ${variants[0].name} ${base}`);
}

for (let r = 0; r < rounds; r++) {
  for (const v of variants) {
    v.res.c1000.push(timeBatch(() => v.checker.check(posts[1000]), 200, 9));
    v.res.c100000.push(time(() => v.checker.check(posts[100000]), 15, 400));
    v.res.setup.push(time(() => new v.Checker(policy), 10, 300));
  }
}

const kb = (b) => (b / 1024).toFixed(1);
console.log(`load: ${readFileSync('/proc/loadavg', 'utf8').trim()}; ${rounds} rounds, CPU time`);
console.log('variant | raw KB | gzip KB | 1,000 chars ms | 100,000 chars ms | set-up 1,500 pupils ms');
for (const v of variants) {
  const m = (xs) => median(xs);
  console.log(
    `${v.name} | ${kb(v.raw)} | ${kb(v.gz)} | ${m(v.res.c1000).toFixed(4)} | ${m(v.res.c100000).toFixed(2)} | ${m(v.res.setup).toFixed(2)}` +
      `   (rounds 1k: ${v.res.c1000.map((x) => x.toFixed(3)).join(' ')})`,
  );
}
