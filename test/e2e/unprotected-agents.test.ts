// An agent started outside Gatehouse is listed as unprotected: the real Claude Code and the real Codex, started by
// this test (not through `gatehouse run`) in a temporary HOME against a mock model that keeps them waiting before
// their first tool call (so they sit idle and run nothing), are found in /proc by `gatehouse status`, named by pid and
// working directory, and shown in the UI's Sessions view (real Chromium against `gatehouse daemon --ui`). A session
// started with `gatehouse run` is listed as protected, its gate live.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AgentStatusReport } from '../../shared/agent-status.ts';
import { claudeInvocation, codexInvocation, type AgentInvocation } from '../support/agents.ts';
import { launchChromium } from '../support/browser.ts';
import { cli, cliEnv, startCli, startDaemon } from '../support/cli.ts';
import { startMockAnthropic } from '../support/mock-anthropic.ts';
import { startMockResponses } from '../support/mock-responses.ts';
import { tempDir } from '../support/temp.ts';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

/** A mock model that holds the first tool call until the test ends: the agent waits, idle. */
function held(): { wait: () => Promise<void>; release: () => void } {
  let release = () => {};
  const gate = new Promise<void>((r) => (release = r));
  return { wait: () => gate, release };
}

/** Starts the agent as a person would without Gatehouse; ended (by its pid, ours) when the test ends. */
function startAgent(inv: AgentInvocation, cwd: string): ChildProcess {
  const child = spawn(inv.command, inv.args, { env: inv.env, cwd, stdio: ['ignore', 'ignore', 'ignore'] });
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  });
  return child;
}

async function statusUntil(home: string, check: (r: AgentStatusReport) => boolean): Promise<AgentStatusReport> {
  const end = Date.now() + 30_000;
  for (;;) {
    const r = await cli(['status', '--json'], cliEnv(home));
    const report = JSON.parse(r.stdout) as AgentStatusReport;
    if (check(report)) return report;
    if (Date.now() > end) throw new Error(`gatehouse status never matched: ${r.stdout}`);
    await new Promise((res) => setTimeout(res, 300));
  }
}

describe.runIf(process.platform === 'linux')('agents started outside Gatehouse', () => {
  it('are listed as unprotected by gatehouse status and in the UI; a gatehouse run session as protected', async () => {
    const root = tempDir('gh-unprotected-');
    const home = path.join(root, 'gatehouse');
    const work = path.join(root, 'work');
    fs.mkdirSync(work);
    const daemon = await startDaemon(home, ['--ui']);
    cleanups.push(() => daemon.stop());
    const hold = held();
    cleanups.push(async () => hold.release());
    // The command the models would ask for is harmless, and never sent: each agent waits before it.
    const marker = path.join(work, 'ran.txt');
    const claudeMock = await startMockAnthropic({ command: `touch ${marker}`, beforeToolCall: hold.wait });
    cleanups.push(() => claudeMock.close());
    const codexMock = await startMockResponses({ command: `touch ${marker}`, beforeToolCall: hold.wait });
    cleanups.push(() => codexMock.close());

    const claude = startAgent(
      claudeInvocation({ mockUrl: claudeMock.url, home: path.join(root, 'claude-home'), prompt: 'wait' }),
      work,
    );
    const codex = startAgent(
      codexInvocation({ mockUrl: codexMock.url, home: path.join(root, 'codex-home'), cwd: work, prompt: 'wait' }),
      work,
    );
    // Codex's own native program runs under its node launcher: one agent, the launcher's pid.
    const report = await statusUntil(home, (r) =>
      [claude.pid, codex.pid].every((pid) => r.agents.some((a) => a.pid === pid && a.state === 'unprotected')),
    );
    expect(report.processesScanned).toBe(true);
    expect(report.agents.find((a) => a.pid === claude.pid)).toMatchObject({
      agent: 'claude',
      cwd: work,
      sessionId: null,
    });
    expect(report.agents.find((a) => a.pid === codex.pid)).toMatchObject({
      agent: 'codex',
      cwd: work,
      sessionId: null,
    });
    expect(report.agents.filter((a) => a.agent === 'codex' && a.cwd === work)).toHaveLength(1);
    const text = (await cli(['status'], cliEnv(home))).stdout;
    expect(text).toContain(`UNPROTECTED    claude  pid ${claude.pid}, in ${work}`);
    expect(text).toContain(`Claude Code (pid ${claude.pid}) runs without Gatehouse: its commands are not held.`);

    // The same Claude Code, started with gatehouse run: protected, its gate proven at the start.
    const inv = claudeInvocation({ mockUrl: claudeMock.url, home: path.join(root, 'claude-home-2'), prompt: 'wait' });
    const run = startCli(
      ['run', '--no-sandbox', '--', inv.command, ...inv.args],
      { ...inv.env, GATEHOUSE_HOME: home },
      {
        cwd: work,
        input: null,
      },
    );
    cleanups.push(async () => {
      run.child.kill('SIGTERM');
      await run.done;
    });
    const withRun = await statusUntil(home, (r) =>
      r.agents.some((a) => a.state === 'protected' && a.agent === 'claude'),
    );
    const protectedOne = withRun.agents.find((a) => a.state === 'protected');
    expect(protectedOne?.detail).toMatch(/^gate live: a test request through the agent's own hook command/);
    // Its process is below the session's root (gatehouse run): not listed again as unprotected.
    expect(
      withRun.agents
        .filter((a) => a.state === 'unprotected' && a.cwd === work)
        .map((a) => a.pid)
        .sort(),
    ).toEqual([claude.pid, codex.pid].sort());

    // The UI: the Sessions view's panel and the status line's warning.
    const url = /ui:\s+(\S+)/.exec(daemon.output())?.[1] ?? '';
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    cleanups.push(() => context.close());
    const page = await context.newPage();
    await page.goto(url);
    const status = page.getByRole('region', { name: 'Gatehouse status' });
    await status.getByRole('link', { name: /agents? unprotected/ }).click();
    const panel = page.getByRole('region', { name: 'Running agents' });
    const row = panel.locator(`li[data-pid="${claude.pid}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-agent-state')).toBe('unprotected');
    expect(await row.textContent()).toContain('runs without Gatehouse');
    await panel.locator('li[data-agent-state="protected"]').first().waitFor();
    expect(fs.existsSync(marker)).toBe(false);
  });
});
