export function mount(host) {
  const div = document.createElement('div');
  div.contentEditable = 'true';
  div.setAttribute('role', 'textbox');
  div.setAttribute('aria-multiline', 'true');
  div.setAttribute('aria-label', 'Wat wil je delen?');
  div.className = 'ce';
  host.appendChild(div);
  return {
    el: div,
    // innerText of a contenteditable uses U+00A0 for spaces the browser had to protect.
    getText: () => div.innerText.replace(/\u00a0/g, ' ').replace(/\n$/, ''),
  };
}
