// The workload list, in run order. Add a workload by writing a module that exports a `Workload`
// and listing it here; `--workloads=` picks from these ids.
import { attacks } from './attacks.ts';
import { browserKeystroke } from './browserKeystroke.ts';
import { browserRender } from './browserRender.ts';
import { coldStart } from './coldStart.ts';
import { entryCost } from './entryCost.ts';
import { cluster } from './cluster.ts';
import { fanout } from './fanout.ts';
import { historySeek } from './historySeek.ts';
import { lateJoin } from './lateJoin.ts';
import { manyRooms } from './manyRooms.ts';
import type { Workload } from './types.ts';

export const WORKLOADS: readonly Workload[] = [
  fanout,
  manyRooms,
  lateJoin,
  entryCost,
  coldStart,
  historySeek,
  cluster,
  attacks,
  browserRender,
  browserKeystroke,
];
