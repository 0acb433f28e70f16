import { describe, expect, it } from 'vitest';
import { checkAction, isLowLeverage } from './lowLeverage.ts';

describe('low-leverage actions', () => {
  it.each([
    ['Everyone should be more careful when deploying', 'vigilance'],
    ['More training on the failover runbook', 'training'],
    ['Remind people to check the dashboard', 'reminder'],
    ['Pay closer attention to disk alerts', 'vigilance'],
    ['Add a check', 'vague-check'],
    ['Double-check configs before merging', 'vague-check'],
  ])('flags "%s" as %s', (title, kind) => {
    expect(checkAction({ title, owner: null, due: '2026-04-01' }).map((w) => w.kind)).toContain(kind);
    expect(isLowLeverage({ title })).toBe(true);
  });

  it.each([
    'CI fails a migration without a lock timeout',
    'Page the database rotation on replica lag over 30 s',
    'Make the deploy tool refuse prod targets without a ticket id',
    'Default the feature flag to off in production',
  ])('does not flag "%s"', (title) => {
    expect(checkAction({ title, owner: 'Dana', due: '2026-04-01' })).toEqual([]);
  });

  it('"add a check" with an owner is fine; missing owner and due date are reported', () => {
    expect(
      checkAction({ title: 'Add a check for replica lag in the deploy script', owner: 'Dana', due: '2026-04-01' }),
    ).toEqual([]);
    expect(checkAction({ title: 'Add a check for replica lag' }).map((w) => w.kind)).toEqual([
      'vague-check',
      'no-owner',
      'no-due',
    ]);
  });
});
