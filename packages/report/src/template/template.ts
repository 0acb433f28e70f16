// The instance template: what a new review starts from (report sections,
// human-factors questions, factor categories, the meeting agenda and the
// blameless-language terms). The server keeps every version (immutable, each
// with a note); a review records the version it started from in its meta
// (`templateVersion`) and keeps using that version's content. Version 0 is the
// built-in template below, in force until someone saves a first version.
import { FACTOR_CATEGORIES, FACTOR_CATEGORY_LABELS, type MeetingPhase, STANDARD_QUESTIONS } from '@hindsight/doc';
import { SECTION_TITLES } from '../render/labels.ts';

/** The report's sections, in the method's order (the renderers' order). */
export type ReportSectionId = keyof typeof SECTION_TITLES;
export const REPORT_SECTION_IDS = Object.keys(SECTION_TITLES) as ReportSectionId[];

export interface TemplateContent {
  /** The sections the report shows, with their titles; a section left out is not rendered. Order is the method's. */
  reportSections: { id: ReportSectionId; title: string }[];
  /** The human-factors questions every new review asks (ids: lowercase letters, digits, -). */
  humanFactorsQuestions: { id: string; prompt: string }[];
  /** Contributing-factor categories offered for a why: a standard id (process, technology, people) or a label of the team's. */
  factorCategories: string[];
  /**
   * The meeting: each phase with the name the meeting bar shows (the built-in name when absent) and its planned
   * minutes, in the method's order; the meeting lasts their sum (60 to 90).
   */
  agenda: { phase: MeetingPhase; title?: string; minutes: number }[];
  /** Terms the blameless-language checker flags in every new review, with an optional rewrite suggestion. */
  languageTerms: { term: string; suggestion: string | null }[];
}

/** One saved version of the template. */
export interface TemplateVersion {
  version: number;
  /** Why it changed, as the editor wrote it. */
  note: string;
  /** Epoch ms. */
  createdAt: number;
  content: TemplateContent;
}

/** The built-in names of the meeting's phases (a template may rename them; the phases and their order stay). */
export const BUILT_IN_PHASE_TITLES: Readonly<Record<MeetingPhase, string>> = {
  overview: 'Overview',
  timeline: 'Timeline walk-through',
  whys: 'Whys',
  factors: 'Contributing factors',
  actions: 'Action items',
};

/** The template in force before any version is saved (version 0). */
export const BUILT_IN_TEMPLATE: TemplateVersion = {
  version: 0,
  note: 'Built-in template',
  createdAt: 0,
  content: {
    reportSections: REPORT_SECTION_IDS.map((id) => ({ id, title: SECTION_TITLES[id] })),
    humanFactorsQuestions: STANDARD_QUESTIONS.map((q) => ({ id: q.id, prompt: q.prompt })),
    factorCategories: [...FACTOR_CATEGORIES],
    agenda: [
      { phase: 'overview', title: BUILT_IN_PHASE_TITLES.overview, minutes: 10 },
      { phase: 'timeline', title: BUILT_IN_PHASE_TITLES.timeline, minutes: 25 },
      { phase: 'whys', title: BUILT_IN_PHASE_TITLES.whys, minutes: 25 },
      { phase: 'factors', title: BUILT_IN_PHASE_TITLES.factors, minutes: 15 },
      { phase: 'actions', title: BUILT_IN_PHASE_TITLES.actions, minutes: 15 },
    ],
    languageTerms: [],
  },
};

/** The meeting length a template plans: the sum of its phases' minutes. */
export const agendaMinutes = (content: Pick<TemplateContent, 'agenda'>): number =>
  content.agenda.reduce((sum, p) => sum + p.minutes, 0);

/** The name of each meeting phase in a template: its own, else the built-in name. */
export function phaseTitles(content: Pick<TemplateContent, 'agenda'>): Record<MeetingPhase, string> {
  const out = { ...BUILT_IN_PHASE_TITLES };
  for (const p of content.agenda) if (p.title?.trim() && Object.hasOwn(out, p.phase)) out[p.phase] = p.title.trim();
  return out;
}

/** The label of a template factor category: the standard label for a standard id, else as written. */
export const templateCategoryLabel = (category: string): string =>
  Object.hasOwn(FACTOR_CATEGORY_LABELS, category)
    ? FACTOR_CATEGORY_LABELS[category as keyof typeof FACTOR_CATEGORY_LABELS]
    : category;

/** Section titles for the renderers: a title per section, null for a section the template leaves out. */
export type ReportSections = Record<ReportSectionId, string | null>;

/** The renderers' section titles for a template (the built-in titles when none). */
export function reportSectionsOf(content: Pick<TemplateContent, 'reportSections'> | null | undefined): ReportSections {
  const out = Object.fromEntries(REPORT_SECTION_IDS.map((id) => [id, null])) as ReportSections;
  if (!content) return { ...SECTION_TITLES };
  for (const s of content.reportSections) if (REPORT_SECTION_IDS.includes(s.id)) out[s.id] = s.title;
  return out;
}

/**
 * What a reader calls a part of the report that an amendment names (the ids of
 * the server's amendment check: summary, impact, timeline, whys, factors,
 * humanFactors, narrative, actions), in the titles of the review's template;
 * a section the template leaves out keeps its built-in title.
 */
export function amendedSectionTitle(part: string, sections: ReportSections): string {
  const title = (id: ReportSectionId): string => sections[id] ?? SECTION_TITLES[id];
  if (part === 'impact') return title('summary');
  if (part === 'narrative') return (['wentWell', 'wentWrong', 'gotLucky'] as const).map(title).join(' / ');
  return (REPORT_SECTION_IDS as string[]).includes(part) ? title(part as ReportSectionId) : part;
}
