import { describe, expect, it } from 'vitest';
import { CAPABILITIES, CloseCode, CloseReason, ROLES, can } from './index.ts';

describe('roles and capabilities', () => {
  it('lets readers only read and export', () => {
    expect(CAPABILITIES.filter((c) => can('reader', c))).toEqual(['doc.read', 'review.export']);
  });
  it('lets editors write but not manage links or facilitate', () => {
    expect(can('editor', 'doc.write')).toBe(true);
    expect(can('editor', 'links.manage')).toBe(false);
    expect(can('editor', 'review.facilitate')).toBe(false);
  });
  it('gives the facilitator everything', () => {
    expect(CAPABILITIES.every((c) => can('facilitator', c))).toBe(true);
    expect(ROLES).toEqual(['facilitator', 'editor', 'reader', 'ingest']);
  });
  it('lets an ingest link only ingest: no reading, writing or exports', () => {
    expect(CAPABILITIES.filter((c) => can('ingest', c))).toEqual(['timeline.ingest']);
    expect(['editor', 'reader'].some((r) => can(r as 'editor', 'timeline.ingest'))).toBe(false);
  });
});

describe('close codes', () => {
  it('have a reason that fits a close frame (123 bytes)', () => {
    for (const code of Object.values(CloseCode)) {
      expect(new TextEncoder().encode(CloseReason[code]).length).toBeLessThanOrEqual(123);
    }
  });
});
