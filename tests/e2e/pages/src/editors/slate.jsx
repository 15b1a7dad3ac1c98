import React, { useMemo, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { createEditor, Node } from 'slate';
import { Slate, Editable, withReact } from 'slate-react';
import { withHistory } from 'slate-history';

export function mount(host) {
  const api = { el: null, getText: () => '' };
  function SlateBox() {
    const editor = useMemo(() => withHistory(withReact(createEditor())), []);
    useEffect(() => {
      api.getText = () => editor.children.map((n) => Node.string(n)).join('\n');
      api.el = host.querySelector('[data-slate-editor]');
      api.editor = editor;
    }, [editor]);
    return React.createElement(
      Slate,
      { editor, initialValue: [{ type: 'paragraph', children: [{ text: '' }] }] },
      React.createElement(Editable, { className: 'ce', 'aria-label': 'Wat wil je delen?', placeholder: 'Wat wil je delen?' }),
    );
  }
  const root = document.createElement('div');
  root.className = 'slate';
  host.appendChild(root);
  createRoot(root).render(React.createElement(SlateBox));
  return api;
}
