// The report's narrative sections (impact, what went well, what went wrong,
// where we got lucky): each a root-level Y.Text, so every replica gets the same
// shared text without anyone creating it (no creation race, no migration).
import type * as Y from 'yjs';
import { type OpContext, origin } from './schema.ts';
import { clampIndex, replaceText } from './textEdit.ts';
import { oneOf } from './validate.ts';

/** The plain-text narrative sections of the report, in the report's order. */
export const NARRATIVE_SECTIONS = ['impact', 'wentWell', 'wentWrong', 'gotLucky'] as const;
export type NarrativeSection = (typeof NARRATIVE_SECTIONS)[number];

/** Root name of a section's Y.Text: `narrative.<section>`. */
export function narrativeRoot(section: NarrativeSection): string {
  return `narrative.${section}`;
}

/** The section's Y.Text, for binding an editor to it directly. */
export function getNarrativeText(doc: Y.Doc, section: NarrativeSection): Y.Text {
  return doc.getText(narrativeRoot(oneOf('narrative section', NARRATIVE_SECTIONS, section)));
}

/** Makes a section read `text`, changing only the span that differs. */
export function setNarrative(doc: Y.Doc, input: { section: NarrativeSection; text: string }, ctx: OpContext): void {
  const text = getNarrativeText(doc, input.section);
  doc.transact(() => replaceText(text, input.text), origin('setNarrative', ctx));
}

/** Inserts text into a section at a character offset. */
export function insertNarrativeText(
  doc: Y.Doc,
  input: { section: NarrativeSection; index: number; text: string },
  ctx: OpContext,
): void {
  const text = getNarrativeText(doc, input.section);
  doc.transact(() => text.insert(clampIndex(text, input.index), input.text), origin('insertNarrativeText', ctx));
}

/** Every section's plain text ('' when never written). */
export function readNarrative(doc: Y.Doc): Record<NarrativeSection, string> {
  const out = {} as Record<NarrativeSection, string>;
  for (const s of NARRATIVE_SECTIONS)
    out[s] = doc.share.has(narrativeRoot(s)) ? getNarrativeText(doc, s).toString() : '';
  return out;
}
