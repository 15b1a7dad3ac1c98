// Applying a fix the user clicked: through the editor adapter (so the editor's model and
// undo stay right), with the caret put back where the user had it.
import { nextFrame } from './adapters.js';

/** @typedef {import('../shared/types.js').Finding} Finding */
/** @typedef {import('../shared/types.js').Fix} Fix */
/** @typedef {import('./composer.js').Composer} Composer */

/** Browsers keep some spaces in contenteditable as U+00A0. @param {string} s */
export const plain = (s) => s.replace(/\u00a0/g, ' ');

/**
 * Replaces the span of `fix` by its replacement; true when the editor took it. Nothing is
 * changed when the text under the finding is no longer what was checked.
 * @param {Composer} composer
 * @param {Finding} finding
 * @param {Fix} fix
 */
export async function applyFix(composer, finding, fix) {
  const adapter = composer.adapter;
  const text = adapter.read().text;
  if (!composer.findings.includes(finding)) {
    // The card was opened before the last edit: use the same finding as it is now.
    const i = (finding.fixes || []).indexOf(fix);
    const same = composer.findings
      .filter((f) => f.rule === finding.rule && f.text === finding.text)
      .sort((a, b) => Math.abs(a.start - finding.start) - Math.abs(b.start - finding.start))[0];
    if (!same || !same.fixes || !same.fixes[i]) return false;
    finding = same;
    fix = same.fixes[i];
  }
  const span = fix.span || finding;
  const start = span.start;
  const end = span.end;
  if (plain(text.slice(finding.start, finding.end)) !== plain(finding.text)) {
    // The text moved under the card; check again instead of editing the wrong place.
    composer.check();
    return false;
  }
  const caret = composer.savedCaret || adapter.caret();
  const ok = await adapter.replace(start, end, fix.replacement);
  const delta = fix.replacement.length - (end - start);
  // Caret: where it was, moved by the change if it was after the fix; at the end of the
  // replacement if it was inside it (or unknown).
  adapter.read();
  let pos = start + fix.replacement.length;
  if (caret && caret.start === caret.end) {
    if (caret.start <= start) pos = caret.start;
    else if (caret.start >= end) pos = caret.start + delta;
  }
  adapter.setCaret(pos);
  if (adapter.kind !== 'textarea') {
    // Rich editors put their own selection back after they re-render: set it again
    // once they have, so they take ours into their model.
    await nextFrame();
    adapter.read();
    const now = adapter.caret();
    if (!now || now.start !== pos || now.end !== pos) adapter.setCaret(pos);
  }
  const applied = finding;
  composer.findings = composer.findings.filter((f) => f !== applied);
  composer.refresh();
  composer.check();
  return ok;
}
