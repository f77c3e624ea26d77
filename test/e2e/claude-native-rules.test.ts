// "Also add to Claude Code's own rules", with the real Claude Code in `-p` started by `gatehouse run`, against the mock
// Messages API and a real `gatehouse daemon`: approved with the option, the command runs once and Claude Code itself
// writes the rule into the project's `.claude/settings.local.json` (its PermissionRequest, answered by the gate).
// Approved without it, nothing is written. In the sandbox (the project's `.claude/` read-only) it is not offered.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreEvent } from '../../shared/domain.ts';
import { readAdminToken } from '../../electron/core/admin-token.ts';
import { connectControl } from '../../electron/core/control/client.ts';
import { corePaths } from '../../electron/core/paths.ts';
import { claudeInvocation } from '../support/agents.ts';
import { startCli, startDaemon } from '../support/cli.ts';
import { git } from '../support/git-repo.ts';
import { startMockAnthropic } from '../support/mock-anthropic.ts';
import { tempDir } from '../support/temp.ts';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

// Claude Code asks before it runs this (it writes), so its own permission check would prompt.
const COMMAND = 'touch ran.txt';

async function world(o: { sandbox: boolean } = { sandbox: false }) {
  const root = tempDir('gh-e2e-native-');
  const ghHome = path.join(root, 'gatehouse');
  const work = path.join(root, 'work');
  fs.mkdirSync(work);
  // A repository of its own: Claude Code keeps local settings at the nearest folder with a `.git` (claudeProjectDir),
  // and a stray one above the test's folder (an empty `/tmp/.git` another agent's sandbox left) must not be it.
  git(work, 'init', '-q');
  const daemon = await startDaemon(ghHome, ['--hold-timeout', '60s']);
  cleanups.push(() => daemon.stop());
  const paths = corePaths(ghHome);
  const client = await connectControl(paths.controlSocket, readAdminToken(paths.adminTokenFile));
  cleanups.push(async () => client.close());
  const events: CoreEvent[] = [];
  let wake = () => {};
  await client.events((e) => {
    events.push(e);
    wake();
  });
  const until = async <T extends CoreEvent['type']>(type: T): Promise<Extract<CoreEvent, { type: T }>> => {
    for (;;) {
      const found = events.find((e) => e.type === type);
      if (found) return found as Extract<CoreEvent, { type: T }>;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };
  const mock = await startMockAnthropic({ command: COMMAND });
  cleanups.push(() => mock.close());
  const inv = claudeInvocation({ mockUrl: mock.url, home: path.join(root, 'agent-home'), prompt: 'run the command' });
  const done = startCli(
    ['run', ...(o.sandbox ? [] : ['--no-sandbox']), '--', inv.command, ...inv.args],
    { ...inv.env, GATEHOUSE_HOME: ghHome },
    { cwd: work, input: null },
  ).done;
  return { client, mock, work, done, until, local: path.join(work, '.claude', 'settings.local.json') };
}

describe("Claude Code's own rules through its PermissionRequest", () => {
  it('approved with the option: the command runs once and Claude Code keeps Bash(<command>) in settings.local.json', async () => {
    const w = await world();
    const { request } = await w.until('request.held');
    const suggestion = await w.client.api.suggestRules(request.id);
    expect(suggestion.agentRules).toMatchObject({ agent: 'Claude Code', where: w.local });
    const decided = await w.client.api.decide({
      id: request.id,
      decision: 'allow',
      remember: { kind: 'exact', pattern: COMMAND },
      agentRules: true,
    });
    expect(decided.rememberNotes).toContain(
      `exact:${COMMAND} is also added to Claude Code's rules as Bash(${COMMAND})`,
    );
    const result = await w.done;
    expect(result.code, result.stderr).toBe(0);
    expect(fs.existsSync(path.join(w.work, 'ran.txt'))).toBe(true);
    expect(w.mock.toolResults).toHaveLength(1);
    expect(w.mock.toolResults[0]).not.toMatch(/denied|permission/i);
    const settings = JSON.parse(fs.readFileSync(w.local, 'utf8')) as { permissions?: { allow?: string[] } };
    expect(settings.permissions?.allow).toEqual([`Bash(${COMMAND})`]);
    // Gatehouse's own rule is kept too, and the request says who allowed it.
    expect((await w.client.api.listRules({ all: false })).map((r) => `${r.kind}:${r.pattern}`)).toContain(
      `exact:${COMMAND}`,
    );
  });

  it("approved without it: the command runs and nothing is written into Claude Code's settings", async () => {
    const w = await world();
    const { request } = await w.until('request.held');
    await w.client.api.decide({ id: request.id, decision: 'allow', remember: { kind: 'exact', pattern: COMMAND } });
    const result = await w.done;
    expect(result.code, result.stderr).toBe(0);
    expect(fs.existsSync(path.join(w.work, 'ran.txt'))).toBe(true);
    expect(fs.existsSync(w.local)).toBe(false);
  });

  it('in the sandbox, where Claude Code cannot write its project settings, it is not offered and is refused', async () => {
    const w = await world({ sandbox: true });
    const { request } = await w.until('request.held');
    expect((await w.client.api.suggestRules(request.id)).agentRules).toBeUndefined();
    await expect(
      w.client.api.decide({
        id: request.id,
        decision: 'allow',
        remember: { kind: 'exact', pattern: COMMAND },
        agentRules: true,
      }),
    ).rejects.toThrow(/read-only/);
    // Nothing was decided by the refusal: the person can still approve it plainly.
    await w.client.api.decide({ id: request.id, decision: 'allow' });
    expect((await w.done).code).toBe(0);
    expect(fs.existsSync(w.local)).toBe(false);
  });
});
