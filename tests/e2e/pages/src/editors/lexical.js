import { createEditor, $getRoot, KEY_ENTER_COMMAND, COMMAND_PRIORITY_HIGH } from 'lexical';
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
  // Like Facebook: Ctrl/Cmd+Enter posts, it does not add a line.
  editor.registerCommand(
    KEY_ENTER_COMMAND,
    (e) => {
      if (e && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        return true;
      }
      return false;
    },
    COMMAND_PRIORITY_HIGH,
  );
  return {
    el,
    editor,
    getText: () => editor.getEditorState().read(() => $getRoot().getTextContent()),
  };
}
