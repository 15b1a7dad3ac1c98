// Test and demo pages: post boxes with real editors from npm.
//   /page.html?editor=lexical            one post box with that editor
//   /page.html?editor=textarea&boxes=100 plus 100 comment boxes (reply to a parent)
//   /page.html?editor=textarea&boxes=500&drafts=1  each comment box already holding text
//   /page.html?editor=textarea&dynamic=1 a reply dialog that appears after load
//   /demo.html                           every editor kind on one page
// The platform a page stands for is set with <meta name="postwacht-platform"> (see
// docs/extension.md); ?postwacht-platform=x overrides it.
import * as textarea from './editors/textarea.js';
import * as input from './editors/input.js';
import * as contenteditable from './editors/contenteditable.js';
import * as lexical from './editors/lexical.js';
import * as draft from './editors/draft.jsx';
import * as quill from './editors/quill.js';
import * as prosemirror from './editors/prosemirror.js';
import * as slate from './editors/slate.jsx';

const EDITORS = { textarea, input, contenteditable, lexical, draft, quill, prosemirror, slate };
const TITLES = {
  textarea: 'Tekstvak (textarea)',
  input: 'Tekstregel (input)',
  contenteditable: 'contenteditable',
  lexical: 'Lexical (Facebook, Instagram)',
  draft: 'Draft.js (X)',
  quill: 'Quill (LinkedIn)',
  prosemirror: 'ProseMirror',
  slate: 'Slate',
};

window.__published = [];
window.__boxes = {};

function postBox(kind, parent, { id = kind, replyTo = null, title = TITLES[kind] } = {}) {
  const section = document.createElement('section');
  section.className = 'post';
  section.dataset.box = id;
  if (replyTo) section.setAttribute('data-postwacht-reply-to', replyTo);
  const h = document.createElement('h2');
  h.textContent = title;
  const wrap = document.createElement('div');
  wrap.className = 'composer';
  wrap.dataset.testComposer = id;
  const bar = document.createElement('div');
  bar.className = 'bar';
  const file = document.createElement('input');
  file.type = 'file';
  file.accept = 'image/*,video/*';
  file.setAttribute('aria-label', 'Foto/video toevoegen');
  // The publish control as the big sites build it: ?button=x gives X's
  // <div role="button" data-testid="tweetButtonInline">, ?button=facebook Facebook's
  // <div role="button" aria-label="Plaatsen"> with the label in nested spans.
  const style = new URLSearchParams(location.search).get('button');
  let btn;
  if (style === 'x' || style === 'facebook') {
    btn = document.createElement('div');
    btn.setAttribute('role', 'button');
    btn.tabIndex = 0;
    if (style === 'x') btn.dataset.testid = 'tweetButtonInline';
    else btn.setAttribute('aria-label', 'Plaatsen');
    const outer = document.createElement('span');
    const inner = document.createElement('span');
    inner.textContent = style === 'x' ? 'Posten' : 'Plaatsen';
    outer.appendChild(inner);
    btn.appendChild(outer);
    btn.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        btn.click();
      }
    });
  } else {
    btn = document.createElement('button');
    btn.type = 'button';
    btn.textContent = 'Plaatsen';
  }
  btn.className = 'publish';
  bar.append(file, btn);
  section.append(h, wrap, bar);
  parent.appendChild(section);
  const api = EDITORS[kind].mount(wrap);
  const publish = () => {
    window.__published.push({ box: id, text: api.getText() });
    const note = document.createElement('p');
    note.className = 'published';
    note.textContent = 'Geplaatst: ' + api.getText();
    section.appendChild(note);
  };
  btn.addEventListener('click', publish);
  section.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      publish();
    }
  });
  window.__boxes[id] = api;
  return api;
}

const params = new URLSearchParams(location.search);
const app = document.getElementById('app');
if (document.body.dataset.page === 'demo') {
  for (const kind of ['textarea', 'contenteditable', 'lexical', 'draft', 'quill', 'prosemirror', 'slate']) postBox(kind, app);
} else {
  const kind = params.get('editor') || 'textarea';
  document.title = 'Postwacht test: ' + kind;
  postBox(kind, app, { id: 'main' });
  const boxes = Number(params.get('boxes') || 0);
  if (boxes) {
    const list = document.createElement('div');
    list.className = 'comments';
    app.appendChild(list);
    for (let i = 0; i < boxes; i++) {
      const c = document.createElement('div');
      c.className = 'comment';
      c.setAttribute('data-postwacht-reply-to', 'parent');
      c.dataset.testComposer = 'c' + i;
      const p = document.createElement('p');
      p.textContent = `Ouder ${i + 1}: wanneer is de schoolreis?`;
      const ta = document.createElement('textarea');
      ta.rows = 1;
      ta.placeholder = 'Schrijf een reactie…';
      ta.dataset.comment = String(i);
      // ?drafts=1: every comment box holds a restored draft (with a phone number in it).
      if (params.get('drafts')) ta.value = `Reactie ${i + 1}: bel me ff op 06-${String(10000000 + i).padStart(8, '0')}`;
      c.append(p, ta);
      list.appendChild(c);
    }
  }
  if (params.get('dynamic')) {
    // A reply box that opens in a dialog after load, like a site's "Reply" button does.
    const open = document.createElement('button');
    open.type = 'button';
    open.id = 'open-reply';
    open.textContent = 'Reageer';
    app.appendChild(open);
    open.addEventListener('click', () => {
      setTimeout(() => {
        const dlg = document.createElement('div');
        dlg.className = 'dialog';
        dlg.setAttribute('role', 'dialog');
        dlg.setAttribute('data-postwacht-reply-to', 'parent');
        document.body.appendChild(dlg);
        postBox(params.get('dynamic') === '1' ? 'contenteditable' : params.get('dynamic'), dlg, { id: 'reply', title: 'Antwoord aan een ouder' });
      }, 50);
    });
  }
}
window.__ready = true;
