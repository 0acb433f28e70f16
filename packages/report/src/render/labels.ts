// Human labels of the model's enumerations, shared by both renderers.
import { DURATION_SPANS, formatDuration, type IncidentDurations } from '@hindsight/doc';

export const SECTION_TITLES = {
  summary: 'Summary and impact',
  timeline: 'Timeline',
  analysis: 'Timeline analysis',
  whys: 'Why it happened',
  factors: 'Contributing factors',
  humanFactors: 'Human factors',
  wentWell: 'What went well',
  wentWrong: 'What went wrong',
  gotLucky: 'Where we got lucky',
  actions: 'Action items',
  earlier: 'Related earlier reviews',
} as const;

export const MARKER_LABELS = {
  started: 'Started',
  detected: 'Detected',
  acknowledged: 'Acknowledged',
  mitigated: 'Mitigated',
  resolved: 'Resolved',
} as const;

/** The analysis section's names for the delays packages/doc finds. */
export const DELAY_LABELS: Record<string, string> = {
  alert_response: 'Alert → first response',
  detect_mitigate: 'Detected → mitigated',
};
export const delayLabel = (k: string): string => DELAY_LABELS[k] ?? k;

/** The incident durations in the order the analysis prints them (packages/doc's spans and labels), with what each is measured from. */
export const DURATION_LABELS = (['detect', 'acknowledge', 'mitigate', 'resolve'] as const).map((key) => {
  const { label, from, to } = DURATION_SPANS[key];
  return [key, label, `${from === 'started' ? 'start' : from} → ${to}`] as const;
});

/** `Time to detect: 6 min · time to mitigate: 38 min · time to resolve: 1 h 11 min`, with packages/doc's spans and format. */
export function durationsLine(d: IncidentDurations): string {
  return (['detect', 'mitigate', 'resolve'] as const)
    .map((span, i) => {
      const label = DURATION_SPANS[span].label;
      return `${i === 0 ? label : label.toLowerCase()}: ${formatDuration(d[span])}`;
    })
    .join(' · ');
}
