// Reading the instance template's versions from the store: version 0 is the
// built-in template; a stored row that no longer fits the schema is shown
// with the built-in content and flagged, never breaking the page.
import type * as Y from 'yjs';
import { readMeta } from '@hindsight/doc';
import type { TemplateVersionView } from '@hindsight/api';
import { BUILT_IN_TEMPLATE, type TemplateContent } from '@hindsight/report';
import type { StoredTemplate, TemplateRepository } from '../storage/templates.ts';
import { templateContentSchema } from './schema.ts';

function toView(row: StoredTemplate): TemplateVersionView {
  let content: TemplateContent | null = null;
  try {
    const parsed = templateContentSchema.safeParse(JSON.parse(row.content));
    if (parsed.success) content = parsed.data;
  } catch {
    content = null;
  }
  return {
    version: row.version,
    note: row.note,
    createdAt: row.createdAt,
    content: content ?? BUILT_IN_TEMPLATE.content,
    readable: content !== null,
  };
}

const builtIn: TemplateVersionView = { ...BUILT_IN_TEMPLATE, readable: true };

/** Every version, the built-in one first. */
export async function listVersions(store: TemplateRepository): Promise<TemplateVersionView[]> {
  return [builtIn, ...(await store.listTemplates()).map(toView)];
}

/** One version (0: the built-in), or null when there is none. */
export async function getVersion(store: TemplateRepository, version: number): Promise<TemplateVersionView | null> {
  if (version === 0) return builtIn;
  const row = await store.getTemplate(version);
  return row ? toView(row) : null;
}

/** The version new reviews start from: the latest saved, or the built-in. */
export async function latestVersion(store: TemplateRepository): Promise<TemplateVersionView> {
  const all = await store.listTemplates();
  const last = all.at(-1);
  return last ? toView(last) : builtIn;
}

/** The version a review started from (its meta's templateVersion; the built-in when absent or unknown). */
export async function reviewTemplate(store: TemplateRepository, doc: Y.Doc): Promise<TemplateVersionView> {
  return templateVersionView(store, readMeta(doc).templateVersion);
}

/** The template version `recorded` (a review's meta.templateVersion), or the built-in one. */
export async function templateVersionView(
  store: TemplateRepository,
  recorded: number | null,
): Promise<TemplateVersionView> {
  return (recorded !== null ? await getVersion(store, recorded) : null) ?? builtIn;
}
