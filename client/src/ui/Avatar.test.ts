import { describe, expect, it } from 'vitest';
import { initials } from './Avatar.tsx';

describe('initials', () => {
  it('takes letters from the words of a name, not brackets or punctuation', () => {
    expect(initials('Fran (facilitator)')).toBe('F');
    expect(initials('Sam Lee')).toBe('SL');
    expect(initials('Sam (on-call SRE) Lee')).toBe('SL');
    expect(initials('dee')).toBe('D');
    expect(initials('Émile Zola')).toBe('ÉZ');
    expect(initials('(ops)')).toBe('?');
    expect(initials('  ')).toBe('?');
  });
});
