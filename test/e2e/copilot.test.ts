// The real GitHub Copilot CLI (1.0.102, from node_modules), started with `gatehouse run`, fully offline against the mock
// Messages API as its BYOK provider, with a real `gatehouse daemon`. Its hooks come as a plugin of the launch's own
// (`--plugin-dir`); every bash call reaches the core before it runs, and the person's own `.copilot` gets no hooks.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../shared/domain.ts';
import { readAdminToken } from '../../electron/core/admin-token.ts';
import { connectControl, type ControlClient } from '../../electron/core/control/client.ts';
import { corePaths } from '../../electron/core/paths.ts';
import { copilotInvocation } from '../support/agents.ts';
import { startCli, startDaemon, type CliResult } from '../support/cli.ts';
import { startMockAnthropic, type MockToolUse } from '../support/mock-anthropic.ts';
import { tempDir } from '../support/temp.ts';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function world(opts: { beforeToolCall?: () => Promise<void>; call?: (work: string) => MockToolUse } = {}) {
  const root = tempDir('gh-e2e-copilot-');
  const ghHome = path.join(root, 'gatehouse');
  const work = path.join(root, 'work');
  fs.mkdirSync(work);
  const marker = path.join(work, 'ran.txt');
  const command = `touch ${marker} && printf 'ran-%s\\n' 42`;
  const agentHome = path.join(root, 'agent-home');
  const daemon = await startDaemon(ghHome, ['--hold-timeout', '60s'], { HOME: agentHome });
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
  const mock = await startMockAnthropic({
    command: opts.call ? opts.call(work) : command,
    shellTool: 'bash',
    beforeToolCall: opts.beforeToolCall,
  });
  cleanups.push(() => mock.close());
  const inv = copilotInvocation({ mockUrl: mock.url, home: agentHome, prompt: 'run the command' });

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
      ['run', '--', inv.command, ...inv.args],
      { ...inv.env, GATEHOUSE_HOME: ghHome },
      { cwd: work, input: null },
    ).done;

  return { daemon, client, mock, marker, command, work, run, event, agentHome };
}

describe('GitHub Copilot CLI through gatehouse run', () => {
  it('holds the command until a person allows it; then it runs and its output reaches the model', async () => {
    const w = await world();
    const done = w.run();
    const { request } = await w.event('request.held');
    expect(request).toMatchObject({
      agent: 'copilot',
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
    // postToolUse reported what ran; agentStop ended the turn.
    const outcome = await w.event('request.outcome', (e) => e.request.id === request.id);
    expect(outcome.request.outcome).toMatchObject({ state: 'ran', exitCode: 0 });
    // No hooks of Gatehouse's were left in the person's own Copilot folder.
    const names = fs.readdirSync(path.join(w.agentHome, '.copilot'), { recursive: true }) as string[];
    expect(names.filter((n) => n.includes('gatehouse') || n.startsWith('hooks'))).toEqual([]);
  });

  it('denies with a reason: the command does not run and the model reads the reason', async () => {
    const w = await world();
    const done = w.run();
    const { request } = await w.event('request.held');
    await w.client.api.decide({ id: request.id, decision: 'deny', reason: 'use the staging database instead' });
    await done;
    expect(fs.existsSync(w.marker)).toBe(false);
    expect(w.mock.toolResults.join('\n')).toContain(
      'Denied by preToolUse hook: The user denied this command in Gatehouse: use the staging database instead',
    );
  });

  it('does not run the command when the core is not running: the hook exits 2 and Copilot denies the call', async () => {
    let released = () => {};
    const coreStopped = new Promise<void>((resolve) => (released = resolve));
    const w = await world({ beforeToolCall: () => coreStopped });
    const done = w.run();
    await w.event('session.started');
    await w.daemon.stop();
    released();
    await done;
    expect(fs.existsSync(w.marker)).toBe(false);
    expect(w.mock.toolResults.join('\n')).toContain('Denied by preToolUse hook: hook exited with code 2');
  });

  it('holds a create into a protected place (the repository’s Copilot hooks); denied, it is not written', async () => {
    const w = await world({
      call: (work) => {
        fs.mkdirSync(path.join(work, '.github', 'hooks'), { recursive: true });
        return {
          tool: 'create',
          input: { path: path.join(work, '.github', 'hooks', 'mine.json'), file_text: '{"version": 1, "hooks": {}}' },
        };
      },
    });
    const done = w.run();
    const { request } = await w.event('request.held');
    expect(request).toMatchObject({ agent: 'copilot', tool: 'create' });
    expect(request.command).toContain('create ');
    await w.client.api.decide({ id: request.id, decision: 'deny', reason: 'not the hooks' });
    await done;
    expect(fs.existsSync(path.join(w.work, '.github', 'hooks', 'mine.json'))).toBe(false);
    expect(w.mock.toolResults.join('\n')).toContain('not the hooks');
  });

  it('refuses to start when the repository switches every hook off, naming the file', async () => {
    const w = await world();
    const file = path.join(w.work, '.github', 'copilot', 'settings.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{ "disableAllHooks": true }\n');
    const result = await w.run();
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('Gatehouse refuses to start GitHub Copilot CLI');
    expect(result.stderr).toContain(`${file} (repository) sets "disableAllHooks": true`);
    expect(w.mock.requests).toEqual([]);
  });
});
