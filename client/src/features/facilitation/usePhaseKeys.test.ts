// Unit tests: which key presses step the agenda.
import { describe, expect, it } from 'vitest';
import { phaseStepFor } from './usePhaseKeys.ts';

const press = (code: string, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey', boolean>> = {}) => ({
  code,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

describe('phaseStepFor', () => {
  it('Alt+. is next, Alt+, is back, anything else nothing', () => {
    expect(phaseStepFor(press('Period', { altKey: true }))).toBe(1);
    expect(phaseStepFor(press('Comma', { altKey: true }))).toBe(-1);
    expect(phaseStepFor(press('Period'))).toBe(0);
    expect(phaseStepFor(press('Period', { altKey: true, ctrlKey: true }))).toBe(0);
    expect(phaseStepFor(press('KeyN', { altKey: true }))).toBe(0);
  });
});
