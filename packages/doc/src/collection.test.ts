import { describe, expect, it } from 'vitest';
import { closeExpiredCollection, collectionExpired } from './collection.ts';
import { readMeta, setCollectionEndsAt, setStatus } from './meta.ts';
import { COLLECTION_WINDOW_MS, isOpOrigin } from './schema.ts';
import { T0, ctxFor, exchange, fork, newReview } from './testSupport.ts';
import * as Y from 'yjs';

const server = ctxFor('s', 'server');
const END = T0 + COLLECTION_WINDOW_MS;

describe('closeExpiredCollection', () => {
  it('moves a collecting review to reviewing once its window has ended, in one transaction', () => {
    const doc = newReview();
    expect(closeExpiredCollection(doc, END - 1, server)).toBe(false);
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr) => origins.push(tr.origin));
    expect(closeExpiredCollection(doc, END, server)).toBe(true);
    expect(readMeta(doc).status).toBe('reviewing');
    expect(origins).toHaveLength(1);
    expect(isOpOrigin(origins[0]) && origins[0].op).toBe('closeExpiredCollection');
    expect(closeExpiredCollection(doc, END + 1, server)).toBe(false);
  });

  it('leaves reviews that are not collecting, and empty documents, alone', () => {
    const doc = newReview();
    setStatus(doc, 'published', server);
    expect(closeExpiredCollection(doc, END + 1, server)).toBe(false);
    expect(readMeta(doc).status).toBe('published');
    expect(collectionExpired(new Y.Doc(), END)).toBe(false);
  });

  it('does not overrule a reopen for the same window, but closes again after an extension ends', () => {
    const doc = newReview();
    closeExpiredCollection(doc, END, server);
    setStatus(doc, 'collecting', ctxFor('f', 'Fay'));
    expect(closeExpiredCollection(doc, END + 60_000, server)).toBe(false);
    expect(readMeta(doc).status).toBe('collecting');
    setCollectionEndsAt(doc, END + 3_600_000, ctxFor('f', 'Fay'));
    expect(closeExpiredCollection(doc, END + 1_800_000, server)).toBe(false);
    expect(closeExpiredCollection(doc, END + 3_600_000, server)).toBe(true);
    expect(readMeta(doc).status).toBe('reviewing');
  });

  it('an extension concurrent with the close: both replicas converge on the same status and end', () => {
    const a = newReview();
    const b = fork(a);
    closeExpiredCollection(a, END, server);
    setCollectionEndsAt(b, END + 3_600_000, ctxFor('f', 'Fay'));
    exchange(a, b);
    expect(readMeta(a)).toEqual(readMeta(b));
    expect(readMeta(a).collectionEndsAt).toBe(END + 3_600_000);
  });
});
