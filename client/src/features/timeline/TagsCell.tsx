// An entry's tags: chips to remove, a small input to add (Enter or comma).
import { useState, type KeyboardEvent } from 'react';
import { addEntryTag, removeEntryTag } from '@hindsight/doc';
import { useReview } from '../../sync/ReviewContext.tsx';

export function TagsCell({ entryId, tags }: { entryId: string; tags: string[] }) {
  const { sync, ctx, canWrite } = useReview();
  const [draft, setDraft] = useState('');
  const onKey = (event: KeyboardEvent<HTMLInputElement>): void => {
    if ((event.key === 'Enter' || event.key === ',') && draft.trim()) {
      event.preventDefault();
      for (const tag of draft.split(',')) if (tag.trim()) addEntryTag(sync.doc, { id: entryId, tag: tag.trim() }, ctx);
      setDraft('');
    } else if (event.key === 'Backspace' && !draft && tags.length > 0) {
      removeEntryTag(sync.doc, { id: entryId, tag: tags[tags.length - 1]! }, ctx);
    }
  };
  return (
    <div className="tl-tags">
      {tags.map((tag) =>
        canWrite ? (
          <button
            key={tag}
            type="button"
            className="tag"
            onClick={() => removeEntryTag(sync.doc, { id: entryId, tag }, ctx)}
            aria-label={`Remove tag ${tag}`}
            title="Remove tag"
          >
            {tag} ×
          </button>
        ) : (
          <span key={tag} className="tag">
            {tag}
          </span>
        ),
      )}
      {canWrite && (
        <input
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKey}
          placeholder={tags.length ? '' : 'add tag'}
          aria-label="Add a tag (Enter)"
          data-field="tags"
        />
      )}
    </div>
  );
}
