// Runs the chosen importer over the source with progress and cancellation (async variants yield between chunks).
import {
  parseAlertmanager,
  parseChatLogAsync,
  parseGenericAlerts,
  parseLogsAsync,
  parseSlackExportAsync,
  parseTableAsync,
  type LogLevel,
  type ParseResult,
  type Progress,
  type SourceFile,
  type TimeOptions,
} from '@hindsight/importers';
import type { SourceKind } from './sourceKinds.ts';

export interface ParseSettings {
  kind: SourceKind;
  timeZone: string;
  /** The review's incident, for dateless times when no date is chosen. */
  incident?: TimeOptions['incident'];
  /** `YYYY-MM-DD`; empty = none. */
  date: string;
  /** Slack: the channel to read (empty = the only one). */
  channel: string;
  logFilter: { contains: string; regex: string; minLevel: LogLevel | '' };
}

export interface ParseOutcome extends ParseResult {
  /** Log lines the filter left out. */
  filteredOut: number;
}

/** Smaller chunks than the default keep the progress bar moving on 2-core laptops. */
const CHUNK = 250;

function alertsOf(text: string, timeZone: string): ParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return {
      candidates: [],
      problems: [{ line: 0, reason: `not valid JSON: ${(err as Error).message}` }],
      skipped: [],
    };
  }
  const isAlertmanager =
    typeof value === 'object' && value !== null && 'alerts' in value && ('receiver' in value || 'groupKey' in value);
  return isAlertmanager ? parseAlertmanager(value) : parseGenericAlerts(value, { timeZone });
}

export async function runParse(
  files: readonly SourceFile[],
  s: ParseSettings,
  onProgress: (p: Progress) => void,
  signal: AbortSignal,
): Promise<ParseOutcome> {
  // A chosen date wins; without one, dateless times are read nearest the incident.
  const time = {
    timeZone: s.timeZone,
    ...(s.date ? { date: s.date } : s.incident ? { incident: s.incident } : {}),
  };
  const common = { onProgress, signal, chunkSize: CHUNK };
  const text = files.map((f) => f.text).join('\n');
  const fileName = files.length === 1 ? files[0]!.name : undefined;
  switch (s.kind) {
    case 'table':
      return { ...(await parseTableAsync(text, { ...time, ...common })), filteredOut: 0 };
    case 'chat':
      return { ...(await parseChatLogAsync(text, { ...time, ...common })), filteredOut: 0 };
    case 'slack':
      return {
        ...(await parseSlackExportAsync(files, { ...(s.channel ? { channel: s.channel } : {}), ...common })),
        filteredOut: 0,
      };
    case 'alerts':
      onProgress({ done: 1, total: 1 });
      return { ...alertsOf(text, s.timeZone), filteredOut: 0 };
    case 'logs': {
      const f = s.logFilter;
      const filter = {
        ...(f.contains.trim() ? { contains: f.contains.trim() } : {}),
        ...(f.regex.trim() ? { regex: f.regex.trim() } : {}),
        ...(f.minLevel ? { minLevel: f.minLevel } : {}),
      };
      return parseLogsAsync(text, { ...time, ...common, ...(fileName ? { fileName } : {}), filter });
    }
  }
}
