// "What happened": the entry's summary Y.Text in a plain text field that wraps; Enter adds the next entry.
import { type KeyboardEvent } from 'react';
import * as Y from 'yjs';
import { EntryKey, plainText, Root, setEntrySummary } from '@hindsight/doc';
import { useReview } from '../../sync/ReviewContext.tsx';
import { useRecordField } from '../../sync/useRecordField.ts';
import { useYText } from '../../sync/useY.ts';
import { LiveTextInput } from '../../ui/LiveTextInput.tsx';
import { LanguageField } from '../language/LanguageField.tsx';

export interface SummaryCellProps {
  entryId: string;
  label: string;
  onEnter: () => void;
}

export function SummaryCell({ entryId, label, onEnter }: SummaryCellProps) {
  const { sync, ctx, canWrite } = useReview();
  // A summary another client stored as a plain string (or not at all) shows as such; the first edit makes it a Y.Text.
  const stored = useRecordField(sync.doc, Root.timeline, entryId, EntryKey.summary);
  const live = useYText(stored instanceof Y.Text ? stored : null);
  const value = stored instanceof Y.Text ? live : plainText(stored);
  if (!canWrite)
    return (
      <span className="tl-static" data-cell="summary">
        {value || <span className="muted">—</span>}
      </span>
    );
  const onKey = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      onEnter();
    }
  };
  return (
    <LanguageField textId={`entry:${entryId}:summary`} text={value}>
      {/* A textarea that grows with its text, so a long summary wraps instead of being cut; Enter still adds the next entry. */}
      <LiveTextInput
        multiline
        rows={1}
        className="tl-summary"
        value={value}
        onValue={(next) => setEntrySummary(sync.doc, { id: entryId, text: next }, ctx)}
        onKeyDown={onKey}
        aria-label={label}
        placeholder="What happened?"
        data-field="summary"
        data-cell="summary"
      />
    </LanguageField>
  );
}
