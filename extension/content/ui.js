// Postwacht's own UI in the page: one host element with a closed shadow root holding the
// mark overlays (textarea mirrors, fallback underlines), the badges, the card, the badge
// panel, the publish guard dialog and a live region. Page styles cannot leak in, text from
// the post is only ever set with textContent, and page scripts can neither read this UI
// (a finding's message can name a pupil and a group from the roster) nor click it: the
// root is closed, and every button acts only on a trusted (user) event.
import { t, getLang } from '../shared/i18n.js';
import CSS_TEXT from './ui.css';

/** @typedef {import('./composer.js').Composer} Composer */
/** @typedef {import('../shared/types.js').Finding} Finding */
/** @typedef {import('../shared/types.js').Counts} Counts */
/** @typedef {import('../shared/types.js').Severity} Severity */
/** @typedef {{left: number, top: number, right: number, bottom: number}} Box */

/** @type {HTMLElement | null} */
let host = null;
/** @type {ShadowRoot | null} */
let root = null;
/** @type {Record<'marks' | 'badges' | 'popups' | 'live', HTMLElement>} */
const els = /** @type {any} */ ({});

/** Creates the host element and its shadow root once (again if the page removed it). */
export function ensure() {
  if (host && host.isConnected) return root;
  host = document.createElement('postwacht-ui');
  host.setAttribute('data-postwacht-ui', '');
  host.style.cssText = 'all: initial; position: fixed; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647;';
  root = host.attachShadow({ mode: 'closed' });
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS_TEXT);
    root.adoptedStyleSheets = [sheet]; // not subject to the page's style-src CSP
  } catch {
    const st = document.createElement('style');
    st.textContent = CSS_TEXT;
    root.appendChild(st);
  }
  for (const name of ['marks', 'badges', 'popups']) {
    const d = document.createElement('div');
    d.className = 'layer ' + name;
    root.appendChild(d);
    els[/** @type {'marks' | 'badges' | 'popups'} */ (name)] = d;
  }
  const live = document.createElement('div');
  live.className = 'sr';
  live.setAttribute('aria-live', 'polite');
  live.setAttribute('role', 'status');
  root.appendChild(live);
  els.live = live;
  document.documentElement.appendChild(host);
  return root;
}

/**
 * `fn` as a listener that runs only for events from the user (not made by a page script).
 * @template {Event} E
 * @param {(ev: E) => void} fn
 * @returns {(ev: E) => void}
 */
export function trusted(fn) {
  return (ev) => {
    if (!ev.isTrusted) {
      ev.preventDefault();
      ev.stopImmediatePropagation();
      return;
    }
    fn(ev);
  };
}
/** Keeps focus and the selection in the editor when a button of ours is pressed. @param {MouseEvent} ev */
const keepFocus = (ev) => ev.preventDefault();

/**
 * A new element: `attrs` are attributes, except text (textContent), class and on* (listeners).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, any>} [attrs]
 * @param {...(Node | string | null | undefined | false)} kids
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') e.textContent = v;
    else if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const k of kids) if (k) e.appendChild(typeof k === 'string' ? document.createTextNode(k) : k);
  return e;
}

/** @type {ReturnType<typeof setTimeout> | undefined} */
let liveTimer;
/** Says `msg` in the live region (screen readers), after typing has paused. @param {string} msg */
export function announce(msg) {
  ensure();
  clearTimeout(liveTimer);
  liveTimer = setTimeout(() => {
    els.live.textContent = msg;
  }, 400);
}

/** @param {string} sev */
export function sevLabel(sev) {
  return t(sev === 'error' ? 'sevError' : sev === 'warning' ? 'sevWarning' : 'sevInfo');
}
/** "2 fouten, 1 waarschuwing, 0 tips" in the chosen language. */
/** @param {Counts} c */
export function countsText(c) {
  const part = (/** @type {number} */ n, /** @type {string} */ key) => t(key + (n === 1 ? 'One' : 'Other'), n);
  return [part(c.error, 'countError'), part(c.warning, 'countWarning'), part(c.info, 'countInfo')].join(', ');
}
/** @param {Counts} c */
export function countsLabel(c) {
  return t('badgeLabel', countsText(c));
}

// ---- card -------------------------------------------------------------------------
/**
 * The open card, if any.
 * @type {{node: HTMLElement | null, composer: Composer | null, finding: Finding | null, hideTimer: ReturnType<typeof setTimeout> | undefined, pinned: boolean}}
 */
const card = { node: null, composer: null, finding: null, hideTimer: undefined, pinned: false };

/** @param {HTMLElement} node @param {Box} rect */
function placeNear(node, rect) {
  const w = node.offsetWidth || 340;
  const h = node.offsetHeight || 160;
  const x = Math.min(Math.max(8, rect.left), innerWidth - w - 8);
  let y = rect.bottom + 6;
  if (y + h > innerHeight - 8) y = Math.max(8, rect.top - h - 6);
  node.style.left = x + 'px';
  node.style.top = y + 'px';
}

/**
 * Shows the card for `finding` of `composer` next to `rect`. `focus`: move keyboard focus
 * into the card (keyboard users); hover and click leave focus in the editor.
 * @param {Composer} composer
 * @param {Finding} finding
 * @param {Box} rect
 * @param {{focus?: boolean, pinned?: boolean}} [how]
 */
export function showCard(composer, finding, rect, { focus = false, pinned = false } = {}) {
  ensure();
  clearTimeout(card.hideTimer);
  if (card.node) card.node.remove();
  card.composer = composer;
  card.finding = finding;
  card.pinned = pinned || focus;
  const fixes = (finding.fixes || []).map((fx, i) =>
    el('button', {
      class: 'act primary',
      type: 'button',
      'data-fix': String(i),
      'data-replacement': fx.replacement,
      text: fx.label || fx.replacement,
      onmousedown: keepFocus,
      onclick: trusted((/** @type {MouseEvent} */ ev) => {
        ev.preventDefault();
        hideCard(true);
        composer.applyFix(finding, fx);
      }),
    }),
  );
  const node = el(
    'div',
    {
      class: 'card',
      role: 'dialog',
      'aria-label': t('cardLabel', sevLabel(finding.severity)),
      'data-postwacht-card': '',
      'data-rule': finding.rule,
      'data-severity': finding.severity,
      onmouseenter: () => clearTimeout(card.hideTimer),
      onmouseleave: () => {
        if (!card.pinned) scheduleHideCard();
      },
      onkeydown: (/** @type {KeyboardEvent} */ ev) => {
        if (ev.key === 'Escape') {
          ev.preventDefault();
          ev.stopPropagation();
          hideCard(true);
          composer.focusBack();
        }
      },
    },
    el('button', { class: 'close', type: 'button', 'aria-label': t('close'), text: '×', onmousedown: keepFocus, onclick: trusted(() => { hideCard(true); composer.focusBack(); }) }),
    el('header', {}, el('span', { class: 'sev ' + finding.severity, text: sevLabel(finding.severity) }), el('span', { text: t('cat_' + finding.category.replace(/-/g, '_')) })),
    el('div', { class: 'quote', text: '“' + quoteOf(finding) + '”' }),
    el('p', { class: 'msg', text: finding.message }),
    addresseeLine(composer, finding),
    // The core cites the protocol rule in the post's language ("Protocol: ...").
    finding.reference ? el('p', { class: 'ref', text: /^protocol\b/i.test(finding.reference) ? finding.reference : t('cardReference', finding.reference) }) : null,
    el(
      'div',
      { class: 'actions' },
      ...fixes,
      el('button', {
        class: 'act',
        type: 'button',
        'data-ignore': '',
        text: t('ignore'),
        title: t('ignoreTitle'),
        onmousedown: keepFocus,
        onclick: trusted(() => {
          hideCard(true);
          composer.ignore(finding);
          composer.focusBack();
        }),
      }),
    ),
  );
  els.popups.appendChild(node);
  card.node = node;
  placeNear(node, rect);
  if (focus) (/** @type {HTMLElement | null} */ (node.querySelector('button.act')) || node).focus();
}

/**
 * What a card quotes: the text under the finding, or for a finding about an attachment (no
 * text under it) the name content/attachments.js gives it ("IMG_1.jpg", "foto 1").
 * @param {Finding} f
 */
const quoteOf = (f) => f.quote || f.text;

/**
 * For a finding that rests on an inferred addressee (a public discussion with a parent or
 * pupil): who the core took the reply to be answering and why, with one-click buttons to
 * confirm or correct it. The choice is remembered for the thread (composer.setReplyTo).
 * @param {Composer} composer @param {Finding} finding
 */
function addresseeLine(composer, finding) {
  const r = composer.resolved;
  if (!r || r.reply_to_from !== 'inferred' || !r.reply_to || finding.category !== 'discussion') return null;
  const to = r.reply_to;
  const who = t('reply_' + to);
  const choose = (/** @type {string | null} */ v) => trusted(() => {
    hideCard(true);
    composer.setReplyTo(v);
    composer.focusBack();
  });
  const other = to === 'parent' ? 'student' : 'parent';
  return el(
    'div',
    { class: 'addressee', 'data-postwacht-addressee': to },
    el('p', { class: 'muted', text: r.reply_to_clue ? t('replyInferred', who, r.reply_to_clue) : t('replyInferredNoClue', who) }),
    el('button', { class: 'act', type: 'button', 'data-reply-confirm': to, text: t('replyConfirm'), onclick: choose(to) }),
    el('button', { class: 'act', type: 'button', 'data-reply-set': other, text: t('reply_' + other), onclick: choose(other) }),
    el('button', { class: 'act', type: 'button', 'data-reply-set': 'none', text: t('replyNotThem'), onclick: choose(null) }),
  );
}

export function scheduleHideCard() {
  clearTimeout(card.hideTimer);
  card.hideTimer = setTimeout(() => hideCard(), 350);
}
/** Closes the card; a pinned one only when `force`. @param {boolean} [force] */
export function hideCard(force) {
  clearTimeout(card.hideTimer);
  if (!card.node) return;
  if (!force && card.pinned) return;
  card.node.remove();
  card.node = card.composer = card.finding = null;
  card.pinned = false;
}
export function cardState() {
  return card;
}

// ---- badge panel -------------------------------------------------------------------
/** @type {HTMLElement | null} */
let panel = null;
/** @type {{composer: Composer, list: HTMLElement, rect: Box, key: string} | null} */
let panelState = null;
/** What the panel's list shows, to redraw it only when that changes. @param {Composer} composer */
const listKey = (composer) => composer.findings.map((f) => f.rule + '\u0000' + f.start + '\u0000' + f.end + '\u0000' + f.message).join('\u0001');
export function hidePanel() {
  if (panel) panel.remove();
  panel = null;
  panelState = null;
}

/** The panel's list of findings, as they are now. @param {Composer} composer @param {Box} badgeRect */
function findingsList(composer, badgeRect) {
  const items = composer.findings.map((f) =>
    el(
      'li',
      {},
      el('button', {
        class: 'item',
        type: 'button',
        onclick: trusted(() => {
          hidePanel();
          const r = composer.rectOf(f) || badgeRect;
          showCard(composer, f, r, { focus: true });
        }),
      }, el('span', { class: 'sev ' + f.severity, text: sevLabel(f.severity) }), ' ', el('span', { text: '“' + quoteOf(f) + '” — ' + f.message })),
    ),
  );
  return items.length ? el('ul', {}, ...items) : el('p', { text: t('noFindings') });
}

/** The open panel follows the composer's findings (a context change checks again). @param {Composer} composer */
export function refreshPanel(composer) {
  if (!panel || !panelState || panelState.composer !== composer) return;
  const key = listKey(composer);
  if (key === panelState.key) return;
  const old = panelState.list;
  const active = root && root.activeElement;
  const hadFocus = !!active && old.contains(active);
  const index = hadFocus ? [...old.querySelectorAll('.item')].indexOf(/** @type {HTMLElement} */ (active)) : -1;
  const next = findingsList(composer, panelState.rect);
  next.setAttribute('data-findings', '');
  old.replaceWith(next);
  panelState.list = next;
  panelState.key = key;
  if (hadFocus) {
    // Keep the keyboard user in the panel.
    const items = /** @type {NodeListOf<HTMLElement>} */ (next.querySelectorAll('.item'));
    const target = items[Math.min(Math.max(index, 0), items.length - 1)] || /** @type {HTMLElement | null} */ (panel.querySelector('input, select, button'));
    if (target) target.focus();
  }
}
/** The badge panel: all findings, the account and reply context, the attachments. @param {Composer} composer @param {Box} badgeRect */
export function showPanel(composer, badgeRect) {
  ensure();
  hidePanel();
  hideCard(true);
  const list = findingsList(composer, badgeRect);
  list.setAttribute('data-findings', '');
  const r = composer.resolved;
  const schoolBox = el('input', { type: 'checkbox', 'data-account-school': '' });
  schoolBox.checked = (r ? r.account : composer.account) === 'school';
  schoolBox.addEventListener('change', trusted(() => composer.setAccount(schoolBox.checked ? 'school' : 'personal')));
  const replySel = el('select', { 'data-reply-to': '' });
  for (const v of ['', 'parent', 'student', 'colleague', 'other']) {
    const o = el('option', { value: v, text: t('reply_' + (v || 'none')) });
    if (((r ? r.reply_to : composer.replyTo) || '') === v) o.selected = true;
    replySel.appendChild(o);
  }
  replySel.addEventListener('change', trusted(() => composer.setReplyTo(replySel.value || null)));
  const att = composer.attachments.length
    ? el('p', { class: 'muted' }, el('span', { text: t('attachments', composer.attachments.map((a) => a.name || a.kind).join(', ')) }), ' ',
        el('button', { class: 'act', type: 'button', text: t('clearAttachments'), onclick: trusted(() => { composer.setAttachments([]); hidePanel(); }) }))
    : el('p', { class: 'muted', text: t('noAttachments') });
  panel = el(
    'div',
    {
      class: 'panel',
      role: 'dialog',
      'aria-label': t('panelTitle'),
      'data-postwacht-panel': '',
      onkeydown: (/** @type {KeyboardEvent} */ ev) => {
        if (ev.key === 'Escape') {
          ev.preventDefault();
          hidePanel();
          composer.focusBack();
        }
      },
    },
    el('button', { class: 'close', type: 'button', 'aria-label': t('close'), text: '×', onclick: trusted(() => { hidePanel(); composer.focusBack(); }) }),
    el('h2', { text: t('panelTitle') }),
    list,
    el('label', {}, schoolBox, el('span', { text: t('postAsSchoolRemember') })),
    r && r.account_from === 'identity' && r.account === 'school' ? el('p', { class: 'muted', text: t('accountFromIdentity') }) : null,
    el('label', {}, el('span', { text: t('replyToLabel') }), replySel),
    r && r.reply_to_from === 'inferred' && r.reply_to ? el('p', { class: 'muted', 'data-reply-inferred': '', text: r.reply_to_clue ? t('replyInferred', t('reply_' + r.reply_to), r.reply_to_clue) : t('replyInferredNoClue', t('reply_' + r.reply_to)) }) : null,
    att,
  );
  els.popups.appendChild(panel);
  panelState = { composer, list, rect: badgeRect, key: listKey(composer) };
  placeNear(panel, badgeRect);
  (/** @type {HTMLElement | null} */ (panel.querySelector('.item')) || schoolBox).focus();
}

// ---- badge -------------------------------------------------------------------------
/** @param {Composer} composer */
export function createBadge(composer) {
  ensure();
  const b = el('button', {
    class: 'badge',
    type: 'button',
    'data-postwacht-badge': '',
    'data-errors': '0',
    'data-warnings': '0',
    'data-infos': '0',
    'data-kind': composer.adapter.kind,
    'aria-haspopup': 'dialog',
    onclick: trusted((/** @type {MouseEvent} */ ev) => {
      ev.preventDefault();
      if (panel) hidePanel();
      else showPanel(composer, b.getBoundingClientRect());
    }),
    onmousedown: (/** @type {MouseEvent} */ ev) => ev.preventDefault(), // keep the editor's selection
  });
  els.badges.appendChild(b);
  updateBadge(b, { error: 0, warning: 0, info: 0 });
  return b;
}

/** @param {HTMLElement} b @param {Counts} c */
export function updateBadge(b, c) {
  delete b.dataset.capped;
  b.dataset.errors = String(c.error);
  b.dataset.warnings = String(c.warning);
  b.dataset.infos = String(c.info);
  b.setAttribute('aria-label', countsLabel(c));
  b.title = countsLabel(c);
  b.textContent = '';
  if (!c.error && !c.warning && !c.info) {
    b.appendChild(el('span', { class: 'ok', 'aria-hidden': 'true', text: '✓' }));
    return;
  }
  for (const sev of /** @type {Severity[]} */ (['error', 'warning', 'info'])) {
    if (!c[sev]) continue;
    b.appendChild(el('span', { class: 'n', 'aria-hidden': 'true' }, el('span', { class: 'dot ' + sev }), String(c[sev])));
  }
}

/**
 * Heavy input (issue 14): a long post is checked up to `checked` UTF-16 units and
 * underlined up to `drawn`: the badge says so (title, label, a "+" after the counts)
 * instead of a silent stop. @param {HTMLElement} b @param {number} checked @param {number} drawn @param {number} length
 */
export function badgeLong(b, checked, drawn, length) {
  const n = (/** @type {number} */ x) => x.toLocaleString(getLang() === 'en' ? 'en-US' : 'nl-NL');
  const msg = checked < length ? t('badgeCapped', n(checked)) : t('badgeDrawnUpTo', n(drawn));
  b.dataset.capped = String(checked < length ? checked : drawn);
  b.title = b.title + ' ' + msg;
  b.setAttribute('aria-label', (b.getAttribute('aria-label') || '') + ' ' + msg);
  if (checked < length) b.appendChild(el('span', { class: 'n', 'aria-hidden': 'true', text: '+' }));
}

/** The badge when checking failed: says so instead of showing a reassuring ✓. */
/** @param {HTMLElement} b @param {string} detail */
export function badgeError(b, detail) {
  b.dataset.state = 'error';
  b.textContent = '';
  b.appendChild(el('span', { class: 'n', 'aria-hidden': 'true', text: '⚠' }));
  b.setAttribute('aria-label', t('badgeError'));
  b.title = t('badgeError') + (detail ? ' (' + detail + ')' : '');
}

// ---- publish guard -----------------------------------------------------------------
/** @type {HTMLElement | null} */
let guard = null;
/**
 * Shows the guard for `errors`; resolves 'back' or 'post'. The school's policy may take
 * "toch plaatsen" away (allowOverride false) or ask for a reason first (needReason).
 * `failed`: the post could not be checked (or the check did not finish): held like an
 * error, with a message saying so.
 * @param {Finding[]} errors
 * @param {{allowOverride?: boolean, needReason?: boolean, failed?: 'failed' | 'pending' | null}} [opts]
 * @returns {Promise<{choice: 'back' | 'post', reason?: string}>}
 */
export function showGuard(errors, { allowOverride = true, needReason = false, failed = null } = {}) {
  ensure();
  closeGuard();
  hideCard(true);
  hidePanel();
  return new Promise((resolve) => {
    /** @param {'back' | 'post'} choice @param {string} [reason] */
    const finish = (choice, reason) => {
      closeGuard();
      resolve({ choice, reason });
    };
    const back = el('button', { class: 'act primary', type: 'button', 'data-guard-back': '', text: t('guardBack'), onclick: trusted(() => finish('back')) });
    /** @type {(HTMLButtonElement | HTMLInputElement)[]} */
    const focusables = [back];
    /** @type {HTMLButtonElement | null} */
    let post = null;
    /** @type {HTMLInputElement | null} */
    let reason = null;
    if (allowOverride) {
      post = el('button', { class: 'act danger', type: 'button', 'data-guard-post': '', text: t('guardPost'), onclick: trusted(() => finish('post', reason ? reason.value.trim() : '')) });
      if (needReason) {
        const field = el('input', { type: 'text', class: 'reason', 'data-guard-reason': '', 'aria-label': t('guardReason'), placeholder: t('guardReason') });
        const button = post;
        reason = field;
        button.disabled = true;
        field.addEventListener('input', () => {
          button.disabled = field.value.trim().length < 3;
        });
        focusables.push(field);
      }
      focusables.push(post);
    }
    const dialog = el(
      'div',
      { class: 'guard', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'pw-guard-title', 'aria-describedby': 'pw-guard-desc', 'data-postwacht-guard': '' },
      el('h2', { id: 'pw-guard-title', text: t('guardTitle') }),
      failed
        ? el('p', { id: 'pw-guard-desc', 'data-guard-failed': failed, text: t(failed === 'pending' ? 'guardPending' : 'guardFailed') })
        : el('p', { id: 'pw-guard-desc', text: t('guardIntro', t(errors.length === 1 ? 'countErrorOne' : 'countErrorOther', errors.length)) }),
      errors.length ? el('ul', {}, ...errors.map((f) => el('li', {}, el('strong', { text: '“' + quoteOf(f) + '”' }), ' — ', el('span', { text: f.message })))) : null,
      allowOverride ? null : el('p', { class: 'muted', text: t('guardNoOverride') }),
      reason ? el('p', {}, reason) : null,
      el('div', { class: 'actions' }, back, post),
    );
    guard = el('div', {
      class: 'guard-backdrop',
      onkeydown: (/** @type {KeyboardEvent} */ ev) => {
        if (ev.key === 'Escape') {
          ev.preventDefault();
          ev.stopPropagation();
          finish('back');
        } else if (ev.key === 'Tab') {
          // Keep focus inside the dialog.
          const f = focusables.filter((x) => !x.disabled);
          const i = f.indexOf(/** @type {any} */ (/** @type {ShadowRoot} */ (root).activeElement));
          ev.preventDefault();
          f[(i + (ev.shiftKey ? f.length - 1 : 1)) % f.length].focus();
        }
        ev.stopPropagation();
      },
    }, dialog);
    els.popups.appendChild(guard);
    back.focus();
  });
}
// ---- notice -------------------------------------------------------------------------
/** @type {HTMLElement | null} */
let noticeNode = null;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let noticeTimer;
/**
 * A short message next to `rect` (a fix that could not be applied), also said to screen
 * readers; goes away by itself.
 * @param {string} msg @param {Box} rect
 */
export function notice(msg, rect) {
  ensure();
  if (noticeNode) noticeNode.remove();
  clearTimeout(noticeTimer);
  noticeNode = el('div', { class: 'card notice', role: 'status', 'data-postwacht-notice': '', text: msg });
  els.popups.appendChild(noticeNode);
  placeNear(noticeNode, rect);
  announce(msg);
  noticeTimer = setTimeout(() => {
    if (noticeNode) noticeNode.remove();
    noticeNode = null;
  }, 6000);
}

export function closeGuard() {
  if (guard) guard.remove();
  guard = null;
}
export function guardOpen() {
  return !!guard;
}

/** @param {'marks' | 'badges' | 'popups'} name */
export function layer(name) {
  ensure();
  return els[name];
}
/** True for Postwacht's own elements, inside its shadow root or not. */
/** @param {Node | EventTarget | null | undefined} node */
export function contains(node) {
  if (!host || !node) return false;
  for (let n = /** @type {Node} */ (node); n; ) {
    if (n === host) return true;
    const root = n.getRootNode && n.getRootNode();
    if (root && /** @type {ShadowRoot} */ (root).host) n = /** @type {ShadowRoot} */ (root).host;
    else return host.contains(n);
  }
  return false;
}
export function destroy() {
  if (host) host.remove();
  host = root = null;
}
