import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  collectionRemaining,
  initReview,
  markerKey,
  readMeta,
  setCollectionEndsAt,
  setIncidentTime,
  setSeverity,
  setStatus,
  setTimeZone,
  setTitle,
} from './meta.ts';
import { COLLECTION_WINDOW_MS, SCHEMA_VERSION, isOpOrigin } from './schema.ts';
import { T0, ctxFor, newReview } from './testSupport.ts';
import { readHumanFactors } from './humanFactors.ts';
import { migrate } from './migrate.ts';

const ctx = ctxFor('m', 'Fay');

describe('meta', () => {
  it('initReview from a template records its version and asks its questions only, also after migrate', () => {
    const doc = new Y.Doc();
    const questions = [
      { id: 'handover', prompt: 'Was the handover clear?' },
      { id: 'rested', prompt: 'Were the people involved rested?' },
    ];
    initReview(doc, { id: 'r8', title: 'Queue backlog', template: { version: 3, questions } }, ctx);
    migrate(doc, ctx);
    expect(readMeta(doc).templateVersion).toBe(3);
    expect(readHumanFactors(doc).map((q) => [q.id, q.prompt, q.standard])).toEqual([
      ['handover', 'Was the handover clear?', true],
      ['rested', 'Were the people involved rested?', true],
    ]);
    const before = new Y.Doc();
    initReview(before, { id: 'r7', title: 'No template' }, ctx);
    expect(readMeta(before).templateVersion).toBeNull();
  });

  it('initReview sets version, status, window of 24 h, zone and the standard questions', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr) => origins.push(tr.origin));
    initReview(doc, { id: 'r9', title: ' DB outage ', severity: 'SEV2', startedAt: T0 - 1000 }, ctx);
    const meta = readMeta(doc);
    expect(meta).toMatchObject({
      id: 'r9',
      title: 'DB outage',
      status: 'collecting',
      severity: 'SEV2',
      startedAt: T0 - 1000,
      createdAt: T0,
      collectionEndsAt: T0 + COLLECTION_WINDOW_MS,
      timeZone: 'UTC',
      schemaVersion: SCHEMA_VERSION,
    });
    expect(meta.markers).toEqual({
      started: T0 - 1000,
      detected: null,
      acknowledged: null,
      mitigated: null,
      resolved: null,
    });
    expect(readHumanFactors(doc).map((q) => q.id)).toEqual(['rested', 'ownership', 'pressure', 'communication']);
    expect(origins).toEqual([{ op: 'initReview', actor: 'Fay' }]);
    expect(isOpOrigin(origins[0])).toBe(true);
  });

  it('initReview accepts a zone and window, rejects bad input and a second call', () => {
    const doc = new Y.Doc();
    initReview(doc, { id: 'r', title: 't', timeZone: 'Europe/Berlin', collectionEndsAt: T0 + 5 }, ctx);
    expect(readMeta(doc)).toMatchObject({ timeZone: 'Europe/Berlin', collectionEndsAt: T0 + 5 });
    expect(() => initReview(doc, { id: 'r', title: 't' }, ctx)).toThrow(/already initialised/);
    expect(() => initReview(new Y.Doc(), { id: 'r', title: 't', timeZone: 'Mars/Olympus' }, ctx)).toThrow(/time zone/);
    expect(() => initReview(new Y.Doc(), { id: 'r', title: '  ' }, ctx)).toThrow(/title/);
  });

  it('setters change one field each and validate', () => {
    const doc = newReview();
    setTitle(doc, 'Payments outage', ctx);
    setStatus(doc, 'reviewing', ctx);
    setSeverity(doc, 'SEV1', ctx);
    setIncidentTime(doc, { marker: 'detected', at: T0 + 60_000 }, ctx);
    setIncidentTime(doc, { marker: 'resolved', at: T0 + 120_000 }, ctx);
    setIncidentTime(doc, { marker: 'resolved', at: null }, ctx);
    setTimeZone(doc, 'America/New_York', ctx);
    setCollectionEndsAt(doc, T0 + 48 * 3_600_000, ctx);
    const meta = readMeta(doc);
    expect(meta).toMatchObject({
      title: 'Payments outage',
      status: 'reviewing',
      severity: 'SEV1',
      timeZone: 'America/New_York',
      collectionEndsAt: T0 + 48 * 3_600_000,
    });
    expect(meta.markers.detected).toBe(T0 + 60_000);
    expect(doc.getMap('meta').get(markerKey('detected'))).toBe(T0 + 60_000);
    expect(meta.markers.resolved).toBeNull();
    setSeverity(doc, null, ctx);
    expect(readMeta(doc).severity).toBeNull();
    expect(() => setStatus(doc, 'archived' as never, ctx)).toThrow(/status/);
    expect(() => setIncidentTime(doc, { marker: 'paged' as never, at: 1 }, ctx)).toThrow(/marker/);
    expect(() => setIncidentTime(doc, { marker: 'detected', at: Number.NaN }, ctx)).toThrow(/epoch/);
    expect(() => setTimeZone(doc, 'Nowhere', ctx)).toThrow(/time zone/);
    expect(() => setCollectionEndsAt(doc, Infinity, ctx)).toThrow(/epoch/);
  });

  it('collectionRemaining counts down to zero', () => {
    const meta = readMeta(newReview());
    expect(collectionRemaining(meta, T0)).toBe(COLLECTION_WINDOW_MS);
    expect(collectionRemaining(meta, T0 + COLLECTION_WINDOW_MS + 1)).toBe(0);
    expect(collectionRemaining(readMeta(new Y.Doc()), T0)).toBeNull();
  });

  it('reads an empty doc with defaults', () => {
    expect(readMeta(new Y.Doc())).toMatchObject({
      title: '',
      status: 'collecting',
      schemaVersion: null,
      timeZone: 'UTC',
    });
  });
});
