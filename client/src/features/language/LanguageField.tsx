// Wraps a plain input or textarea: blameless-language findings are underlined in place and explained beside it.
import { cloneElement, useId, useLayoutEffect, useRef, type ReactElement } from 'react';
import { useReview } from '../../sync/ReviewContext.tsx';
import { FindingsMarker } from './FindingsMarker.tsx';
import { FlaggedText } from './FlaggedText.tsx';
import { useFindings } from './useFindings.ts';
import './language.css';

// The mirror must lay text out exactly like the field, so these are copied from its computed style.
const COPIED = [
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'letterSpacing',
  'lineHeight',
  'textTransform',
  'textIndent',
  'textAlign',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'boxSizing',
  'tabSize',
] as const;

export interface LanguageFieldProps {
  /** The text's id in the review (`entry:<id>:summary`, `why:<id>`, `answer:<id>`, `narrative:<section>` …). */
  textId: string;
  /** The field's current text. */
  text: string;
  /** One `<input>` or `<textarea>` (e.g. a LiveTextInput); it gets `aria-describedby`. */
  children: ReactElement<{ 'aria-describedby'?: string }>;
  className?: string;
}

export function LanguageField({ textId, text, children, className }: LanguageFieldProps) {
  const { canWrite } = useReview();
  const findings = useFindings(textId, text);
  const describedBy = useId();
  const wrap = useRef<HTMLDivElement>(null);
  const mirror = useRef<HTMLDivElement>(null);
  const flagged = findings.length > 0;

  useLayoutEffect(() => {
    const field = wrap.current?.querySelector<HTMLInputElement | HTMLTextAreaElement>('input, textarea');
    const copy = mirror.current;
    if (!flagged || !field || !copy) return;
    const place = (): void => {
      const style = getComputedStyle(field);
      for (const key of COPIED) copy.style[key] = style[key];
      copy.style.whiteSpace = field.tagName === 'TEXTAREA' ? 'pre-wrap' : 'pre';
      copy.style.top = `${field.offsetTop}px`;
      copy.style.left = `${field.offsetLeft}px`;
      copy.style.width = `${field.offsetWidth}px`;
      copy.style.height = `${field.offsetHeight}px`;
      copy.scrollTop = field.scrollTop;
      copy.scrollLeft = field.scrollLeft;
    };
    place();
    const sync = (): void => {
      copy.scrollTop = field.scrollTop;
      copy.scrollLeft = field.scrollLeft;
    };
    field.addEventListener('scroll', sync);
    field.addEventListener('input', sync);
    field.addEventListener('keyup', sync);
    const resize = new ResizeObserver(place);
    resize.observe(field);
    return () => {
      field.removeEventListener('scroll', sync);
      field.removeEventListener('input', sync);
      field.removeEventListener('keyup', sync);
      resize.disconnect();
    };
  }, [flagged, text]);

  const title = flagged ? findings.map((f) => `“${f.match}”: ${f.suggestion}`).join('\n') : undefined;
  return (
    <div
      ref={wrap}
      className={`lang-field${flagged ? ' is-flagged' : ''}${className ? ` ${className}` : ''}`}
      title={title}
    >
      {flagged ? cloneElement(children, { 'aria-describedby': describedBy }) : children}
      {flagged && (
        <>
          <div ref={mirror} className="lang-mirror" aria-hidden="true">
            <FlaggedText text={text} findings={findings} />
            {'\u200b'}
          </div>
          <span id={describedBy} className="visually-hidden">
            {`Blameless wording: ${findings.map((f) => `“${f.match}”, try: ${f.suggestion}`).join('; ')}`}
          </span>
          <FindingsMarker findings={findings} canDismiss={canWrite} />
        </>
      )}
    </div>
  );
}
