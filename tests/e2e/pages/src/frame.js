// The inside of a same-origin iframe (frame.html, and the srcdoc frame of field.js): a
// textarea and a publish button; publishing is recorded in the top page's __published.
const ta = document.querySelector('textarea');
const log = () => (window.top.__published = window.top.__published || []);
const publish = () => log().push({ box: 'frame:' + (window.name || ''), text: ta.value });
document.querySelector('.publish').addEventListener('click', publish);
ta.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    publish();
  }
});
window.__boxes = { main: { el: ta, getText: () => ta.value } };
window.__ready = true;
