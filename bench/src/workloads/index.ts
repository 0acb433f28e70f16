// The workload list, in run order. Add a workload by writing a module that exports a `Workload`
// and listing it here; `--workloads=` picks from these ids.
//
// Still to come, once the client editor exists (issue 7, "the browser"): a `browser` workload
// module that drives Debian's Chromium through playwright-core (see STACK.md) for the first
// render of a 5,000-entry timeline and the keystroke-to-other-browser delay (median, p95). Its
// targets are already listed in targets.ts and report as "not measured" until it is added.
import { coldStart } from './coldStart.ts';
import { fanout } from './fanout.ts';
import { lateJoin } from './lateJoin.ts';
import { manyRooms } from './manyRooms.ts';
import type { Workload } from './types.ts';

export const WORKLOADS: readonly Workload[] = [fanout, manyRooms, lateJoin, coldStart];
