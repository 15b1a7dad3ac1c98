export function mount(host) {
  const input = document.createElement('input');
  input.type = 'text';
  input.setAttribute('aria-label', 'Titel');
  input.placeholder = 'Titel van je bericht';
  host.appendChild(input);
  return { el: input, getText: () => input.value };
}
