// The write gate: judges each update by what it does before anything is
// stored. It keeps a shadow copy of the room's document that is ahead of the
// live one by the updates accepted but not yet committed, applies each new
// update to the shadow, and reads the effect: records touched, writers, parts
// left pending. The update passes only if it applies completely, its writer may
// change what it touched (writeRules in packages/doc) and every touched record
// fits the schema (recordSchema in packages/doc). A refused update has already
// changed the shadow, so the shadow is rebuilt from the live document and the
// updates still in flight.
import * as Y from 'yjs';
import { CloseCode } from '@hindsight/protocol';
import {
  FACILITATION_ROOT,
  FacilitationKey,
  applyWithEffect,
  changesNothing,
  defineRoots,
  judgeWrite,
  validateTouched,
  type UpdateEffect,
} from '@hindsight/doc';

/** Who is writing, as far as the gate cares. */
export interface GateWriter {
  /** May change facilitator-only state and a frozen timeline. */
  facilitates: boolean;
  /** Why the writer may not write as these Yjs client ids (they belong to someone else), or null. */
  foreignClient(clientIds: readonly number[]): string | null;
}

export type Verdict =
  { ok: true; effect: UpdateEffect; noop: boolean } | { ok: false; code: CloseCode; detail: string };

const SHADOW = Symbol('gate');
const NO_EFFECT: UpdateEffect = Object.freeze({ touched: [], writers: [], leftPending: false });

export class WriteGate {
  private shadow: Y.Doc | null = null;
  /** Accepted updates not yet applied to the live document, oldest first. */
  private inFlight: Uint8Array[] = [];

  /**
   * `liveState` gives updates that together are exactly the live document (e.g.
   * a cached encoding), so building the shadow need not encode it afresh.
   */
  constructor(
    private readonly live: Y.Doc,
    private readonly liveState: () => readonly (Uint8Array | null)[] = () => [Y.encodeStateAsUpdate(live)],
  ) {}

  /** The shadow: the live document plus every accepted update in flight. */
  private current(): Y.Doc {
    if (this.shadow) return this.shadow;
    const shadow = new Y.Doc({ gc: this.live.gc });
    defineRoots(shadow);
    for (const state of this.liveState()) if (state) Y.applyUpdate(shadow, state, SHADOW);
    for (const update of this.inFlight) Y.applyUpdate(shadow, update, SHADOW);
    this.shadow = shadow;
    return shadow;
  }

  private invalidate(): void {
    this.shadow?.destroy();
    this.shadow = null;
  }

  /** The state everything accepted so far adds up to (for server changes to build on). */
  encodeAhead(): Uint8Array {
    return Y.encodeStateAsUpdate(this.current());
  }

  /**
   * Judges `update`. When it passes, it is counted in flight: the caller must
   * report it with `applied` or `dropped`. A `noop` update changes nothing
   * (everything in it is known) and needs neither storing nor relaying; it is
   * not in flight. An `answer` (a client's sync step 2: mostly what it already
   * got from the server) is first checked against the live document, so that
   * echo builds no shadow (a copy of the whole review, hundreds of milliseconds
   * for a big one); a new change is not, it would be decoded twice.
   */
  judge(update: Uint8Array, writer: GateWriter, answer = false): Verdict {
    try {
      if (answer && changesNothing(this.live, update)) return { ok: true, effect: NO_EFFECT, noop: true };
    } catch {
      return { ok: false, code: CloseCode.BadMessage, detail: 'update does not decode' };
    }
    const shadow = this.current();
    const frozen = shadow.getMap(FACILITATION_ROOT).get(FacilitationKey.frozen) === true;
    let effect: UpdateEffect;
    try {
      effect = applyWithEffect(shadow, update, SHADOW);
    } catch {
      this.invalidate();
      return { ok: false, code: CloseCode.BadMessage, detail: 'update does not decode' };
    }
    const refusal = this.refusal(shadow, effect, writer, frozen);
    if (refusal) {
      this.invalidate();
      return refusal;
    }
    if (effect.touched.length === 0 && effect.writers.length === 0) return { ok: true, effect, noop: true };
    this.inFlight.push(update);
    return { ok: true, effect, noop: false };
  }

  private refusal(
    shadow: Y.Doc,
    effect: UpdateEffect,
    writer: GateWriter,
    frozen: boolean,
  ): Extract<Verdict, { ok: false }> | null {
    if (effect.leftPending) {
      return {
        ok: false,
        code: CloseCode.UpdateIncomplete,
        detail: 'it depends on changes the server has not seen',
      };
    }
    const foreign = writer.foreignClient(effect.writers);
    if (foreign) return { ok: false, code: CloseCode.ChangeRefused, detail: foreign };
    const rule = judgeWrite(effect.touched, writer, frozen);
    if (rule) return { ok: false, code: CloseCode.ChangeRefused, detail: `${rule.why} (${rule.path})` };
    for (const touched of effect.touched) {
      const problem = validateTouched(shadow, touched);
      if (problem) return { ok: false, code: CloseCode.SchemaViolation, detail: problem };
    }
    return null;
  }

  /** The oldest in-flight update was applied to the live document. */
  applied(): void {
    this.inFlight.shift();
  }

  /** An in-flight update will never reach the live document (the store refused it). */
  dropped(update: Uint8Array): void {
    const i = this.inFlight.indexOf(update);
    if (i >= 0) this.inFlight.splice(i, 1);
    this.invalidate();
  }

  /** An update that reached the live document without the gate (from another server). */
  external(update: Uint8Array): void {
    if (!this.shadow) return;
    try {
      Y.applyUpdate(this.shadow, update, SHADOW);
    } catch {
      this.invalidate();
    }
  }

  destroy(): void {
    this.invalidate();
    this.inFlight = [];
  }
}
