// @hindsight/report: the blameless-language checker, low-leverage action
// check, anonymiser, report model and its Markdown/HTML renderers, and the
// cross-review follow-up views. Pure; runs in browsers and Node.
export { RULE_IDS, type RuleId } from './blameless/rules.ts';
export { checkBlameless, findingKey, normaliseMatch, type Finding, type CheckOptions } from './blameless/checker.ts';
export {
  checkReview,
  reviewNames,
  type ReviewCheck,
  type ReviewFinding,
  type TextTarget,
} from './blameless/checkReview.ts';
export {
  LOW_LEVERAGE_KINDS,
  checkAction,
  isLowLeverage,
  type ActionWarning,
  type LowLeverageKind,
} from './followup/lowLeverage.ts';
export {
  anonymise,
  pseudonymsFor,
  type Anonymised,
  type AnonymiseOptions,
  type Change,
  type Participant,
  type Suspect,
} from './anonymise/anonymise.ts';
export { buildPeople, type Person, type PersonSource } from './anonymise/people.ts';
export { isSystemName } from './anonymise/systems.ts';
export { DETECTORS, entropy, type RedactionKind } from './anonymise/detectors.ts';
export { buildReportModel, type BuildOptions } from './model/build.ts';
export { buildTimelineAnalysis, ANALYSIS_ANNOTATION_KINDS } from './model/analysis.ts';
export { DURATION_LABELS, delayLabel } from './render/labels.ts';
export { richFromFragment, richFromText, richText, type RichNode, type RichMarks } from './model/rich.ts';
export type { ReportModel, ReportEntry, ReportWhy, ReportAction, TimelineAnalysis } from './model/types.ts';
export { renderMarkdown } from './render/markdown.ts';
export { renderHtml, REPORT_CSP } from './render/html.ts';
export { richToHtml, sanitizeFragment, SANITIZE_OPTIONS } from './render/richHtml.ts';
export { escapeHtml, mdText, safeUrl } from './render/escape.ts';
export { formatWhen, formatUtc } from './render/time.ts';
export {
  exportReport,
  fixReviewPseudonyms,
  reviewAnonymiseOptions,
  type ExportOptions,
  type ExportedReport,
} from './report.ts';
export {
  publishedExport,
  publishedReview,
  type PublishedEntry,
  type PublishedExport,
  type PublishedReview,
} from './published/publishedReview.ts';
export { reviewIndexEntry, type ReviewIndexEntry, type IndexedAction } from './followup/indexEntry.ts';
export {
  actionRows,
  filterActions,
  actionStats,
  earlierUnfinished,
  utcDate,
  type ActionRow,
  type ActionFilter,
  type ActionStats,
} from './followup/rollup.ts';
export { reviewMetrics, type ReviewMetrics } from './followup/metrics.ts';
export { meanOf, summariseFeedback, type RoundSummary, type ScaleSummary } from './feedback/aggregate.ts';
export { quarterOf, quarterRange, quarterlyReview, type QuarterReport } from './quarter/quarter.ts';
export { quarterMarkdown, templateName } from './quarter/quarterMarkdown.ts';
export { RULE_EXAMPLES, languageGuide } from './blameless/examples.ts';
export {
  BUILT_IN_PHASE_TITLES,
  BUILT_IN_TEMPLATE,
  REPORT_SECTION_IDS,
  agendaMinutes,
  amendedSectionTitle,
  phaseTitles,
  reportSectionsOf,
  templateCategoryLabel,
  type ReportSectionId,
  type ReportSections,
  type TemplateContent,
  type TemplateVersion,
} from './template/template.ts';
export {
  TEMPLATE_FIELD_LABELS,
  diffTemplates,
  type TemplateChange,
  type TemplateField,
  type TemplateFieldDiff,
} from './template/diff.ts';
