// Bundles the test/demo pages (real editors from npm) into OUT (default ../.build/pages).
import { build } from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
// run.sh builds into a directory of its own per run (POSTWACHT_PAGES_DIR), so two runs on one
// machine never serve each other's half-written bundle.
export const PAGES_OUT = process.env.POSTWACHT_PAGES_DIR || join(here, '..', '.build', 'pages');

export async function buildPages(out = PAGES_OUT) {
  mkdirSync(out, { recursive: true });
  cpSync(join(here, '..', 'pages', 'static'), out, { recursive: true });
  await build({
    // page.js: the editors' test page; field.js and frame.js: composers built as sites
    // build them (tests/field.test.js).
    entryPoints: ['page.js', 'field.js', 'frame.js', 'guard.js'].map((f) => join(here, '..', 'pages', 'src', f)),
    bundle: true,
    outdir: out,
    format: 'iife',
    target: 'chrome110',
    define: { 'process.env.NODE_ENV': '"production"', global: 'window' },
    jsx: 'transform',
    loader: { '.js': 'jsx' },
    minify: true,
    logLevel: 'warning',
  });
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = await buildPages(process.argv[2] || PAGES_OUT);
  console.log('pages built in ' + out);
}
