// Renders the results as a plain-text table with ratios and the targets, for stdout and the README.
import { SERVER_LABELS, type ServerKind } from './servers/types.ts';
import type { TargetResult } from './targets.ts';
import type { MetricRow, WorkloadResult } from './workloads/types.ts';

export interface ReportInput {
  servers: ServerKind[];
  workloads: { title: string; result: WorkloadResult }[];
  targets: TargetResult[];
  header: string[];
}

function value(v: number | null | undefined, digits: number): string {
  if (v === null) return 'n/a';
  if (v === undefined || Number.isNaN(v)) return '—';
  return v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function ratio(row: MetricRow, other: ServerKind): string {
  const h = row.values.hindsight;
  const o = row.values[other];
  if (h == null || o == null || Number.isNaN(h) || Number.isNaN(o) || o === 0) return '—';
  return `×${(h / o).toFixed(2)}`;
}

const pad = (s: string, n: number, right = false): string => (right ? s.padStart(n) : s.padEnd(n));

export function renderReport(input: ReportInput): string {
  const ratios = (['baseline', 'reference', 'raw'] as const).filter(
    (k) => input.servers.includes('hindsight') && input.servers.includes(k),
  );
  const short: Record<(typeof ratios)[number], string> = { baseline: 'before', reference: 'ref', raw: 'raw' };
  const head = ['metric', ...input.servers.map((s) => SERVER_LABELS[s]), ...ratios.map((k) => `H÷${short[k]}`)];
  const lines: string[] = [...input.header, ''];
  for (const { title, result } of input.workloads) {
    if (result.notRun) {
      lines.push(`== ${title}`, `NOT RUN: ${result.notRun}`, ...result.notes.map((n) => `   · ${n}`), '');
      continue;
    }
    const table = result.rows.map((r) => [
      `${r.label} (${r.unit})${r.better === 'lower' ? ' ↓' : r.better === 'higher' ? ' ↑' : ''}`,
      ...input.servers.map((s) => value(r.values[s], r.digits ?? 1)),
      ...ratios.map((k) => ratio(r, k)),
    ]);
    const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
    const fmtRow = (cells: string[]): string => cells.map((c, i) => pad(c, widths[i]!, i > 0)).join('  ');
    lines.push(`== ${title}`, fmtRow(head), widths.map((w) => '-'.repeat(w)).join('  '));
    for (const row of table) lines.push(fmtRow(row));
    for (const note of result.notes) lines.push(`   · ${note}`);
    lines.push('');
  }
  lines.push('== Targets (issue 7)');
  const w = Math.max(...input.targets.map((t) => t.target.length));
  for (const t of input.targets) lines.push(`${pad(t.target, w)}  ${pad(t.status.toUpperCase(), 12)}  ${t.detail}`);
  lines.push(
    '',
    "↑ higher is better, ↓ lower is better; H÷before, H÷ref and H÷raw = Hindsight's value divided by the other server's.",
  );
  return lines.join('\n');
}
