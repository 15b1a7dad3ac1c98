import React, { useState, useRef, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { Editor, EditorState } from 'draft-js';

export function mount(host) {
  const api = { el: null, getText: () => '' };
  function DraftBox() {
    const [state, setState] = useState(() => EditorState.createEmpty());
    const stateRef = useRef(state);
    stateRef.current = state;
    useEffect(() => {
      api.getText = () => stateRef.current.getCurrentContent().getPlainText('\n');
      api.el = host.querySelector('[contenteditable="true"]');
    }, []);
    return React.createElement(Editor, { editorState: state, onChange: setState,
      // Like X: Ctrl/Cmd+Enter posts, it does not add a line.
      handleReturn: (e) => (e.ctrlKey || e.metaKey ? 'handled' : 'not-handled'),
      placeholder: 'Wat is er aan de hand?', ariaLabel: 'Wat is er aan de hand?' });
  }
  const root = document.createElement('div');
  root.className = 'draft';
  host.appendChild(root);
  createRoot(root).render(React.createElement(DraftBox));
  return api;
}
