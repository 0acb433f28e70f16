// A why's status (hypothesis / supported / refuted) and contributing-factor category (the review template's, or custom).
import {
  factorLabel,
  setWhyFactor,
  setWhyStatus,
  WHY_STATUSES,
  type WhyNodeView,
  type WhyStatus,
} from '@hindsight/doc';
import { templateCategoryLabel } from '@hindsight/report';
import { useReview } from '../../sync/ReviewContext.tsx';
import { useReviewTemplate } from '../template/useReviewTemplate.ts';

export function WhyControls({ node }: { node: WhyNodeView }) {
  const { sync, ctx, canWrite } = useReview();
  // The categories of the template version this review started from.
  const categories = useReviewTemplate().content.factorCategories;
  const custom = node.factor && !categories.includes(node.factor) ? node.factor : null;
  if (!canWrite) {
    return (
      <>
        <span className="badge">{node.status}</span>
        {node.factor && <span className="badge badge-collecting">factor: {factorLabel(node.factor)}</span>}
      </>
    );
  }
  const onFactor = (value: string): void => {
    if (value === '__custom') {
      const name = window.prompt('Name the category (e.g. "vendor", "communication")')?.trim();
      if (name) setWhyFactor(sync.doc, { id: node.id, factor: name }, ctx);
      return;
    }
    setWhyFactor(sync.doc, { id: node.id, factor: value || null }, ctx);
  };
  return (
    <>
      <select
        className="input"
        value={node.status}
        aria-label="Status"
        onChange={(e) => setWhyStatus(sync.doc, { id: node.id, status: e.target.value as WhyStatus }, ctx)}
      >
        {WHY_STATUSES.map((s) => (
          <option key={s}>{s}</option>
        ))}
      </select>
      <select
        className="input"
        value={node.factor ?? ''}
        aria-label="Contributing factor"
        onChange={(e) => onFactor(e.target.value)}
      >
        <option value="">Not a factor</option>
        {categories.map((c) => (
          <option key={c} value={c}>
            Factor: {templateCategoryLabel(c)}
          </option>
        ))}
        {custom && <option value={custom}>Factor: {factorLabel(custom)}</option>}
        <option value="__custom">Factor: other category…</option>
      </select>
    </>
  );
}
