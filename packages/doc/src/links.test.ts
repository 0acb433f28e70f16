import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readActionsModel } from './actions.ts';
import { safeHref } from './links.ts';
import { readEntry } from './readModel.ts';

describe('safeHref', () => {
  it('keeps http, https and mailto links, normalised', () => {
    expect(safeHref(' https://ci.example.com/deploys/412 ')).toBe('https://ci.example.com/deploys/412');
    expect(safeHref('http://EXAMPLE.com')).toBe('http://example.com/');
    expect(safeHref('mailto:oncall@example.com')).toBe('mailto:oncall@example.com');
  });

  it('refuses every other scheme, relative and malformed URLs', () => {
    for (const bad of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'file:///etc/passwd',
      'vbscript:msgbox',
      '//evil.example/x',
      '/r/abc',
      'not a url',
      '',
      42,
      null,
    ]) {
      expect(safeHref(bad)).toBeNull();
    }
  });
});

describe('links in the read model', () => {
  it('gives a source link only when it may be one, and the written text otherwise', () => {
    const doc = new Y.Doc();
    const entry = new Y.Map<unknown>();
    doc.getMap('probe').set('e', entry);
    entry.set('id', 'e1');
    entry.set('at', 0);
    entry.set('kind', 'observation');
    entry.set('sourceUrl', 'data:text/html,<script>alert(1)</script>');
    const unsafe = readEntry(entry as never).source;
    expect(unsafe.url).toBeNull();
    expect(unsafe.urlText).toBe('data:text/html,<script>alert(1)</script>');
    entry.set('sourceUrl', 'https://ci.example.com/deploys/412');
    expect(readEntry(entry as never).source).toMatchObject({
      url: 'https://ci.example.com/deploys/412',
      urlText: null,
    });
    const actions = doc.getMap('actions');
    const item = new Y.Map<unknown>();
    actions.set('a1', item as never);
    item.set('id', 'a1');
    item.set('title', 'Fix it');
    item.set('link', 'javascript:alert(1)');
    const [view] = readActionsModel(doc).items;
    expect(view).toMatchObject({ link: 'javascript:alert(1)', linkHref: null });
  });
});
