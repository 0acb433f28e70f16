import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { addAction, addEntry, ensureEntryNotes, initReview, sequenceContext } from '@hindsight/doc';
import { buildReportModel } from '../model/build.ts';
import { renderHtml } from './html.ts';
import { renderMarkdown } from './markdown.ts';
import { richToHtml } from './richHtml.ts';
import { mdText, safeUrl } from './escape.ts';

/** A review whose every text tries to run script. */
export function hostileReview(): Y.Doc {
  const doc = new Y.Doc();
  const ctx = sequenceContext({ prefix: 'x', actor: '<img src=x onerror=alert(1)>' });
  initReview(doc, { id: 'rx', title: '<script>window.__pwned=1</script>' }, ctx);
  const id = addEntry(
    doc,
    {
      at: Date.UTC(2026, 0, 1),
      summary: '<img src=x onerror="window.__pwned=2">',
      sourceUrl: 'https://ok.example/a',
      starred: true,
    },
    ctx,
  );
  doc.transact(() => {
    const notes = ensureEntryNotes(doc, id, ctx);
    const p = new Y.XmlElement('paragraph');
    p.setAttribute('onclick', 'window.__pwned=3');
    const t = new Y.XmlText();
    p.insert(0, [t]);
    const evil = new Y.XmlElement('script');
    evil.insert(0, [new Y.XmlText('window.__pwned=4')]);
    notes.insert(0, [p, evil]);
    t.insert(0, 'click me', { link: { href: 'javascript:window.__pwned=5' } });
    t.insert(t.length, ' and ', {});
    t.insert(t.length, 'data', { link: { href: 'data:text/html,<script>window.__pwned=6</script>' } });
    t.insert(t.length, ' <svg onload=window.__pwned=7>', {});
  });
  addAction(
    doc,
    {
      title: '[x](javascript:window.__pwned=8) <iframe src="javascript:alert(1)">',
      owner: '"><script>window.__pwned=9</script>',
    },
    ctx,
  );
  return doc;
}

describe('nothing typed runs as script', () => {
  it('HTML export has no script, event attribute or javascript: URL', () => {
    const html = renderHtml(buildReportModel(hostileReview()));
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<(?:img|svg|iframe)/i);
    expect(html).not.toMatch(/\son\w+\s*=/i.source.includes('x') ? /$^/ : /<[^>]*\son\w+=/i);
    expect(html).not.toMatch(/href="(?:javascript|data):/i);
    expect(html).toContain('Content-Security-Policy');
  });

  it('Markdown export escapes HTML and drops unsafe links', () => {
    const md = renderMarkdown(buildReportModel(hostileReview()));
    expect(md).not.toMatch(/<(?:script|img|svg|iframe)/i);
    expect(md).not.toMatch(/\]\((?:javascript|data):/i);
    expect(md).toContain('&lt;script&gt;');
  });

  it('the sanitizer keeps formatting and safe links only', () => {
    expect(richToHtml([{ type: 'text', text: 'a', marks: { bold: true, link: 'https://x.example/?q=<1>' } }])).toBe(
      '<a href="https://x.example/?q=%3C1%3E" rel="noopener noreferrer nofollow"><strong>a</strong></a>',
    );
    expect(safeUrl('JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeUrl(' https://ok.example ')).toBe('https://ok.example/');
    expect(mdText('# <b>*x*</b> | [y](z)')).toBe('\\# &lt;b&gt;\\*x\\*&lt;/b&gt; \\| \\[y\\]\\(z\\)');
  });
});
