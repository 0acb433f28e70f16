import { describe, expect, it } from 'vitest';
import { CAPABILITIES, CloseCode, CloseReason, ROLES, can, parseReviewLink } from './index.ts';

describe('roles and capabilities', () => {
  it('lets readers read only the published review: no live document, presence or history', () => {
    expect(CAPABILITIES.filter((c) => can('reader', c))).toEqual(['review.published']);
  });
  it('lets observers watch live and export, but never write or read the edit history', () => {
    expect(CAPABILITIES.filter((c) => can('observer', c))).toEqual(['doc.read', 'review.export', 'review.published']);
  });
  it('keeps the edit history for the writers', () => {
    expect(ROLES.filter((r) => can(r, 'history.read'))).toEqual(['facilitator', 'editor']);
  });
  it('lets editors write but not manage links or facilitate', () => {
    expect(can('editor', 'doc.write')).toBe(true);
    expect(can('editor', 'links.manage')).toBe(false);
    expect(can('editor', 'review.facilitate')).toBe(false);
  });
  it('gives the facilitator everything', () => {
    expect(CAPABILITIES.every((c) => can('facilitator', c))).toBe(true);
    expect(ROLES).toEqual(['facilitator', 'editor', 'observer', 'reader', 'ingest']);
  });
  it('lets an ingest link only ingest: no reading, writing or exports', () => {
    expect(CAPABILITIES.filter((c) => can('ingest', c))).toEqual(['timeline.ingest']);
    expect(ROLES.filter((r) => can(r, 'timeline.ingest'))).toEqual(['facilitator', 'ingest']);
  });
});

describe('close codes', () => {
  it('have a reason that fits a close frame (123 bytes)', () => {
    for (const code of Object.values(CloseCode)) {
      expect(new TextEncoder().encode(CloseReason[code]).length).toBeLessThanOrEqual(123);
    }
  });
});

describe('parseReviewLink', () => {
  const token = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-ab';
  it('reads the id and token of a review or reader link, wherever the server lives', () => {
    expect(parseReviewLink(`https://h.example.org/r/rev-1#t=${token}`)).toEqual({ reviewId: 'rev-1', token });
    expect(parseReviewLink(`  http://127.0.0.1:3000/read/abc_D#t=${token} `)).toEqual({ reviewId: 'abc_D', token });
  });
  it('refuses an id alone, a link without its token and other pages', () => {
    expect(parseReviewLink('rev-1')).toBeNull();
    expect(parseReviewLink('https://h.example.org/r/rev-1')).toBeNull();
    expect(parseReviewLink('https://h.example.org/r/rev-1#t=short')).toBeNull();
    expect(parseReviewLink(`https://h.example.org/actions#t=${token}`)).toBeNull();
    expect(parseReviewLink(`https://h.example.org/r/%E0%A4%A#t=${token}`)).toBeNull();
  });
});
