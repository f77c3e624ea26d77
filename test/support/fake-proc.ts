// A fake /proc for the tests of what the core reads of other processes (peer/proc.ts, peer/agent-origin.ts,
// sessions/session-roots.ts): one process tree, with the session `gatehouse run` started in it.
import type { SessionRootProcess } from '../../electron/core/peer/agent-origin.ts';
import type { ProcReader, ProcTable } from '../../electron/core/peer/proc.ts';

export interface FakeProcess {
  ppid: number;
  start?: number;
  env?: Record<string, string>;
  ns?: string;
}

export const HOST_NS = 'pid:[4026531836]';

/** A fake /proc that can also be scanned: every process's argv and working directory (sessions/running-agents.ts). */
export function fakeProcTable(table: Record<number, FakeProcess & { argv?: string[]; cwd?: string }>): ProcTable {
  return {
    ...fakeProc(table),
    pids: () => Object.keys(table).map(Number),
    cmdline: (pid) => table[pid]?.argv ?? null,
    cwd: (pid) => table[pid]?.cwd ?? null,
  };
}

export function fakeProc(table: Record<number, FakeProcess>): ProcReader {
  return {
    stat: (pid) => (table[pid] ? { ppid: table[pid].ppid, startTime: table[pid].start ?? pid * 10 } : null),
    environ: (pid) => (table[pid] ? new Map(Object.entries(table[pid].env ?? {})) : null),
    pidNamespace: (pid) => (pid === 'self' ? HOST_NS : table[pid] ? (table[pid].ns ?? HOST_NS) : null),
  };
}

// init(1) → login shell(100) → terminal(200) → gatehouse run(300) → claude(400) → bash(500) → helper(600)
export const TREE: Record<number, FakeProcess> = {
  100: { ppid: 1 },
  200: { ppid: 100 },
  300: { ppid: 200 },
  400: { ppid: 300, env: { GATEHOUSE_SESSION_ID: 's1', GATEHOUSE_TOKEN: 'tok1' } },
  500: { ppid: 400, env: { GATEHOUSE_SESSION_ID: 's1', GATEHOUSE_TOKEN: 'tok1' } },
  600: { ppid: 500 },
  // A `gatehouse decide` the person typed in another terminal.
  700: { ppid: 200 },
};
export const RUN_ROOT: SessionRootProcess = { sessionId: 's1', pid: 300, startTime: 3000 };
