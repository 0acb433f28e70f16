// Where an entry came from (chat message, alert, log line, imported table row), with a link when the source has
// one that may be a link (the read model decides: http, https, mailto); any other source URL shows as text.
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
      {/* A source link that is not http, https or mailto is only ever shown as text. */}
      {source.urlText && (
        <span className="source-text" data-testid="entry-source-text">
          {' '}
          · {source.urlText}
        </span>
      )}
    </div>
  );
}
