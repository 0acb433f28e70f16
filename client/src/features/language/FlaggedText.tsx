// Text with its blameless-language findings underlined (dotted + wavy, so not by colour alone).
import type { OpenFinding } from './useFindings.ts';

/** Splits `text` into plain runs and underlined findings; each underline carries its suggestion as a title. */
export function FlaggedText({ text, findings }: { text: string; findings: OpenFinding[] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const f of findings) {
    if (f.start < at || f.end > text.length) continue;
    if (f.start > at) parts.push(text.slice(at, f.start));
    parts.push(
      <mark key={`${f.start}-${f.rule}`} className="lang-flag" title={`${f.message} Try: ${f.suggestion}`}>
        {text.slice(f.start, f.end)}
      </mark>,
    );
    at = f.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
