// The report model: everything the report shows, in the method's order, as
// plain data. Built from packages/doc's read models; anonymised and rendered
// by the other modules of this package.
import type {
  DelayKind,
  DelayThresholds,
  IncidentDurations,
  IncidentMarker,
  ReviewStatus,
  TimePrecision,
} from '@hindsight/doc';
import type { RichNode } from './rich.ts';
import type { ReportSections } from '../template/template.ts';

export interface ReportEntry {
  id: string;
  /** Epoch ms UTC. */
  at: number;
  precision: TimePrecision;
  approxMinutes: number | null;
  /** One of ENTRY_KINDS, or an unknown kind as another client stored it. */
  kind: string;
  summary: string;
  notes: RichNode[];
  tags: string[];
  source: { type: string; ref: string | null; url: string | null };
  starred: boolean;
  createdBy: string | null;
  /** Who said or did it (imports), when known: a participant, anonymised with the rest. */
  author: string | null;
  annotations: { kind: string; text: string; author: string | null; resolved: boolean }[];
}

export interface ReportWhy {
  id: string;
  text: string;
  status: string;
  factor: string | null;
  /** Timeline entry ids cited as evidence. */
  evidence: string[];
  children: ReportWhy[];
}

export interface ReportAction {
  id: string;
  title: string;
  owner: string | null;
  /** `YYYY-MM-DD`. */
  due: string | null;
  priority: string | null;
  status: string;
  impactLevel: string | null;
  effortLevel: string | null;
  link: string | null;
  /** Texts of the contributing factors it addresses. */
  factors: string[];
}

/** The timeline analysis section: delays, annotated moments and durations, all read from the document. */
export interface TimelineAnalysis {
  /** Gaps found automatically (alert → first response, detected → mitigated), oldest first. */
  delays: {
    kind: DelayKind;
    fromAt: number;
    toAt: number;
    gapMs: number;
    /** Summaries of the entries at either end (null when there is none). */
    from: string | null;
    to: string | null;
    /** False for an alert nobody has answered yet (measured to the last entry). */
    answered: boolean;
  }[];
  /** The review's thresholds the delays were found with. */
  thresholds: DelayThresholds;
  /** Entries annotated as a delay, missing information or failed automation, by entry time. */
  moments: {
    kind: string;
    entryAt: number;
    entrySummary: string;
    text: string;
    author: string | null;
    resolved: boolean;
  }[];
  /** Time to detect, acknowledge, mitigate and resolve (packages/doc incidentDurations). */
  durations: IncidentDurations;
}

export interface ReportModel {
  id: string;
  /** Each section's title from the review's template; null for a section the template leaves out. */
  sections: ReportSections;
  title: string;
  severity: string | null;
  status: ReviewStatus;
  timeZone: string;
  createdAt: number | null;
  publishedAt: number | null;
  markers: Record<IncidentMarker, number | null>;
  /** The incident's durations, as packages/doc defines them (null when unknown or negative). */
  durations: IncidentDurations;
  /** The summary narrative (the `report` rich text). */
  summary: RichNode[];
  impact: string;
  timeline: { scope: 'starred' | 'all'; total: number; entries: ReportEntry[] };
  analysis: TimelineAnalysis;
  whys: ReportWhy[];
  /** Contributing factors grouped by category: standard ones first, then custom ones alphabetically. */
  factors: { category: string; items: { id: string; text: string; status: string }[] }[];
  humanFactors: { id: string; prompt: string; answer: string }[];
  narrative: { wentWell: string; wentWrong: string; gotLucky: string };
  actions: {
    items: ReportAction[];
    total: number;
    openCount: number;
    doneCount: number;
    overLimit: boolean;
    /** Texts of factors no action addresses. */
    factorsWithoutAction: string[];
  };
  earlierReviews: { reviewId: string; title: string | null }[];
  /** Names found in the document (authors, owners, annotators), in first-seen order. */
  people: string[];
}
