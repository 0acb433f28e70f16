// The template's shape on the wire and in storage: what a saved version must
// satisfy (the server refuses anything else with a message per problem).
import { z } from 'zod';
import { MEETING_PHASES } from '@hindsight/doc';
import { REPORT_SECTION_IDS, type ReportSectionId, type TemplateContent } from '@hindsight/report';

const unique =
  <T>(key: (t: T) => string, what: string) =>
  (list: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    list.forEach((t, i) => {
      const k = key(t).toLowerCase();
      if (seen.has(k))
        ctx.addIssue({ code: 'custom', path: [i], message: `${what} ${JSON.stringify(key(t))} is listed twice` });
      seen.add(k);
    });
  };

const text = (what: string, max: number) =>
  z.string().trim().min(1, `${what} cannot be empty`).max(max, `${what} is at most ${max} characters`);

export const templateContentSchema = z
  .object({
    reportSections: z
      .array(
        z
          .object({
            id: z.enum(REPORT_SECTION_IDS as [ReportSectionId, ...ReportSectionId[]]),
            title: text('a section title', 80),
          })
          .strict(),
      )
      .min(1, 'keep at least one report section')
      .superRefine(unique((s) => s.id, 'section')),
    humanFactorsQuestions: z
      .array(
        z
          .object({
            id: z
              .string()
              .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a question id is lowercase letters, digits and -, up to 40'),
            prompt: text('a question', 300),
          })
          .strict(),
      )
      .max(20, 'at most 20 questions')
      .superRefine(unique((q) => q.id, 'question id')),
    factorCategories: z
      .array(text('a category', 40))
      .min(1, 'keep at least one factor category')
      .max(20, 'at most 20 categories')
      .superRefine(unique((c) => c, 'category')),
    agenda: z
      .array(
        z
          .object({
            phase: z.enum(MEETING_PHASES),
            // The name the meeting bar shows; absent: the built-in name.
            title: text('a phase name', 60).optional(),
            minutes: z.number().int('minutes are whole numbers').min(1, 'a phase lasts at least 1 minute').max(90),
          })
          .strict(),
      )
      .superRefine((list, ctx) => {
        if (list.map((p) => p.phase).join() !== MEETING_PHASES.join()) {
          ctx.addIssue({
            code: 'custom',
            message: `list the phases once each, in order: ${MEETING_PHASES.join(', ')}`,
          });
        }
        const total = list.reduce((s, p) => s + p.minutes, 0);
        if (total < 60 || total > 90) {
          ctx.addIssue({
            code: 'custom',
            message: `the phases add up to ${total} minutes; a review meeting lasts 60 to 90`,
          });
        }
      }),
    languageTerms: z
      .array(
        z
          .object({
            term: text('a term', 80).transform((t) => t.toLowerCase()),
            suggestion: text('a suggestion', 300).nullable(),
          })
          .strict(),
      )
      .max(50, 'at most 50 terms')
      .superRefine(unique((t) => t.term, 'term')),
  })
  .strict();

// The schema's output is the template type (a compile-time check, nothing at run time).
export type TemplateSchemaOutput = z.output<typeof templateContentSchema> extends TemplateContent ? true : never;
export const templateSchemaFits: TemplateSchemaOutput = true;

/** A new version: the content and a note saying why it changed. */
export const newVersionSchema = z.object({ note: text('the note', 300), content: templateContentSchema }).strict();
