// The report's narrative sections (impact, what went well, what went wrong,
// where we got lucky): each a root-level Y.Text, so every replica gets the same
// shared text without anyone creating it (no creation race, no migration).
import type * as Y from 'yjs';
import { NARRATIVE_SECTIONS, type NarrativeSection, narrativeRoot, type OpContext, origin } from './schema.ts';
import { clampIndex, replaceText } from './textEdit.ts';
import { oneOf } from './validate.ts';

/** Declared in schema.ts with every other root; re-exported for importers of this module. */
export { NARRATIVE_SECTIONS, type NarrativeSection, narrativeRoot } from './schema.ts';

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
