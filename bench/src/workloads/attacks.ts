// Two attacks from a link that may only read (issue 12), with the server's default limits:
//  4. three ~2 MiB updates made of tiny structs sent on a read-only link: how fast /healthz (the
//     reference: any HTTP request) answers meanwhile, and whether the sender is cut;
//  5. on a ~2 MiB review, a client that stops reading sends 300 four-byte sync-step-1 requests: the
//     server's memory (peak RSS over the baseline) and whether the connection is cut.
// The reference server has no read-only links (every client writes), so there the same bytes come
// from an ordinary client; its figures show what an unguarded relay does with them.
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType, type CreateReviewResponse } from '@hindsight/protocol';
import { openProvider, whenReady } from '../clients/benchClient.ts';
import { rssSampler, rssBytes } from '../procStats.ts';
import { addEntries, timelineSize } from '../seed.ts';
import { startHindsight } from '../servers/hindsight.ts';
import { startReference } from '../servers/reference.ts';
import { isHindsight, type HindsightKind, type RoomAccess, type ServerKind } from '../servers/types.ts';
import { until } from '../time.ts';
import type { MetricRow, Workload } from './types.ts';

/** The product's defaults (server/src/config.ts), replacing the raised limits the other workloads use. */
const DEFAULT_LIMITS = { UPDATES_PER_SECOND: '200', AWARENESS_PER_SECOND: '30', MESSAGES_PER_SECOND: '2000' };
// Under the default MAX_FRAME_BYTES (2 MiB) with the message header, so the frame limit is not what stops it.
const FLOOD_UPDATE_BYTES = 2 * 1024 * 1024 - 64;
const STEP1_REQUESTS = 300;
const REVIEW_BYTES = 1_900_000;

interface Target {
  kind: ServerKind;
  pid: number;
  /** An HTTP URL that answers cheaply (/healthz; the reference answers any path). */
  probeUrl: string;
  /** A room holding nothing yet, and a room to seed, each with the read-only (or, reference: any) access. */
  room(): Promise<{ write: RoomAccess; read: RoomAccess }>;
  stop(): Promise<void>;
}

async function hindsightTarget(kind: HindsightKind): Promise<Target> {
  const server = await startHindsight({ kind, env: DEFAULT_LIMITS });
  const origin = `http://127.0.0.1:${server.port}`;
  return {
    kind,
    pid: server.pid,
    probeUrl: `${origin}/healthz`,
    async room() {
      const res = await fetch(`${origin}/api/reviews`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'Attacked review' }),
      });
      const body = (await res.json()) as CreateReviewResponse & { links: Record<string, string> };
      const token = (link: string | undefined): string => new URL(link!).hash.replace(/^#t=/, '');
      const serverUrl = `ws://127.0.0.1:${server.port}/sync`;
      // The live read-only link is an observer link, minted by the facilitator (a reader link never syncs).
      const minted = await fetch(`${origin}/api/reviews/${body.id}/links`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token(body.links.facilitator)}` },
        body: JSON.stringify({ role: 'observer' }),
      });
      // A build from before observer links existed: its reader link was the live read-only one.
      const readLink = minted.ok ? ((await minted.json()) as { url: string }).url : body.links.reader;
      return {
        write: { serverUrl, room: body.id, params: { token: token(body.links.editor) } },
        read: { serverUrl, room: body.id, params: { token: token(readLink) } },
      };
    },
    stop: () => server.stop(),
  };
}

async function referenceTarget(): Promise<Target> {
  const server = await startReference();
  return {
    kind: 'reference',
    pid: server.pid,
    probeUrl: '',
    async room() {
      const [access] = await server.createRooms(1);
      return { write: access!, read: access! };
    },
    stop: () => server.stop(),
  };
}

/**
 * A v1 update of ~`bytes`: one-character strings at the start of root 'flood', each by its own Yjs
 * client with no origin (so none merge, and every one is conflict-resolved against all the others
 * when applied). Written with lib0 directly: making it with Y.Doc takes minutes.
 */
function tinyStructsUpdate(bytes: number): Uint8Array {
  const structs = encoding.createEncoder();
  let clients = 0;
  while (encoding.length(structs) < bytes - 16) {
    clients++;
    encoding.writeVarUint(structs, 1); // structs of this client
    encoding.writeVarUint(structs, clients);
    encoding.writeVarUint(structs, 0); // clock
    encoding.writeUint8(structs, 4); // info: ContentString, no origins, no parentSub
    encoding.writeVarUint(structs, 1); // parent is a root, by name
    encoding.writeVarString(structs, 'flood');
    encoding.writeVarString(structs, 'x');
  }
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, clients);
  encoding.writeUint8Array(e, encoding.toUint8Array(structs));
  encoding.writeVarUint(e, 0); // delete set: no clients
  return encoding.toUint8Array(e);
}

function socketTo(access: RoomAccess): WebSocket {
  const query = new URLSearchParams(access.params).toString();
  return new WebSocket(`${access.serverUrl}/${encodeURIComponent(access.room)}${query ? `?${query}` : ''}`);
}

function opened(ws: WebSocket): Promise<'open' | string> {
  return new Promise((resolve) => {
    ws.once('open', () => resolve('open'));
    ws.once('unexpected-response', (_req, res) => resolve(`refused at upgrade (HTTP ${res.statusCode})`));
    ws.once('error', (err) => resolve(`error: ${err.message}`));
  });
}

function closedCode(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}

function updateFrame(update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MessageType.sync);
  syncProtocol.writeUpdate(e, update);
  return encoding.toUint8Array(e);
}

/** Probes `url` back to back until `until` settles; the latencies in ms. */
async function probeWhile(url: string, done: Promise<unknown>, minMs: number): Promise<number[]> {
  const times: number[] = [];
  let finished = false;
  void done.then(() => (finished = true));
  const t0 = performance.now();
  while (!finished || performance.now() - t0 < minMs) {
    const s = performance.now();
    await fetch(url).then((r) => r.arrayBuffer());
    times.push(performance.now() - s);
    await new Promise((r) => setTimeout(r, 20));
  }
  return times;
}

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

interface AttackResult {
  server: ServerKind;
  baseP50: number;
  floodP50: number;
  floodMax: number;
  floodOutcome: string;
  rssBaseMiB: number;
  rssPeakMiB: number;
  step1Outcome: string;
}

async function attackOn(target: Target, flood: Uint8Array | null): Promise<AttackResult> {
  try {
    const probeUrl = target.probeUrl || `http://127.0.0.1:${new URL((await target.room()).read.serverUrl).port}/`;
    // Attack 4.
    const { read: floodRoom } = await target.room();
    const base = await probeWhile(probeUrl, Promise.resolve(), 2_000);
    let floodOutcome = 'not run (every client of the reference writes: it would apply the flood)';
    let flood4: number[] = [];
    const attacker = flood ? socketTo(floodRoom) : null;
    const state = attacker ? await opened(attacker) : 'skipped';
    if (attacker && state !== 'open') floodOutcome = state;
    if (attacker && flood && state === 'open') {
      const closed = closedCode(attacker);
      for (let i = 0; i < 3; i++) attacker.send(updateFrame(flood));
      // Until the attacker is cut, or 10 s with it still connected.
      const cutOrTimeout = Promise.race([closed, new Promise((r) => setTimeout(r, 10_000))]);
      // At least 3 s of probes from the first frame, so the figures are not one sample.
      flood4 = await probeWhile(probeUrl, cutOrTimeout, 3_000);
      floodOutcome = attacker.readyState === WebSocket.CLOSED ? `closed ${await closed}` : 'still connected after 10 s';
      attacker.terminate();
    }

    // Attack 5: a ~2 MiB review, then a client that never reads asks for it 300 times.
    const { write, read } = await target.room();
    const seeder = new Y.Doc();
    const provider = openProvider(write, seeder);
    await whenReady(provider, true);
    let entries = 0;
    while (Y.encodeStateAsUpdate(seeder).length < REVIEW_BYTES) {
      await addEntries(seeder, 500, 100);
      entries += 500;
    }
    await until(() => timelineSize(seeder) >= entries, 'the seeded entries', 60_000, 10);
    // The server holds them once a fresh client receives them all.
    const check = new Y.Doc();
    const checker = openProvider(write, check);
    await until(() => timelineSize(check) >= entries, 'the server to hold the seeded review', 120_000, 10);
    checker.destroy();
    provider.destroy();
    const rssBase = rssBytes(target.pid);
    const sampler = rssSampler(target.pid, 50);
    const slow = socketTo(read);
    const slowState = await opened(slow);
    let step1Outcome = slowState;
    if (slowState === 'open') {
      const closed = closedCode(slow);
      // Stop reading: the server's answers pile up in its buffers, not ours.
      (slow as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
      const step1 = new Uint8Array([MessageType.sync, syncProtocol.messageYjsSyncStep1, 1, 0]);
      for (let i = 0; i < STEP1_REQUESTS; i++) slow.send(step1);
      await new Promise((r) => setTimeout(r, 15_000));
      (slow as unknown as { _socket: { pause(): void; resume(): void } })._socket.resume();
      const code = await Promise.race([closed, new Promise<null>((r) => setTimeout(() => r(null), 5_000))]);
      step1Outcome = code === null ? 'still connected' : `closed ${code}`;
      slow.terminate();
    }
    const rss = sampler.stop();
    seeder.destroy();
    return {
      server: target.kind,
      baseP50: quantile(base, 0.5),
      floodP50: flood4.length > 0 ? quantile(flood4, 0.5) : NaN,
      floodMax: flood4.length > 0 ? Math.max(...flood4) : NaN,
      floodOutcome,
      rssBaseMiB: rssBase / 2 ** 20,
      rssPeakMiB: rss.peak / 2 ** 20,
      step1Outcome,
    };
  } finally {
    await target.stop();
  }
}

export const attacks: Workload = {
  id: 'attacks',
  title: 'Read-only link attacks (issue 12: 4 and 5), default limits',
  async run(ctx) {
    const flood = tinyStructsUpdate(FLOOD_UPDATE_BYTES);
    const results: AttackResult[] = [];
    for (const kind of ctx.servers.filter((k) => k !== 'raw')) {
      // The reference applies the flood (every client writes): hundreds of thousands of structs conflict-
      // resolved against each other would hold it for minutes, so it only gets the slow-reader attack.
      ctx.log(`attacks: ${kind}`);
      const r = isHindsight(kind)
        ? await attackOn(await hindsightTarget(kind), flood)
        : await attackOn(await referenceTarget(), null);
      ctx.log(
        `  probe p50 ${r.baseP50.toFixed(1)} ms → ${r.floodP50.toFixed(1)} ms (max ${r.floodMax.toFixed(0)}) during the flood, ` +
          `sender ${r.floodOutcome}; RSS ${r.rssBaseMiB.toFixed(0)} → peak ${r.rssPeakMiB.toFixed(0)} MiB, slow reader ${r.step1Outcome}`,
      );
      results.push(r);
    }
    const by = (f: (r: AttackResult) => number): Partial<Record<ServerKind, number | null>> =>
      Object.fromEntries(results.map((r) => [r.server, Number.isNaN(f(r)) ? null : f(r)]));
    const rows: MetricRow[] = [
      {
        key: 'attacks.probe.base',
        label: 'health probe, idle (p50)',
        unit: 'ms',
        better: 'lower',
        values: by((r) => r.baseP50),
        digits: 1,
      },
      {
        key: 'attacks.probe.flood',
        label: 'health probe during 3 × 2 MiB read-only flood (p50)',
        unit: 'ms',
        better: 'lower',
        values: by((r) => r.floodP50),
        digits: 1,
      },
      {
        key: 'attacks.probe.floodMax',
        label: 'health probe during the flood (max)',
        unit: 'ms',
        better: 'lower',
        values: by((r) => r.floodMax),
        digits: 0,
      },
      {
        key: 'attacks.rss.growth',
        label: `memory growth, slow reader sending ${STEP1_REQUESTS} step 1s`,
        unit: 'MiB',
        better: 'lower',
        values: by((r) => r.rssPeakMiB - r.rssBaseMiB),
        digits: 0,
      },
    ];
    return {
      rows,
      notes: [
        `flood: 3 updates of ${(flood.length / 2 ** 20).toFixed(2)} MiB, each struct a one-character insert by its own Yjs client, on the read-only link (reference: any client)`,
        ...results.map(
          (r) =>
            `${r.server}: flood sender ${r.floodOutcome}; slow reader ${r.step1Outcome}; RSS baseline ${r.rssBaseMiB.toFixed(0)} MiB, peak ${r.rssPeakMiB.toFixed(0)} MiB`,
        ),
      ],
      details: { results },
    };
  },
};
