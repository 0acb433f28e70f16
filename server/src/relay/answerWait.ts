// Changes a writer sends before answering the server's sync step 1 that build on what it has not sent
// yet: typed as it reconnects, on changes made offline that only its answer carries (the stock client
// sends new changes as soon as its socket opens). Judged now they would stay pending and be refused, and
// the client would stop for good; so they wait, unapplied and unstored, and are judged in order after the
// answer like any other change (refused then if still pending).
import type { Connection } from './connection.ts';

/** Past this many held changes, or bytes, a writer is not answering. */
const MAX_HELD = 256;
const MAX_HELD_BYTES = 8 * 1024 * 1024;
/** How long held changes wait for the answer by default (a slow uplink sending offline work). */
export const DEFAULT_ANSWER_WAIT_MS = 30_000;

export interface AnswerWaitDeps {
  /** Whether the change builds on what the document has not seen (WriteGate.buildsOnUnseen). */
  buildsOnUnseen(update: Uint8Array): boolean;
  /** Judges a held change, then stores and relays it or refuses it. */
  judge(conn: Connection, update: Uint8Array): void;
  /** Runs `run` once the room is at rest (held changes are judged against the committed document). */
  atRest(run: () => void): void;
  /** Closes a connection that is not answering, with why. */
  refuse(conn: Connection, detail: string): void;
  waitMs: number;
}

interface Held {
  updates: Uint8Array[];
  bytes: number;
  timer: NodeJS.Timeout;
}

export class AnswerWait {
  private readonly held = new Map<Connection, Held>();

  constructor(private readonly deps: AnswerWaitDeps) {}

  /**
   * Holds `update` (a change, not an answer) when it must wait for `conn`'s answer: it builds on what the
   * server has not seen, or an earlier change is held already (order is kept). False: judge it now.
   */
  hold(conn: Connection, update: Uint8Array): boolean {
    if (!conn.awaitingAnswer) return false;
    let held = this.held.get(conn);
    if (!held) {
      if (!this.deps.buildsOnUnseen(update)) return false;
      // A client that does not answer in time gets its changes judged as they are.
      const timer = setTimeout(() => this.deps.atRest(() => this.answered(conn)), this.deps.waitMs).unref();
      held = { updates: [], bytes: 0, timer };
      this.held.set(conn, held);
    }
    if (held.updates.length >= MAX_HELD || held.bytes + update.length > MAX_HELD_BYTES) {
      this.drop(conn);
      this.deps.refuse(conn, 'it depends on changes never sent');
      return true;
    }
    held.updates.push(update);
    held.bytes += update.length;
    return true;
  }

  /** `conn` answered the server's sync step 1 (or did not in time): what it held is judged, in order. */
  answered(conn: Connection): void {
    conn.awaitingAnswer = false;
    const held = this.held.get(conn);
    if (!held) return;
    this.drop(conn);
    for (const update of held.updates) if (!conn.closed) this.deps.judge(conn, update);
  }

  /** What `conn` held goes (it left, or is refused). */
  drop(conn: Connection): void {
    const held = this.held.get(conn);
    if (!held) return;
    clearTimeout(held.timer);
    this.held.delete(conn);
  }
}
