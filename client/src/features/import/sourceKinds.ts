// The kinds of evidence the import dialog reads, and a guess at which one a paste or a set of files is.
import { parseLogLine } from '@hindsight/importers';

export const SOURCE_KINDS = ['table', 'slack', 'chat', 'alerts', 'logs'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export const KIND_LABELS: Record<SourceKind, string> = {
  table: 'Table (pasted from a spreadsheet, TSV or CSV)',
  slack: 'Slack export (.zip or its JSON files)',
  chat: 'Chat log ([14:32] name: text, IRC)',
  alerts: 'Alerts (Alertmanager webhook or generic JSON)',
  logs: 'Log lines (ISO 8601, syslog, common log format, JSON lines)',
};

const CHAT_LINE =
  /^\s*(\[\d{1,2}:\d{2}(:\d{2})?\]|\d{1,2}:\d{2}(:\d{2})?\s+<|<[^>]+>|\*\s|---\s(Log opened|Day changed))/;

/** The most likely kind for pasted text or a file's content (`name` helps: `.csv`, `.log`, `.json`). */
export function detectKind(text: string, name = ''): SourceKind {
  const lower = name.toLowerCase();
  if (lower.endsWith('.zip')) return 'slack';
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[{') || trimmed.startsWith('[\n') || trimmed.startsWith('[ ')) {
    if (/"alerts"\s*:|"startsAt"\s*:|"fingerprint"\s*:/.test(trimmed.slice(0, 4000))) return 'alerts';
    if (/"ts"\s*:\s*"\d+\.\d+"/.test(trimmed.slice(0, 4000))) return 'slack';
    return 'logs'; // JSON lines
  }
  if (lower.endsWith('.csv') || lower.endsWith('.tsv')) return 'table';
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 20);
  if (lines.length === 0) return 'table';
  const share = (test: (l: string) => boolean): number => lines.filter(test).length / lines.length;
  if (share((l) => CHAT_LINE.test(l)) >= 0.5) return 'chat';
  if (share((l) => l.includes('\t')) >= 0.5) return 'table';
  if (share((l) => parseLogLine(l) !== null) >= 0.5 || lower.endsWith('.log')) return 'logs';
  return share((l) => l.includes(',')) >= 0.5 ? 'table' : 'chat';
}
