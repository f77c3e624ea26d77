// The real Claude Code and the real Codex, started with `gatehouse run`, driven by mock model servers on
// loopback, with a real `gatehouse daemon`. Every shell command reaches the core before it runs.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../shared/domain.ts';
import { readAdminToken } from '../../electron/core/admin-token.ts';
import { connectControl, type ControlClient } from '../../electron/core/control/client.ts';
import { corePaths } from '../../electron/core/paths.ts';
import { claudeInvocation, codexInvocation, type AgentInvocation } from '../support/agents.ts';
import { startCli, startDaemon, type CliResult } from '../support/cli.ts';
import { startMockAnthropic } from '../support/mock-anthropic.ts';
import type { MockModelServer } from '../support/mock-model.ts';
import { startMockResponses } from '../support/mock-responses.ts';
import { tempDir } from '../support/temp.ts';

interface AgentCase {
  name: 'claude' | 'codex';
  mock(o: { command: string; beforeToolCall?: () => Promise<void> }): Promise<MockModelServer>;
  invocation(o: { mockUrl: string; home: string; cwd: string }): AgentInvocation;
}

const AGENTS: AgentCase[] = [
  {
    name: 'claude',
    mock: startMockAnthropic,
    invocation: ({ mockUrl, home }) => claudeInvocation({ mockUrl, home, prompt: 'run the command' }),
  },
  {
    name: 'codex',
    mock: startMockResponses,
    invocation: ({ mockUrl, home, cwd }) => codexInvocation({ mockUrl, home, cwd, prompt: 'run the command' }),
  },
];

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** One scenario's world: a data directory, a daemon, a control client watching events, a mock, a workdir. */
async function world(agent: AgentCase, opts: { holdTimeout?: string; beforeToolCall?: () => Promise<void> } = {}) {
  const root = tempDir('gh-e2e-');
  const ghHome = path.join(root, 'gatehouse');
  const work = path.join(root, 'work');
  fs.mkdirSync(work);
  const marker = path.join(work, 'ran.txt');
  // The output differs from the command text, so seeing it proves the command ran.
  const command = `touch ${marker} && echo "ran-$((6*7))"`;
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
  const mock = await agent.mock({ command, beforeToolCall: opts.beforeToolCall });
  cleanups.push(() => mock.close());
  const inv = agent.invocation({ mockUrl: mock.url, home: path.join(root, 'agent-home'), cwd: work });

  /** Resolves with the first event (already seen or to come) that matches. */
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

  return { daemon, client, mock, marker, command, work, run, event, events, agentTmp: inv.env.TMPDIR ?? '' };
}

describe.each(AGENTS)('$name through gatehouse run', (agent) => {
  it('holds the command until a person allows it; then it runs and its output reaches the agent', async () => {
    const w = await world(agent);
    const done = w.run();
    const { request } = await w.event('request.held');
    expect(request).toMatchObject({
      agent: agent.name,
      command: w.command,
      cwd: w.work,
      status: 'pending',
      tool: 'Bash',
    });
    expect(fs.existsSync(w.marker)).toBe(false);
    await w.client.api.decide({ id: request.id, decision: 'allow' });
    const result = await done;
    expect(result.code, result.stderr).toBe(0);
    expect(fs.existsSync(w.marker)).toBe(true);
    expect(w.mock.toolResults.join('\n')).toContain('ran-42');
    // The gate proved itself through the agent's own hook command before the agent started (agents/canary.ts).
    expect(result.stderr).toMatch(/gatehouse: {3}on +gate +live: a test request through the agent's own hook command/);
    expect(result.stderr).not.toContain('NOT LIVE');
    const gate = (await w.event('session.protections')).session.protections?.[0];
    expect(gate).toMatchObject({ layer: 'gate', state: 'on' });
    const ended = await w.event('session.ended');
    expect(ended.session).toMatchObject({ id: request.sessionId, exitCode: 0, agent: agent.name });
    if (agent.name === 'claude')
      await w.event('agent.notification', (e) => e.event === 'Stop' && e.sessionId === request.sessionId);
    // The temporary settings layer is gone with the run.
    expect(fs.readdirSync(w.agentTmp).filter((f) => f.startsWith('gatehouse-run-'))).toEqual([]);
  });

  it('denies with a reason: the command does not run and the agent reads the reason', async () => {
    const w = await world(agent);
    const done = w.run();
    const { request } = await w.event('request.held');
    await w.client.api.decide({ id: request.id, decision: 'deny', reason: 'use the staging database instead' });
    await done;
    expect(fs.existsSync(w.marker)).toBe(false);
    expect(w.mock.toolResults.join('\n')).toContain(
      'The user denied this command in Gatehouse: use the staging database instead',
    );
    expect(w.mock.toolResults.join('\n')).not.toContain('ran-42');
    // Claude Code hands the deny's additionalContext to the model too: not to retry it in another form.
    if (agent.name === 'claude')
      expect(JSON.stringify(w.mock.requests)).toContain('Do not try to reach the same result another way');
  });

  it('denies when nobody decides before the hold timeout, and says so', async () => {
    const w = await world(agent, { holdTimeout: '2s' });
    const done = w.run();
    const { request } = await w.event('request.held');
    const decided = await w.event('request.decided', (e) => e.request.id === request.id);
    expect(decided.request.decision).toMatchObject({ decision: 'deny', decidedBy: 'timeout' });
    await done;
    expect(fs.existsSync(w.marker)).toBe(false);
    expect(w.mock.toolResults.join('\n')).toContain('Nobody decided in Gatehouse within 2 seconds');
  });

  it('does not run the command when the core is killed while holding it', async () => {
    const w = await world(agent);
    const done = w.run();
    await w.event('request.held');
    w.daemon.child.kill('SIGKILL');
    const result = await done;
    expect(fs.existsSync(w.marker)).toBe(false);
    expect(w.mock.toolResults.join('\n')).toContain('Gatehouse blocked this command');
    expect(result.stderr).toContain('could not record the end of session');
  });

  it('does not run the command when the core is not running, and tells the agent why', async () => {
    let released = () => {};
    const coreStopped = new Promise<void>((resolve) => (released = resolve));
    const w = await world(agent, { beforeToolCall: () => coreStopped });
    const done = w.run();
    await w.event('session.started');
    await w.daemon.stop();
    released();
    await done;
    expect(fs.existsSync(w.marker)).toBe(false);
    expect(w.mock.toolResults.join('\n')).toMatch(
      /Gatehouse blocked this command: .*the Gatehouse gate did not answer|Gatehouse blocked this command: curl: \(7\)/s,
    );
  });
});

describe('codex in code mode (its default model)', () => {
  it('gates commands run from the JavaScript exec tool too', async () => {
    const codex = AGENTS[1] as AgentCase;
    const w = await world({
      ...codex,
      invocation: ({ mockUrl, home, cwd }) => codexInvocation({ mockUrl, home, cwd, prompt: 'run it', model: null }),
    });
    const done = w.run();
    const { request } = await w.event('request.held');
    expect(request.command).toBe(w.command);
    await w.client.api.decide({ id: request.id, decision: 'deny', reason: 'not now' });
    await done;
    expect(fs.existsSync(w.marker)).toBe(false);
    expect(w.mock.toolResults.join('\n')).toContain('The user denied this command in Gatehouse: not now');
  });
});
