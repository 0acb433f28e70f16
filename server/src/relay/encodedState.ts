// The room's state as encoded updates, kept for first syncs. While the room
// loads: what is stored, read as encoded updates. Then a base (the whole
// document, encoded once) plus the updates applied since, so a joiner is
// answered without re-encoding the whole document. The base is re-encoded
// from the live document only when a joiner comes after many updates; while
// nobody joins, the updates since are dropped past a bound and the base with
// them (nothing grows without a joiner to pay for it). A checkpoint, which
// encodes the whole document anyway, becomes the new base. A client that holds
// nothing (every fresh joiner) is sent the base's sync step 2 message, framed
// once and kept, so a warm room's answer costs no encoding and no copy.
import { syncStep2Message, updateMessage } from './broadcaster.ts';
import { mergeMany } from './mergeMany.ts';
import { diffAgainst, holdsNothing, type FirstSync, type StoredReview } from './roomLoad.ts';

/** Past this many updates since the base, or bytes (a share of the base), the base is re-encoded. */
const MAX_UPDATES_SINCE = 256;
const MAX_SHARE_SINCE = 0.25;
/**
 * Past this many stored updates after the checkpoint (a crash before the next checkpoint), merging them
 * for a first sync costs about what building the document does (8,500 small updates: 140-350 ms merged in
 * batches, 110-240 ms applied and encoded, on this machine), and the build would then pay again: joiners
 * wait for the build.
 */
const MAX_TAIL_ANSWERED = 1_000;

export class EncodedState {
  /** While the room loads, once read: what is stored answers first syncs until the document is built. */
  private stored: StoredReview | null = null;
  private base: Uint8Array | null = null;
  /** The base's sync step 2 message once a joiner holding nothing needed it (`base` is then a view into it). */
  private baseMessage: Uint8Array | null = null;
  private since: Uint8Array[] = [];
  private sinceBytes = 0;
  /** The updates since, merged, as a sync update message, once a joiner holding nothing needed it. */
  private sinceMessage: Uint8Array | null = null;

  /** `encodeLive` encodes the live document: the base when there is none. */
  constructor(private readonly encodeLive: () => Uint8Array) {}

  /** The room is loading and `stored` was read: first syncs are answered from it unless its tail is long. */
  loading(stored: StoredReview): void {
    if (stored.tailLength <= MAX_TAIL_ANSWERED) this.stored = stored;
  }

  /** Whether first syncs are answered (from the stored state) before the document is built. */
  get answersWhileLoading(): boolean {
    return this.stored !== null;
  }

  /** The document is built and holds exactly what was stored (false: it skipped something). */
  loaded(exact: boolean): void {
    const stored = this.stored;
    this.stored = null;
    const encodings = exact ? stored?.encodings() : null;
    this.drop();
    if (!encodings) return;
    this.seed(encodings.base);
    for (const update of encodings.since) this.applied(update);
  }

  /** Takes `state` (exactly the live document's content) as the base. */
  seed(state: Uint8Array): void {
    this.base = state;
    this.baseMessage = null;
    this.since = [];
    this.sinceBytes = 0;
    this.sinceMessage = null;
  }

  /** An update was applied to the live document. */
  applied(update: Uint8Array): void {
    if (!this.base) return;
    this.since.push(update);
    this.sinceBytes += update.length;
    this.sinceMessage = null;
    if (this.since.length > MAX_UPDATES_SINCE || this.sinceBytes > this.base.length * MAX_SHARE_SINCE) this.drop();
  }

  /** Forgets everything (the live document changed in a way not reported through `applied`). */
  drop(): void {
    this.stored = null;
    this.base = null;
    this.baseMessage = null;
    this.since = [];
    this.sinceBytes = 0;
    this.sinceMessage = null;
  }

  /** The first sync of a client holding `stateVector`. */
  answer(stateVector: Uint8Array): FirstSync {
    if (this.stored) return this.stored.firstSync(stateVector);
    const [base, since] = this.live();
    return { state: diffAgainst(base, stateVector), since: since && diffAgainst(since, stateVector) };
  }

  /**
   * The first sync of a client holding `stateVector` as the messages to send, in
   * order: a sync step 2, then (if any) a sync update with what came since. For a
   * client that holds nothing they are framed once and reused for the next one.
   */
  messages(stateVector: Uint8Array): Uint8Array[] {
    if (this.stored || !holdsNothing(stateVector)) {
      const { state, since } = this.answer(stateVector);
      return since ? [syncStep2Message(state), updateMessage(since)] : [syncStep2Message(state)];
    }
    const [base, since] = this.live();
    if (!this.baseMessage) {
      this.baseMessage = syncStep2Message(base);
      // The message holds the base: keep one copy, not two.
      this.base = this.baseMessage.subarray(this.baseMessage.length - base.length);
    }
    if (!since) return [this.baseMessage];
    this.sinceMessage ??= updateMessage(since);
    return [this.baseMessage, this.sinceMessage];
  }

  /**
   * What is committed, as the base plus the updates since (merged), when there is a base; null (nothing is
   * encoded) when there is none. For a rebuild: the live document may hold a refused change then.
   */
  committed(): [Uint8Array, Uint8Array | null] | null {
    return this.base ? this.live() : null;
  }

  /** The live document as the base plus the updates since (merged), encoding the base if there is none. */
  live(): [Uint8Array, Uint8Array | null] {
    if (!this.base) this.seed(this.encodeLive());
    if (this.since.length > 1) this.since = [mergeMany(this.since)];
    return [this.base!, this.since[0] ?? null];
  }
}
