import { createEditor, $getRoot } from 'lexical';
import { registerPlainText } from '@lexical/plain-text';
import { registerHistory, createEmptyHistoryState } from '@lexical/history';

export function mount(host) {
  const el = document.createElement('div');
  el.contentEditable = 'true';
  el.className = 'ce lexical';
  el.setAttribute('aria-label', 'Wat wil je delen?');
  host.appendChild(el);
  const editor = createEditor({ namespace: 'postwacht-test', onError: (e) => console.error(e) });
  editor.setRootElement(el);
  registerPlainText(editor);
  registerHistory(editor, createEmptyHistoryState(), 300);
  return {
    el,
    editor,
    getText: () => editor.getEditorState().read(() => $getRoot().getTextContent()),
  };
}
