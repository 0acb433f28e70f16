// Changes made by the server itself (ingested alerts, publishing), one at a
// time per room: each runs on a scratch copy of everything accepted so far and
// the update it produces takes a writer's path (size limit, gate, store, apply,
// relay), so it obeys the same rules as anyone's edit.
import * as Y from 'yjs';
import { CloseCode } from '@hindsight/protocol';
import type { Checkpoints } from './checkpoints.ts';
import type { WriteGate } from './gate.ts';

/** A server-side change the gate refused (e.g. it would pass the size limit): nothing was stored. */
export class ServerChangeRefused extends Error {
  constructor(
    readonly code: CloseCode,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/** The share of `maxDocBytes` server changes may fill, keeping room for people's edits. */
const SERVER_CHANGE_SHARE = 0.9;

export interface ServerChangeDeps {
  gate: WriteGate;
  checkpoints: Pick<Checkpoints, 'bytes' | 'accepted'>;
  maxDocBytes: number;
  /** Resolves once the room is loaded; rejects (or throws) when it cannot take changes. */
  ready(): Promise<void>;
  /** Stores, applies and relays an accepted update. */
  commit(update: Uint8Array): Promise<void>;
  /** After each change, accepted or not. */
  finished(): void;
}

export class ServerChanges {
  private chain: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: ServerChangeDeps) {}

  /**
   * Runs `change` after every earlier one. Rejects with ServerChangeRefused when
   * the gate refuses it (nothing is stored), or with what `change` threw.
   */
  apply(change: (doc: Y.Doc) => void): Promise<void> {
    const run = this.chain.then(() => this.run(change));
    this.chain = run.catch(() => undefined);
    return run;
  }

  /** Resolves once every change started so far has finished. */
  settled(): Promise<unknown> {
    return this.chain;
  }

  private async run(change: (doc: Y.Doc) => void): Promise<void> {
    await this.deps.ready();
    const { gate, checkpoints } = this.deps;
    const scratch = new Y.Doc();
    try {
      Y.applyUpdate(scratch, gate.encodeAhead());
      const changes: Uint8Array[] = [];
      scratch.on('update', (u: Uint8Array) => changes.push(u));
      change(scratch);
      if (changes.length === 0) return;
      const update = Y.mergeUpdates(changes);
      // Machines (alert ingest) may fill the review only so far: people can always still edit it.
      if (checkpoints.bytes + update.length > this.deps.maxDocBytes * SERVER_CHANGE_SHARE) {
        throw new ServerChangeRefused(
          CloseCode.DocumentTooLarge,
          `the review would pass ${SERVER_CHANGE_SHARE * 100}% of its size limit`,
        );
      }
      const verdict = gate.judge(update, { facilitates: true, foreignClient: () => null });
      if (!verdict.ok) throw new ServerChangeRefused(verdict.code, verdict.detail);
      if (verdict.noop) return;
      checkpoints.accepted(update.length);
      await this.deps.commit(update);
    } finally {
      scratch.destroy();
      this.deps.finished();
    }
  }
}
