// For the end-to-end tests of `gatehouse install <agent>`: the real agent started plainly (no `gatehouse run`), and a
// control client watching the core's events for the request its installed hook sends.
import { spawn } from 'node:child_process';
import type { CoreEvent } from '../../shared/domain.ts';
import { readAdminToken } from '../../electron/core/admin-token.ts';
import { connectControl, type ControlClient } from '../../electron/core/control/client.ts';
import { corePaths } from '../../electron/core/paths.ts';
import type { AgentInvocation } from './agents.ts';

/** Runs the agent to its end: its exit status, what it printed, and how long it took. */
export function runAgent(
  inv: AgentInvocation,
  cwd: string,
): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(inv.command, inv.args, { env: inv.env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

/** A control client on the core at `ghHome`, and the first event of a type (already seen or to come). */
export async function watch(ghHome: string) {
  const paths = corePaths(ghHome);
  const client: ControlClient = await connectControl(paths.controlSocket, readAdminToken(paths.adminTokenFile));
  const events: CoreEvent[] = [];
  const waiters = new Set<() => void>();
  await client.events((e) => {
    events.push(e);
    waiters.forEach((w) => w());
  });
  const event = <T extends CoreEvent['type']>(type: T) =>
    new Promise<Extract<CoreEvent, { type: T }>>((resolve) => {
      const check = () => {
        const found = events.find((e) => e.type === type);
        if (found) {
          waiters.delete(check);
          resolve(found as Extract<CoreEvent, { type: T }>);
        }
      };
      waiters.add(check);
      check();
    });
  return { client, event, events };
}
