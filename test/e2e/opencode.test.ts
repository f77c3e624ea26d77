// The real OpenCode, started with `gatehouse run`, driven by the mock Messages API on loopback, with a real
// `gatehouse daemon`: Gatehouse's plug-in holds its shell command until a person decides, and blocks it when the core
// is gone. The launch checks refuse `--pure`, which would load no plug-in.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../shared/domain.ts';
import { readAdminToken } from '../../electron/core/admin-token.ts';
import { connectControl, type ControlClient } from '../../electron/core/control/client.ts';
import { corePaths } from '../../electron/core/paths.ts';
import { opencodeInvocation } from '../support/agents.ts';
import { startCli, startDaemon, type CliResult } from '../support/cli.ts';
import { startMockAnthropic } from '../support/mock-anthropic.ts';
import { tempDir } from '../support/temp.ts';

const TEST_TIMEOUT_MS = 120_000;

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function world(opts: { beforeToolCall?: () => Promise<void>; args?: string[] } = {}) {
  const root = tempDir('gh-e2e-opencode-');
  const ghHome = path.join(root, 'gatehouse');
  const work = path.join(root, 'work');
  fs.mkdirSync(work);
  const marker = path.join(work, 'ran.txt');
  const command = `touch ${marker} && echo "ran-$((6*7))"`;
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
  const mock = await startMockAnthropic({ command, shellTool: 'bash', beforeToolCall: opts.beforeToolCall });
  cleanups.push(() => mock.close());
  const inv = opencodeInvocation({ mockUrl: mock.url, home: path.join(root, 'agent-home'), prompt: 'run it' });
  const event = <T extends CoreEvent['type']>(
    type: T,
    match: (e: Extract<CoreEvent, { type: T }>) => boolean = () => true,
  ) =>
    new Promise<Extract<CoreEvent, { type: T }>>((resolve) => {
      const check = () => {
        const found = events.find((e) => e.type === type && match(e as Extract<CoreEvent, { type: T }>));
        if (found) {
          waiters.delete(check);
          resolve(found as Extract<CoreEvent, { type: T }>);
        }
      };
      waiters.add(check);
      check();
    });
  const run = (): Promise<CliResult> =>
    startCli(
      ['run', '--', inv.command, ...(opts.args ?? []), ...inv.args],
      { ...inv.env, GATEHOUSE_HOME: ghHome },
      { cwd: work, input: null },
    ).done;
  return { daemon, client, mock, marker, command, work, run, event, events };
}

describe('opencode through gatehouse run', () => {
  it(
    'holds the command until a person allows it; then it runs and what ran is recorded',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const w = await world();
      const done = w.run();
      const { request } = await w.event('request.held');
      expect(request).toMatchObject({
        agent: 'opencode',
        command: w.command,
        cwd: w.work,
        status: 'pending',
        tool: 'bash',
      });
      expect(fs.existsSync(w.marker)).toBe(false);
      await w.client.api.decide({ id: request.id, decision: 'allow' });
      const result = await done;
      expect(result.code, result.stderr).toBe(0);
      expect(fs.existsSync(w.marker)).toBe(true);
      expect(w.mock.toolResults.join('\n')).toContain('ran-42');
      const outcome = await w.event('request.outcome', (e) => e.request.id === request.id);
      expect(outcome.request.outcome).toMatchObject({ state: 'ran', exitCode: 0 });
    },
  );

  it(
    'denies with a reason: the command does not run and the model reads the reason',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      const w = await world();
      const done = w.run();
      const { request } = await w.event('request.held');
      await w.client.api.decide({ id: request.id, decision: 'deny', reason: 'use the staging database instead' });
      await done;
      expect(fs.existsSync(w.marker)).toBe(false);
      expect(w.mock.toolResults).toEqual([
        'The user denied this command in Gatehouse: use the staging database instead',
      ]);
    },
  );

  it(
    'does not run the command when the core is not running, and tells the model why',
    { timeout: TEST_TIMEOUT_MS },
    async () => {
      let released = () => {};
      const coreStopped = new Promise<void>((resolve) => (released = resolve));
      const w = await world({ beforeToolCall: () => coreStopped });
      const done = w.run();
      await w.event('session.started');
      await w.daemon.stop();
      released();
      await done;
      expect(fs.existsSync(w.marker)).toBe(false);
      expect(w.mock.toolResults.join('\n')).toMatch(
        /Gatehouse blocked this command: .*the Gatehouse gate did not answer|Gatehouse blocked this command: curl: \(7\)/s,
      );
    },
  );

  it('refuses to start OpenCode with --pure, which loads no plug-in', { timeout: TEST_TIMEOUT_MS }, async () => {
    const w = await world({ args: ['--pure'] });
    const result = await w.run();
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('Gatehouse refuses to start OpenCode');
    expect(result.stderr).toContain('--pure');
    expect(w.mock.requests).toEqual([]);
  });
});
