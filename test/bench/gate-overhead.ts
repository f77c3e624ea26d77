// gate.overhead_ms_*: what the real hook command (sh + curl over the gate socket) adds to each agent command,
// for a request decided at once, over a no-op hook that only reads its stdin. The command is one the risk engine
// proves read-only, so it takes no undo snapshot (what a snapshot adds is `undo.snapshot_ms_*`, test/bench/undo.ts).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { blockingHookCommand } from '../../electron/core/agents/hook-command.ts';
import { readAdminToken } from '../../electron/core/admin-token.ts';
import { connectControl } from '../../electron/core/control/client.ts';
import { startCore } from '../../electron/core/core.ts';
import { GATE_PATHS } from '../support/gate-paths.ts';
import { percentile, round } from './stats.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 500);
const WARMUP = 20;
const PAYLOAD = JSON.stringify({
  session_id: 'bench',
  hook_event_name: 'PreToolUse',
  tool_name: 'Bash',
  tool_input: { command: 'ls -la' },
  cwd: '/tmp',
});
const NOOP_HOOK = 'cat >/dev/null; exit 0';
/** curl's own cost: the same client against the cheapest endpoint, to show how much of the overhead is the gate. */
const CURL_FLOOR = 'cat >/dev/null; curl -q -s --unix-socket "$GATEHOUSE_SOCKET" http://gatehouse/v1/health >/dev/null';

function timeHook(command: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('sh', ['-c', command], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code !== 0) reject(new Error(`hook exited ${code}: ${out}`));
      else resolve(ms);
    });
    child.stdin.end(PAYLOAD);
  });
}

export async function gateOverhead(): Promise<Record<string, number>> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-bench-'));
  // Decided immediately: the policy allows everything, as a rule will once rules exist.
  const core = await startCore({ home, policy: () => ({ decision: 'allow', reason: 'bench' }) });
  const client = await connectControl(core.paths.controlSocket, readAdminToken(core.paths.adminTokenFile));
  try {
    const s = await client.api.startSession({ agent: 'claude', argv: ['bench'], cwd: home, pid: null });
    const env = { PATH: process.env.PATH ?? '', GATEHOUSE_SOCKET: s.gateSocket, GATEHOUSE_TOKEN: s.token };
    const hook = blockingHookCommand({ kind: 'curl', curlPath: '/usr/bin/curl' }, GATE_PATHS.claudePreToolUse, 60);
    for (let i = 0; i < WARMUP; i++) {
      await timeHook(hook, env);
      await timeHook(NOOP_HOOK, env);
    }
    // Paired runs, alternating, so drift in machine load hits both sides alike.
    const overhead: number[] = [];
    const curlFloor: number[] = [];
    const hookTimes: number[] = [];
    const noopTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const h = await timeHook(hook, env);
      const n = await timeHook(NOOP_HOOK, env);
      const c = await timeHook(CURL_FLOOR, env);
      hookTimes.push(h);
      noopTimes.push(n);
      overhead.push(h - n);
      curlFloor.push(c - n);
    }
    return {
      'gate.overhead_ms_p50': round(percentile(overhead, 50)),
      'gate.overhead_ms_p99': round(percentile(overhead, 99)),
      'gate.hook_ms_p50': round(percentile(hookTimes, 50)),
      'gate.noop_hook_ms_p50': round(percentile(noopTimes, 50)),
      'gate.curl_floor_ms_p50': round(percentile(curlFloor, 50)),
      'gate.runs': RUNS,
    };
  } finally {
    client.close();
    await core.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
}
