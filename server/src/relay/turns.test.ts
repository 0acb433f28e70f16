import { describe, expect, it } from 'vitest';
import { Turns } from './turns.ts';

/** A step of work that cannot be cut (at least `ms` long). */
function step(ms: number): void {
  const start = performance.now();
  while (performance.now() - start < ms) {
    // busy, like encoding a snapshot
  }
}

describe('Turns', () => {
  it('lets timers and I/O run between the steps of a long task', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('timer'), 0);
    setImmediate(() => order.push('immediate'));
    const turns = new Turns(1);
    for (let i = 0; i < 4; i++) {
      step(2);
      order.push(`step ${i}`);
      await turns.check();
    }
    expect(order.slice(0, 2)).toEqual(['step 0', 'immediate']);
    expect(order).toContain('timer');
    expect(order.indexOf('timer')).toBeLessThan(order.indexOf('step 3'));
  });

  it('background work with a share waits on a timer, so a timer due meanwhile runs before its next step', async () => {
    const order: string[] = [];
    const turns = new Turns(1, 0.5);
    step(5);
    setTimeout(() => order.push('timer'), 1);
    order.push('step 0');
    await turns.check();
    order.push('step 1');
    expect(order).toEqual(['step 0', 'timer', 'step 1']);
  });
});
