// store.lock_stall_ms_*: how long the core's event loop stalls while another process holds the database's write lock.
// A real core (in this process) decides every request at once; another process takes the write lock (BEGIN IMMEDIATE)
// for LOCK_MS while a gate request and a control API call arrive every TRAFFIC_EVERY_MS. A 10 ms timer measures how
// late each of its ticks comes (its lateness is how long the loop was stalled); the answers' times are measured too.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { readAdminToken } from '../../electron/core/admin-token.ts';
import { connectControl } from '../../electron/core/control/client.ts';
import { startCore } from '../../electron/core/core.ts';
import { GATE_PATHS } from '../support/gate-paths.ts';
import { holdWriteLock } from '../support/db-lock.ts';
import { percentile, round } from './stats.ts';

/** The scenario: a lock held for 8 s. */
const LOCK_MS = Number(process.env.BENCH_LOCK_MS ?? 8000);
const BASELINE_MS = 4000;
const TRAFFIC_EVERY_MS = 100;
const TICK_MS = 10;
const PAYLOAD = JSON.stringify({
  hook_event_name: 'PreToolUse',
  tool_name: 'Bash',
  tool_input: { command: 'npm test' },
  cwd: '/tmp',
});

function gateCall(socketPath: string, token: string): Promise<{ ms: number; body: string }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        socketPath,
        path: GATE_PATHS.claudePreToolUse,
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ ms: performance.now() - started, body }));
      },
    );
    req.on('error', reject);
    req.end(PAYLOAD);
  });
}

export async function storeLockStall(): Promise<Record<string, number>> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-bench-lock-'));
  // The core as it ships (its recording thread and interception markers too), every request decided at once.
  const core = await startCore({ home, policy: () => ({ decision: 'allow', reason: 'bench' }) });
  const client = await connectControl(core.paths.controlSocket, readAdminToken(core.paths.adminTokenFile));
  try {
    const s = await client.api.startSession({ agent: 'claude', argv: ['bench'], cwd: home, pid: null });
    /** Traffic and the ticker until `until` settles. */
    const underTraffic = async (until: Promise<void>) => {
      const lateness: number[] = [];
      let expected = performance.now() + TICK_MS;
      const ticker = setInterval(() => {
        const now = performance.now();
        lateness.push(Math.max(0, now - expected));
        expected = now + TICK_MS;
      }, TICK_MS);
      const gate: Array<Promise<{ ms: number; body: string }>> = [];
      const control: Array<Promise<number>> = [];
      const traffic = setInterval(() => {
        gate.push(gateCall(s.gateSocket, s.token));
        const started = performance.now();
        control.push(client.api.status().then(() => performance.now() - started));
      }, TRAFFIC_EVERY_MS);
      await until;
      clearInterval(traffic);
      clearInterval(ticker);
      return { lateness, answers: await Promise.all(gate), controlMs: await Promise.all(control) };
    };
    // The same traffic with nobody holding the lock first: what the machine itself stalls by (a loaded VM: tens of ms).
    const baseline = await underTraffic(new Promise((resolve) => setTimeout(resolve, BASELINE_MS)));
    const lock = await holdWriteLock(core.paths.database, LOCK_MS);
    const { lateness, answers, controlMs } = await underTraffic(lock.released);
    const denied = answers.filter((a) => a.body.includes('"deny"')).length;
    return {
      'store.unlocked_stall_ms_p99': round(percentile(baseline.lateness, 99)),
      'store.lock_stall_ms_p99': round(percentile(lateness, 99)),
      'store.lock_stall_ms_max': round(Math.max(...lateness)),
      'store.lock_gate_answer_ms_max': round(Math.max(...answers.map((a) => a.ms))),
      'store.lock_control_ms_max': round(Math.max(...controlMs)),
      'store.lock_gate_requests': answers.length,
      'store.lock_gate_denied': denied,
    };
  } finally {
    client.close();
    await core.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}
