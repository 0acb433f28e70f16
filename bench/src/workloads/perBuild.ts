// Rows for the Hindsight-only workloads (cold start, history, browser): one value per Hindsight
// build that ran (the working tree and, with --baseline, the "before" commit); n/a for the others.
import type { HindsightKind } from '../servers/types.ts';
import type { MetricRow } from './types.ts';

export interface RowSpec {
  key: string;
  label: string;
  unit?: string;
  digits?: number;
  better?: MetricRow['better'];
}

/** One value per build from `results`, null (n/a) for the reference and the raw relay. */
export function perBuild<T>(results: ReadonlyMap<HindsightKind, T>, f: (r: T) => number): MetricRow['values'] {
  return { reference: null, raw: null, ...Object.fromEntries([...results].map(([kind, r]) => [kind, f(r)])) };
}

/** Rows from per-build figures keyed by row key: `figures.get(kind)[spec.key]`. */
export function rowsPerBuild(
  specs: RowSpec[],
  figures: ReadonlyMap<HindsightKind, Record<string, number>>,
): MetricRow[] {
  return specs.map((s) => ({
    key: s.key,
    label: s.label,
    unit: s.unit ?? 'ms',
    better: s.better ?? 'lower',
    digits: s.digits ?? 0,
    values: perBuild(figures, (f) => f[s.key] ?? NaN),
  }));
}
