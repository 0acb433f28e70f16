// @hindsight/doc: the one implementation of the review document (schema,
// pure operations, read model, export). See docs/document.md.
export {
  SCHEMA_VERSION,
  Root,
  REVIEW_STATUSES,
  ENTRY_KINDS,
  EntryKey,
  roots,
  origin,
  defaultContext,
  type ReviewStatus,
  type EntryKind,
  type EntryMap,
  type ReviewRoots,
  type OpContext,
  type OpOrigin,
} from './schema.ts';
export { initReview, setTitle, setStatus, readMeta, type MetaInit, type MetaView } from './meta.ts';
export {
  addEntry,
  setEntryTime,
  setEntryKind,
  setEntryTags,
  insertSummaryText,
  deleteEntry,
  type NewEntry,
} from './timeline.ts';
export {
  readEntry,
  readTimeline,
  readWhys,
  readActions,
  compareEntries,
  fragmentText,
  exportReview,
  type EntryView,
  type ReviewExport,
  type TimelineEntryExport,
  type WhyNodeExport,
  type ActionExport,
} from './readModel.ts';
