// The write gate: judges each update by what it does, in the room's own
// document, before anything is stored. It applies the update and reads the
// effect: records touched, writers, parts left pending. The update passes only
// if it applied completely, its writer may change what it touched (writeRules
// in packages/doc) and every touched record fits the schema (recordSchema in
// packages/doc). The document is thus ahead of what is stored by the updates
// accepted but not yet committed (in flight); the room reads it for others only
// at rest, when none is (room.ts). A refused update has already changed the
// document: the gate reports it poisoned, and the room rebuilds it from the
// store (what was committed) before it judges or reads anything again. A
// second copy of the document, judged first, cost every update a second apply
// and a big review a second copy, built at its first write (~250 ms for 5,000 entries).
import * as Y from 'yjs';
import { CloseCode } from '@hindsight/protocol';
import {
  FACILITATION_ROOT,
  FacilitationKey,
  applyWithEffect,
  changesNothing,
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

const JUDGED = Symbol('gate');
const NO_EFFECT: UpdateEffect = Object.freeze({ touched: [], writers: [], leftPending: false });

export class WriteGate {
  /** Accepted updates not yet committed, oldest first: the document holds them already. */
  private inFlight: Uint8Array[] = [];

  /**
   * `doc` gives the room's document (the room replaces it when it is rebuilt); `poisoned` is called when
   * the document took a change that is not accepted (refused, or failing half-way): the room must rebuild
   * it from what is stored before anything else reads or changes it.
   */
  constructor(
    private readonly doc: () => Y.Doc,
    private readonly poisoned: () => void,
  ) {}

  /** How many accepted updates the document holds that are not committed yet. */
  get inFlightCount(): number {
    return this.inFlight.length;
  }

  /** The state everything accepted so far adds up to (for server changes to build on). */
  encodeAhead(): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc());
  }

  /**
   * Whether `update` builds on changes the document has not seen: a struct that starts past what the
   * document holds of its writer, or whose neighbours or parent are neither in the document nor in the
   * update, or a deletion of what is in neither. Applied now, that part would wait in the document. A
   * guess from the bytes, used only to hold a change until its writer's answer: the judgement itself is
   * by effect, as ever.
   */
  buildsOnUnseen(update: Uint8Array): boolean {
    const { store } = this.doc();
    let decoded: ReturnType<typeof Y.decodeUpdate>;
    let meta: ReturnType<typeof Y.parseUpdateMeta>;
    try {
      decoded = Y.decodeUpdate(update);
      meta = Y.parseUpdateMeta(update);
    } catch {
      return false; // Judged (and refused as not decoding) like any other.
    }
    const known = (client: number, clock: number): boolean =>
      clock < Y.getState(store, client) ||
      (clock >= (meta.from.get(client) ?? Infinity) && clock < (meta.to.get(client) ?? 0));
    for (const [client, clock] of meta.from) if (clock > Y.getState(store, client)) return true;
    for (const struct of decoded.structs) {
      if (!(struct instanceof Y.Item)) continue;
      for (const dep of [struct.origin, struct.rightOrigin, struct.parent instanceof Y.ID ? struct.parent : null])
        if (dep && !known(dep.client, dep.clock)) return true;
    }
    for (const [client, ranges] of decoded.ds.clients)
      for (const { clock, len } of ranges) if (!known(client, clock + len - 1)) return true;
    return false;
  }

  /**
   * Judges `update`. When it passes, it is counted in flight: the caller must
   * report it with `applied` or `dropped`. A `noop` update changes nothing
   * (everything in it is known) and needs neither storing nor relaying; it is
   * not in flight. An `answer` (a client's sync step 2: mostly what it already
   * got from the server) is first checked without applying it, so that echo
   * costs no apply; a new change is not, it would be decoded twice.
   */
  judge(update: Uint8Array, writer: GateWriter, answer = false): Verdict {
    const doc = this.doc();
    try {
      if (answer && changesNothing(doc, update)) return { ok: true, effect: NO_EFFECT, noop: true };
    } catch {
      return { ok: false, code: CloseCode.BadMessage, detail: 'update does not decode' };
    }
    const frozen = doc.getMap(FACILITATION_ROOT).get(FacilitationKey.frozen) === true;
    let effect: UpdateEffect;
    try {
      effect = applyWithEffect(doc, update, JUDGED);
    } catch {
      this.poisoned();
      return { ok: false, code: CloseCode.BadMessage, detail: 'update does not decode' };
    }
    const refusal = this.refusal(doc, effect, writer, frozen);
    if (refusal) {
      this.poisoned();
      return refusal;
    }
    if (effect.touched.length === 0 && effect.writers.length === 0) return { ok: true, effect, noop: true };
    this.inFlight.push(update);
    return { ok: true, effect, noop: false };
  }

  private refusal(
    doc: Y.Doc,
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
      const problem = validateTouched(doc, touched);
      if (problem) return { ok: false, code: CloseCode.SchemaViolation, detail: problem };
    }
    return null;
  }

  /** The oldest in-flight update was committed. */
  applied(): void {
    this.inFlight.shift();
  }

  /** An in-flight update will never be stored (the store refused it): the document holds what is not stored. */
  dropped(update: Uint8Array): void {
    const i = this.inFlight.indexOf(update);
    if (i >= 0) this.inFlight.splice(i, 1);
    this.poisoned();
  }

  /** The document was rebuilt from the store: nothing is in flight in it. */
  rebuilt(): void {
    this.inFlight = [];
  }

  destroy(): void {
    this.inFlight = [];
  }
}
