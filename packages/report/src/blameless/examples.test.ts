import { describe, expect, it } from 'vitest';
import { checkBlameless } from './checker.ts';
import { RULE_EXAMPLES } from './examples.ts';

describe('the language guide’s examples', () => {
  const names = ['Dana Smith', 'Priya Patel', 'Sam Lee'];
  for (const [rule, { example, rewrite }] of Object.entries(RULE_EXAMPLES)) {
    it(`${rule}: the example is flagged by its rule and the rewrite is clean`, () => {
      expect(checkBlameless(example, { names }).map((f) => f.rule)).toContain(rule);
      expect(checkBlameless(rewrite, { names })).toEqual([]);
    });
  }
});
