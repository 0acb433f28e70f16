// @hindsight/importers: pure functions that turn chat, alerts, logs and pasted
// tables into candidate timeline entries, and apply the chosen ones to a
// review in one idempotent transaction. See README.md.
export {
  LOG_LEVELS,
  type LogLevel,
  type Candidate,
  type Problem,
  type Skipped,
  type ParseResult,
  type TimeOptions,
  type Progress,
  type ProgressOptions,
  type AsyncOptions,
} from './types.ts';
export { parseTable, parseTableAsync, type TableOptions } from './table.ts';
export { parseChatLog, parseChatLogAsync, type ChatOptions } from './chat.ts';
export { parseSlackExport, parseSlackExportAsync, type SlackOptions } from './slack.ts';
export { slackChannels, type SourceFile } from './slackExport.ts';
export { parseAlertmanager } from './alertmanager.ts';
export { parseGenericAlerts, type GenericAlert } from './genericAlerts.ts';
export { parseLogs, parseLogsAsync, type LogFilter, type LogOptions, type LogParseResult } from './logs.ts';
export { parseLogLine, type LogLine } from './logFormats.ts';
export { parseWrittenTime, type WrittenTime } from './timeText.ts';
export { parseTypedTime, type TypedTime, type TypedTimeOptions } from './typedTime.ts';
export { ROLLOVER_MINUTES } from './clock.ts';
export { zonedToUtc, type LocalTime } from './zone.ts';
export {
  applyImport,
  alreadyImported,
  candidateToEntry,
  importDefaults,
  incidentClockOf,
  type ApplyResult,
} from './apply.ts';
export { resolveBareTime, AMBIGUOUS_WITHIN_MS, type BareTimeReading, type IncidentClock } from './bareTime.ts';
