// The publish guard on composers built like real chat apps and pages (tests/guard.test.js):
//   /guard.html?case=chat-ml[&label=...][&button=0]
//        a contenteditable chat box marked aria-multiline (Shift+Enter adds a line, as the
//        browser does it) whose page sends on Enter in its own keydown handler and empties
//        the box, like Messenger, WhatsApp or Slack; a send button (an icon, aria-label
//        "Verzenden") unless button=0; the box's aria-label is `label` (default "Typ een bericht")
//   /guard.html?case=post-ml[&label=...]
//        a multi-line contenteditable post composer (aria-multiline) where Enter adds a line
//        (the browser's own) and a "Plaatsen" button posts; aria-label `label` (default
//        "Wat wil je delen?")
//   /guard.html?case=chat-ta[&label=...][&button=0][&sends=0]
//        a textarea chat box one line tall (rows=1, growing with its text, as in a
//        school-parent app's chat or a comment box) whose page sends on Enter in its own
//        keydown handler and empties it (Shift+Enter: the browser's new line); a send
//        button (aria-label "Verzenden") unless button=0; placeholder `label` (default
//        "Typ een bericht"); sends=0: the page leaves Enter alone (a new line)
//   /guard.html?case=post-ta[&label=...][&draft=...]
//        a multi-line textarea post composer (4 rows) where Enter adds a line and a
//        "Plaatsen" button posts; placeholder `label` (default "Schrijf een bericht");
//        draft: the text it holds when the page starts (a restored draft)
//   /guard.html?case=frames
//        two same-origin iframes (frame.html), each with a composer
// Every publish is recorded in window.__published; window.__boxes.main.getText() reads the box.
const params = new URLSearchParams(location.search);
const app = document.getElementById('app');
window.__published = [];
window.__boxes = {};
const ceText = (el) => el.innerText.replace(/\u00a0/g, ' ').replace(/\n$/, '');

function section(title) {
  const s = document.createElement('section');
  s.className = 'post';
  const h = document.createElement('h2');
  h.textContent = title;
  const wrap = document.createElement('div');
  wrap.className = 'composer';
  wrap.dataset.testComposer = 'main';
  s.append(h, wrap);
  app.appendChild(s);
  return { s, wrap };
}

const kind = params.get('case');
if (kind === 'chat-ml') {
  const { wrap } = section('Chat met een ouder');
  wrap.classList.add('chat');
  const div = document.createElement('div');
  div.contentEditable = 'true';
  div.setAttribute('role', 'textbox');
  div.setAttribute('aria-multiline', 'true');
  div.setAttribute('aria-label', params.get('label') || 'Typ een bericht');
  const send = () => {
    const text = ceText(div);
    if (!text.trim()) return;
    window.__published.push({ box: 'main', text });
    div.textContent = '';
  };
  div.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      send();
    }
  });
  wrap.appendChild(div);
  if (params.get('button') !== '0') {
    const btn = document.createElement('div');
    btn.setAttribute('role', 'button');
    btn.setAttribute('aria-label', 'Verzenden');
    btn.className = 'send';
    btn.textContent = '➤';
    btn.addEventListener('click', send);
    wrap.appendChild(btn);
  }
  window.__boxes.main = { el: div, getText: () => ceText(div) };
} else if (kind === 'post-ml') {
  const { s, wrap } = section('Bericht plaatsen');
  wrap.classList.add('post-ml');
  const div = document.createElement('div');
  div.contentEditable = 'true';
  div.setAttribute('role', 'textbox');
  div.setAttribute('aria-multiline', 'true');
  div.setAttribute('aria-label', params.get('label') || 'Wat wil je delen?');
  wrap.appendChild(div);
  const bar = document.createElement('div');
  bar.className = 'bar';
  const btn = document.createElement('button');
  btn.type = 'button';
  btn.className = 'publish';
  btn.textContent = 'Plaatsen';
  btn.addEventListener('click', () => window.__published.push({ box: 'main', text: ceText(div) }));
  bar.append(document.createElement('span'), btn);
  s.appendChild(bar);
  window.__boxes.main = { el: div, getText: () => ceText(div) };
} else if (kind === 'chat-ta') {
  const { wrap } = section('Chat met een ouder');
  wrap.classList.add('chat');
  const ta = document.createElement('textarea');
  ta.rows = 1;
  ta.placeholder = params.get('label') || 'Typ een bericht';
  const grow = () => {
    ta.style.height = 'auto';
    ta.style.height = ta.scrollHeight + 'px';
  };
  ta.addEventListener('input', grow);
  const send = () => {
    if (!ta.value.trim()) return;
    window.__published.push({ box: 'main', text: ta.value });
    ta.value = '';
    grow();
  };
  if (params.get('sends') !== '0') {
    ta.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        send();
      }
    });
  }
  wrap.appendChild(ta);
  if (params.get('button') !== '0') {
    const btn = document.createElement('button');
    btn.type = 'button';
    btn.setAttribute('aria-label', 'Verzenden');
    btn.className = 'send';
    btn.textContent = '➤';
    btn.addEventListener('click', send);
    wrap.appendChild(btn);
  }
  window.__boxes.main = { el: ta, getText: () => ta.value };
} else if (kind === 'post-ta') {
  const { s, wrap } = section('Bericht plaatsen');
  const ta = document.createElement('textarea');
  ta.rows = 4;
  ta.placeholder = params.get('label') || 'Schrijf een bericht';
  if (params.get('draft')) ta.value = params.get('draft');
  wrap.appendChild(ta);
  const bar = document.createElement('div');
  bar.className = 'bar';
  const btn = document.createElement('button');
  btn.type = 'button';
  btn.className = 'publish';
  btn.textContent = 'Plaatsen';
  btn.addEventListener('click', () => window.__published.push({ box: 'main', text: ta.value }));
  bar.append(document.createElement('span'), btn);
  s.appendChild(bar);
  window.__boxes.main = { el: ta, getText: () => ta.value };
} else if (kind === 'frames') {
  for (const name of ['a', 'b']) {
    const f = document.createElement('iframe');
    f.name = name;
    f.src = 'frame.html';
    app.appendChild(f);
  }
}
window.__ready = true;
