// Decodes one client message and routes it to the room, in the spirit of
// Hocuspocus's MessageReceiver: message-level rate limits, the read-only rule
// (a reader's change is judged by its length alone, never decoded) and bad
// messages closed with BadMessage. What each message does is the room's.
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { CloseCode, MessageType, can } from '@hindsight/protocol';
import type { Connection } from './connection.ts';
import { PresenceError } from './presence.ts';

/** Whether `message` is presence (an awareness update or query), without decoding it: it never touches the document. */
export const isPresenceMessage = (message: Uint8Array): boolean =>
  message[0] === MessageType.awareness || message[0] === MessageType.queryAwareness;

/** What the room does with each kind of message. */
export interface MessageHandlers {
  reject(conn: Connection, code: CloseCode, why: string, detail?: string): void;
  /** A sync step 1: answer with what the client lacks. */
  syncRequest(conn: Connection, stateVector: Uint8Array): void;
  /**
   * A step 2 (`answer`: the client's reply to the server's step 1, mostly what the server
   * has already) or an update (a new change) from a connection that may write.
   */
  update(conn: Connection, update: Uint8Array, answer: boolean): void;
  /**
   * An awareness update. The connection's own states count against its rate
   * (`admit`, asked before they apply); echoes of others' states cost nothing.
   */
  awareness(conn: Connection, update: Uint8Array, admit: () => boolean): 'applied' | 'ignored' | 'limited';
  /** Everyone's presence, asked for. */
  presenceRequest(conn: Connection): void;
}

/** Thrown while decoding a message; closes the sender with BadMessage. */
class BadMessageError extends Error {}

/** The length of an empty v1 update (no structs, no deletes): what the stock client sends a read-only server. */
const EMPTY_UPDATE_BYTES = 2;

export function receiveMessage(conn: Connection, message: Uint8Array, to: MessageHandlers): void {
  if (!conn.messages.take()) {
    to.reject(conn, CloseCode.RateLimited, 'message rate limit');
    return;
  }
  try {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.sync:
        receiveSync(conn, decoder, to);
        return;
      case MessageType.awareness:
        if (to.awareness(conn, decoding.readVarUint8Array(decoder), () => conn.awareness.take()) === 'limited')
          to.reject(conn, CloseCode.RateLimited, 'awareness rate limit');
        return;
      case MessageType.queryAwareness:
        if (!conn.syncRequests.take()) {
          to.reject(conn, CloseCode.RateLimited, 'presence request rate limit');
          return;
        }
        to.presenceRequest(conn);
        return;
      case MessageType.auth:
        // Authentication happens before the upgrade; the message carries nothing for us.
        return;
      default:
        throw new BadMessageError(`unknown message type ${type}`);
    }
  } catch (err) {
    if (err instanceof PresenceError) to.reject(conn, CloseCode.BadMessage, err.message, err.message);
    else to.reject(conn, CloseCode.BadMessage, (err as Error).message || 'undecodable message');
  }
}

function receiveSync(conn: Connection, decoder: decoding.Decoder, to: MessageHandlers): void {
  const syncType = decoding.readVarUint(decoder);
  switch (syncType) {
    case syncProtocol.messageYjsSyncStep1: {
      if (!conn.syncRequests.take()) {
        to.reject(conn, CloseCode.RateLimited, 'sync request rate limit');
        return;
      }
      // Throws on a state vector that does not decode: handled as a bad message.
      to.syncRequest(conn, decoding.readVarUint8Array(decoder));
      return;
    }
    case syncProtocol.messageYjsSyncStep2:
    case syncProtocol.messageYjsUpdate: {
      const update = decoding.readVarUint8Array(decoder);
      if (!can(conn.identity.role, 'doc.write')) {
        // Judged by length alone: the stock client's empty step 2 passes, anything else closes.
        if (update.length > EMPTY_UPDATE_BYTES) to.reject(conn, CloseCode.ReadOnly, 'read-only link sent a change');
        return;
      }
      to.update(conn, update, syncType === syncProtocol.messageYjsSyncStep2);
      return;
    }
    default:
      throw new BadMessageError(`unknown sync message type ${syncType}`);
  }
}
