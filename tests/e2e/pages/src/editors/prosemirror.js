import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { schema } from 'prosemirror-schema-basic';
import { history, undo, redo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';

export function mount(host) {
  const el = document.createElement('div');
  el.className = 'pm-host';
  host.appendChild(el);
  const view = new EditorView(el, {
    state: EditorState.create({
      schema,
      plugins: [history(), keymap({ 'Mod-z': undo, 'Mod-y': redo, 'Mod-Shift-z': redo }), keymap(baseKeymap)],
    }),
    attributes: { 'aria-label': 'Wat wil je delen?', class: 'ce' },
  });
  return {
    el: view.dom,
    view,
    getText: () => view.state.doc.textBetween(0, view.state.doc.content.size, '\n'),
  };
}
