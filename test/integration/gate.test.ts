// The gate over its real Unix socket: protocols, authentication, and bad input that must never be an allow.
import fs from 'node:fs';
import net from 'node:net';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { CLAUDE_DENY_CONTEXT } from '../../electron/core/agents/claude/protocol.ts';
import { MAX_BODY_BYTES } from '../../electron/core/gate/server.ts';
import { GATE_PATHS } from '../support/gate-paths.ts';
import { startTestCore, type TestCore } from '../support/core.ts';
import { post } from '../support/unix-http.ts';

let t: TestCore;
afterEach(async () => t?.stop());

const claudePayload = (command: string) =>
  JSON.stringify({
    session_id: 'abc',
    hook_event_name: 'PreToolUse',
    tool_name: 'Bash',
    tool_input: { command },
    cwd: '/work/p',
  });

async function session(agent: 'claude' | 'codex' | 'generic' = 'claude') {
  return t.client.api.startSession({ agent, argv: [agent], cwd: '/work/p', pid: null });
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('gate server', () => {
  it('holds a Claude Code command and answers with the decision in Claude Code words', async () => {
    t = await startTestCore();
    const s = await session('claude');
    const held = t.next('request.held');
    const answer = post(s.gateSocket, GATE_PATHS.claudePreToolUse, claudePayload('git push --force'), bearer(s.token));
    const { request } = await held;
    expect(request).toMatchObject({
      sessionId: s.session.id,
      agent: 'claude',
      command: 'git push --force',
      cwd: '/work/p',
      tool: 'Bash',
      status: 'pending',
    });
    await t.client.api.decide({ id: request.id, decision: 'deny', reason: 'not on main' });
    const res = await answer;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PreToolUse',
        permissionDecision: 'deny',
        permissionDecisionReason: 'The user denied this command in Gatehouse: not on main',
        additionalContext: CLAUDE_DENY_CONTEXT,
      },
    });
  });

  it('answers Codex with silence for allow and a reasoned deny otherwise', async () => {
    t = await startTestCore();
    const s = await session('codex');
    const payload = JSON.stringify({
      hook_event_name: 'PreToolUse',
      tool_name: 'Bash',
      tool_input: { command: ['bash', '-lc', 'npm test'] },
      cwd: '/w',
    });
    let held = t.next('request.held');
    let answer = post(s.gateSocket, GATE_PATHS.codexPreToolUse, payload, bearer(s.token));
    let { request } = await held;
    expect(request.command).toBe('npm test');
    await t.client.api.decide({ id: request.id, decision: 'allow' });
    expect(await answer).toEqual({ status: 200, body: '' });

    held = t.next('request.held');
    answer = post(s.gateSocket, GATE_PATHS.codexPermissionRequest, payload, bearer(s.token));
    ({ request } = await held);
    expect(request.kind).toBe('permission-request');
    await t.client.api.decide({ id: request.id, decision: 'deny' });
    expect(JSON.parse((await answer).body)).toMatchObject({
      hookSpecificOutput: { hookEventName: 'PermissionRequest', decision: { behavior: 'deny' } },
    });
  });

  it('answers the generic check with the decision as JSON', async () => {
    t = await startTestCore();
    const s = await session('generic');
    const held = t.next('request.held');
    const answer = post(
      s.gateSocket,
      GATE_PATHS.check,
      JSON.stringify({ command: 'make deploy', cwd: '/w' }),
      bearer(s.token),
    );
    await t.client.api.decide({ id: (await held).request.id, decision: 'allow' });
    expect(JSON.parse((await answer).body)).toMatchObject({ decision: 'allow', decidedBy: 'human:cli' });
  });

  it("answers a hosted shell's line with progress: that it waits, then how it was decided, then the answer; no key kept", async () => {
    t = await startTestCore();
    const s = await session('generic');
    const held = t.next('request.held');
    const line = { command: 'make deploy', cwd: '/w', progress: true, typed: 'a-key-the-gate-does-not-know' };
    const answer = post(s.gateSocket, GATE_PATHS.check, JSON.stringify(line), bearer(s.token));
    const { request } = await held;
    await t.client.api.decide({ id: request.id, decision: 'deny', reason: 'not now' });
    const res = await answer;
    expect(res.status).toBe(200);
    const [waiting, decided, last, ...rest] = res.body.split('\n');
    expect([waiting, decided, rest]).toEqual([
      `say: ‖ Waiting for your decision in Gatehouse — ${request.risk?.level} risk: make deploy. Ctrl-C cancels.`,
      'say: ✗ Denied in Gatehouse: not now',
      [''],
    ]);
    expect(JSON.parse(last ?? '')).toMatchObject({ requestId: request.id, decision: 'deny' });
    // The key a line comes with is proof for this one request, never data: it is not stored.
    const db = new Database(t.core.paths.database, { readonly: true });
    const stored = db
      .prepare<[string], { payload: string }>('SELECT payload FROM requests WHERE id = ?')
      .get(request.id);
    db.close();
    expect(JSON.parse(stored?.payload ?? 'null')).toEqual({ command: 'make deploy', cwd: '/w' });
  });

  it.each([
    ['no token', {}, claudePayload('ls'), 401],
    ['a malformed token', { authorization: 'Bearer x' }, claudePayload('ls'), 401],
    ['an unknown token', { authorization: `Bearer ${'a'.repeat(43)}` }, claudePayload('ls'), 401],
  ])('refuses a request with %s (401) and holds nothing', async (_name, headers, body, status) => {
    t = await startTestCore();
    await session('claude');
    const res = await post(
      t.core.paths.gateSocket,
      GATE_PATHS.claudePreToolUse,
      body,
      headers as Record<string, string>,
    );
    expect(res.status).toBe(status);
    expect(JSON.parse(res.body).error).toBeTruthy();
    expect(await t.client.api.listPending()).toEqual([]);
  });

  it('answers malformed, invalid and oversized requests with 4xx and stays up', async () => {
    t = await startTestCore();
    const s = await session('claude');
    const auth = bearer(s.token);
    const cases: Array<[string, string | Buffer, number]> = [
      [GATE_PATHS.claudePreToolUse, '{not json', 400],
      [GATE_PATHS.claudePreToolUse, JSON.stringify({ hook_event_name: 'PreToolUse' }), 422],
      [
        GATE_PATHS.claudePreToolUse,
        JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: {}, cwd: '/' }),
        422,
      ],
      [GATE_PATHS.claudePreToolUse, '"just a string"', 422],
      [GATE_PATHS.claudePreToolUse, Buffer.alloc(MAX_BODY_BYTES + 1, 'a'), 413],
      [GATE_PATHS.codexPreToolUse, claudePayload('ls'), 403],
      ['/v1/decide', '{}', 404],
      ['/v1/gate/nope', '{}', 404],
    ];
    for (const [urlPath, body, status] of cases) {
      const res = await post(s.gateSocket, urlPath, body, auth);
      expect(res.status, `${urlPath} ${String(body).slice(0, 40)}`).toBe(status);
    }
    expect(await t.client.api.listPending()).toEqual([]);
    const health = await new Promise<number>((resolve) => {
      const c = net.connect(s.gateSocket, () =>
        c.write('GET /v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
      );
      c.on('data', (d) => resolve(Number(d.toString().split(' ')[1])));
    });
    expect(health).toBe(200);
  });

  it('survives garbage bytes and half-sent requests', async () => {
    t = await startTestCore();
    const s = await session('claude');
    await new Promise<void>((resolve) => {
      const c = net.connect(s.gateSocket, () => c.end('\x00\x01GARBAGE\r\n\r\n'));
      c.on('close', () => resolve());
      c.resume();
    });
    await new Promise<void>((resolve) => {
      const c = net.connect(s.gateSocket, () => {
        c.write(
          `POST ${GATE_PATHS.claudePreToolUse} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${s.token}\r\nContent-Length: 500\r\n\r\n{"hook`,
        );
        setImmediate(() => c.destroy());
      });
      c.on('close', () => resolve());
    });
    const held = t.next('request.held');
    const answer = post(s.gateSocket, GATE_PATHS.claudePreToolUse, claudePayload('echo still up'), bearer(s.token));
    await t.client.api.decide({ id: (await held).request.id, decision: 'allow' });
    expect(JSON.parse((await answer).body).hookSpecificOutput.permissionDecision).toBe('allow');
  });

  it('keeps two concurrent sessions apart: each token speaks only for its own session', async () => {
    t = await startTestCore();
    const a = await session('claude');
    const b = await session('claude');
    expect(a.token).not.toBe(b.token);
    const heldA = t.next('request.held', (e) => e.request.command === 'from a');
    const heldB = t.next('request.held', (e) => e.request.command === 'from b');
    const answerA = post(a.gateSocket, GATE_PATHS.claudePreToolUse, claudePayload('from a'), bearer(a.token));
    const answerB = post(b.gateSocket, GATE_PATHS.claudePreToolUse, claudePayload('from b'), bearer(b.token));
    const [ra, rb] = [(await heldA).request, (await heldB).request];
    expect(ra.sessionId).toBe(a.session.id);
    expect(rb.sessionId).toBe(b.session.id);
    await t.client.api.decide({ id: ra.id, decision: 'deny' });
    await t.client.api.decide({ id: rb.id, decision: 'allow' });
    expect(JSON.parse((await answerA).body).hookSpecificOutput.permissionDecision).toBe('deny');
    expect(JSON.parse((await answerB).body).hookSpecificOutput.permissionDecision).toBe('allow');
  });

  it('records a held request as abandoned when the hook disconnects', async () => {
    t = await startTestCore();
    const s = await session('claude');
    const held = t.next('request.held');
    const decided = t.next('request.decided');
    const body = claudePayload('sleep 1000');
    const c = net.connect(s.gateSocket, () =>
      c.write(
        `POST ${GATE_PATHS.claudePreToolUse} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${s.token}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      ),
    );
    await held;
    c.destroy();
    expect((await decided).request).toMatchObject({ status: 'abandoned', decision: { decidedBy: 'agent-gone' } });
  });

  it('forwards Claude Code notifications as events', async () => {
    t = await startTestCore();
    const s = await session('claude');
    const note = t.next('agent.notification');
    const res = await post(
      s.gateSocket,
      GATE_PATHS.claudeEvent,
      JSON.stringify({ hook_event_name: 'Notification', message: 'Claude needs your permission' }),
      bearer(s.token),
    );
    expect(res.status).toBe(200);
    expect(await note).toMatchObject({
      sessionId: s.session.id,
      event: 'Notification',
      message: 'Claude needs your permission',
    });
  });

  it('makes the socket 0600 inside a 0700 directory', async () => {
    t = await startTestCore();
    expect(fs.statSync(t.core.paths.gateSocket).mode & 0o777).toBe(0o600);
    expect(fs.statSync(t.core.paths.controlSocket).mode & 0o777).toBe(0o600);
    expect(fs.statSync(t.core.paths.runtimeDir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(t.core.paths.home).mode & 0o777).toBe(0o700);
  });
});
