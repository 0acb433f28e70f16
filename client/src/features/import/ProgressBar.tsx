// A labelled progress bar for long imports (a native <progress>, announced politely).
import type { Progress } from '@hindsight/importers';

export function ProgressBar({
  label,
  progress,
  onCancel,
}: {
  label: string;
  progress: Progress;
  onCancel?: () => void;
}) {
  const pct = progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <div className="import-progress" data-testid="import-progress">
      <label className="field">
        <span>
          {label}: {progress.done.toLocaleString()} of {progress.total.toLocaleString()} ({pct}%)
        </span>
        <progress max={progress.total || 1} value={progress.done} />
      </label>
      {onCancel && (
        <button type="button" className="btn btn-small" onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}
