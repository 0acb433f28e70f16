// Unit tests for caret mapping under remote edits.
import { describe, expect, it } from 'vitest';
import { mapCaret } from './LiveTextInput.tsx';

describe('mapCaret', () => {
  it('keeps the caret before an insert after it', () => {
    expect(mapCaret('hello world', 'hello big world', 3)).toBe(3);
  });
  it('shifts the caret after an insert before it', () => {
    expect(mapCaret('hello world', 'oh hello world', 8)).toBe(11);
  });
  it('shifts back after a delete before it', () => {
    expect(mapCaret('hello world', 'world', 9)).toBe(3);
  });
  it('moves a caret inside a deleted span to its end', () => {
    expect(mapCaret('abcdef', 'af', 3)).toBe(1);
  });
});
