// The lint rule that keeps HTML parsers out of the extension (eslint.config.js, issue 14):
// every way of handing a string to the HTML parser is reported in the extension's scripts,
// and building nodes with textContent is not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const here = dirname(fileURLToPath(import.meta.url));
const eslint = new ESLint({ cwd: join(here, '..') });

/** The messages eslint gives `code` as if it were extension/`file`. @param {string} code @param {string} [file] */
async function lint(code, file = 'content/probe.js') {
  const [res] = await eslint.lintText(code, { filePath: join(here, '..', file) });
  return res.messages.filter((m) => m.ruleId === 'no-restricted-properties' || m.ruleId === 'no-restricted-syntax');
}

const BAD = [
  'export function f(el, s) { el.innerHTML = s; }',
  'export function f(el, s) { el.outerHTML = s; }',
  "export function f(el, s) { el.insertAdjacentHTML('beforeend', s); }",
  "export function f(el, s) { el['innerHTML'] = s; }",
  'export function f(el, s) { Object.assign(el, { innerHTML: s }); }',
  'export function f(s) { return document.createRange().createContextualFragment(s); }',
  "export function f(s) { return new DOMParser().parseFromString(s, 'text/html'); }",
  'export function f(s) { document.write(s); }',
  'export function f(el, s) { el.setHTMLUnsafe(s); }',
  'export function f(el, s) { el.srcdoc = s; }',
  "export function f() { setTimeout('alert(1)', 1); }",
  'export function f(s) { return new Function(s); }',
];

for (const code of BAD) {
  test(`reported: ${code}`, async () => {
    for (const file of ['content/probe.js', 'popup/probe.js', 'options/probe.js', 'background/probe.js', 'shared/probe.js']) {
      assert.ok((await lint(code, file)).length >= 1, `${file}: ${code}`);
    }
  });
}

test('text and attributes are fine', async () => {
  const ok = "export function f(el, s) { el.textContent = s; el.setAttribute('title', s); el.appendChild(document.createTextNode(s)); setTimeout(() => f(el, s), 1); }";
  assert.deepEqual(await lint(ok), []);
});
