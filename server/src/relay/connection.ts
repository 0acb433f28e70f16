// One client connection inside a room: its transport, identity, rate limits
// and the awareness client ids it owns.
import { CloseCode, closeReason } from '@hindsight/protocol';
import { TokenBucket } from './rateLimit.ts';
import type { Identity, RelayLimits, Transport } from './types.ts';

let counter = 0;

export class Connection {
  /** Short id for logs. */
  readonly id = `c${(++counter).toString(36)}`;
  readonly updates: TokenBucket;
  readonly awareness: TokenBucket;
  /** All messages, echoes included: a cap on the work one connection can cause. */
  readonly messages: TokenBucket;
  /** Bytes received: what one connection may make the server read and decode per second. */
  readonly bytes: TokenBucket;
  /** Sync step 1 requests: each answer can be the whole document. */
  readonly syncRequests: TokenBucket;
  /** Awareness client ids this connection has claimed; nobody else may set them. */
  readonly clientIds = new Set<number>();
  /** Messages received before the room finished loading. */
  readonly early: Uint8Array[] = [];
  /**
   * The server asked this writer for what it lacks (sync step 1) and its answer has not come: changes
   * made offline may be in it, and a change it sends meanwhile may build on them (answerWait.ts).
   */
  awaitingAnswer = false;
  closed = false;

  constructor(
    readonly transport: Transport,
    readonly identity: Identity,
    limits: RelayLimits,
  ) {
    this.updates = new TokenBucket(limits.updatesPerSecond);
    this.awareness = new TokenBucket(limits.awarenessPerSecond);
    this.messages = new TokenBucket(limits.messagesPerSecond);
    // A burst may carry one frame of the largest size; the sustained rate is the budget.
    this.bytes = new TokenBucket(
      limits.bytesPerSecond,
      undefined,
      Math.max(limits.bytesPerSecond, limits.maxFrameBytes),
    );
    this.syncRequests = new TokenBucket(limits.syncRequestsPerSecond);
  }

  send(data: Uint8Array): void {
    if (!this.closed) this.transport.send(data);
  }

  /** Closes with one of the protocol's codes and its declared reason, or one naming `detail`. */
  close(code: CloseCode, detail?: string): void {
    if (this.closed) return;
    this.closed = true;
    if (code === CloseCode.SlowConsumer) {
      // Its close frame would queue behind megabytes it is not reading: free them now.
      this.transport.terminate();
      return;
    }
    this.transport.close(code, closeReason(code, detail));
  }
}
