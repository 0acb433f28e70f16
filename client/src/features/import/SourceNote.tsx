// Where an entry came from (chat message, alert, log line, imported table row), with a link when the source has one.
import type { EntryView } from '@hindsight/doc';

export const SOURCE_LABELS: Record<EntryView['source']['type'], string> = {
  manual: 'imported',
  chat: 'chat',
  alert: 'alert',
  log: 'log',
  deploy: 'deploy',
};

export function SourceNote({ source }: { source: EntryView['source'] }) {
  if (source.type === 'manual' && !source.ref) return null;
  const text = `${SOURCE_LABELS[source.type]}${source.ref ? ` · ${source.ref}` : ''}`;
  return (
    <div className="row-meta" data-testid="entry-source">
      {source.url ? (
        <a href={source.url} target="_blank" rel="noreferrer noopener" title={`Open the original (${source.url})`}>
          {text}
        </a>
      ) : (
        <span title="Where this entry came from">{text}</span>
      )}
    </div>
  );
}
