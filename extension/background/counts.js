// The counts of a tab's frames (issue 9): every frame with composers (the top page, a
// same-origin editor frame) reports its own counts; the toolbar badge and the popup show
// the sum over the tab's frames. Kept in storage.session too, so a restart of the service
// worker (MV3 stops it when idle) does not forget the frames that reported before.

/** @typedef {{error: number, warning: number, info: number, composers: number}} Counts */
/** @typedef {Record<string, Record<string, Counts>>} Table tab id → frame key → counts */

const KEY = 'tab_counts';
const ZERO = () => ({ error: 0, warning: 0, info: 0, composers: 0 });

/** @param {unknown} c @returns {Counts} */
function clean(c) {
  const o = /** @type {Record<string, unknown>} */ (c && typeof c === 'object' ? c : {});
  const n = (/** @type {unknown} */ v) => (Number.isFinite(v) && /** @type {number} */ (v) > 0 ? Math.floor(/** @type {number} */ (v)) : 0);
  return { error: n(o.error), warning: n(o.warning), info: n(o.info), composers: n(o.composers) };
}

/**
 * The sum of a tab's frames, leaving out frame `except`.
 * @param {Record<string, Counts> | undefined} frames @param {string} [except]
 * @returns {Counts}
 */
export function sum(frames, except) {
  const t = ZERO();
  for (const [k, c] of Object.entries(frames || {})) {
    if (k === except) continue;
    t.error += c.error;
    t.warning += c.warning;
    t.info += c.info;
    t.composers += c.composers;
  }
  return t;
}

/**
 * The table after a frame's report: its counts, or (gone) the frame left; when the top
 * frame (frameId 0) goes, the whole tab's page went, frames and all.
 * @param {Table} table @param {number} tabId @param {{frame: string, top: boolean}} who
 * @param {{counts?: unknown, gone?: boolean}} msg
 * @returns {Table}
 */
export function report(table, tabId, { frame, top }, msg) {
  const next = Object.assign({}, table);
  const frames = Object.assign({}, next[tabId] || {});
  if (msg.gone) {
    if (top) delete next[tabId];
    else {
      delete frames[frame];
      next[tabId] = frames;
    }
    return next;
  }
  frames[frame] = clean(msg.counts);
  next[tabId] = frames;
  return next;
}

/** The frame key of a message's sender: its document (a navigated frame is a new one), else its frame id. @param {chrome.runtime.MessageSender} sender */
export function frameKey(sender) {
  return String(sender.documentId || 'frame-' + (sender.frameId || 0));
}

/** @type {Promise<Table> | null} */
let loaded = null;
/** @type {Promise<unknown>} */
let chain = Promise.resolve();

/** @returns {Promise<Table>} */
function table() {
  if (!loaded) {
    loaded = chrome.storage.session.get(KEY).then(
      (got) => /** @type {Table} */ (got && got[KEY] && typeof got[KEY] === 'object' ? got[KEY] : {}),
      () => ({}),
    );
  }
  return loaded;
}

/**
 * Applies `change` to the table, one change at a time; resolves the new table.
 * @param {(t: Table) => Table} change @returns {Promise<Table>}
 */
function update(change) {
  const p = chain.then(async () => {
    const next = change(await table());
    loaded = Promise.resolve(next);
    await chrome.storage.session.set({ [KEY]: next }).catch(() => {});
    return next;
  });
  chain = p.catch(() => {});
  return p;
}

/**
 * A frame's report (a 'counts' message): the badge of its tab shows the errors of all its frames.
 * @param {{counts?: unknown, gone?: boolean}} msg @param {chrome.runtime.MessageSender} sender
 */
export async function onCounts(msg, sender) {
  const tabId = sender && sender.tab && sender.tab.id;
  if (tabId === undefined) return;
  const t = await update((tab) => report(tab, tabId, { frame: frameKey(sender), top: (sender.frameId || 0) === 0 }, msg));
  if (msg.gone && (sender.frameId || 0) === 0) return; // the page goes; the browser resets its badge
  const n = sum(t[tabId]).error;
  await chrome.action.setBadgeText({ tabId, text: n ? String(n) : '' });
  await chrome.action.setBadgeBackgroundColor({ tabId, color: '#d93025' });
}

/** The counts of the sender's tab but its own frame (the popup's status adds them to the frame's own). @param {chrome.runtime.MessageSender} sender */
export async function othersOf(sender) {
  const tabId = sender && sender.tab && sender.tab.id;
  if (tabId === undefined) return ZERO();
  return sum((await table())[tabId], frameKey(sender));
}

/** A closed tab's counts are dropped. @param {number} tabId */
export function tabClosed(tabId) {
  return update((t) => {
    const next = Object.assign({}, t);
    delete next[tabId];
    return next;
  });
}
