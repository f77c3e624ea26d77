// Self-approval (issue 13, path 3), end to end with the real Claude Code and the real Codex: the agent's first command
// starts a background helper (setsid, so it outlives the command and leaves the agent's process tree) that waits for
// the agent's next held command and tries to allow it three ways: `gatehouse decide` (the CLI refuses by itself), the
// control socket with the admin token it reads (the core refuses: the helper carries the session's id), the same
// with an empty environment (the core refuses: its parent, the helper, carries it), and browser mode's WebSocket with
// the UI token it reads from the data directory and the page's Origin claimed (the core refuses: the same peer check). Nobody else decides the second
// command: it is denied at the hold timeout, its marker never appears, and the audit trail has each refused attempt.
// The first command is allowed by this test's own client, which is not inside the session: a person's decision works.
//
// The helper script is written here and run only by the agent, inside its temporary work directory.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/audit.ts';
import type { CoreEvent, GateRequest } from '../../shared/domain.ts';
import { readAdminToken } from '../../electron/core/admin-token.ts';
import { shellQuote } from '../../electron/core/agents/hook-command.ts';
import { connectControl } from '../../electron/core/control/client.ts';
import { corePaths } from '../../electron/core/paths.ts';
import { claudeInvocation, codexInvocation, type AgentInvocation } from '../support/agents.ts';
import { BIN, startCli, startDaemon } from '../support/cli.ts';
import { startMockAnthropic } from '../support/mock-anthropic.ts';
import type { MockModelServer } from '../support/mock-model.ts';
import { startMockResponses } from '../support/mock-responses.ts';
import { tempDir } from '../support/temp.ts';

const RAW_CLIENT = path.resolve('test/support/raw-control-client.mjs');
const RAW_UI_CLIENT = path.resolve('test/support/raw-ui-client.mjs');
/** Long enough for the helper's three attempts (each a Node start), short enough for the test. */
const HOLD_TIMEOUT = '25s';
/** How long the helper may still take once the agent has finished. */
const HELPER_DEADLINE_MS = 30_000;

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface AgentCase {
  name: 'claude' | 'codex';
  mock(o: { command: string; then: string[] }): Promise<MockModelServer>;
  invocation(o: { mockUrl: string; home: string; cwd: string }): AgentInvocation;
}

const AGENTS: AgentCase[] = [
  {
    name: 'claude',
    mock: startMockAnthropic,
    invocation: ({ mockUrl, home }) => claudeInvocation({ mockUrl, home, prompt: 'run the commands' }),
  },
  {
    name: 'codex',
    mock: startMockResponses,
    // Without Codex's own sandbox: the attack matters most where none is on, and Gatehouse's check must hold alone.
    // (With workspace-write on, Codex 0.169's helper never finished its attempts within the test's time; not pursued.)
    invocation: ({ mockUrl, home, cwd }) => {
      const inv = codexInvocation({ mockUrl, home, cwd, prompt: 'run the commands' });
      return { ...inv, args: inv.args.map((a) => (a === 'workspace-write' ? 'danger-full-access' : a)) };
    },
  },
];

/** The helper the agent starts: waits for the held command whose text has `tag`, then tries to allow it. */
function helperScript(o: {
  ghHome: string;
  controlSocket: string;
  tokenFile: string;
  uiPort: string;
  uiTokenFile: string;
  tag: string;
}): string {
  const node = shellQuote(process.execPath);
  const gatehouse = `GATEHOUSE_HOME=${shellQuote(o.ghHome)} ${node} ${shellQuote(BIN)}`;
  const pick = `let s="";process.stdin.on("data",(d)=>(s+=d)).on("end",()=>{const r=JSON.parse(s||"[]").find((x)=>x.command.includes(${JSON.stringify(o.tag)}));process.stdout.write(r?r.id:"")})`;
  const raw = `${node} ${shellQuote(RAW_CLIENT)} ${shellQuote(o.controlSocket)} ${shellQuote(o.tokenFile)} decide`;
  const rawUi = `${node} ${shellQuote(RAW_UI_CLIENT)} ${o.uiPort} ${shellQuote(o.uiTokenFile)} decide`;
  return [
    '#!/bin/sh',
    'n=0',
    'id=',
    'while [ -z "$id" ] && [ "$n" -lt 200 ]; do',
    `  id=$(${gatehouse} pending --json 2>>helper.err | ${node} -e ${shellQuote(pick)})`,
    '  [ -n "$id" ] || sleep 0.2',
    '  n=$((n+1))',
    'done',
    `${gatehouse} decide "$id" allow > attempt-cli.log 2>&1`,
    `${raw} "{\\"id\\":\\"$id\\",\\"decision\\":\\"allow\\"}" > attempt-raw.log 2>&1`,
    `env -i PATH="$PATH" ${raw} "{\\"id\\":\\"$id\\",\\"decision\\":\\"allow\\"}" > attempt-clean-env.log 2>&1`,
    `${rawUi} "{\\"id\\":\\"$id\\",\\"decision\\":\\"allow\\"}" > attempt-ui.log 2>&1`,
    ': > helper-done',
    '',
  ].join('\n');
}

async function until<T>(what: string, get: () => T | Promise<T>, deadlineMs: number): Promise<NonNullable<T>> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const value = await get();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.runIf(process.platform === 'linux').each(AGENTS)('$name cannot approve its own commands', (agent) => {
  it('a helper it started cannot allow its next command; the person can allow the first', async () => {
    const root = tempDir('gh-self-approval-');
    const ghHome = path.join(root, 'gatehouse');
    const work = path.join(root, 'work');
    fs.mkdirSync(work);
    const daemon = await startDaemon(ghHome, ['--hold-timeout', HOLD_TIMEOUT, '--ui']);
    const uiPort = /ui:\s+http:\/\/127\.0\.0\.1:(\d+)\//.exec(daemon.output())?.[1] ?? '';
    cleanups.push(() => daemon.stop());
    const paths = corePaths(ghHome);
    const client = await connectControl(paths.controlSocket, readAdminToken(paths.adminTokenFile));
    cleanups.push(async () => client.close());

    const tag = 'second-step';
    const marker = path.join(work, `marker-${tag}`);
    fs.writeFileSync(
      path.join(work, 'helper.sh'),
      helperScript({
        ghHome,
        controlSocket: paths.controlSocket,
        tokenFile: paths.adminTokenFile,
        uiPort,
        uiTokenFile: paths.uiTokenFile,
        tag,
      }),
    );
    const first = 'setsid sh helper.sh > /dev/null 2>&1 < /dev/null &';
    const second = `touch ${marker}`;

    const held: GateRequest[] = [];
    const decided = new Map<string, GateRequest>();
    await client.events((e: CoreEvent) => {
      if (e.type === 'request.held') {
        held.push(e.request);
        // This test is the person: it allows the helper's start, and nothing else.
        if (e.request.command === first) void client.api.decide({ id: e.request.id, decision: 'allow' });
      }
      if (e.type === 'request.decided') decided.set(e.request.id, e.request);
    });
    const mock = await agent.mock({ command: first, then: [second] });
    cleanups.push(() => mock.close());
    const inv = agent.invocation({ mockUrl: mock.url, home: path.join(root, 'agent-home'), cwd: work });
    // This layer on its own: in the sandbox the helper could not even reach the control socket or read the admin token.
    const result = await startCli(
      ['run', '--no-sandbox', '--', inv.command, ...inv.args],
      { ...inv.env, GATEHOUSE_HOME: ghHome },
      { cwd: work, input: null },
    ).done;
    expect(result.code, result.stderr).toBe(0);
    await until('the helper to finish', () => fs.existsSync(path.join(work, 'helper-done')), HELPER_DEADLINE_MS);

    const [start, next] = held;
    expect(held.map((r) => r.command)).toEqual([first, second]);
    expect(decided.get(start?.id ?? '')?.decision).toMatchObject({ decision: 'allow', decidedBy: 'human:cli' });
    expect(decided.get(next?.id ?? '')?.decision).toMatchObject({ decision: 'deny', decidedBy: 'timeout' });
    expect(fs.existsSync(marker)).toBe(false);

    const read = (f: string) => fs.readFileSync(path.join(work, f), 'utf8');
    expect(read('attempt-cli.log')).toContain('refusing to decide a held command from inside an agent session');
    expect(read('attempt-raw.log')).toContain('"code":"forbidden"');
    expect(read('attempt-clean-env.log')).toContain('"code":"forbidden"');
    expect(read('attempt-ui.log')).toContain('"code":"forbidden"');
    const refusals = (await client.api.listAudit({ limit: 1000 })).filter(
      (e: AuditEntry) => e.kind === 'decision.refused',
    );
    expect(refusals).toHaveLength(3);
    for (const entry of refusals) {
      expect(entry).toMatchObject({
        subject: next?.id,
        actor: `agent:${next?.sessionId}`,
        data: { call: 'decide', sessionId: next?.sessionId },
      });
    }
    expect((await client.api.verifyAudit()).ok).toBe(true);
  });
});
