// Composers built the way real sites build them, one case per page (issue 9):
//   /field.html?case=rerender&editor=textarea|contenteditable[&every=1000]
//        the site replaces the composer element with a copy every `every` ms
//   /field.html?case=chat-input       a one-line input that sends on Enter and clears itself
//   /field.html?case=chat-ce          a contenteditable chat box whose page sends on Enter
//   /field.html?case=shadow[&editor=contenteditable]  a composer and its post button in an open shadow root
//   /field.html?case=clear            a textarea the page clears in code after "Plaatsen"
//   /field.html?case=one-line         a narrow one-line input
//   /field.html?case=geometry         a content-box textarea, one with a classic scrollbar, one dir=auto
//   /field.html?case=iframe           composers in same-origin iframes (srcdoc and a src page)
//   /field.html?case=remount          the page mounts the composer again when "Plaatsen" is pressed
// Every publish is recorded in window.__published; window.__boxes[id].getText() reads a box.
const params = new URLSearchParams(location.search);
const app = document.getElementById('app');
window.__published = [];
window.__boxes = {};

function section(id, title) {
  const s = document.createElement('section');
  s.className = 'post';
  s.dataset.box = id;
  const h = document.createElement('h2');
  h.textContent = title;
  const wrap = document.createElement('div');
  wrap.className = 'composer';
  wrap.dataset.testComposer = id;
  s.append(h, wrap);
  app.appendChild(s);
  return { s, wrap };
}
function publishButton(parent, onClick) {
  const bar = document.createElement('div');
  bar.className = 'bar';
  const btn = document.createElement('button');
  btn.type = 'button';
  btn.className = 'publish';
  btn.textContent = 'Plaatsen';
  btn.addEventListener('click', onClick);
  bar.append(document.createElement('span'), btn);
  parent.appendChild(bar);
  return btn;
}
const ceText = (el) => el.innerText.replace(/\u00a0/g, ' ').replace(/\n$/, '');

const kind = params.get('case');
if (kind === 'rerender') {
  // Like a framework that re-creates the composer's element on every state change: the
  // copy gets the text, and focus and the selection when the old one had them.
  const editor = params.get('editor') || 'textarea';
  const every = Number(params.get('every') || 1000);
  const { s, wrap } = section('main', 'Opnieuw getekend');
  const make = () => {
    if (editor === 'textarea') {
      const ta = document.createElement('textarea');
      ta.rows = 4;
      ta.setAttribute('aria-label', 'Wat wil je delen?');
      return ta;
    }
    const div = document.createElement('div');
    div.contentEditable = 'true';
    div.className = 'ce';
    div.setAttribute('role', 'textbox');
    div.setAttribute('aria-multiline', 'true');
    return div;
  };
  let el = make();
  wrap.appendChild(el);
  window.__renders = 0;
  setInterval(() => {
    const next = make();
    const focused = document.activeElement === el;
    if (editor === 'textarea') {
      next.value = el.value;
      const a = el.selectionStart;
      const b = el.selectionEnd;
      el.replaceWith(next);
      if (focused) {
        next.focus();
        next.setSelectionRange(a, b);
      }
    } else {
      // The same text in new nodes; the caret goes to the same character offset.
      const sel = getSelection();
      let caret = -1;
      if (focused && sel.rangeCount && el.contains(sel.focusNode)) {
        const r = document.createRange();
        r.selectNodeContents(el);
        r.setEnd(sel.focusNode, sel.focusOffset);
        caret = r.toString().length;
      }
      next.textContent = el.textContent;
      el.replaceWith(next);
      if (focused) {
        next.focus();
        const t = next.firstChild;
        if (t && caret >= 0) sel.setBaseAndExtent(t, Math.min(caret, t.length), t, Math.min(caret, t.length));
      }
    }
    el = next;
    window.__renders++;
  }, every);
  window.__boxes.main = { get el() { return el; }, getText: () => (editor === 'textarea' ? el.value : ceText(el)) };
  publishButton(s, () => window.__published.push({ box: 'main', text: window.__boxes.main.getText() }));
} else if (kind === 'chat-input') {
  const { wrap } = section('main', 'Chat');
  wrap.classList.add('chat');
  const input = document.createElement('input');
  input.type = 'text';
  input.setAttribute('aria-label', 'Bericht aan ouder');
  input.placeholder = 'Typ een bericht';
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      window.__published.push({ box: 'main', text: input.value });
      input.value = '';
    }
  });
  wrap.appendChild(input);
  window.__boxes.main = { el: input, getText: () => input.value };
} else if (kind === 'chat-ce') {
  const { wrap } = section('main', 'Chat');
  wrap.classList.add('chat');
  const div = document.createElement('div');
  div.contentEditable = 'true';
  div.setAttribute('role', 'textbox');
  div.setAttribute('aria-label', 'Bericht aan ouder');
  div.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      window.__published.push({ box: 'main', text: ceText(div) });
      div.textContent = '';
    }
  });
  wrap.appendChild(div);
  window.__boxes.main = { el: div, getText: () => ceText(div) };
} else if (kind === 'shadow') {
  const editor = params.get('editor') || 'textarea';
  const { wrap } = section('main', 'In een shadow root');
  const host = document.createElement('composer-widget');
  wrap.appendChild(host);
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = 'textarea, [contenteditable] { display: block; width: 100%; box-sizing: border-box; min-height: 72px; padding: 8px 10px; font: 16px/1.5 system-ui, sans-serif; border: 1px solid #ccd0d5; } button { margin-top: 8px; }';
  let el;
  if (editor === 'textarea') {
    el = document.createElement('textarea');
    el.rows = 4;
  } else {
    el = document.createElement('div');
    el.contentEditable = 'true';
    el.setAttribute('role', 'textbox');
    el.setAttribute('aria-multiline', 'true');
  }
  el.setAttribute('aria-label', 'Wat wil je delen?');
  const btn = document.createElement('button');
  btn.type = 'button';
  btn.className = 'publish';
  btn.textContent = 'Plaatsen';
  root.append(style, el, btn);
  const getText = () => (editor === 'textarea' ? el.value : ceText(el));
  const publish = () => window.__published.push({ box: 'main', text: getText() });
  btn.addEventListener('click', publish);
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      publish();
    }
  });
  window.__boxes.main = { el, getText };
} else if (kind === 'clear') {
  const { s, wrap } = section('main', 'Wordt leeggemaakt');
  const ta = document.createElement('textarea');
  ta.rows = 4;
  ta.placeholder = 'Wat wil je delen?';
  wrap.appendChild(ta);
  publishButton(s, () => {
    window.__published.push({ box: 'main', text: ta.value });
    ta.value = ''; // in code: no input event
  });
  window.__boxes.main = { el: ta, getText: () => ta.value };
} else if (kind === 'one-line') {
  const { wrap } = section('main', 'Eén regel');
  const input = document.createElement('input');
  input.type = 'text';
  input.id = 'one-line';
  wrap.appendChild(input);
  window.__boxes.main = { el: input, getText: () => input.value };
} else if (kind === 'geometry') {
  for (const [id, title, attrs] of [['g-content', 'content-box', {}], ['g-scroll', 'scrollbar', {}], ['g-rtl', 'dir=auto', { dir: 'auto' }]]) {
    const { wrap } = section(id, title);
    const ta = document.createElement('textarea');
    ta.id = id;
    ta.className = 'g';
    for (const [k, v] of Object.entries(attrs)) ta.setAttribute(k, v);
    wrap.appendChild(ta);
    window.__boxes[id] = { el: ta, getText: () => ta.value };
  }
} else if (kind === 'iframe') {
  const f1 = document.createElement('iframe');
  f1.name = 'srcdoc';
  f1.srcdoc = '<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="style.css"></head><body style="background:#fff"><section class="post"><div class="composer" data-test-composer="main"><textarea rows="4" aria-label="Bericht"></textarea></div><div class="bar"><span></span><button type="button" class="publish">Plaatsen</button></div></section><script src="frame.js"></script></body></html>';
  const f2 = document.createElement('iframe');
  f2.name = 'page';
  f2.src = 'frame.html';
  app.append(f1, f2);
} else if (kind === 'remount') {
  // Pressing the button blurs the composer, and the page's framework mounts it again (a
  // new element with the same text) before the click arrives.
  const { s, wrap } = section('main', 'Opnieuw gemount');
  let ta = document.createElement('textarea');
  ta.rows = 4;
  wrap.appendChild(ta);
  const btn = publishButton(s, () => window.__published.push({ box: 'main', text: ta.value }));
  btn.addEventListener('mousedown', () => {
    const next = document.createElement('textarea');
    next.rows = 4;
    next.value = ta.value;
    ta.replaceWith(next);
    ta = next;
  });
  window.__boxes.main = { get el() { return ta; }, getText: () => ta.value };
}
window.__ready = true;
