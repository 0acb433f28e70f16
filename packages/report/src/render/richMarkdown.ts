// Rich text to GitHub-flavoured Markdown: paragraphs, lists, quotes and inline
// marks, every text escaped. Inside a table cell blocks are joined with <br>.
import type { RichMarks, RichNode } from '../model/rich.ts';
import { escapeHtml, mdHref, mdText } from './escape.ts';

function inline(text: string, marks: RichMarks): string {
  // Inline code as an HTML <code> with escaped content: backtick spans cannot
  // hold a table's pipe, and escaped content cannot open raw HTML.
  let md = marks.code
    ? `<code>${escapeHtml(text).replace(/\|/g, '&#124;')}</code>`
    : mdText(text.replace(/\r?\n/g, ' '));
  if (!md.trim()) return md;
  if (marks.bold) md = `**${md}**`;
  if (marks.italic) md = `_${md}_`;
  if (marks.strike) md = `~~${md}~~`;
  const href = mdHref(marks.link);
  if (href !== null) md = `[${md}](${href})`;
  return md;
}

function blocks(nodes: readonly RichNode[], prefix: string): string[] {
  const out: string[] = [];
  let line = '';
  const flush = (): void => {
    if (line.trim()) out.push(prefix + line);
    line = '';
  };
  for (const n of nodes) {
    if (n.type === 'text') line += inline(n.text, n.marks);
    else if (n.name === 'hardBreak') line += ' ';
    else if (n.name === 'bulletList' || n.name === 'orderedList' || n.name === 'taskList') {
      flush();
      n.children.forEach((item, i) => {
        const marker = n.name === 'orderedList' ? `${i + 1}. ` : '- ';
        const inner = item.type === 'element' ? blocks(item.children, '') : [inline(item.text, item.marks)];
        inner.forEach((l, j) => out.push(prefix + (j === 0 ? marker : '   ') + l));
      });
    } else if (n.name === 'blockquote') {
      flush();
      out.push(...blocks(n.children, `${prefix}> `));
    } else {
      flush();
      out.push(...blocks(n.children, prefix));
    }
  }
  flush();
  return out;
}

/** Rich text as Markdown blocks separated by blank lines, or joined by <br> in a table cell. */
export function richToMarkdown(nodes: readonly RichNode[], options: { cell?: boolean } = {}): string {
  const lines = blocks(nodes, '');
  return options.cell ? lines.join('<br>') : lines.join('\n\n');
}
