// No decisions from inside an agent, through a real core and real processes on the control socket: a client carrying
// a session's id is refused; so is one that cleared its environment but descends from the process that started the
// session (as `gatehouse run` does); each attempt is in the audit trail; the person's own client still decides.
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { GATE_PATHS } from '../support/gate-paths.ts';
import { startTestCore, type TestCore } from '../support/core.ts';
import { PROJECT, testEngine } from '../support/risk.ts';
import { tempDir } from '../support/temp.ts';
import { post } from '../support/unix-http.ts';

const RAW_CLIENT = path.resolve('test/support/raw-control-client.mjs');
const engine = testEngine();
let core: TestCore | null = null;
afterEach(async () => {
  await core?.stop();
  core = null;
});

type Answer = { r?: unknown; e?: { code: string; message: string } };

async function hold(t: TestCore, token: string, command: string) {
  const held = t.next('request.held', (e) => e.request.command === command);
  const answer = post(
    t.core.paths.gateSocket,
    GATE_PATHS.claudePreToolUse,
    JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command }, cwd: PROJECT }),
    { authorization: `Bearer ${token}` },
  ).then(
    (r) =>
      (JSON.parse(r.body) as { hookSpecificOutput: { permissionDecision: string } }).hookSpecificOutput
        .permissionDecision,
  );
  return { request: (await held).request, answer };
}

/** Runs the raw client as its own process; `lines` receives each JSON answer it prints. */
function rawClient(t: TestCore, method: string, arg: unknown, env: NodeJS.ProcessEnv, then: string[] = []) {
  const child = spawn(
    process.execPath,
    [RAW_CLIENT, t.core.paths.controlSocket, t.core.paths.adminTokenFile, method, JSON.stringify(arg), ...then],
    { env, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const answers: Answer[] = [];
  const waiters: Array<() => void> = [];
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    answers.push(JSON.parse(line) as Answer);
    waiters.splice(0).forEach((w) => w());
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const nth = async (n: number): Promise<Answer> => {
    while (answers.length <= n) await new Promise<void>((resolve) => waiters.push(resolve));
    return answers[n] as Answer;
  };
  return { child, nth, exited };
}

describe.runIf(process.platform === 'linux')('decisions from inside an agent session', () => {
  it('refuses a client that carries the session id, audits it, and the person still decides', async () => {
    const t = (core = await startTestCore({ assess: (c, cwd) => engine.assess(c, cwd) }));
    const s = await t.client.api.startSession({ agent: 'claude', argv: ['claude'], cwd: PROJECT, pid: null });
    const { request, answer } = await hold(t, s.token, 'git push --force');

    const helper = rawClient(
      t,
      'decide',
      { id: request.id, decision: 'allow' },
      { PATH: process.env.PATH, GATEHOUSE_SESSION_ID: s.session.id },
    );
    const refused = await helper.nth(0);
    await helper.exited;
    expect(refused.e?.code).toBe('forbidden');
    expect(refused.e?.message).toContain(
      `from inside agent session ${s.session.id} (pid ${helper.child.pid} carries the session's GATEHOUSE_SESSION_ID)`,
    );
    expect(refused.e?.message).toContain(
      'Decide in the Gatehouse window, from its tray menu, or with `gatehouse` in a terminal the agent did not start.',
    );
    expect((await t.client.api.getRequest(request.id)).status).toBe('pending');

    // Read-only calls from the same place are answered.
    const reader = rawClient(t, 'getRequest', request.id, {
      PATH: process.env.PATH,
      GATEHOUSE_SESSION_ID: s.session.id,
    });
    expect((await reader.nth(0)).r).toMatchObject({ id: request.id, status: 'pending' });

    const audit = await t.client.api.listAudit({});
    expect(audit.find((e) => e.kind === 'decision.refused')).toMatchObject({
      actor: `agent:${s.session.id}`,
      subject: request.id,
      data: { call: 'decide', pid: helper.child.pid, sign: 'environment' },
    });

    await t.client.api.decide({ id: request.id, decision: 'deny', reason: 'the person decided' });
    expect(await answer).toBe('deny');
  });

  it('refuses a process below the one that started the session, even with its environment cleared', async () => {
    const t = (core = await startTestCore({ assess: (c, cwd) => engine.assess(c, cwd) }));
    // The launcher starts a session over the socket (as `gatehouse run` does), then a child with only PATH that tries to
    // start trust mode and, on the next line it reads, to allow the held request.
    const launcher = rawClient(
      t,
      'startSession',
      { agent: 'claude', argv: ['claude'], cwd: PROJECT, pid: null },
      { PATH: process.env.PATH },
      [
        '--then',
        process.execPath,
        RAW_CLIENT,
        t.core.paths.controlSocket,
        t.core.paths.adminTokenFile,
        'decide',
        '{"id":"{line}","decision":"allow"}',
      ],
    );
    const started = (await launcher.nth(0)).r as { token: string; session: { id: string } };
    const { request, answer } = await hold(t, started.token, 'git push --force');
    launcher.child.stdin?.write(`${request.id}\n`);
    const refused = await launcher.nth(1);
    await launcher.exited;
    expect(refused.e?.code).toBe('forbidden');
    expect(refused.e?.message).toMatch(
      new RegExp(
        `from inside agent session ${started.session.id} \\(pid \\d+ descends from the session's process ${launcher.child.pid}\\)`,
      ),
    );
    expect((await t.client.api.getRequest(request.id)).status).toBe('pending');
    const audit = await t.client.api.listAudit({});
    expect(audit.filter((e) => e.kind === 'decision.refused').map((e) => e.data)).toEqual([
      expect.objectContaining({ call: 'decide', sessionId: started.session.id, sign: 'ancestry' }),
    ]);
    await t.client.api.decide({ id: request.id, decision: 'allow' });
    expect(await answer).toBe('allow');
  });

  it('a hosted terminal counts as an agent session: its program is refused, even with an empty environment', async () => {
    const t = (core = await startTestCore({ assess: (c, cwd) => engine.assess(c, cwd) }));
    const argv = [
      'env',
      '-i',
      `PATH=${process.env.PATH ?? ''}`,
      process.execPath,
      RAW_CLIENT,
      t.core.paths.controlSocket,
      t.core.paths.adminTokenFile,
      'startTrust',
      '{"durationMs":60000}',
    ];
    const terminal = await t.client.api.startTerminal({ agent: 'shell', argv, cwd: tempDir('gh-hosted-') });
    await t.core.terminals.exited(terminal.sessionId);
    const [entry] = (await t.client.api.listAudit({})).filter((e) => e.kind === 'decision.refused');
    expect(entry).toMatchObject({
      actor: `agent:${terminal.sessionId}`,
      subject: 'startTrust',
      data: { call: 'startTrust', sign: 'ancestry' },
    });
    expect((await t.client.api.status()).trust.active).toBe(false);
  });
});
