// Meeting controls on one entry or whys node: open annotations, "Annotate", and the facilitator's "Spotlight".
import { useFacilitationApi, type Target } from './FacilitationContext.ts';

export function RowActions({ target, label }: { target: Target; label: string }) {
  const api = useFacilitationApi();
  if (!api) return null;
  const open = api.openCounts.get(target.id) ?? 0;
  const lit = api.spotlight?.kind === target.kind && api.spotlight.id === target.id;
  const selected = api.selected?.kind === target.kind && api.selected.id === target.id;
  return (
    <span className="row-actions">
      {lit && (
        <span className="spotlight-mark" data-testid="spotlight-mark" role="status">
          Spotlight
        </span>
      )}
      {(open > 0 || api.canAnnotate) && (
        <button
          type="button"
          className={`chip${open ? ' chip-open' : ''}`}
          aria-pressed={selected}
          aria-label={`${open ? `${open} open annotation${open === 1 ? '' : 's'} on` : 'Annotate'} ${label}`}
          title={api.canAnnotate ? 'Annotations and questions (opens the meeting panel)' : 'Open annotations'}
          onClick={() => api.select(selected ? null : target)}
        >
          {open ? `✎ ${open}` : '✎'}
        </button>
      )}
      {api.isFacilitator && (
        <button
          type="button"
          className="chip"
          aria-pressed={lit}
          aria-label={lit ? `Turn the spotlight off ${label}` : `Spotlight ${label} for everyone`}
          title={lit ? 'Turn the spotlight off' : 'Spotlight: bring this into everyone’s view'}
          onClick={() => api.pointAt(lit ? null : target)}
        >
          ◎
        </button>
      )}
    </span>
  );
}
