// Human labels of the model's enumerations, shared by both renderers.

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

const ACTION_STATUS: Record<string, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  wont_do: "Won't do",
};
const FACTOR: Record<string, string> = {
  process: 'Process',
  technology: 'Technology',
  people: 'People and human factors',
};
const ANNOTATION: Record<string, string> = {
  delay: 'Delay',
  missing_information: 'Missing information',
  automation_failed: 'Automation failed',
  question: 'Open question',
  comment: 'Comment',
};

export const actionStatusLabel = (s: string): string => ACTION_STATUS[s] ?? s;
export const factorLabel = (c: string): string => FACTOR[c] ?? c;
export const annotationLabel = (k: string): string => ANNOTATION[k] ?? k;

/** The analysis section's names for the delays packages/doc finds. */
export const DELAY_LABELS: Record<string, string> = {
  alert_response: 'Alert → first response',
  detect_mitigate: 'Detected → mitigated',
};
export const delayLabel = (k: string): string => DELAY_LABELS[k] ?? k;

/** The incident durations in the order the analysis prints them, with what each is measured from. */
export const DURATION_LABELS = [
  ['detect', 'Time to detect', 'start → detected'],
  ['acknowledge', 'Time to acknowledge', 'detected → acknowledged'],
  ['mitigate', 'Time to mitigate', 'start → mitigated'],
  ['resolve', 'Time to resolve', 'start → resolved'],
] as const;
