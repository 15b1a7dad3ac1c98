// One checked composer: its state (text, findings, context) and the badge. The jobs are in
// modules of their own: reading through the editor adapter (adapters.js, textmap.js), when
// to check (scheduler.js), drawing the marks (marks.js), finding the mark under the mouse
// or caret (hittest.js) and applying fixes (fixes.js).
import * as ui from './ui.js';
import { adapterFor } from './adapters.js';
import { REPLY, replyTo as replyContext, isReply, identity, answered, threadKey } from './context.js';
import { shiftSpans } from './textmap.js';
import { Scheduler } from './scheduler.js';
import { Marks, DRAW_LIMIT } from './marks.js';
import * as hit from './hittest.js';
import { applyFix } from './fixes.js';
import * as attachments from './attachments.js';
import { getLang } from '../shared/i18n.js';

/** @typedef {import('../shared/types.js').Finding} Finding */
/** @typedef {import('../shared/types.js').Fix} Fix */
/** @typedef {import('../shared/types.js').Attachment} Attachment */
/** @typedef {import('../shared/types.js').ReplyTo} ReplyTo */
/** @typedef {import('../shared/types.js').Counts} Counts */
/** @typedef {import('../shared/types.js').PostContext} PostContext */
/** @typedef {{start: number, end: number}} Span */

/** @typedef {import('../shared/types.js').ResolvedContext} ResolvedContext */

/**
 * What a composer needs from the page-wide manager (main.js).
 * @typedef {{
 *   platform: string,
 *   host: string,
 *   siteSettings(): {account?: string},
 *   authorRole(): 'staff' | 'leader' | null,
 *   threadChoice(key: string | null): ReplyTo | 'none' | null,
 *   rememberThread(key: string | null, to: ReplyTo | 'none'): void,
 *   rememberSiteAccount(account: 'personal' | 'school'): void,
 *   schedulePosition(): void,
 *   onComposerChanged(c: Composer): void,
 *   attach(el: HTMLElement): Composer | undefined,
 *   touched: WeakSet<HTMLElement>,
 * }} Manager
 */

let nextId = 1;

/** Sets the data attributes that differ (a write of the same value still counts as a change). @param {HTMLElement} el @param {Record<string, string>} data */
function setData(el, data) {
  for (const [k, v] of Object.entries(data)) if (el.dataset[k] !== v) el.dataset[k] = v;
}

export class Composer {
  /** @param {HTMLElement} el @param {Manager} manager */
  constructor(el, manager) {
    this.el = el;
    this.manager = manager;
    this.id = nextId++;
    this.adapter = adapterFor(el);
    this.text = '';
    /** Text of the last answered check. @type {string | null} */
    this.checkedText = null;
    /** @type {Finding[]} */
    this.findings = [];
    /** @type {Set<string>} */
    this.ignored = new Set();
    /** The account the user chose for this composer (badge panel); null: decided from the page. @type {'personal' | 'school' | null} */
    this.account = null;
    this.accountSetByUser = false;
    /** The addressee the page or the user set; null: the core infers it. @type {ReplyTo | null} */
    this.replyTo = replyContext(el);
    this.replyToSetByUser = false;
    /** The context the core checked the last post in (account, addressee, role and where each came from). @type {ResolvedContext | null} */
    this.resolved = null;
    /** Key of the thread the composer answers in (context.threadKey), for remembered choices. @type {string | null} */
    this.thread = null;
    /** @type {Attachment[]} */
    this.attachments = [];
    /** The last check's text was not empty (beforeCheck). */
    this.hadText = false;
    /** @type {string | null | undefined} */
    this.error = undefined;
    /** @type {Span | undefined} */
    this.savedCaret = undefined;
    /** @type {Counts | undefined} */
    this.lastCounts = undefined;
    /** Where the composer was last seen (client rect), to find it again after a re-render. @type {DOMRect | undefined} */
    this.lastRect = undefined;
    /** When the user last typed or clicked here (main.js, guard.js). */
    this.lastUsed = 0;
    /** When the user last moved the caret with the keyboard (main.js). */
    this.lastKeyAt = 0;
    this.scheduler = new Scheduler(this);
    this.marks = new Marks(el, this.adapter, this.id);
    this.badge = ui.createBadge(this);
    /** How much of the text the last check covered (issue 14: a long text is checked up to a limit). */
    this.checkedUpTo = Infinity;
    /** The badge as last written (updateBadge rebuilds its content). */
    this.badgeKey = '';
    /** @type {ReturnType<typeof setTimeout> | 0} a placement after the frame (render()) */
    this.afterFrame = 0;
    /** The badge's size, read with the other layout reads (measure()). */
    this.badgeSize = { w: 40, h: 22 };
    this.ro = new ResizeObserver(() => {
      this.marks.restyle();
      manager.schedulePosition();
    });
    this.ro.observe(el);
    /** @type {MutationObserver | undefined} */
    this.mo = undefined;
    /** @type {(() => void) | undefined} */
    this.onScroll = undefined;
    if (this.adapter.kind !== 'textarea') {
      // Rich editors re-render without always firing input (undo, programmatic changes).
      this.mo = new MutationObserver(() => this.onInput());
      this.mo.observe(el, { characterData: true, childList: true, subtree: true });
    } else {
      this.onScroll = () => manager.schedulePosition();
      el.addEventListener('scroll', this.onScroll, { passive: true });
    }
    this.refresh();
    this.checkSoon(0);
  }

  /**
   * The context for the core. The account is sent only when the user chose it here, or the
   * site setting gives it and the composer shows no identity to write as; otherwise the core
   * decides it ("auto": the identity, the policy per site and platform). The addressee is
   * sent only when the page tags it or the user chose it (here or earlier in this thread);
   * otherwise the core infers it from the message answered.
   * @returns {PostContext}
   */
  context() {
    const el = this.el;
    const id = identity(el);
    const msg = answered(el);
    const reply = msg !== null || isReply(el);
    this.thread = threadKey(this.manager.host, msg);
    const remembered = this.replyToSetByUser ? null : this.manager.threadChoice(this.thread);
    /** @type {ReplyTo | null} */
    const to = remembered === 'none' ? null : remembered || this.replyTo;
    // "Not a parent or pupil", chosen here or before in this thread: no inference.
    const noneChosen = remembered === 'none' || (this.replyToSetByUser && !this.replyTo);
    const site = this.manager.siteSettings().account;
    /** @type {PostContext['account']} */
    let account = 'auto';
    if (this.account) account = this.account;
    else if (!id && (site === 'school' || site === 'personal')) account = site;
    /** @type {PostContext} */
    const c = {
      platform: this.manager.platform,
      account,
      reply_to: to,
      host: this.manager.host,
      attachments: this.attachments.slice(),
    };
    if (id) c.identity = id;
    if (reply) {
      c.reply_to_text = msg ? msg.text : '';
      if (msg && msg.author) c.reply_to_author = msg.author;
    }
    const role = this.manager.authorRole();
    if (role) c.author_role = role;
    if (noneChosen && reply) c.reply_to = 'other';
    return c;
  }

  /** The core's context of the last check (from the service worker's answer). @param {ResolvedContext | null | undefined} r */
  setResolved(r) {
    this.resolved = r || null;
  }

  /**
   * Re-reads the text; keeps the marks on their words across the edit until the next check.
   * `inFrame`: called in an animation frame after a keystroke (see render()).
   * @param {boolean} [inFrame]
   */
  refresh(inFrame) {
    const { text } = this.adapter.read();
    if (text !== this.text) {
      this.findings = shiftSpans(this.text, text, this.findings);
      this.text = text;
      if (!text) this.ignored.clear();
    }
    this.render(inFrame);
  }

  // ---- checking (scheduler.js) ----------------------------------------------------------
  onInput() {
    this.scheduler.onInput();
  }
  /** @param {number} [delay] */
  checkSoon(delay) {
    this.scheduler.soon(delay);
  }
  /** Runs a check now; resolves when the findings for the current text are drawn. */
  check() {
    return this.scheduler.now();
  }

  /**
   * The scheduler's answer: `findings` for `now` (moved there from `checked`, the text that
   * was checked, when the user typed on meanwhile).
   * @param {string} checked @param {string} now @param {Finding[]} findings
   */
  answered(checked, now, findings, upTo = Infinity) {
    this.checkedUpTo = upTo;
    this.error = null;
    if (this.badge.dataset.state !== 'ok') {
      this.badge.dataset.state = 'ok';
      this.badgeKey = ''; // the error's badge is rebuilt
    }
    this.text = now;
    this.checkedText = checked;
    this.findings = attachments.decorate(this, findings.filter((f) => !this.ignored.has(this.ignoreKey(f))));
    this.render();
    if (now === checked) this.announceMarks();
  }

  /** @param {string} error */
  checkFailed(error) {
    this.error = error;
    this.badgeKey = '';
    ui.badgeError(this.badge, error);
  }

  /**
   * `postwacht:marks-updated` on the composer (bubbles, composed): the marks and the badge
   * now show the findings for the composer's current text. detail: {version (grows with
   * every check of this composer), platform, and, only once the user typed, clicked or pasted
   * in this composer (exposed()), errors, warnings, infos}: the badge's counts and the
   * platform the post is checked for. One event per answered check, nothing from the post, no timers;
   * tests/e2e/bench/latency.mjs times it (docs/wasm-and-bench.md).
   */
  announceMarks() {
    const c = this.counts();
    /** @type {Record<string, any>} */
    let detail = { version: this.scheduler.seq, platform: this.manager.platform };
    // The counts only for a composer the user worked in (issue 14, the roster oracle): a
    // page script that fills a composer of its own learns nothing from the findings.
    if (this.exposed()) Object.assign(detail, { errors: c.error, warnings: c.warning, infos: c.info });
    // Firefox: an object from a content script is readable by the page only as a clone.
    if (typeof cloneInto === 'function') detail = cloneInto(detail, document.defaultView);
    this.el.dispatchEvent(new CustomEvent('postwacht:marks-updated', { bubbles: true, composed: true, detail }));
  }

  // ---- the user's choices -----------------------------------------------------------------
  /** @param {Finding} f */
  ignoreKey(f) {
    return f.rule + '\u0000' + f.text;
  }
  /** @param {Finding} f */
  ignore(f) {
    this.ignored.add(this.ignoreKey(f));
    this.findings = this.findings.filter((x) => x !== f && this.ignoreKey(x) !== this.ignoreKey(f));
    this.render();
  }

  /** The user's choice in the badge panel; remembered for the site. @param {string} a */
  setAccount(a) {
    this.account = a === 'school' ? 'school' : 'personal';
    this.accountSetByUser = true;
    this.manager.rememberSiteAccount(this.account);
    this.render();
    this.check();
  }
  /**
   * The user's choice of addressee (badge panel or card); remembered for this thread.
   * null: "no parent or pupil" when the core had inferred one, else "not a reply".
   * @param {string | null} r
   */
  setReplyTo(r) {
    this.replyTo = r && REPLY.has(r) ? /** @type {ReplyTo} */ (r) : null;
    this.replyToSetByUser = true;
    this.manager.rememberThread(this.thread || null, this.replyTo || 'none');
    this.render();
    this.check();
  }
  /**
   * Called with the text a check is about to send: a composer emptied after it held text
   * (a site clears it after sending) drops the attachments that went with the post
   * (attachments.keptAfterEmptied), so their findings do not stay on the empty box.
   * @param {string} text
   */
  beforeCheck(text) {
    const has = !!text.trim();
    if (!has && this.hadText && this.attachments.length) this.attachments = attachments.keptAfterEmptied(this);
    this.hadText = has;
  }
  /** @param {Attachment[]} list */
  setAttachments(list) {
    this.attachments = list;
    this.render();
    this.check();
  }
  /** @param {Attachment[]} list */
  addAttachments(list) {
    if (!list.length) return;
    const seen = new Set(this.attachments.map((a) => a.kind + '/' + a.name));
    this.setAttachments(this.attachments.concat(list.filter((a) => !seen.has(a.kind + '/' + a.name))));
  }

  /** @returns {Counts} */
  counts() {
    const c = { error: 0, warning: 0, info: 0 };
    for (const f of this.findings) if (c[f.severity] !== undefined) c[f.severity]++;
    return c;
  }
  errors() {
    return this.findings.filter((f) => f.severity === 'error');
  }

  // ---- drawing (marks.js) and the badge ---------------------------------------------------
  /**
   * Whether the page may see what Postwacht found here (issue 14, the roster oracle): only
   * once the user typed, clicked, pasted or dropped in this composer (a trusted event,
   * main.js). A composer a page script made and filled is checked, but its marks stay in
   * Postwacht's closed shadow root and its event carries no counts.
   */
  exposed() {
    return this.manager.touched.has(this.el);
  }

  /**
   * Draws the marks and the badge. All layout reads come first, then only writes, so a
   * frame lays out once (issue 9, item 10). `inFrame` (a keystroke's animation frame): no
   * read at all; the frame's own layout covers the field and the mirror, and the marks are
   * placed from what the next frame reads (where nothing moved, that writes nothing).
   * @param {boolean} [inFrame]
   */
  render(inFrame) {
    const lazy = !!inFrame && this.marks.canDrawBlind();
    const g = lazy ? undefined : this.measure();
    this.marks.limit = Math.min(DRAW_LIMIT, this.checkedUpTo);
    this.marks.draw(this.findings, this.text, this.exposed(), g);
    const c = this.counts();
    const prev = this.lastCounts;
    const long = this.text.length > this.marks.limit;
    // The language is part of the key: a switch on the options page redraws the badge's words.
    const key = `${getLang()}/${c.error}/${c.warning}/${c.info}/${long ? this.checkedUpTo + '/' + this.text.length : ''}`;
    if (key !== this.badgeKey) {
      ui.updateBadge(this.badge, c);
      if (long) ui.badgeLong(this.badge, Math.min(this.checkedUpTo, this.text.length), this.marks.limit, this.text.length);
      this.badgeKey = key;
      this.manager.schedulePosition(); // placed again at its new size, measured next frame
    }
    // The context the post is checked in, readable by tests outside the project.
    const r = this.resolved;
    setData(this.badge, {
      platform: this.manager.platform,
      account: r ? r.account : this.account || 'auto',
      accountFrom: r ? r.account_from : '',
      replyTo: (r ? r.reply_to : this.replyTo) || 'none',
      replyToFrom: r ? r.reply_to_from : '',
      authorRole: r ? r.author_role : '',
      attachments: String(this.attachments.length),
    });
    if (!prev || prev.error !== c.error || prev.warning !== c.warning || prev.info !== c.info) {
      if (prev || c.error || c.warning || c.info) ui.announce(ui.countsLabel(c));
      this.lastCounts = c;
    }
    if (g) this.place(g);
    else if (!this.afterFrame) {
      // Placed once this frame is drawn: its layout is then done, so the reads cost nothing,
      // and nothing is written (no frame more) where nothing moved.
      this.afterFrame = setTimeout(() => {
        this.afterFrame = 0;
        if (this.el.isConnected) this.position();
      }, 0);
    }
    ui.refreshPanel(this);
    // A card left open on a finding that is gone (fixed, typed away) closes, unless the
    // keyboard user is in it; applyFix finds the same finding again anyway.
    const card = ui.cardState();
    const open = card.finding;
    if (card.node && card.composer === this && !card.pinned && !(open && this.findings.some((f) => f.rule === open.rule && f.text === open.text))) {
      ui.hideCard(true);
    }
    this.manager.onComposerChanged(this);
  }

  /** The layout reads for drawing and placing (main.js reads all composers' before writing). */
  measure() {
    const r = this.el.getBoundingClientRect();
    const b = this.badge;
    if (!b.hidden && b.offsetWidth) this.badgeSize = { w: b.offsetWidth, h: b.offsetHeight || 22 };
    return this.marks.measure(r);
  }

  /** Places the badge and the marks from what measure() read; only writes. @param {import('./marks.js').Geometry} g */
  place(g) {
    const r = g.rect;
    const visible = g.visible;
    if (visible) this.lastRect = r;
    const b = this.badge;
    if (b.hidden !== !visible) b.hidden = !visible;
    if (visible) {
      const { w: bw, h: bh } = this.badgeSize;
      // Inside the bottom-right corner; above it for one-line fields, where it would
      // cover the text.
      const inside = r.height >= bh * 2;
      const left = Math.max(0, r.right - bw - 4) + 'px';
      const top = Math.max(0, inside ? r.bottom - bh - 4 : r.top - bh - 2) + 'px';
      if (b.style.left !== left) b.style.left = left;
      if (b.style.top !== top) b.style.top = top;
    }
    this.marks.place(g);
  }

  /** Places the badge (and the mirror) on the composer; called in an animation frame. */
  position() {
    this.place(this.measure());
  }

  // ---- hit testing (hittest.js) -------------------------------------------------------------
  /** @param {Finding} f */
  rectOf(f) {
    return hit.rectOf(this.marks.list, f);
  }
  /** The finding drawn under client point (x, y) and the rect it was found in. @param {number} x @param {number} y */
  findingAt(x, y) {
    return hit.findingAt(this.marks.list, x, y);
  }
  /** The finding whose span holds the caret, if any. */
  findingAtCaret() {
    return hit.findingAtCaret(this.adapter.caret(), this.findings);
  }

  // ---- fixes (fixes.js) and focus -------------------------------------------------------------
  /** @param {Finding} finding @param {Fix} fix */
  applyFix(finding, fix) {
    if (/** @type {any} */ (fix).action) return attachments.applyAction(this, finding, fix);
    return applyFix(this, finding, fix);
  }

  /** Puts keyboard focus back in the editor, with the caret where it was. */
  focusBack() {
    this.el.focus({ preventScroll: true });
    if (this.savedCaret) {
      this.adapter.read();
      this.adapter.setCaret(this.savedCaret.end);
    }
  }

  rememberCaret() {
    const c = this.adapter.caret();
    if (c) this.savedCaret = c;
  }

  destroy() {
    this.scheduler.stop();
    this.marks.destroy();
    this.badge.remove();
    this.ro.disconnect();
    if (this.mo) this.mo.disconnect();
    if (this.onScroll) this.el.removeEventListener('scroll', this.onScroll);
  }
}
