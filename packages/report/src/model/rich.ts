// Rich text (a Tiptap/y-prosemirror Y.XmlFragment) as a plain tree the
// anonymiser can rewrite and the renderers can turn into HTML or Markdown.
// Only structure and a few marks are kept; attributes are dropped except a
// heading's level and a link's href, which renderers check again.
import { safeHref } from '@hindsight/doc';
import * as Y from 'yjs';

export interface RichMarks {
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  code?: boolean;
  /** Link target as typed; renderers keep http(s)/mailto only. */
  link?: string;
}

export type RichNode =
  | { type: 'text'; text: string; marks: RichMarks }
  | { type: 'element'; name: string; level?: number; children: RichNode[] };

function marksOf(attrs: Record<string, unknown> | undefined): RichMarks {
  const marks: RichMarks = {};
  if (!attrs) return marks;
  if (attrs.bold !== undefined || attrs.strong !== undefined) marks.bold = true;
  if (attrs.italic !== undefined || attrs.em !== undefined) marks.italic = true;
  if (attrs.strike !== undefined) marks.strike = true;
  if (attrs.code !== undefined) marks.code = true;
  const link = attrs.link as { href?: unknown } | undefined;
  // Only a link that may render as one (safeHref) keeps its mark; any other is plain text.
  const href = link ? safeHref(link.href) : null;
  if (href !== null) marks.link = href;
  return marks;
}

/** The fragment's content as a RichNode list (empty for an empty fragment). */
export function richFromFragment(fragment: Y.XmlFragment | Y.XmlElement): RichNode[] {
  const out: RichNode[] = [];
  for (const child of fragment.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[]) {
        if (typeof op.insert === 'string' && op.insert.length > 0) {
          out.push({ type: 'text', text: op.insert, marks: marksOf(op.attributes) });
        }
      }
    } else if (child instanceof Y.XmlElement) {
      const level = Number(child.getAttribute('level'));
      out.push({
        type: 'element',
        name: child.nodeName,
        ...(Number.isInteger(level) && level > 0 ? { level } : {}),
        children: richFromFragment(child),
      });
    }
  }
  return out;
}

/** Plain text of rich nodes: blocks on their own lines. */
export function richText(nodes: readonly RichNode[]): string {
  const blocks: string[] = [];
  let inline = '';
  for (const n of nodes) {
    if (n.type === 'text') inline += n.text;
    else if (n.name === 'hardBreak') inline += '\n';
    else {
      if (inline) blocks.push(inline);
      inline = '';
      const inner = richText(n.children);
      if (inner) blocks.push(inner);
    }
  }
  if (inline) blocks.push(inline);
  return blocks.join('\n');
}

/** Builds rich nodes from plain text: one paragraph per line (used for plain-text fields and tests). */
export function richFromText(text: string): RichNode[] {
  return text
    .split(/\n/)
    .filter((line) => line.length > 0)
    .map((line) => ({ type: 'element', name: 'paragraph', children: [{ type: 'text', text: line, marks: {} }] }));
}
