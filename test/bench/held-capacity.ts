// gate.held_capacity: how many requests a core can hold at once under the default open-files limit (1024), with the
// core still answering. Every held request keeps its hook's connection (one descriptor); past the limit new hooks
// cannot connect (their commands are blocked). A real daemon runs as a child under `ulimit -n 1024`; sessions of
// MAX_HELD_PER_SESSION requests each are held until a new connection fails; then the control connection opened before
// must still answer, with the held count and the descriptor use.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { readAdminToken } from '../../electron/core/admin-token.ts';
import { MAX_HELD_PER_SESSION } from '../../electron/core/broker/broker.ts';
import { connectControl } from '../../electron/core/control/client.ts';
import { GATE_PATHS } from '../support/gate-paths.ts';
import { corePaths } from '../../electron/core/paths.ts';
import { BIN } from '../support/cli.ts';

const LIMIT = 1024;
/** Well past what the limit allows: the flood stops at the first connection the core cannot take. */
const MAX_TRIES = 3000;
const PAYLOAD = JSON.stringify({
  hook_event_name: 'PreToolUse',
  tool_name: 'Bash',
  tool_input: { command: 'npm test' },
  cwd: '/tmp',
});

/** How long one request may take to be held before the core counts as unable to take more. */
const HOLD_WAIT_MS = 5000;

/**
 * Opens one request and resolves true once the core announced it held (`held()` reached `target`), false when its
 * connection failed, it was answered at once, or nothing came in time.
 */
function hold(
  socketPath: string,
  token: string,
  opened: http.ClientRequest[],
  held: () => number,
  target: number,
): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearInterval(poll);
      clearTimeout(timer);
      resolve(ok);
    };
    const poll = setInterval(() => held() >= target && done(true), 2);
    const timer = setTimeout(() => done(false), HOLD_WAIT_MS);
    const req = http.request({
      socketPath,
      path: GATE_PATHS.claudePreToolUse,
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    });
    req.on('error', () => done(false));
    req.on('response', (res) => {
      // Answered at once: not held (a refusal, or the core out of descriptors for its database).
      res.resume();
      done(false);
    });
    req.end(PAYLOAD);
    opened.push(req);
  });
}

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('the daemon did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function heldCapacity(): Promise<Record<string, number>> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'gh-bench-held-'));
  const paths = corePaths(home, process.env);
  // Our own command line, not data: the limit, then the daemon in place of the shell.
  const daemon = spawn(
    'sh',
    ['-c', `ulimit -n ${LIMIT} && exec "$0" "$@"`, process.execPath, BIN, 'daemon', '--hold-timeout', '10m'],
    {
      env: { ...process.env, GATEHOUSE_HOME: home },
      stdio: ['ignore', 'ignore', 'ignore'],
    },
  );
  const opened: http.ClientRequest[] = [];
  try {
    await waitFor(
      () =>
        fs.existsSync(paths.lockFile) &&
        (JSON.parse(fs.readFileSync(paths.lockFile, 'utf8')) as { controlSocket?: string }).controlSocket !== undefined,
      20_000,
    );
    const lock = JSON.parse(fs.readFileSync(paths.lockFile, 'utf8')) as { controlSocket: string; gateSocket: string };
    const client = await connectControl(lock.controlSocket, readAdminToken(paths.adminTokenFile));
    let heldEvents = 0;
    await client.events((e) => {
      if (e.type === 'request.held') heldEvents += 1;
    });
    let held = 0;
    let refused = 0;
    for (let tries = 0; tries < MAX_TRIES;) {
      const s = await client.api.startSession({ agent: 'claude', argv: ['bench'], cwd: home, pid: null });
      let inSession = 0;
      for (; inSession < MAX_HELD_PER_SESSION && tries < MAX_TRIES; inSession++, tries++) {
        if (!(await hold(lock.gateSocket, s.token, opened, () => heldEvents, held + inSession + 1))) {
          refused += 1;
          break;
        }
      }
      held += inSession;
      if (refused > 0) break;
    }
    // Give the core a moment to register the last ones, then ask it over the connection opened before the flood.
    await new Promise((r) => setTimeout(r, 500));
    const started = performance.now();
    const status = await client.api.status();
    const answerMs = performance.now() - started;
    client.close();
    return {
      'gate.held_capacity': status.pending,
      'gate.held_capacity_limit': LIMIT,
      'gate.held_capacity_control_answer_ms': Math.round(answerMs),
      'gate.held_capacity_descriptors_open': status.descriptors?.open ?? -1,
      'gate.held_capacity_seen_held': held,
    };
  } finally {
    for (const r of opened) r.destroy();
    daemon.kill('SIGTERM');
    await new Promise((r) => daemon.once('exit', r));
    fs.rmSync(home, { recursive: true, force: true });
  }
}
