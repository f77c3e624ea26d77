// The real Gemini CLI (0.61.0, from node_modules), started with `gatehouse run`, driven by a mock Gemini API on
// loopback, with a real `gatehouse daemon`. Its hooks come as an extension in a home folder of the launch's own; every
// run_shell_command reaches the core before it runs, and the person's own `.gemini` is left as it was.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../shared/domain.ts';
import { readAdminToken } from '../../electron/core/admin-token.ts';
import { connectControl, type ControlClient } from '../../electron/core/control/client.ts';
import { corePaths } from '../../electron/core/paths.ts';
import { geminiInvocation } from '../support/agents.ts';
import { startCli, startDaemon, type CliResult } from '../support/cli.ts';
import { startMockGemini, type MockFunctionCall } from '../support/mock-gemini.ts';
import { tempDir } from '../support/temp.ts';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function world(
  opts: { holdTimeout?: string; beforeToolCall?: () => Promise<void>; call?: (work: string) => MockFunctionCall } = {},
) {
  const root = tempDir('gh-e2e-gemini-');
  const ghHome = path.join(root, 'gatehouse');
  const work = path.join(root, 'work');
  fs.mkdirSync(work);
  const marker = path.join(work, 'ran.txt');
  // Gemini refuses `$(…)` itself; printf's output ("ran-42") still differs from the command's text.
  const command = `touch ${marker} && printf 'ran-%s\\n' 42`;
  const daemon = await startDaemon(ghHome, ['--hold-timeout', opts.holdTimeout ?? '60s']);
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
  const mock = await startMockGemini({
    command: opts.call ? opts.call(work) : command,
    beforeToolCall: opts.beforeToolCall,
  });
  cleanups.push(() => mock.close());
  const agentHome = path.join(root, 'agent-home');
  const inv = geminiInvocation({ mockUrl: mock.url, home: agentHome, prompt: 'run the command' });

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

/** Every file under `dir` with its content (links as their targets), to compare before and after a run. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir, { recursive: true }) as string[]) {
    const p = path.join(dir, name);
    const st = fs.lstatSync(p);
    out[name] = st.isSymbolicLink() ? `-> ${fs.readlinkSync(p)}` : st.isFile() ? fs.readFileSync(p, 'utf8') : '(dir)';
  }
  return out;
}

describe('gemini through gatehouse run', () => {
  it('holds the command until a person allows it; then it runs and its output reaches the model', async () => {
    const w = await world();
    const settingsBefore = fs.readFileSync(path.join(w.agentHome, '.gemini', 'settings.json'), 'utf8');
    const done = w.run();
    const { request } = await w.event('request.held');
    expect(request).toMatchObject({
      agent: 'gemini',
      command: w.command,
      cwd: w.work,
      status: 'pending',
      tool: 'run_shell_command',
    });
    expect(fs.existsSync(w.marker)).toBe(false);
    await w.client.api.decide({ id: request.id, decision: 'allow' });
    const result = await done;
    expect(result.code, result.stderr).toBe(0);
    expect(fs.existsSync(w.marker)).toBe(true);
    expect(w.mock.toolResults.join('\n')).toContain('ran-42');
    // AfterTool reported what ran; AfterAgent ended the turn.
    const outcome = await w.event('request.outcome', (e) => e.request.id === request.id);
    expect(outcome.request.outcome).toMatchObject({ state: 'ran' });
    await w.event('agent.notification', (e) => e.event === 'AfterAgent' && e.sessionId === request.sessionId);
    // The person's settings are as they were, and no Gatehouse extension was left in their .gemini.
    expect(fs.readFileSync(path.join(w.agentHome, '.gemini', 'settings.json'), 'utf8')).toBe(settingsBefore);
    expect(Object.keys(snapshot(path.join(w.agentHome, '.gemini'))).filter((n) => n.includes('gatehouse'))).toEqual([]);
  });

  it('denies with a reason: the command does not run and the model reads the reason', async () => {
    const w = await world();
    const done = w.run();
    const { request } = await w.event('request.held');
    await w.client.api.decide({ id: request.id, decision: 'deny', reason: 'use the staging database instead' });
    await done;
    expect(fs.existsSync(w.marker)).toBe(false);
    expect(w.mock.toolResults.join('\n')).toContain(
      'Tool execution blocked: The user denied this command in Gatehouse: use the staging database instead',
    );
  });

  it('denies when nobody decides before the hold timeout, and says so', async () => {
    const w = await world({ holdTimeout: '2s' });
    const done = w.run();
    const { request } = await w.event('request.held');
    const decided = await w.event('request.decided', (e) => e.request.id === request.id);
    expect(decided.request.decision).toMatchObject({ decision: 'deny', decidedBy: 'timeout' });
    await done;
    expect(fs.existsSync(w.marker)).toBe(false);
    expect(w.mock.toolResults.join('\n')).toContain('Nobody decided in Gatehouse within 2 seconds');
  });

  it('does not run the command when the core is not running, and tells the model why', async () => {
    let released = () => {};
    const coreStopped = new Promise<void>((resolve) => (released = resolve));
    const w = await world({ beforeToolCall: () => coreStopped });
    const done = w.run();
    await w.event('session.started');
    await w.daemon.stop();
    released();
    await done;
    expect(fs.existsSync(w.marker)).toBe(false);
    expect(w.mock.toolResults.join('\n')).toContain('Tool execution blocked: Gatehouse blocked this command');
  });

  it('holds a write_file into a protected place (the project’s Gemini settings); denied, it is not written', async () => {
    const w = await world({
      call: () => ({
        tool: 'write_file',
        args: { file_path: '.gemini/settings.json', content: '{"hooksConfig": {"enabled": false}}' },
      }),
    });
    const done = w.run();
    const { request } = await w.event('request.held');
    expect(request).toMatchObject({ agent: 'gemini', tool: 'write_file' });
    expect(request.command).toContain('write_file .gemini/settings.json');
    await w.client.api.decide({ id: request.id, decision: 'deny', reason: 'not the settings' });
    await done;
    expect(fs.existsSync(path.join(w.work, '.gemini', 'settings.json'))).toBe(false);
    expect(w.mock.toolResults.join('\n')).toContain('not the settings');
  });

  it('refuses to start when a settings layer switches hooks off, naming the file and the key', async () => {
    const w = await world();
    fs.mkdirSync(path.join(w.work, '.gemini'));
    const file = path.join(w.work, '.gemini', 'settings.json');
    fs.writeFileSync(file, '{\n  // no hooks here\n  "hooksConfig": { "enabled": false }\n}\n');
    const result = await w.run();
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('Gatehouse refuses to start Gemini CLI');
    expect(result.stderr).toContain(`${file} (project) sets "hooksConfig": {"enabled": false}`);
    expect(w.mock.requests).toEqual([]);
  });
});
