// The real Amp binary (0.0.1790142911) asking Gatehouse's delegate, started with `gatehouse run` against a real
// `gatehouse daemon`. Amp cannot run a thread here (it needs ampcode.com), so the tool never runs: `amp permissions
// test` evaluates the rules Gatehouse wired and runs the delegate for real, which is the whole of Amp's side of the
// protocol. Pinned: the delegate gets the arguments and the tool's name, a held call waits for a person, allow is
// "action: allow", a deny is "action: reject" with the reason Amp hands the model, and a core that is gone rejects.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../shared/domain.ts';
import { readAdminToken } from '../../electron/core/admin-token.ts';
import { connectControl, type ControlClient } from '../../electron/core/control/client.ts';
import { corePaths } from '../../electron/core/paths.ts';
import { ampInvocation } from '../support/agents.ts';
import { startCli, startDaemon, type CliResult } from '../support/cli.ts';
import { tempDir } from '../support/temp.ts';

const TEST_TIMEOUT_MS = 90_000;

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function world() {
  const root = tempDir('gh-e2e-amp-');
  const ghHome = path.join(root, 'gatehouse');
  const work = path.join(root, 'work');
  const home = path.join(root, 'agent-home');
  fs.mkdirSync(work);
  const daemon = await startDaemon(ghHome, ['--hold-timeout', '60s']);
  cleanups.push(() => daemon.stop());
  const paths = corePaths(ghHome);
  const client: ControlClient = await connectControl(paths.controlSocket, readAdminToken(paths.adminTokenFile));
  cleanups.push(async () => client.close());
  const events: CoreEvent[] = [];
  const waiters = new Set<() => void>();
  await client.events((e) => {
    events.push(e);
    waiters.forEach((w) => w());
  });
  const held = () =>
    new Promise<Extract<CoreEvent, { type: 'request.held' }>>((resolve) => {
      const check = () => {
        const found = events.find((e) => e.type === 'request.held');
        if (found) {
          waiters.delete(check);
          resolve(found as Extract<CoreEvent, { type: 'request.held' }>);
        }
      };
      waiters.add(check);
      check();
    });
  const run = (tool: string, args: Record<string, string>): Promise<CliResult> => {
    const inv = ampInvocation({ home, tool, args });
    return startCli(
      ['run', '--', inv.command, ...inv.args],
      { ...inv.env, GATEHOUSE_HOME: ghHome },
      { cwd: work, input: null },
    ).done;
  };
  return { daemon, client, work, home, run, held, events };
}

describe('amp through gatehouse run (amp permissions test: the rules and the delegate, not a thread)', () => {
  it('holds a Bash call for a person; allowed, Amp would run it', { timeout: TEST_TIMEOUT_MS }, async () => {
    const w = await world();
    const done = w.run('Bash', { cmd: 'touch ran.txt', cwd: w.work });
    const { request } = await w.held();
    expect(request).toMatchObject({ agent: 'amp', tool: 'Bash', command: 'touch ran.txt', cwd: w.work });
    await w.client.api.decide({ id: request.id, decision: 'allow' });
    const result = await done;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/action: allow/);
  });

  it('denied, Amp rejects it and hands the model the reason', { timeout: TEST_TIMEOUT_MS }, async () => {
    const w = await world();
    const done = w.run('Bash', { cmd: 'touch ran.txt' });
    const { request } = await w.held();
    await w.client.api.decide({ id: request.id, decision: 'deny', reason: 'not on a Friday' });
    const result = await done;
    expect(result.stdout).toMatch(/action: reject/);
    expect(result.stdout).toContain('The user denied this command in Gatehouse: not on a Friday');
  });

  it('passes a tool Gatehouse does not hold, without a card', { timeout: TEST_TIMEOUT_MS }, async () => {
    const w = await world();
    const result = await w.run('edit_file', { path: path.join(w.work, 'notes.txt') });
    expect(result.stdout).toMatch(/action: allow/);
    expect(w.events.filter((e) => e.type === 'request.held')).toEqual([]);
  });

  it('rejects when the core is gone, and says why', { timeout: TEST_TIMEOUT_MS }, async () => {
    const w = await world();
    const done = w.run('Bash', { cmd: 'touch ran.txt' });
    await w.held();
    w.daemon.child.kill('SIGKILL');
    const result = await done;
    expect(result.stdout).toMatch(/action: reject/);
    expect(result.stdout).toContain('Gatehouse blocked this command');
  });
});
