export function mount(host) {
  const ta = document.createElement('textarea');
  ta.rows = 4;
  ta.setAttribute('aria-label', 'Wat wil je delen?');
  ta.placeholder = 'Wat wil je delen?';
  host.appendChild(ta);
  return { el: ta, getText: () => ta.value };
}
