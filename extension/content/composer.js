// One checked composer: reads its text through the editor adapter, asks the background for
// findings (debounced), draws the marks and the badge, and applies fixes.
(function () {
  'use strict';
  const PW = (globalThis.PW = globalThis.PW || {});
  if (PW.started) return; // already running in this page (injected a second time)
  const tm = PW.textmap;
  const SEVS = ['error', 'warning', 'info'];
  const DEBOUNCE_MS = 250;
  const MIRROR_PROPS = [
    'font-family', 'font-size', 'font-weight', 'font-style', 'font-variant', 'font-stretch',
    'line-height', 'letter-spacing', 'word-spacing', 'text-indent', 'text-transform', 'text-align',
    'padding-top', 'padding-right', 'padding-bottom', 'padding-left', 'border-top-width',
    'border-right-width', 'border-bottom-width', 'border-left-width', 'border-style',
    'box-sizing', 'tab-size', 'direction', 'white-space', 'word-break', 'overflow-wrap',
  ];

  // One Highlight per severity, shared by all composers of the page.
  const hl = {};
  const hasHighlights = typeof CSS !== 'undefined' && CSS.highlights && typeof Highlight === 'function';
  if (hasHighlights) {
    for (const s of SEVS) {
      hl[s] = new Highlight();
      CSS.highlights.set('postwacht-' + s, hl[s]);
    }
  }

  let nextId = 1;
  const plain = (s) => s.replace(/\u00a0/g, ' ');

  class Composer {
    constructor(el, manager) {
      this.el = el;
      this.manager = manager;
      this.id = nextId++;
      this.adapter = PW.adapters.adapterFor(el);
      this.text = '';
      this.checkedText = null; // text of the last answered check
      this.findings = [];
      this.ignored = new Set();
      this.account = manager.siteSettings().account || 'personal';
      this.accountSetByUser = false;
      this.replyTo = PW.context.replyTo(el);
      this.attachments = [];
      this.seq = 0;
      this.timer = 0;
      this.pending = null;
      this.marks = []; // [{finding, range?}]
      this.mirror = null;
      this.ulines = [];
      this.badge = PW.ui.createBadge(this);
      this.ro = new ResizeObserver(() => manager.schedulePosition());
      this.ro.observe(el);
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

    context() {
      return {
        platform: this.manager.platform,
        account: this.account,
        reply_to: this.replyTo,
        attachments: this.attachments.slice(),
      };
    }

    /** Re-reads the text; keeps the marks on their words across the edit until the next check. */
    refresh() {
      const { text } = this.adapter.read();
      if (text !== this.text) {
        this.findings = tm.shiftSpans(this.text, text, this.findings);
        this.text = text;
        if (!text) this.ignored.clear();
      }
      this.render();
    }

    onInput() {
      if (this.inputFrame) return;
      this.inputFrame = requestAnimationFrame(() => {
        this.inputFrame = 0;
        if (!this.el.isConnected) return;
        const before = this.text;
        this.refresh();
        if (this.text !== before) this.checkSoon();
      });
    }

    checkSoon(delay = DEBOUNCE_MS) {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.check(), delay);
    }

    /** Runs a check now; resolves when the findings for the current text are drawn. */
    async check() {
      clearTimeout(this.timer);
      const { text } = this.adapter.read();
      const seq = ++this.seq;
      let findings;
      try {
        // Browsers keep some spaces in contenteditable as U+00A0; the core should see
        // plain spaces. Same length, so the offsets stay valid.
        findings = await PW.bg.check(plain(text), this.context());
      } catch (e) {
        this.error = String((e && e.message) || e);
        if (seq === this.seq) PW.ui.badgeError(this.badge, this.error);
        return;
      }
      if (seq !== this.seq || !this.el.isConnected) return; // a newer check is on its way
      this.error = null;
      this.badge.dataset.state = 'ok';
      const now = this.adapter.read().text;
      if (now !== text) {
        // The user typed on while we checked: keep the answer, moved onto the new text.
        findings = tm.shiftSpans(text, now, findings);
        this.checkSoon();
      }
      this.text = now;
      this.checkedText = text;
      this.findings = findings.filter((f) => !this.ignored.has(this.ignoreKey(f)));
      this.render();
      if (now === text) this.announceMarks();
    }

    /**
     * `postwacht:marks-updated` on the composer (bubbles, composed): the marks and the badge
     * now show the findings for the composer's current text. detail: {version (grows with
     * every check of this composer), errors, warnings, infos}, the badge's counts, which the
     * page can read anyway. One event per answered check, nothing from the post, no timers;
     * tests/e2e/bench/latency.mjs times it (docs/wasm-and-bench.md).
     */
    announceMarks() {
      const c = this.counts();
      let detail = { version: this.seq, errors: c.error, warnings: c.warning, infos: c.info };
      // Firefox: an object from a content script is readable by the page only as a clone.
      if (typeof cloneInto === 'function') detail = cloneInto(detail, document.defaultView);
      this.el.dispatchEvent(new CustomEvent('postwacht:marks-updated', { bubbles: true, composed: true, detail }));
    }

    ignoreKey(f) {
      return f.rule + '\u0000' + f.text;
    }
    ignore(f) {
      this.ignored.add(this.ignoreKey(f));
      this.findings = this.findings.filter((x) => x !== f && this.ignoreKey(x) !== this.ignoreKey(f));
      this.render();
    }

    setAccount(a) {
      this.account = a === 'school' ? 'school' : 'personal';
      this.accountSetByUser = true;
      this.render();
      this.check();
    }
    setReplyTo(r) {
      this.replyTo = PW.context.REPLY.has(r) ? r : null;
      this.render();
      this.check();
    }
    setAttachments(list) {
      this.attachments = list;
      this.render();
      this.check();
    }
    addAttachments(list) {
      if (!list.length) return;
      const seen = new Set(this.attachments.map((a) => a.kind + '/' + a.name));
      this.setAttachments(this.attachments.concat(list.filter((a) => !seen.has(a.kind + '/' + a.name))));
    }

    counts() {
      const c = { error: 0, warning: 0, info: 0 };
      for (const f of this.findings) if (c[f.severity] !== undefined) c[f.severity]++;
      return c;
    }
    errors() {
      return this.findings.filter((f) => f.severity === 'error');
    }

    // ---- drawing ---------------------------------------------------------------------
    render() {
      this.clearMarks();
      const kind = this.adapter.kind;
      if (kind === 'textarea') this.renderMirror();
      else {
        for (const f of this.findings) {
          const range = this.adapter.range(f.start, f.end);
          if (!range) continue;
          this.marks.push({ finding: f, range });
          if (hasHighlights) hl[f.severity] && hl[f.severity].add(range);
        }
        if (!hasHighlights) this.renderUlines();
      }
      const c = this.counts();
      const prev = this.lastCounts;
      PW.ui.updateBadge(this.badge, c);
      // The context the post is checked in, readable by tests outside the project.
      const b = this.badge.dataset;
      b.platform = this.manager.platform;
      b.account = this.account;
      b.replyTo = this.replyTo || 'none';
      b.attachments = String(this.attachments.length);
      if (!prev || prev.error !== c.error || prev.warning !== c.warning || prev.info !== c.info) {
        if (prev || c.error || c.warning || c.info) PW.ui.announce(PW.ui.countsLabel(c));
        this.lastCounts = c;
      }
      this.position();
      // A card left open on a finding that is gone (fixed, typed away) closes, unless the
      // keyboard user is in it; applyFix finds the same finding again anyway.
      const card = PW.ui.cardState();
      if (card.node && card.composer === this && !card.pinned && !this.findings.some((f) => f.rule === card.finding.rule && f.text === card.finding.text)) {
        PW.ui.hideCard(true);
      }
      this.manager.onComposerChanged(this);
    }

    clearMarks() {
      if (hasHighlights) for (const m of this.marks) if (m.range) hl[m.finding.severity] && hl[m.finding.severity].delete(m.range);
      this.marks = [];
    }

    renderMirror() {
      if (!this.mirror) {
        this.mirror = PW.ui.el('div', { class: 'mirror', 'data-composer': String(this.id), 'aria-hidden': 'true' });
        PW.ui.layer('marks').appendChild(this.mirror);
        this.styleMirror();
      }
      const m = this.mirror;
      m.textContent = '';
      const text = this.text;
      const sorted = this.findings.slice().sort((a, b) => a.start - b.start || b.end - a.end);
      let at = 0;
      for (const f of sorted) {
        if (f.start < at) continue; // overlapping: the earlier mark wins in the mirror
        if (f.start > at) m.appendChild(document.createTextNode(text.slice(at, f.start)));
        const span = PW.ui.el('span', { 'data-sev': f.severity, 'data-start': String(f.start), 'data-end': String(f.end), 'data-text': text.slice(f.start, f.end) });
        span.textContent = text.slice(f.start, f.end);
        m.appendChild(span);
        this.marks.push({ finding: f, span });
        at = f.end;
      }
      // A trailing newline needs a character after it to take up its line in a div.
      m.appendChild(document.createTextNode(text.slice(at) + '\u200b'));
    }

    styleMirror() {
      const cs = getComputedStyle(this.el);
      const s = this.mirror.style;
      for (const p of MIRROR_PROPS) s.setProperty(p, cs.getPropertyValue(p));
      if (this.el.tagName === 'INPUT') {
        s.setProperty('white-space', 'pre');
        s.setProperty('overflow-wrap', 'normal');
      } else {
        s.setProperty('white-space', 'pre-wrap');
      }
    }

    renderUlines() {
      for (const u of this.ulines) u.remove();
      this.ulines = [];
      for (const m of this.marks) {
        for (const r of m.range.getClientRects()) {
          const u = PW.ui.el('div', { class: 'uline', 'data-sev': m.finding.severity });
          u.style.cssText = `left:${r.left}px;top:${r.bottom - 2}px;width:${r.width}px`;
          PW.ui.layer('marks').appendChild(u);
          this.ulines.push(u);
        }
      }
    }

    /** Places the badge (and the mirror) on the composer; called in an animation frame. */
    position() {
      const r = this.el.getBoundingClientRect();
      const visible = r.width > 0 && r.height > 0 && this.el.isConnected;
      const b = this.badge;
      b.hidden = !visible;
      if (visible) {
        const bw = b.offsetWidth || 40;
        const bh = b.offsetHeight || 22;
        b.style.left = Math.max(0, r.right - bw - 4) + 'px';
        // Inside the bottom-right corner; above it for one-line fields, where it would
        // cover the text.
        const inside = r.height >= bh * 2;
        b.style.top = Math.max(0, inside ? r.bottom - bh - 4 : r.top - bh - 2) + 'px';
      }
      if (this.mirror) {
        const s = this.mirror.style;
        s.display = visible ? '' : 'none';
        s.left = r.left + 'px';
        s.top = r.top + 'px';
        s.width = r.width + 'px';
        s.height = r.height + 'px';
        this.mirror.scrollTop = this.el.scrollTop;
        this.mirror.scrollLeft = this.el.scrollLeft;
      }
      if (!hasHighlights && this.adapter.kind !== 'textarea') this.renderUlines();
    }

    // ---- hit testing -----------------------------------------------------------------
    rectsOf(m) {
      if (m.span) return Array.from(m.span.getClientRects());
      if (m.range) return Array.from(m.range.getClientRects());
      return [];
    }
    rectOf(f) {
      const m = this.marks.find((x) => x.finding === f);
      if (!m) return null;
      const rs = this.rectsOf(m);
      return rs.length ? rs[0] : null;
    }
    /** The finding drawn under client point (x, y) and the rect it was found in. */
    findingAt(x, y) {
      let best = null;
      for (const m of this.marks) {
        for (const r of this.rectsOf(m)) {
          if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 2 && y <= r.bottom + 3) {
            // Prefer the more severe, then the narrower mark.
            const rank = SEVS.indexOf(m.finding.severity) * 1e6 + (m.finding.end - m.finding.start);
            if (!best || rank < best.rank) best = { finding: m.finding, rect: r, rank };
          }
        }
      }
      return best;
    }
    /** The finding whose span holds the caret, if any. */
    findingAtCaret() {
      const c = this.adapter.caret();
      if (!c || c.start !== c.end) return null;
      return this.findings.find((f) => c.start > f.start && c.start < f.end) || null;
    }

    // ---- fixes -----------------------------------------------------------------------
    async applyFix(finding, fix) {
      const text = this.adapter.read().text;
      if (!this.findings.includes(finding)) {
        // The card was opened before the last edit: use the same finding as it is now.
        const i = (finding.fixes || []).indexOf(fix);
        const same = this.findings
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
        this.check();
        return false;
      }
      const caret = this.savedCaret || this.adapter.caret();
      const ok = await this.adapter.replace(start, end, fix.replacement);
      const delta = fix.replacement.length - (end - start);
      // Caret: where it was, moved by the change if it was after the fix; at the end of the
      // replacement if it was inside it (or unknown).
      this.adapter.read();
      let pos = start + fix.replacement.length;
      if (caret && caret.start === caret.end) {
        if (caret.start <= start) pos = caret.start;
        else if (caret.start >= end) pos = caret.start + delta;
      }
      this.adapter.setCaret(pos);
      if (this.adapter.kind !== 'textarea') {
        // Rich editors put their own selection back after they re-render: set it again
        // once they have, so they take ours into their model.
        await PW.adapters.nextFrame();
        this.adapter.read();
        const now = this.adapter.caret();
        if (!now || now.start !== pos || now.end !== pos) this.adapter.setCaret(pos);
      }
      this.findings = this.findings.filter((f) => f !== finding);
      this.refresh();
      this.check();
      return ok;
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
      clearTimeout(this.timer);
      this.seq++;
      this.clearMarks();
      for (const u of this.ulines) u.remove();
      if (this.mirror) this.mirror.remove();
      this.badge.remove();
      this.ro.disconnect();
      if (this.mo) this.mo.disconnect();
      if (this.onScroll) this.el.removeEventListener('scroll', this.onScroll);
    }
  }

  PW.Composer = Composer;
  PW.hasHighlights = hasHighlights;
})();
