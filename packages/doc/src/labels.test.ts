import { describe, expect, it } from 'vitest';
import { actionStatusLabel, annotationKindLabel, factorLabel } from './labels.ts';

describe('labels', () => {
  it('names every known value', () => {
    expect(actionStatusLabel('in_progress')).toBe('In progress');
    expect(annotationKindLabel('question')).toBe('Question');
    expect(factorLabel('people')).toBe('People and human factors');
  });

  it('shows an unknown or custom value as written, never an inherited property', () => {
    expect(actionStatusLabel('blocked')).toBe('blocked');
    expect(factorLabel('vendor')).toBe('vendor');
    expect(annotationKindLabel('toString')).toBe('toString');
  });
});
