// agents.scan_ms_*: what listing running agents costs (sessions/running-agents.ts: every process's command line read
// from /proc, then the ancestry of the agents found). It runs when `gatehouse status`, the Sessions view, the status
// line or the tray ask (at most once a second, however many ask). Measured as the machine is, and with 400 more
// processes, 20 of them named like an agent (`exec -a claude sleep`), so the ancestry walk is in the numbers too.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { linuxProcTable } from '../../electron/core/peer/proc.ts';
import { findAgentProcesses } from '../../electron/core/sessions/running-agents.ts';
import { percentile, round } from './stats.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const EXTRA_PROCESSES = 400;
const AGENT_LOOKALIKES = 20;
const PROGRAMS = new Map([
  ['claude', 'claude'],
  ['codex', 'codex'],
]);

function measure(): number[] {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    findAgentProcesses(linuxProcTable, PROGRAMS, []);
    samples.push(performance.now() - started);
  }
  return samples;
}

export async function agentScan(): Promise<Record<string, number>> {
  if (process.platform !== 'linux') return {};
  const quiet = measure();
  const extra: ChildProcess[] = [];
  try {
    for (let i = 0; i < EXTRA_PROCESSES; i++) {
      // `exec -a NAME` sets argv[0]: a harmless sleep that reads as an agent to the scan.
      const args = i < AGENT_LOOKALIKES ? ['-c', 'exec -a claude sleep 600'] : ['-c', 'exec sleep 600'];
      extra.push(spawn('/bin/bash', args, { stdio: 'ignore' }));
    }
    await new Promise((r) => setTimeout(r, 500));
    const busy = measure();
    const found = findAgentProcesses(linuxProcTable, PROGRAMS, []).length;
    return {
      'agents.scan_ms_p50': round(percentile(quiet, 50)),
      'agents.scan_ms_p95': round(percentile(quiet, 95)),
      'agents.scan_busy_ms_p50': round(percentile(busy, 50)),
      'agents.scan_busy_ms_p95': round(percentile(busy, 95)),
      'agents.scan_busy_processes': fs.readdirSync('/proc').filter((f) => /^\d+$/.test(f)).length,
      'agents.scan_busy_found': found,
    };
  } finally {
    for (const child of extra) child.kill();
  }
}
