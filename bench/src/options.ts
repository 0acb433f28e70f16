// Bench options: each from a --flag=value, else a BENCH_* environment variable, else the
// --quick default (a ~1 minute smoke run), else the full default (the workloads).
import { SERVER_KINDS, type ServerKind } from './servers/types.ts';

interface NumberOption {
  flag: string;
  env: string;
  full: number;
  quick: number;
  help: string;
}

const NUMBER_OPTIONS = {
  clientProcs: { flag: 'client-procs', env: 'BENCH_CLIENT_PROCS', full: 2, quick: 2, help: 'client processes' },
  fanoutClients: {
    flag: 'fanout-clients',
    env: 'BENCH_FANOUT_CLIENTS',
    full: 50,
    quick: 50,
    help: 'clients on the one review',
  },
  fanoutRate: { flag: 'fanout-rate', env: 'BENCH_FANOUT_RATE', full: 20, quick: 20, help: 'edits/s per client' },
  fanoutSeconds: { flag: 'fanout-seconds', env: 'BENCH_FANOUT_SECONDS', full: 30, quick: 5, help: 'edit phase length' },
  rooms: { flag: 'rooms', env: 'BENCH_ROOMS', full: 300, quick: 60, help: 'reviews in the many-rooms workload' },
  roomClients: { flag: 'room-clients', env: 'BENCH_ROOM_CLIENTS', full: 3, quick: 3, help: 'clients per review' },
  roomRate: { flag: 'room-rate', env: 'BENCH_ROOM_RATE', full: 1, quick: 1, help: 'edits/s per client' },
  roomSeconds: { flag: 'room-seconds', env: 'BENCH_ROOM_SECONDS', full: 20, quick: 5, help: 'edit phase length' },
  lateEntries: { flag: 'late-entries', env: 'BENCH_LATE_ENTRIES', full: 10_000, quick: 10_000, help: 'entries' },
  lateJoins: { flag: 'late-joins', env: 'BENCH_LATE_JOINS', full: 5, quick: 3, help: 'joins measured' },
  coldEntries: { flag: 'cold-entries', env: 'BENCH_COLD_ENTRIES', full: 10_000, quick: 2_000, help: 'entries' },
  coldUpdates: { flag: 'cold-updates', env: 'BENCH_COLD_UPDATES', full: 50_000, quick: 10_000, help: 'logged updates' },
  coldRuns: {
    flag: 'cold-runs',
    env: 'BENCH_COLD_RUNS',
    full: 3,
    quick: 1,
    help: 'restart sequences, each on a copy of the seeded data (medians)',
  },
  historyEntries: { flag: 'history-entries', env: 'BENCH_HISTORY_ENTRIES', full: 5_000, quick: 2_000, help: 'entries' },
  historyUpdates: {
    flag: 'history-updates',
    env: 'BENCH_HISTORY_UPDATES',
    full: 50_000,
    quick: 10_000,
    help: 'logged updates',
  },
  historySeeks: { flag: 'history-seeks', env: 'BENCH_HISTORY_SEEKS', full: 30, quick: 10, help: 'seeks timed' },
  clusterServers: {
    flag: 'cluster-servers',
    env: 'BENCH_CLUSTER_SERVERS',
    full: 3,
    quick: 3,
    help: 'server processes',
  },
  clusterClients: {
    flag: 'cluster-clients',
    env: 'BENCH_CLUSTER_CLIENTS',
    full: 150,
    quick: 60,
    help: 'clients on the one review, spread over the servers',
  },
  clusterRate: { flag: 'cluster-rate', env: 'BENCH_CLUSTER_RATE', full: 1, quick: 1, help: 'edits/s per client' },
  clusterSeconds: {
    flag: 'cluster-seconds',
    env: 'BENCH_CLUSTER_SECONDS',
    full: 15,
    quick: 4,
    help: 'edit phase length (each fan-out point)',
  },
  clusterRooms: { flag: 'cluster-rooms', env: 'BENCH_CLUSTER_ROOMS', full: 600, quick: 60, help: 'reviews' },
  clusterRoomClients: {
    flag: 'cluster-room-clients',
    env: 'BENCH_CLUSTER_ROOM_CLIENTS',
    full: 3,
    quick: 3,
    help: 'clients per review, one per server',
  },
  clusterRoomRate: {
    flag: 'cluster-room-rate',
    env: 'BENCH_CLUSTER_ROOM_RATE',
    full: 1,
    quick: 1,
    help: 'edits/s per client',
  },
  clusterRoomSeconds: {
    flag: 'cluster-room-seconds',
    env: 'BENCH_CLUSTER_ROOM_SECONDS',
    full: 15,
    quick: 4,
    help: 'edit phase length (many reviews)',
  },
  renderEntries: { flag: 'render-entries', env: 'BENCH_RENDER_ENTRIES', full: 5_000, quick: 5_000, help: 'entries' },
  renderRuns: { flag: 'render-runs', env: 'BENCH_RENDER_RUNS', full: 5, quick: 2, help: 'cold and warm loads each' },
  keystrokes: { flag: 'keystrokes', env: 'BENCH_KEYSTROKES', full: 100, quick: 30, help: 'keystrokes measured' },
  keystrokeGapMs: {
    flag: 'keystroke-gap-ms',
    env: 'BENCH_KEYSTROKE_GAP_MS',
    full: 100,
    quick: 100,
    help: 'pause between keystrokes (10 characters/s)',
  },
} satisfies Record<string, NumberOption>;

export type NumberOptionName = keyof typeof NUMBER_OPTIONS;

export type BenchOptions = Record<NumberOptionName, number> & {
  quick: boolean;
  servers: ServerKind[];
  /** --baseline=<git ref>: Hindsight at that commit runs as the "before" column. */
  baseline: string | undefined;
  /** Workload ids to run, in order. */
  workloads: string[];
};

export function usage(workloadIds: string[]): string {
  const lines = Object.values(NUMBER_OPTIONS).map(
    (o: NumberOption) => `  --${o.flag}=N  (${o.env}; ${o.help}; default ${o.full}, quick ${o.quick})`,
  );
  return [
    'pnpm bench [--quick] [options]',
    '  --quick  smoke run of about a minute (BENCH_QUICK=1)',
    `  --servers=${SERVER_KINDS.join(',')}  (BENCH_SERVERS; default all but baseline)`,
    '  --baseline=REF  (BENCH_BASELINE) also run Hindsight at git REF, e.g. the commit before a change, as the "before" column',
    `  --workloads=${workloadIds.join(',')}  (BENCH_WORKLOADS)`,
    ...lines,
  ].join('\n');
}

function flagValue(argv: string[], flag: string): string | undefined {
  const prefix = `--${flag}=`;
  return argv.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

export function parseOptions(argv: string[], env: NodeJS.ProcessEnv, workloadIds: string[]): BenchOptions {
  const known = new Set([
    'quick',
    'servers',
    'baseline',
    'workloads',
    'help',
    ...Object.values(NUMBER_OPTIONS).map((o) => o.flag),
  ]);
  for (const a of argv) {
    const name = a.replace(/^--/, '').split('=')[0]!;
    if (!a.startsWith('--') || !known.has(name)) throw new Error(`unknown argument ${a}\n${usage(workloadIds)}`);
  }
  const quick = argv.includes('--quick') || env.BENCH_QUICK === '1';
  const numbers = {} as Record<NumberOptionName, number>;
  for (const [name, o] of Object.entries(NUMBER_OPTIONS) as [NumberOptionName, NumberOption][]) {
    const raw = flagValue(argv, o.flag) ?? env[o.env];
    const value = raw === undefined ? (quick ? o.quick : o.full) : Number(raw);
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${o.flag} must be a positive number, got ${raw}`);
    numbers[name] = value;
  }
  const list = (raw: string | undefined, allowed: readonly string[], all: readonly string[]): string[] => {
    const picked = raw ? raw.split(',').filter(Boolean) : [...all];
    for (const p of picked)
      if (!allowed.includes(p)) throw new Error(`unknown value ${p}; pick from ${allowed.join(',')}`);
    return picked;
  };
  const baseline = flagValue(argv, 'baseline') ?? env.BENCH_BASELINE;
  const defaults = SERVER_KINDS.filter((k) => k !== 'baseline' || baseline);
  const servers = list(flagValue(argv, 'servers') ?? env.BENCH_SERVERS, SERVER_KINDS, defaults) as ServerKind[];
  if (baseline && !servers.includes('baseline')) servers.splice(servers.indexOf('hindsight') + 1, 0, 'baseline');
  if (servers.includes('baseline') && !baseline)
    throw new Error('the baseline server needs --baseline=<git ref> (e.g. --baseline=e20cb88)');
  return {
    ...numbers,
    quick,
    baseline,
    servers,
    workloads: list(flagValue(argv, 'workloads') ?? env.BENCH_WORKLOADS, workloadIds, workloadIds),
  };
}
