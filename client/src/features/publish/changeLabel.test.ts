// Human labels for anonymisation change paths.
import { describe, expect, it } from 'vitest';
import { changeLabel } from './changeLabel.ts';

describe('changeLabel', () => {
  it('names the record and field', () => {
    expect(changeLabel('timeline.entries[2].summary')).toBe('Timeline entry 3 · what happened');
    expect(changeLabel('timeline.entries[0].createdBy')).toBe('Timeline entry 1 · author');
    expect(changeLabel('people[0]')).toBe('People 1');
    expect(changeLabel('actions[1].owner')).toBe('Action 2 · owner');
    expect(changeLabel('humanFactors[0].answer')).toBe('Human factor 1 · answer');
    expect(changeLabel('odd path!')).toBe('odd path!');
  });
});
