// Charts for the quarter's Markdown export, as Mermaid `xychart-beta` blocks
// (GitHub and GitLab draw them where the Markdown is read; elsewhere they stay
// readable text). Each chart stands before the table that is its text alternative.
import { FEEDBACK_SCALES } from '@hindsight/protocol';
import { factorLabel } from '@hindsight/doc';
import type { QuarterReport } from './quarter.ts';

const label = (t: string): string => `"${t.replace(/["\n\r`]/g, ' ').trim()}"`;

/** The survey means per month (months with three answers or more), one line per question in FEEDBACK_SCALES order. */
export function feedbackChart(q: QuarterReport): string[] {
  const months = q.feedbackTrend.filter((t) => FEEDBACK_SCALES.every((s) => t.means[s.key] !== null));
  if (months.length === 0) return [];
  return [
    '```mermaid',
    'xychart-beta',
    '  title "Mean answers per month (1–5): useful · safe to speak · time well spent"',
    `  x-axis [${months.map((t) => label(t.month)).join(', ')}]`,
    '  y-axis "mean (1–5)" 1 --> 5',
    ...FEEDBACK_SCALES.map((s) => `  line [${months.map((t) => t.means[s.key]!.toFixed(1)).join(', ')}]`),
    '```',
    '',
  ];
}

/** The contributing-factor categories by count, as bars. */
export function factorsChart(q: QuarterReport): string[] {
  if (q.factorCategories.length === 0) return [];
  const top = Math.max(...q.factorCategories.map((f) => f.count));
  return [
    '```mermaid',
    'xychart-beta',
    '  title "Contributing factors per category"',
    `  x-axis [${q.factorCategories.map((f) => label(factorLabel(f.category))).join(', ')}]`,
    `  y-axis "factors" 0 --> ${top}`,
    `  bar [${q.factorCategories.map((f) => f.count).join(', ')}]`,
    '```',
    '',
  ];
}
