// A stand-in for the wasm core with the same JavaScript surface (init + Checker), used only
// by `tests/e2e/run.sh --fake-core` to test the extension without a Rust build. It still
// instantiates a (tiny) WebAssembly module so the extension's CSP and loading path are
// exercised. The real rules live in src/.
let wasmReady = false;

export default async function init(opts) {
  const url = opts && (opts.module_or_path || opts);
  const res = await fetch(url);
  await WebAssembly.instantiate(await res.arrayBuffer(), {});
  wasmReady = true;
}

const CHAT = { ff: 'even', lol: '', omg: '', idd: 'inderdaad' };

function utf8len(s) {
  return new TextEncoder().encode(s).length;
}

export class Checker {
  constructor(policyJson) {
    if (!wasmReady) throw new Error('init() first');
    this.policy = policyJson === undefined ? { roster: [] } : JSON.parse(policyJson);
    if (typeof this.policy !== 'object' || this.policy === null) throw new Error('policy: expected an object');
    this.firstNames = (this.policy.roster || []).map((p) => String(p.name).split(' ')[0]);
  }
  check(postJson) {
    const post = JSON.parse(postJson);
    const text = post.text;
    const en = post.locale === 'en';
    const out = [];
    const add = (category, rule, severity, start, end, message, fixes = []) => {
      const span = (s, e) => ({ start: s, end: e, start_byte: utf8len(text.slice(0, s)), end_byte: utf8len(text.slice(0, e)) });
      out.push(Object.assign({ category, rule, severity, text: text.slice(start, end), message, reference: 'Protocol §' + rule, fixes: fixes.map((f) => ({ label: f.label, replacement: f.replacement, span: span(f.start, f.end) })) }, span(start, end)));
    };
    let m;
    const names = new RegExp('\\b(' + ['[A-Z][a-z]+(?= uit groep)', ...this.firstNames].join('|') + ')\\b', 'g');
    while ((m = names.exec(text))) add('student-name', 'student-name.first-name', 'warning', m.index, m.index + m[0].length, en ? 'A pupil can be identified.' : 'Een leerling is herkenbaar: <b>' + m[0] + '</b>.');
    const chat = /\b(ff|lol|omg|idd)\b/gi;
    while ((m = chat.exec(text))) {
      const rep = CHAT[m[0].toLowerCase()];
      const fixes = rep
        ? [{ label: en ? `replace with “${rep}”` : `vervang door “${rep}”`, replacement: rep, start: m.index, end: m.index + m[0].length }]
        : [{ label: en ? 'remove' : 'weghalen', replacement: '', start: m.index, end: m.index + m[0].length }];
      add('informal', 'informal.chat-speak', 'info', m.index, m.index + m[0].length, en ? 'Chat-speak.' : 'Chattaal past niet bij een professional.', fixes);
    }
    const phone = /\b0\d(?:-| )?\d{8}\b|\b0\d{2}-\d{7}\b/g;
    while ((m = phone.exec(text))) add('confidential', 'confidential.phone', 'error', m.index, m.index + m[0].length, en ? 'A phone number is personal data.' : 'Een telefoonnummer is een persoonsgegeven.');
    return out.sort((a, b) => a.start - b.start);
  }
  free() {}
  // Checker.lenient / problems / rules as in src/wasm.rs (no validation here).
  static lenient(policyJson) {
    try {
      return new Checker(policyJson || undefined);
    } catch (e) {
      const c = new Checker(undefined);
      c._problems = [String(e.message || e)];
      return c;
    }
  }
  problems() {
    return this._problems || [];
  }
  // Checker.forExtension and its accessors as in src/wasm.rs (no teacher rules here).
  static forExtension(policyJson) {
    return Checker.lenient(policyJson);
  }
  extensionSettings() {
    const e = (this.policy && this.policy.extension) || {};
    return { sites: e.sites || {}, allow_pause: e.allow_pause !== false, allow_override: e.allow_override !== false, override_needs_reason: e.override_needs_reason === true };
  }
  schoolName() {
    return (this.policy && this.policy.school && this.policy.school.name) || '';
  }
  ruleRows() {
    return Checker.rules().map((r) => ({ id: r.id, category: r.category, default: r.severity, school: null, teacher: null, effective: r.severity, locked: false }));
  }
  static rules() {
    return [
      { id: 'student-name.first-name', category: 'student-name', severity: 'warning' },
      { id: 'informal.chat-speak', category: 'informal', severity: 'info' },
      { id: 'confidential.phone', category: 'confidential', severity: 'error' },
    ];
  }
}
