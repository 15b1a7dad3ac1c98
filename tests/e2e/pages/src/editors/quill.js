import Quill from 'quill/core';

export function mount(host) {
  const el = document.createElement('div');
  el.className = 'quill-host';
  host.appendChild(el);
  const quill = new Quill(el, { placeholder: 'Waar wil je het over hebben?' });
  return {
    el: el.querySelector('.ql-editor'),
    quill,
    getText: () => quill.getText().replace(/\n$/, ''),
  };
}
