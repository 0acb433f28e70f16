// The report's summary: the shared rich-text `report` fragment in the Tiptap editor, with blameless underlines.
import { useCallback, useEffect, useState } from 'react';
import { fragmentText, roots } from '@hindsight/doc';
import { loadedNotesEditor, loadNotesEditor } from '../../editor/loadNotesEditor.ts';
import { useReview } from '../../sync/ReviewContext.tsx';
import { useYRead } from '../../sync/useY.ts';
import { NotesLanguage, useBlamelessOptions } from '../language/NotesLanguage.tsx';

export function SummaryEditor() {
  const { sync, canWrite, name } = useReview();
  const fragment = roots(sync.doc).report;
  const text = useYRead(
    fragment,
    useCallback(() => fragmentText(fragment), [fragment]),
  );
  const [Editor, setEditor] = useState(loadedNotesEditor);
  const blameless = useBlamelessOptions('report');
  useEffect(() => {
    if (!Editor) void loadNotesEditor().then((c) => setEditor(() => c));
  }, [Editor]);
  return (
    <section className="narrative card" aria-labelledby="narrative-summary">
      <h3 id="narrative-summary">Summary</h3>
      <div className="summary-editor" data-testid="report-summary">
        {Editor ? (
          <Editor
            fragment={fragment}
            provider={sync.provider}
            name={name}
            editable={canWrite}
            label="Report summary"
            blameless={blameless}
          />
        ) : (
          <p className="muted">Loading the editor…</p>
        )}
        <NotesLanguage textId="report" text={text} />
      </div>
      {!text && <p className="muted small">What happened, in a few sentences a newcomer can follow.</p>}
    </section>
  );
}
