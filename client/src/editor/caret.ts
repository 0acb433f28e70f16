// How another person's caret looks inside a Tiptap editor: a coloured bar with their name.
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === 'string' ? user.color : '#6c757d';
  const name = typeof user.name === 'string' ? user.name : 'Someone';
  const caret = document.createElement('span');
  caret.classList.add('collaboration-carets__caret');
  caret.style.borderColor = color;
  caret.setAttribute('aria-hidden', 'true');
  const label = document.createElement('span');
  label.classList.add('collaboration-carets__label');
  label.style.backgroundColor = color;
  label.textContent = name;
  caret.append(label);
  return caret;
}
