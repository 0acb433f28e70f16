// A button that copies text to the clipboard and says so.
import { useState } from 'react';

export interface CopyButtonProps {
  text: string;
  /** Accessible name, e.g. "Copy the link". */
  label: string;
  /** What the button shows; default "Copy". */
  caption?: string;
  /** Announced once copied; default "Link copied". */
  copiedMessage?: string;
}

export function CopyButton({ text, label, caption = 'Copy', copiedMessage = 'Link copied' }: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  const copy = async (): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Clipboard blocked (insecure origin): fall back to a selection copy.
      const area = document.createElement('textarea');
      area.value = text;
      document.body.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <button type="button" className="btn btn-small" onClick={() => void copy()} aria-label={label}>
      {copied ? 'Copied' : caption}
      <span className="visually-hidden" aria-live="polite">
        {copied ? copiedMessage : ''}
      </span>
    </button>
  );
}
