// Rich text to HTML: the RichNode tree is turned into markup with every text
// escaped, then passed through sanitize-html with a strict allowlist, so even
// a hand-crafted document (event attributes, `javascript:` links, <script>
// element names) yields inert HTML.
import sanitizeHtml from 'sanitize-html';
import type { RichMarks, RichNode } from '../model/rich.ts';
import { escapeHtml, safeUrl } from './escape.ts';

const BLOCKS: Record<string, string> = {
  paragraph: 'p',
  bulletList: 'ul',
  orderedList: 'ol',
  listItem: 'li',
  blockquote: 'blockquote',
  taskList: 'ul',
  taskItem: 'li',
};

/** The sanitizer's allowlist: structure and inline formatting, http(s)/mailto links only. */
export const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    's',
    'code',
    'pre',
    'ul',
    'ol',
    'li',
    'blockquote',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
    'a',
    'div',
  ],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  enforceHtmlBoundary: false,
};

function inline(text: string, marks: RichMarks): string {
  let html = escapeHtml(text);
  if (marks.code) html = `<code>${html}</code>`;
  if (marks.bold) html = `<strong>${html}</strong>`;
  if (marks.italic) html = `<em>${html}</em>`;
  if (marks.strike) html = `<s>${html}</s>`;
  const href = safeUrl(marks.link);
  if (href !== null) html = `<a href="${escapeHtml(href)}" rel="noopener noreferrer nofollow">${html}</a>`;
  return html;
}

function toHtml(nodes: readonly RichNode[]): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text') {
      out += inline(n.text, n.marks);
      continue;
    }
    const inner = toHtml(n.children);
    if (n.name === 'hardBreak') out += '<br>';
    else if (n.name === 'horizontalRule') out += '<hr>';
    else if (n.name === 'heading')
      out += `<h${Math.min(6, Math.max(3, (n.level ?? 1) + 2))}>${inner}</h${Math.min(6, Math.max(3, (n.level ?? 1) + 2))}>`;
    else if (n.name === 'codeBlock') out += `<pre><code>${inner}</code></pre>`;
    else {
      const tag = BLOCKS[n.name] ?? 'div';
      out += `<${tag}>${inner}</${tag}>`;
    }
  }
  return out;
}

/** Sanitizes an HTML fragment with the report's allowlist. */
export function sanitizeFragment(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}

/** Rich text as sanitized HTML ('' for no content). */
export function richToHtml(nodes: readonly RichNode[]): string {
  if (nodes.length === 0) return '';
  return sanitizeFragment(toHtml(nodes));
}
