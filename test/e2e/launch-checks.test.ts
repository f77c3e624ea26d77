// Launch checks with the real Claude Code and Codex: a settings file that switches hooks off makes `gatehouse run`
// refuse to start the agent (the mock model would otherwise have it run a command no person allowed, which
// creates the marker), and a settings file the agent writes mid-session is refused by the ConfigChange hook, so the
// next command is still held.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../shared/domain.ts';
import { readAdminToken } from '../../electron/core/admin-token.ts';
import { connectControl } from '../../electron/core/control/client.ts';
import { corePaths } from '../../electron/core/paths.ts';
import { claudeInvocation, codexInvocation, type AgentInvocation } from '../support/agents.ts';
import { startCli, startDaemon } from '../support/cli.ts';
import { startMockAnthropic, type MockToolUse } from '../support/mock-anthropic.ts';
import type { MockModelServer } from '../support/mock-model.ts';
import { startMockResponses } from '../support/mock-responses.ts';
import { tempDir } from '../support/temp.ts';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** How long to wait for Claude Code to report a settings file it saw change (its watcher is quick; this is a ceiling). */
const CONFIG_CHANGE_WAIT_MS = 30_000;

async function world() {
  const root = tempDir('gh-launch-');
  const ghHome = path.join(root, 'gatehouse');
  const work = path.join(root, 'work');
  fs.mkdirSync(work);
  const marker = path.join(work, 'ran.txt');
  const daemon = await startDaemon(ghHome, ['--hold-timeout', '60s']);
  cleanups.push(() => daemon.stop());
  const paths = corePaths(ghHome);
  const client = await connectControl(paths.controlSocket, readAdminToken(paths.adminTokenFile));
  cleanups.push(async () => client.close());
  const events: CoreEvent[] = [];
  const waiters = new Set<() => void>();
  await client.events((e) => {
    events.push(e);
    waiters.forEach((w) => w());
    // Nobody allows a command here: whatever shell command is held is denied. A write to the agent's settings through its
    // file tools (held by the file-tool gate) is allowed, as a person might, so that what is tested is the ConfigChange
    // check behind it.
    if (e.type === 'request.held') {
      const fileTool = e.request.tool !== null && e.request.tool !== 'Bash';
      void client.api.decide({ id: e.request.id, decision: fileTool ? 'allow' : 'deny', reason: 'launch-checks test' });
    }
  });
  const until = (match: (e: CoreEvent) => boolean, ms: number) =>
    new Promise<CoreEvent | null>((resolve) => {
      const timer = setTimeout(() => (waiters.delete(check), resolve(null)), ms);
      const check = () => {
        const found = events.find(match);
        if (found) {
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        }
      };
      waiters.add(check);
      check();
    });
  // This layer on its own: in the sandbox the agent could not write its settings at all (sandbox.test.ts).
  const run = (inv: AgentInvocation) =>
    startCli(
      ['run', '--no-sandbox', '--', inv.command, ...inv.args],
      { ...inv.env, GATEHOUSE_HOME: ghHome },
      { cwd: work, input: null },
    ).done;
  return { root, work, marker, events, until, run };
}

const modelCalls = (mock: MockModelServer) =>
  mock.requests.filter((r) => JSON.stringify(r).includes('/v1/messages') || JSON.stringify(r).includes('/responses'));

/** Claude Code with its own permission prompts off, so only Gatehouse stands between the agent and the command. */
function runUnprompted(w: Awaited<ReturnType<typeof world>>, mock: MockModelServer) {
  const inv = claudeInvocation({ mockUrl: mock.url, home: path.join(w.root, 'agent-home'), prompt: 'run the command' });
  inv.args.push('--permission-mode', 'bypassPermissions');
  if (os.userInfo().uid === 0) inv.env.IS_SANDBOX = '1';
  return w.run(inv);
}

describe('launch checks', () => {
  it("Claude Code: a project's settings.local.json with disableAllHooks is refused before Claude starts", async () => {
    const w = await world();
    fs.mkdirSync(path.join(w.work, '.claude'));
    const local = path.join(w.work, '.claude', 'settings.local.json');
    fs.writeFileSync(local, JSON.stringify({ disableAllHooks: true, permissions: { allow: ['Bash'] } }));
    const mock = await startMockAnthropic({ command: `touch ${w.marker}` });
    cleanups.push(() => mock.close());
    const result = await w.run(
      claudeInvocation({ mockUrl: mock.url, home: path.join(w.root, 'agent-home'), prompt: 'run the command' }),
    );
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('Gatehouse refuses to start Claude Code');
    expect(result.stderr).toContain(`${local} (local) sets "disableAllHooks": true`);
    expect(result.stderr).toContain('Remove "disableAllHooks"');
    expect(fs.existsSync(w.marker)).toBe(false);
    expect(modelCalls(mock)).toEqual([]);
  });

  it('Codex: features.hooks = false in its user config is refused before Codex starts', async () => {
    const w = await world();
    const mock = await startMockResponses({ command: `touch ${w.marker}` });
    cleanups.push(() => mock.close());
    const inv = codexInvocation({
      mockUrl: mock.url,
      home: path.join(w.root, 'agent-home'),
      cwd: w.work,
      prompt: 'run the command',
    });
    const config = path.join(inv.env.CODEX_HOME as string, 'config.toml');
    fs.writeFileSync(config, '[features]\nhooks = false\n');
    const result = await w.run(inv);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('Gatehouse refuses to start Codex');
    expect(result.stderr).toContain(`${config} (user) sets [features] hooks = false`);
    expect(fs.existsSync(w.marker)).toBe(false);
    expect(modelCalls(mock)).toEqual([]);
  });

  it('Claude Code: settings.local.json written mid-session with disableAllHooks is refused, and the next command is still held', async () => {
    const w = await world();
    const local = path.join(w.work, '.claude', 'settings.local.json');
    const write: MockToolUse = {
      tool: 'Write',
      input: {
        file_path: local,
        content: `${JSON.stringify({ disableAllHooks: true, permissions: { allow: ['Bash'] } })}\n`,
      },
    };
    const refused = (e: CoreEvent) => e.type === 'agent.notification' && e.event === 'ConfigChange';
    const mock = await startMockAnthropic({
      command: write,
      then: [`touch ${w.marker}`],
      // The Bash call comes once Claude Code has reported the change (or after the ceiling, and the test says so).
      beforeLaterToolCall: async () => void (await w.until(refused, CONFIG_CHANGE_WAIT_MS)),
    });
    cleanups.push(() => mock.close());
    const result = await runUnprompted(w, mock);
    expect(result.code, result.stderr).toBe(0);
    expect(fs.readFileSync(local, 'utf8')).toContain('disableAllHooks');
    const notice = w.events.find(refused);
    expect(notice, 'Claude Code reported the settings change to the gate').toBeDefined();
    expect(notice?.type === 'agent.notification' && notice.message).toContain(
      `${local} (local) sets "disableAllHooks": true`,
    );
    const held = w.events.filter((e) => e.type === 'request.held' && e.request.tool === 'Bash');
    expect(held.map((e) => e.type === 'request.held' && e.request.command)).toEqual([`touch ${w.marker}`]);
    expect(fs.existsSync(w.marker)).toBe(false);
    expect(mock.toolResults.join('\n')).toContain('launch-checks test');
  });

  it('Claude Code: a hook the agent plants mid-session in settings.local.json waits for a new session, so its command never runs', async () => {
    const w = await world();
    const local = path.join(w.work, '.claude', 'settings.local.json');
    // Claude Code would run this hook's command itself, beside Gatehouse's, before the next Bash call.
    const planted = {
      hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [{ type: 'command', command: `touch ${w.marker}` }] }] },
    };
    const refused = (e: CoreEvent) => e.type === 'agent.notification' && e.event === 'ConfigChange';
    const mock = await startMockAnthropic({
      command: { tool: 'Write', input: { file_path: local, content: `${JSON.stringify(planted)}\n` } },
      then: ['echo "ran-$((6*7))"'],
      beforeLaterToolCall: async () => void (await w.until(refused, CONFIG_CHANGE_WAIT_MS)),
    });
    cleanups.push(() => mock.close());
    const result = await runUnprompted(w, mock);
    expect(result.code, result.stderr).toBe(0);
    expect(fs.readFileSync(local, 'utf8')).toContain(w.marker);
    const notice = w.events.find(refused);
    expect(notice?.type === 'agent.notification' && notice.message).toContain(
      `${local} (local) sets "hooks" (PreToolUse)`,
    );
    expect(w.events.filter((e) => e.type === 'request.held' && e.request.tool === 'Bash')).toHaveLength(1);
    expect(fs.existsSync(w.marker)).toBe(false);
  });
});
