// Runs the real hook commands (sh + curl, and the Node client) against canned gates and no gate at all.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockingHookCommand, eventHookCommand, hookTimeouts, type HookTransport } from '../../../electron/core/agents/hook-command.ts';
import { GATE_PATHS } from '../../../electron/core/gate/server.ts';
import { cannedServer } from '../../support/unix-http.ts';
import { tempDir } from '../../support/temp.ts';

const transports: Array<[string, HookTransport]> = [
  ['curl', { kind: 'curl' }],
  ['node client', { kind: 'node', nodePath: process.execPath, clientPath: path.resolve('dist/core/hook-client.mjs') }],
];
const PAYLOAD = JSON.stringify({ hook_event_name: 'PreToolUse', tool_name: 'Bash', tool_input: { command: 'ls' }, cwd: '/' });

/** Asynchronous on purpose: the canned gate lives in this process and must be free to answer. */
function runHook(command: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', command], { env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(PAYLOAD);
  });
}

describe.each(transports)('blocking hook command (%s)', (_name, transport) => {
  const command = blockingHookCommand(transport, GATE_PATHS.claudePreToolUse, 5);

  it('prints the gate answer and exits 0', async () => {
    const gate = await cannedServer(200, '{"hookSpecificOutput":{"permissionDecision":"allow"}}');
    const r = await runHook(command, { GATEHOUSE_SOCKET: gate.socketPath, GATEHOUSE_TOKEN: 'tok_abcdefghijklmnopqrstuvwxyz' });
    await gate.close();
    expect(r).toMatchObject({ code: 0, stdout: '{"hookSpecificOutput":{"permissionDecision":"allow"}}' });
    expect(gate.bodies).toEqual([PAYLOAD]);
    expect(gate.headers[0]?.authorization).toBe('Bearer tok_abcdefghijklmnopqrstuvwxyz');
  });

  it('prints nothing for an empty answer (Codex: go on)', async () => {
    const gate = await cannedServer(200, '');
    const r = await runHook(command, { GATEHOUSE_SOCKET: gate.socketPath, GATEHOUSE_TOKEN: 't' });
    await gate.close();
    expect(r).toMatchObject({ code: 0, stdout: '' });
  });

  it('blocks with exit 2 and the reason when the gate refuses', async () => {
    const gate = await cannedServer(401, '{"error":"unknown session token"}');
    const r = await runHook(command, { GATEHOUSE_SOCKET: gate.socketPath, GATEHOUSE_TOKEN: 't' });
    await gate.close();
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Gatehouse blocked this command: [\s\S]*unknown session token/);
  });

  it('blocks with exit 2 when no gate is listening', async () => {
    const r = await runHook(command, { GATEHOUSE_SOCKET: path.join(tempDir(), 'missing.sock'), GATEHOUSE_TOKEN: 't' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Gatehouse blocked this command/);
  });

  it('blocks with exit 2 when the agent was not started by gatehouse run', async () => {
    const r = await runHook(command, {});
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Gatehouse blocked this command/);
  });

  it('never blocks or fails the agent for notifications', async () => {
    const r = await runHook(eventHookCommand(transport, GATE_PATHS.claudeEvent), { GATEHOUSE_SOCKET: '/nonexistent/x.sock', GATEHOUSE_TOKEN: 't' });
    expect(r).toMatchObject({ code: 0, stdout: '' });
  });
});

describe('hookTimeouts', () => {
  it('lets the gate answer well before the client and the hook give up', () => {
    const t = hookTimeouts(600_000);
    expect(t.clientMaxTimeS).toBeGreaterThan(600);
    expect(t.hookTimeoutS).toBeGreaterThan(t.clientMaxTimeS);
  });
});
