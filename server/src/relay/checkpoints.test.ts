import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Checkpoints } from './checkpoints.ts';
import { silentLog, testLimits } from './testSupport.ts';

describe('checkpoints', () => {
  it('a throw while reading the document for the first screen is logged; the checkpoint is stored once', async () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'x');
    const stored: number[] = [];
    const errors: string[] = [];
    const checkpoints = new Checkpoints({
      reviewId: 'r',
      doc: () => doc,
      atRest: async (read) => read(),
      store: {
        compact: async (_id, _state, upto) => {
          stored.push(upto);
        },
      },
      limits: testLimits,
      log: { ...silentLog, error: (_o, msg) => errors.push(msg) },
      coveredSeq: () => 7,
      exact: () => true,
      ready: () => true,
      onCheckpoint: () => undefined,
      onExactCheckpoint: () => {
        throw new Error('read model failed');
      },
    });
    checkpoints.applied();
    await checkpoints.compact();
    expect(stored).toEqual([7]);
    expect(errors).toEqual(['reading the document at a checkpoint failed']);
    // Counted as checkpointed: nothing new, nothing written again.
    await checkpoints.compact();
    expect(stored).toEqual([7]);
    checkpoints.stop();
  });
});
