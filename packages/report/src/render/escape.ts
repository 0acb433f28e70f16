// Escaping of user text for HTML and GitHub-flavoured Markdown, and the one
// check of user-supplied link targets. Everything a participant typed goes
// through one of these before it reaches an export.

import { safeHref } from '@hindsight/doc';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside HTML element content and quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch]!);
}

/** The URL when it may be a link (http, https, mailto), else null: the one decision, `safeHref` in packages/doc. */
export const safeUrl = safeHref;

/**
 * One line of user text as Markdown that renders literally: punctuation that
 * Markdown would interpret is backslash-escaped, and `<`, `>`, `&` become
 * entities so no raw HTML reaches a Markdown renderer.
 */
export function mdText(s: string): string {
  return s
    .replace(/[\\`*_{}[\]()#+!|~]/g, (ch) => `\\${ch}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/^(\s*)([-=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** Multi-line user text as Markdown: each line escaped, line breaks kept (`<br>` in table cells). */
export function mdLines(s: string, options: { cell?: boolean } = {}): string {
  const lines = s.split(/\r?\n/).map((l) => mdText(l.trim()));
  return options.cell ? lines.filter((l) => l.length > 0).join('<br>') : lines.join('  \n');
}

/** A safe URL encoded for a Markdown link destination (no parentheses, spaces or angle brackets), else null. */
export function mdHref(url: string | null | undefined): string | null {
  const href = safeUrl(url);
  return href === null ? null : href.replace(/[()<> |]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A Markdown link when the URL is safe, else the escaped text alone. */
export function mdLink(text: string, url: string | null | undefined): string {
  const href = mdHref(url);
  return href === null ? mdText(text) : `[${mdText(text)}](${href})`;
}
