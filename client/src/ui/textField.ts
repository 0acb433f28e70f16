// Whether a focus or key event's target is a place where a person types text.

/** Text inputs, textareas and contenteditable elements (Tiptap); not checkboxes, buttons or sliders. */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA') return true;
  if (target instanceof HTMLInputElement)
    return !['checkbox', 'radio', 'button', 'range', 'submit'].includes(target.type);
  return false;
}
