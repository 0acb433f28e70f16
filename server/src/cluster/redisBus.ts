// The multi-server bus on Redis Streams: each server appends its committed
// updates, its clients' presence and control messages to per-review streams,
// and reads what the others appended. Streams, unlike pub/sub, keep messages
// for a subscriber that lags or reconnects; whatever is lost anyway (Redis
// restarted, a server died between commit and publish) is caught up from the
// store by the room, which numbers updates by their store seq.
import { Redis } from 'ioredis';
import type { Logger } from '../log.ts';
import type { BusListener, ControlMessage, RoomBus } from '../relay/types.ts';

export interface RedisBusOptions {
  url: string;
  /** Unique per process: a server skips what it published itself. */
  serverId: string;
  log: Logger;
  /** Approximate entries kept per review stream (older ones are caught up from the store). */
  maxLen?: number;
  /** How long a read blocks, in ms; also bounds how soon a new subscription is read. */
  blockMs?: number;
}

export interface RedisBus extends RoomBus {
  close(): Promise<void>;
}

const CONTROL_KEY = 'hindsight:control';
const reviewKey = (reviewId: string): string => `hindsight:review:${reviewId}`;
/** A review's stream expires a day after its last message; nothing in it is needed longer. */
const STREAM_TTL_MS = 24 * 3600 * 1000;
/** How far back a new subscription starts reading: duplicates are dropped by seq and clock. */
const REPLAY_WINDOW_MS = 2_000;
const OUTBOX_LIMIT = 10_000;

type Fields = Map<string, Buffer>;

function toFields(raw: Buffer[]): Fields {
  const fields: Fields = new Map();
  for (let i = 0; i + 1 < raw.length; i += 2) fields.set(raw[i]!.toString(), raw[i + 1]!);
  return fields;
}

export async function createRedisBus(options: RedisBusOptions): Promise<RedisBus> {
  const { serverId, log } = options;
  const maxLen = options.maxLen ?? 1_000;
  const blockMs = options.blockMs ?? 200;
  const common = { protocol: 2 as const, lazyConnect: true, connectionName: `hindsight:${serverId}` };
  // Writes fail fast while Redis is away (they go to the outbox); the reader waits for it.
  const writer = new Redis(options.url, { ...common, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  const reader = new Redis(options.url, { ...common, maxRetriesPerRequest: null });
  for (const [name, client] of [
    ['writer', writer],
    ['reader', reader],
  ] as const) {
    client.on('error', (err: Error) => log.warn({ err: err.message, client: name }, 'redis connection error'));
  }
  await Promise.all([writer.connect(), reader.connect()]);

  const policy = ((await writer.config('GET', 'maxmemory-policy')) as string[])[1] ?? '';
  if (policy.startsWith('allkeys')) {
    log.error(
      { policy },
      'Redis maxmemory-policy may evict stream keys; set it to noeviction (streams here carry no TTL-based eviction guarantees)',
    );
  }
  const [seconds, micros] = (await writer.time()) as [string | number, string | number];
  const clockOffset = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000) - Date.now();
  const startId = (): string => `${Date.now() + clockOffset - REPLAY_WINDOW_MS}-0`;

  const listeners = new Map<string, Set<BusListener>>();
  const controlListeners: ((m: ControlMessage) => void)[] = [];
  const cursors = new Map<string, string>([[CONTROL_KEY, startId()]]);
  const outbox: (string | Buffer)[][] = [];
  let closed = false;
  let wake: (() => void) | null = null;

  const send = (key: string, args: (string | Buffer)[]): void => {
    writer
      .multi()
      .xadd(key, 'MAXLEN', '~', String(maxLen), '*', ...args)
      .pexpire(key, STREAM_TTL_MS)
      .exec()
      .catch((err: Error) => {
        if (outbox.length < OUTBOX_LIMIT) outbox.push([key, ...args]);
        log.warn({ err: err.message, key, queued: outbox.length }, 'redis publish failed; queued for when it returns');
      });
  };

  const flushOutbox = (): void => {
    for (const [key, ...args] of outbox.splice(0)) send(key as string, args);
  };

  // Registered after the first connect: every 'ready' from now on is a reconnection.
  reader.on('ready', () => {
    // Whatever was published while we were away is gone: rooms catch up from the store.
    log.info({}, 'redis reconnected; rooms catch up from the store');
    for (const set of listeners.values()) for (const l of set) l.reset();
  });
  writer.on('ready', flushOutbox);

  const dispatch = (key: string, fields: Fields): void => {
    if (fields.get('s')?.toString() === serverId) return;
    const type = fields.get('t')?.toString();
    const data = fields.get('d');
    if (!data) return;
    if (key === CONTROL_KEY) {
      try {
        const message = JSON.parse(data.toString()) as ControlMessage;
        for (const l of controlListeners) l(message);
      } catch (err) {
        log.warn({ err }, 'undecodable control message');
      }
      return;
    }
    const set = listeners.get(key);
    if (!set) return;
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (type === 'u') {
      const seq = Number(fields.get('q')?.toString());
      if (Number.isSafeInteger(seq)) for (const l of set) l.update(seq, bytes);
    } else if (type === 'a') {
      for (const l of set) l.awareness(bytes);
    }
  };

  const loop = async (): Promise<void> => {
    while (!closed) {
      const keys = [...cursors.keys()];
      try {
        const result = await reader.xreadBuffer(
          'COUNT',
          1000,
          'BLOCK',
          blockMs,
          'STREAMS',
          ...keys,
          ...keys.map((k) => cursors.get(k)!),
        );
        for (const [keyBuf, items] of result ?? []) {
          const key = keyBuf.toString();
          for (const [id, raw] of items) {
            if (cursors.has(key)) cursors.set(key, id.toString());
            dispatch(key, toFields(raw));
          }
        }
      } catch (err) {
        if (closed) return;
        log.warn({ err: (err as Error).message }, 'redis read failed; retrying');
        await new Promise<void>((r) => {
          wake = r;
          setTimeout(r, 500).unref();
        });
      }
    }
  };
  const running = loop();

  return {
    publishUpdate(reviewId, seq, update) {
      send(reviewKey(reviewId), ['s', serverId, 't', 'u', 'q', String(seq), 'd', Buffer.from(update)]);
    },
    publishAwareness(reviewId, update) {
      send(reviewKey(reviewId), ['s', serverId, 't', 'a', 'd', Buffer.from(update)]);
    },
    publishControl(message) {
      send(CONTROL_KEY, ['s', serverId, 't', 'c', 'd', JSON.stringify(message)]);
    },
    subscribe(reviewId, listener) {
      const key = reviewKey(reviewId);
      let set = listeners.get(key);
      if (!set) {
        set = new Set();
        listeners.set(key, set);
        cursors.set(key, startId());
      }
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) {
          listeners.delete(key);
          cursors.delete(key);
        }
      };
    },
    onControl(listener) {
      controlListeners.push(listener);
    },
    compacted(reviewId) {
      // Lagging servers catch up from the store instead.
      writer.xtrim(reviewKey(reviewId), 'MAXLEN', '~', 100).catch(() => undefined);
    },
    async close() {
      closed = true;
      wake?.();
      reader.disconnect();
      await running.catch(() => undefined);
      await writer.quit().catch(() => writer.disconnect());
    },
  };
}
