// The wasm half of `./build.sh bench`, and the table: times Postwacht's wasm build under
// Node on the inputs from bench/inputs.mjs, reads the native numbers that
// examples/bench.rs wrote, measures harper.js on the same 1,000-character text in this
// process, and prints one table (median and p95 per case, targets alongside).
//
//   node bench/bench.mjs INPUT_DIR NATIVE_JSON [--smoke]
//
// Run it through `./build.sh bench`, which builds dist/node first. Timings are reported,
// never asserted: the only failure is wasm and native disagreeing on the findings.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NODE_PKG = join(ROOT, 'dist/node');
const WEB_WASM = join(ROOT, 'target/pkg/web/postwacht_bg.wasm');
const PROFILE_PKG = join(ROOT, 'target/pkg/profile/postwacht.js'); // ./build.sh bench builds it
const CHROME_ZIP = join(ROOT, 'dist/postwacht-chrome.zip');

// Issue 13's targets (wasm under Node, medians).
const TARGETS = {
  check1000: 0.15, // ms, 1,000 chars with 1,500 pupils
  check100000: 10, // ms, 100,000 chars (any roster)
  setup: 15, // ms, compiling a policy with 1,500 pupils
  harperRatio: 80, // at least this many times faster than harper.js on the same 1,000 chars
  rawKB: 600,
  gzKB: 250,
};

const [inputDir, nativeFile, ...flags] = process.argv.slice(2);
if (!inputDir || !nativeFile) {
  console.error('usage: node bench/bench.mjs INPUT_DIR NATIVE_JSON [--smoke]');
  process.exit(2);
}
const smoke = flags.includes('--smoke');
const manifest = JSON.parse(readFileSync(join(inputDir, 'manifest.json'), 'utf8'));
const native = JSON.parse(readFileSync(nativeFile, 'utf8'));
const input = (file) => readFileSync(join(inputDir, file), 'utf8');
const timing = manifest.timing;

// --- measuring ---------------------------------------------------------------------------

function percentile(sorted, p) {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
}
function summary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return { median_ms: percentile(sorted, 50), p95_ms: percentile(sorted, 95), iters: sorted.length };
}
/** Same loop as examples/bench.rs: warm up, then until the budget is spent. */
async function measure(f) {
  for (let i = 0; i < timing.warmup; i++) await f();
  const times = [];
  const started = performance.now();
  while (
    times.length < timing.min_iters ||
    (times.length < timing.max_iters && performance.now() - started < timing.budget_ms)
  ) {
    const t = performance.now();
    await f();
    times.push(performance.now() - t);
  }
  return summary(times);
}

// Instantiation as an extension page pays it: a fresh process importing dist/node/index.js
// (read the .wasm, compile, instantiate, run the glue). Measured in child processes because
// a module is instantiated only once per process.
function instantiateInFreshProcess() {
  const script = `
    const t = performance.now();
    await import(${JSON.stringify(pathToFileURL(join(NODE_PKG, 'index.js')).href)});
    console.log(performance.now() - t);`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return Number(out.trim());
}

const rows = []; // [case, wasm median, wasm p95, native median, native p95, target]
const fmtMs = (ms) =>
  ms === undefined ? '—'
  : ms >= 100 ? `${ms.toFixed(0)} ms`
  : ms >= 10 ? `${ms.toFixed(1)} ms`
  : ms >= 1 ? `${ms.toFixed(2)} ms`
  : ms >= 0.1 ? `${ms.toFixed(3)} ms`
  : `${ms.toFixed(4)} ms`;
const judge = (value, limit, unit) =>
  `≤${limit} ${unit} ${value <= limit ? 'ok' : 'OVER'}`;
const n = (x) => x.toLocaleString('en-US');

// --- set-up --------------------------------------------------------------------------------

const instantiate = [];
for (let i = 0; i < (smoke ? 2 : 10); i++) instantiate.push(instantiateInFreshProcess());
const inst = summary(instantiate);
rows.push(['set-up: import dist/node (read+compile+instantiate wasm), fresh process', inst, undefined, '']);

const wasmBytes = readFileSync(join(NODE_PKG, 'postwacht_bg.wasm'));
const compile = await measure(() => new WebAssembly.Module(wasmBytes));
rows.push(['set-up: WebAssembly.Module(bytes) compile only, same process', compile, undefined, '']);

const { Checker } = await import(pathToFileURL(join(NODE_PKG, 'index.js')).href);
const defaultSetup = await measure(() => new Checker());
rows.push(['set-up: new Checker() with the embedded default policy', defaultSetup, undefined, '']);

const setupJson = input(manifest.setup.file);
const setupWasm = await measure(() => new Checker(setupJson));
const setupNative = native.setup.find((s) => s.name === 'policy').result;
rows.push([
  `set-up: compile policy with ${n(manifest.setup.pupils)} pupils`,
  setupWasm,
  setupNative,
  judge(setupWasm.median_ms, TARGETS.setup, 'ms'),
]);

// --- checks ------------------------------------------------------------------------------

let mismatches = 0;
const wasmChecks = [];
for (const pol of manifest.policies) {
  const checker = new Checker(input(pol.file));
  for (const post of manifest.posts) {
    const postJson = input(post.file);
    let findings = 0;
    const result = await measure(() => {
      findings = checker.check(postJson).length;
    });
    const nat = native.checks.find((c) => c.chars === post.chars && c.pupils === pol.pupils);
    if (nat && nat.findings !== findings) {
      mismatches++;
      console.error(
        `MISMATCH ${post.chars} chars / ${pol.pupils} pupils: wasm ${findings} findings, native ${nat.findings}`,
      );
    }
    let target = '';
    if (post.chars === 1000 && pol.pupils === 1500) target = judge(result.median_ms, TARGETS.check1000, 'ms');
    if (post.chars === 100000) target = judge(result.median_ms, TARGETS.check100000, 'ms');
    wasmChecks.push({ chars: post.chars, pupils: pol.pupils, findings, result });
    rows.push([
      `check ${n(post.chars)} chars, ${n(pol.pupils)} pupils (${findings} findings)`,
      result,
      nat?.result,
      target,
    ]);
  }
}

// --- harper.js on the same 1,000-character text ------------------------------------------

let harper;
const post1000 = manifest.posts.find((p) => p.chars === 1000);
try {
  const h = await import('harper.js');
  const { binary } = await import('harper.js/binary');
  const text = JSON.parse(input(post1000.file)).text;
  let t = performance.now();
  const linter = new h.LocalLinter({ binary, dialect: h.Dialect.British });
  await linter.setup();
  const setupMs = performance.now() - t;
  t = performance.now();
  await linter.lint(text); // the first lint builds harper's dictionary structures
  const firstLintMs = performance.now() - t;
  let lints = 0;
  const result = await measure(async () => {
    lints = (await linter.lint(text)).length;
  });
  harper = { setupMs, firstLintMs, result, lints };
  rows.push(['harper.js: LocalLinter setup (load + compile + instantiate its wasm)', { median_ms: setupMs }, undefined, '1 sample']);
  rows.push(['harper.js: first lint after setup (lazy initialisation)', { median_ms: firstLintMs }, undefined, '1 sample']);
  rows.push([`harper.js: lint the same 1,000 chars (${lints} lints)`, result, undefined, '']);
  // The ratio against the 1,000-char check with the largest roster measured (1,500 in full runs).
  const ours = wasmChecks
    .filter((c) => c.chars === 1000)
    .sort((a, b) => (a.pupils === 1500 ? -1 : b.pupils === 1500 ? 1 : b.pupils - a.pupils))[0];
  if (ours) {
    const ratio = ours.result.median_ms / result.median_ms;
    rows.push([
      `ratio Postwacht/harper (1,000 chars, ${n(ours.pupils)} pupils, medians)`,
      { text: `${ratio.toFixed(3)}×` },
      undefined,
      `Postwacht ${(1 / ratio).toFixed(1)}× faster: ≥${TARGETS.harperRatio}× ${1 / ratio >= TARGETS.harperRatio ? 'ok' : 'UNDER'}`,
    ]);
  }
} catch (e) {
  rows.push(['harper.js', { text: `failed: ${e.message}` }, undefined, 'run npm ci in bench/']);
}

// --- sizes ---------------------------------------------------------------------------------

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const wasmFile = existsSync(WEB_WASM) ? WEB_WASM : join(NODE_PKG, 'postwacht_bg.wasm');
const raw = readFileSync(wasmFile);
const gz = gzipSync(raw, { level: 9 });
rows.push(['size: postwacht_bg.wasm raw', { text: kb(raw.length) }, undefined, judge(raw.length / 1024, TARGETS.rawKB, 'KB')]);
rows.push(['size: postwacht_bg.wasm gzipped (Node zlib, level 9)', { text: kb(gz.length) }, undefined, judge(gz.length / 1024, TARGETS.gzKB, 'KB')]);
rows.push([
  'size: dist/postwacht-chrome.zip',
  { text: existsSync(CHROME_ZIP) ? kb(readFileSync(CHROME_ZIP).length) : 'n/a' },
  undefined,
  '',
]);
const harperWasm = join(ROOT, 'bench/node_modules/harper.js/dist/harper_wasm_bg.wasm');
if (existsSync(harperWasm)) {
  const hw = readFileSync(harperWasm);
  rows.push(['size: harper.js harper_wasm_bg.wasm raw / gzipped', { text: `${kb(hw.length)} / ${kb(gzipSync(hw, { level: 9 }).length)}` }, undefined, 'reference']);
}

// --- the table -----------------------------------------------------------------------------

const header = ['case', 'wasm median', 'wasm p95', 'native median', 'native p95', 'target'];
const table = rows.map(([name, w, nat, target]) => [
  name,
  w?.text ?? fmtMs(w?.median_ms),
  w?.text ? '' : fmtMs(w?.p95_ms),
  fmtMs(nat?.median_ms),
  fmtMs(nat?.p95_ms),
  target,
]);
const widths = header.map((h, i) => Math.max([...h].length, ...table.map((r) => [...r[i]].length)));
const line = (cells) =>
  cells.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ').trimEnd();
console.log(
  `\nPostwacht benchmark${smoke ? ' (SMOKE: few iterations, small inputs; numbers are not meaningful)' : ''}` +
    ` — Node ${process.version}, native ${native.profile} build, ${new Date().toISOString().slice(0, 10)}`,
);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const r of table) console.log(line(r));
console.log(
  '\nwasm = checker.check(postJson) from JavaScript (JSON in, plain objects out);' +
    ' native = Post::from_json + check + serde_json::to_string.',
);

// --- where the time goes: per step (src/profile.rs), native and wasm ---------------------------

// Each step runs on its own in a loop (src/profile.rs); the wasm numbers come from the
// profiling build (target/pkg/profile: the same core with Checker.profileSteps, without
// wasm-opt), in this process. The JavaScript side of a check is measured here: the post
// string copied into wasm, and the findings' JSON string decoded and JSON.parse'd.
const steps = [];
if (existsSync(PROFILE_PKG) && native.steps?.length) {
  const prof = await import(pathToFileURL(PROFILE_PKG).href);
  const polFile = manifest.policies[manifest.policies.length - 1];
  const pc = new prof.Checker(input(polFile.file));
  for (const ns of native.steps) {
    const post = manifest.posts.find((p) => p.chars === ns.chars);
    if (!post) continue;
    const postJson = input(post.file);
    const iters = Math.max(3, Math.min(1000, Math.round(300000 / ns.chars)));
    // The clock is this process's CPU time (process.cpuUsage), for the profiling build's
    // performance.now import too: on a shared machine, wall-clock time per step swings by
    // 2× or more with the load, CPU time hardly. Median of 5 rounds per step.
    const realNow = performance.now;
    const cpuNow = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    const findingsJson = JSON.stringify(pc.check(postJson));
    const loop = (f) => {
      const t = cpuNow();
      for (let i = 0; i < iters; i++) f();
      return (cpuNow() - t) / iters;
    };
    const rounds = [];
    const parse = [];
    const call = [];
    Object.defineProperty(performance, 'now', { value: cpuNow, configurable: true, writable: true });
    try {
      pc.profileSteps(postJson, iters); // warm-up: wasm tiers up to optimised code
      for (let r = 0; r < (smoke ? 1 : 5); r++) {
        rounds.push(pc.profileSteps(postJson, iters));
        parse.push(loop(() => JSON.parse(findingsJson)));
        call.push(loop(() => pc.check(postJson)));
      }
    } finally {
      Object.defineProperty(performance, 'now', { value: realNow, configurable: true, writable: true });
    }
    const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const wasmSteps = rounds[0].map(([k], i) => [k, med(rounds.map((r) => r[i][1]))]);
    const inWasm = wasmSteps.find(([k]) => k.startsWith('whole check'))[1];
    steps.push({ chars: ns.chars, pupils: ns.pupils, native: ns.steps, wasm: wasmSteps, json_parse_ms: med(parse), call_ms: med(call), in_wasm_ms: inWasm, findings_json_bytes: findingsJson.length });
  }
  for (const st of steps) {
    console.log(`\nWhere the time goes: ${n(st.chars)} chars, ${n(st.pupils)} pupils (ms per call, each step alone, median of 5 rounds)`);
    const w = 58;
    console.log(`${'step'.padEnd(w)} | native wall | wasm CPU t | wasm/native`);
    for (const [k, v] of st.native) {
      const wv = st.wasm.find(([x]) => x === k)?.[1];
      console.log(`${k.padEnd(w)} | ${fmtMs(v).padStart(11)} | ${fmtMs(wv).padStart(10)} | ${wv !== undefined && v > 0 ? (wv / v).toFixed(1).padStart(10) + '×' : ''}`);
    }
    console.log(`${('JSON.parse of the findings (JS, ' + n(st.findings_json_bytes) + ' bytes)').padEnd(w)} |           — | ${fmtMs(st.json_parse_ms).padStart(10)} |`);
    console.log(`${'checker.check() from JS'.padEnd(w)} |           — | ${fmtMs(st.call_ms).padStart(10)} |`);
    console.log(`${'  of which outside the core (strings in/out, JSON.parse)'.padEnd(w)} |           — | ${fmtMs(st.call_ms - st.in_wasm_ms).padStart(10)} |`);
  }
} else {
  console.log('\n(no per-step table: target/pkg/profile is built by ./build.sh bench)');
}

writeFileSync(
  join(dirname(nativeFile), smoke ? 'results-smoke.json' : 'results.json'),
  JSON.stringify({ node: process.version, smoke, native, wasm: wasmChecks, harper, steps, rows: table }, null, 1),
);
if (mismatches) {
  console.error(`${mismatches} case(s) where wasm and native disagree on the number of findings`);
  process.exit(1);
}
