// What ran after an allow, end to end: the real Claude Code in the reviewer UI in Chromium against `gatehouse daemon
// --ui` (an approved command that then fails shows its exit status on the card and under "Approved but failed" in the
// Audit), and the real Claude Code and Codex through `gatehouse run` with a real daemon (Codex's PostToolUse fires in
// `exec`, without an exit status; a command either agent refuses itself after the approval is "not run").
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CoreEvent, GateRequest } from '../../shared/domain.ts';
import { readAdminToken } from '../../electron/core/admin-token.ts';
import { connectControl, type ControlClient } from '../../electron/core/control/client.ts';
import { corePaths } from '../../electron/core/paths.ts';
import { claudeInvocation, codexInvocation, type AgentInvocation } from '../support/agents.ts';
import { launchChromium } from '../support/browser.ts';
import { startCli, startDaemon } from '../support/cli.ts';
import { startMockAnthropic } from '../support/mock-anthropic.ts';
import type { MockModelServer } from '../support/mock-model.ts';
import { startMockResponses } from '../support/mock-responses.ts';
import { tempDir } from '../support/temp.ts';
import { chooseTheme, shoot, uiWorld } from '../support/ui-world.ts';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('reviewer UI: an approved command that fails (real Claude Code, Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => browser?.close());

  it('shows its exit status, duration and output on the card, and under "Approved but failed" in the Audit', async () => {
    // It runs (the marker is touched), prints why it failed, and exits 3.
    const w = await uiWorld(browser, cleanups, {
      command: (marker) => `touch ${marker}; echo "3 tests failed: $((6*7))" >&2; exit 3`,
    });
    await w.open();
    const done = w.run();
    await w.card().waitFor();
    await w.card().click();
    await w
      .card()
      .getByRole('button', { name: /^Approve/ })
      .click();
    await w
      .card()
      .getByText(/Allowed by a person, in the window/)
      .waitFor();
    await w
      .card()
      .getByText(/^Ran · exit 3 · \d/)
      .waitFor();
    expect(await w.card().getByLabel('The end of its output').textContent()).toBe('3 tests failed: 42');
    await shoot(w.page, 'inbox-outcome-light');
    const result = await done;
    expect(result.code, result.stderr).toBe(0);
    expect(fs.existsSync(w.marker)).toBe(true);

    await w.page.getByRole('button', { name: 'Audit', exact: true }).click();
    await w.page.getByLabel('After approval').selectOption('failed');
    const row = w.page.locator('tr[data-request-id]', { hasText: w.marker });
    await row.getByText(/ · ran · exit 3 · /).waitFor();
    expect(await w.page.locator('tr[data-request-id]').count()).toBe(1);
    await row.getByText('Output').click();
    await row.getByText('3 tests failed: 42').waitFor();
    await shoot(w.page, 'audit-approved-but-failed-light');
    await chooseTheme(w.page, 'Dark');
    await w.page.getByRole('button', { name: 'Audit', exact: true }).click();
    await w.page.getByLabel('After approval').selectOption('failed');
    await row.getByText(/ · ran · exit 3 · /).waitFor();
    await shoot(w.page, 'audit-approved-but-failed-dark');
    // Nothing ran without failing: "Approved and ran" is empty.
    await w.page.getByLabel('After approval').selectOption('ran');
    await w.page.getByText('No decisions match this filter').waitFor();
  });
});

interface AgentWorld {
  client: ControlClient;
  mock: MockModelServer;
  work: string;
  run(): Promise<unknown>;
  event<T extends CoreEvent['type']>(
    type: T,
    match?: (e: Extract<CoreEvent, { type: T }>) => boolean,
  ): Promise<Extract<CoreEvent, { type: T }>>;
}

/** A daemon, a control client that approves every held command, a mock model, an agent started by `gatehouse run`. */
async function agentWorld(
  mock: (work: string) => Promise<MockModelServer>,
  invocation: (o: { mockUrl: string; home: string; cwd: string }) => AgentInvocation,
  extraArgs: string[] = [],
): Promise<AgentWorld> {
  const root = tempDir('gh-outcome-e2e-');
  const ghHome = path.join(root, 'gatehouse');
  const work = path.join(root, 'work');
  fs.mkdirSync(work);
  const daemon = await startDaemon(ghHome, ['--hold-timeout', '60s']);
  cleanups.push(() => daemon.stop());
  const paths = corePaths(ghHome);
  const client = await connectControl(paths.controlSocket, readAdminToken(paths.adminTokenFile));
  cleanups.push(async () => client.close());
  const events: CoreEvent[] = [];
  const waiters = new Set<() => void>();
  await client.events((e) => {
    events.push(e);
    if (e.type === 'request.held') void client.api.decide({ id: e.request.id, decision: 'allow' });
    waiters.forEach((w) => w());
  });
  const server = await mock(work);
  cleanups.push(() => server.close());
  const inv = invocation({ mockUrl: server.url, home: path.join(root, 'agent-home'), cwd: work });
  const event: AgentWorld['event'] = (type, match = () => true) =>
    new Promise((resolve) => {
      const check = () => {
        const found = events.find((e) => e.type === type && match(e as never));
        if (!found) return;
        waiters.delete(check);
        resolve(found as never);
      };
      waiters.add(check);
      check();
    });
  const run = () =>
    startCli(
      ['run', ...extraArgs, '--', inv.command, ...inv.args],
      { ...inv.env, GATEHOUSE_HOME: ghHome },
      { cwd: work, input: null },
    ).done;
  return { client, mock: server, work, run, event };
}

const outcomeOf = async (w: AgentWorld, r: GateRequest) =>
  (await w.event('request.outcome', (e) => e.request.id === r.id)).request.outcome;

describe('Codex through gatehouse run: PostToolUse fires in exec', () => {
  it('an approved command that exits 4: ran, with its output and the time from the approval; no exit status', async () => {
    const w = await agentWorld(
      () => startMockResponses({ command: 'echo "codex-out $((6*7))"; exit 4' }),
      ({ mockUrl, home, cwd }) => codexInvocation({ mockUrl, home, cwd, prompt: 'run it' }),
    );
    const done = w.run();
    const { request } = await w.event('request.held');
    expect(await outcomeOf(w, request)).toMatchObject({
      state: 'ran',
      exitCode: null,
      summary: 'codex-out 42',
      source: 'agent',
    });
    await done;
    expect(w.mock.toolResults.join('\n')).toContain('Process exited with code 4');
  });

  it('in code mode (its default model) too', async () => {
    const w = await agentWorld(
      () => startMockResponses({ command: 'echo "code-mode $((6*7))"' }),
      ({ mockUrl, home, cwd }) => codexInvocation({ mockUrl, home, cwd, prompt: 'run it', model: null }),
    );
    const done = w.run();
    const { request } = await w.event('request.held');
    expect(await outcomeOf(w, request)).toMatchObject({ state: 'ran', summary: 'code-mode 42' });
    await done;
  });

  it('a command Codex rejects itself after the approval (escalation in exec): not run, once its turn ended', async () => {
    const w = await agentWorld(
      (work) =>
        startMockResponses({
          command: `touch ${path.join(work, 'ran.txt')}`,
          toolArguments: { sandbox_permissions: 'require_escalated', justification: 'needs more' },
        }),
      ({ mockUrl, home, cwd }) => codexInvocation({ mockUrl, home, cwd, prompt: 'run it' }),
    );
    const done = w.run();
    const { request } = await w.event('request.held');
    expect(await outcomeOf(w, request)).toMatchObject({ state: 'not-run', source: 'turn-ended' });
    await done;
    expect(fs.existsSync(path.join(w.work, 'ran.txt'))).toBe(false);
    expect(w.mock.toolResults.join('\n')).toContain('reject command');
  });
});

describe('Claude Code through gatehouse run', () => {
  it('a command its own deny rule refuses after the approval: not run, once its turn ended', async () => {
    const settings = JSON.stringify({ permissions: { deny: ['Bash(touch:*)'] } });
    const w = await agentWorld(
      (work) => startMockAnthropic({ command: `touch ${path.join(work, 'ran.txt')}` }),
      ({ mockUrl, home }) => {
        const inv = claudeInvocation({ mockUrl, home, prompt: 'run it' });
        // Their own --settings: Gatehouse merges it with its layer.
        return { ...inv, args: [...inv.args, '--settings', settings] };
      },
    );
    const done = w.run();
    const { request } = await w.event('request.held');
    expect(await outcomeOf(w, request)).toMatchObject({ state: 'not-run', source: 'turn-ended' });
    await done;
    expect(fs.existsSync(path.join(w.work, 'ran.txt'))).toBe(false);
  });

  it('a command that succeeds: ran, exit 0, its duration and output', async () => {
    const w = await agentWorld(
      () => startMockAnthropic({ command: 'echo "fine $((6*7))"' }),
      ({ mockUrl, home }) => claudeInvocation({ mockUrl, home, prompt: 'run it' }),
    );
    const done = w.run();
    const { request } = await w.event('request.held');
    const outcome = await outcomeOf(w, request);
    expect(outcome).toMatchObject({ state: 'ran', exitCode: 0, summary: 'fine 42', source: 'agent' });
    expect(outcome?.durationMs).toBeGreaterThanOrEqual(0);
    await done;
  });
});
