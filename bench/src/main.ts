// `pnpm bench`: Hindsight, the reference y-websocket server and a raw ws relay side by side, same
// workloads, same client code. Prints a table with ratios and targets; writes bench/results/*.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { ClientPool } from './clients/clientPool.ts';
import { machineInfo } from './machine.ts';
import { parseOptions, usage } from './options.ts';
import { renderReport } from './report.ts';
import { machineLoadCores } from './procStats.ts';
import { prepareBaseline, type Baseline } from './servers/baseline.ts';
import { HINDSIGHT_BENCH_ENV, HINDSIGHT_EXTRA_ENV } from './servers/hindsight.ts';
import { referenceVersion } from './servers/reference.ts';
import { judgeTargets } from './targets.ts';
import { WORKLOADS } from './workloads/index.ts';
import type { WorkloadResult } from './workloads/types.ts';

// Every y-websocket provider this process opens (seeding, late joiners, history walks) adds a process 'exit'
// listener; past ten, Node printed MaxListenersExceededWarning ten times into the results.
process.setMaxListeners(0);

const resultsDir = fileURLToPath(new URL('../results', import.meta.url));

async function main(): Promise<void> {
  const ids = WORKLOADS.map((w) => w.id);
  const argv = process.argv.slice(2);
  if (argv.includes('--help')) {
    process.stdout.write(`${usage(ids)}\n`);
    return;
  }
  const options = parseOptions(argv, process.env, ids);
  const machine = machineInfo();
  const backgroundCores = await machineLoadCores(1000, machine.cores);
  const started = new Date();
  const t0 = performance.now();
  const log = (m: string): void => {
    process.stderr.write(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${m}\n`);
  };
  const before: Baseline | undefined = options.baseline ? await prepareBaseline(options.baseline, log) : undefined;
  const pool = new ClientPool(options.clientProcs);
  const done: { id: string; title: string; result: WorkloadResult }[] = [];
  try {
    for (const workload of WORKLOADS.filter((w) => options.workloads.includes(w.id))) {
      const result = await workload.run({ options, pool, servers: options.servers, log });
      done.push({ id: workload.id, title: workload.title, result });
    }
  } finally {
    pool.shutdown();
  }
  const seconds = (performance.now() - t0) / 1000;
  const rows = done.flatMap((d) => d.result.rows);
  const targets = judgeTargets(rows);
  const header = [
    `Hindsight bench ${options.quick ? '(QUICK smoke run — not for comparison) ' : ''}` +
      `${started.toISOString()} · commit ${machine.gitCommit} · ${seconds.toFixed(0)} s`,
    `machine: ${machine.cores} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}, ` +
      `Linux ${machine.kernel}, DATA_DIR on ${machine.dataDirFs}`,
    `background load before the run: ${backgroundCores.toFixed(2)} of ${machine.cores} cores busy` +
      (backgroundCores > 0.2 ? ' — THE MACHINE IS SHARED, numbers are noisy' : ''),
    `servers: Hindsight (SQLite, synchronous=${HINDSIGHT_EXTRA_ENV.SQLITE_SYNCHRONOUS ?? 'FULL'}; bench env ${Object.entries(
      { ...HINDSIGHT_BENCH_ENV, ...HINDSIGHT_EXTRA_ENV },
    )
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')} so rate limits never throttle the load) · ` +
      `reference @y/websocket-server ${referenceVersion()} · raw ws 8.23.0 broadcast relay`,
    ...(before
      ? [
          `before: Hindsight at ${before.ref} (commit ${before.commit.slice(0, 10)}), same settings, same bench clients; ` +
            'H÷before = the working tree divided by it (below 1 is an improvement for ↓ rows).',
        ]
      : []),
  ];
  const table = renderReport({ servers: options.servers, workloads: done, targets, header });
  process.stdout.write(`${table}\n`);
  const json = {
    startedAt: started.toISOString(),
    seconds,
    command: ['pnpm bench', ...argv].join(' '),
    machine,
    options,
    baseline: before,
    hindsightEnv: { ...HINDSIGHT_BENCH_ENV, ...HINDSIGHT_EXTRA_ENV },
    backgroundCores,
    referenceVersion: referenceVersion(),
    rows,
    targets,
    workloads: done,
    table,
  };
  mkdirSync(resultsDir, { recursive: true });
  const stamp = started.toISOString().replace(/[:.]/g, '-');
  const text = `${JSON.stringify(json, null, 2)}\n`;
  writeFileSync(join(resultsDir, `${stamp}.json`), text);
  writeFileSync(join(resultsDir, 'latest.json'), text);
  log(`wrote bench/results/${stamp}.json and bench/results/latest.json`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
