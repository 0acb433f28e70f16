// A text input whose value may change under the caret (someone else typing): the caret stays put.
import { useLayoutEffect, useRef, type InputHTMLAttributes, type TextareaHTMLAttributes } from 'react';

/** Where a caret at `pos` in `before` lands in `after`, assuming one contiguous edit. */
export function mapCaret(before: string, after: string, pos: number): number {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) {
    endB--;
    endA--;
  }
  if (pos <= start) return pos;
  if (pos >= endB) return pos + (endA - endB);
  return endA;
}

type Common = { value: string; onValue: (next: string) => void };
type InputProps = Common & { multiline?: false } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'>;
type AreaProps = Common & { multiline: true } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'>;

/** Controlled by a shared value (a Y.Text's string); edits go out through `onValue`. */
export function LiveTextInput(props: InputProps | AreaProps) {
  const { value, onValue, multiline, ...rest } = props;
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const shown = useRef(value);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || el.value === value) {
      shown.current = value;
      return;
    }
    const focused = document.activeElement === el;
    const start = el.selectionStart ?? 0;
    const end = el.selectionEnd ?? 0;
    const before = el.value;
    el.value = value;
    if (focused) el.setSelectionRange(mapCaret(before, value, start), mapCaret(before, value, end));
    shown.current = value;
  }, [value]);
  const onInput = (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }): void => {
    shown.current = event.currentTarget.value;
    onValue(event.currentTarget.value);
  };
  // Uncontrolled: React never writes value or defaultValue (either can move the caret); the effect above does.
  if (multiline) {
    return <textarea ref={ref} onInput={onInput} {...(rest as TextareaHTMLAttributes<HTMLTextAreaElement>)} />;
  }
  return <input ref={ref} onInput={onInput} {...(rest as InputHTMLAttributes<HTMLInputElement>)} />;
}
