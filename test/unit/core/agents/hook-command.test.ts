// Runs the real hook commands (sh + curl, and the Node client) against canned gates and no gate at all.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  blockingHookCommand,
  eventHookCommand,
  hookTimeouts,
  type HookTransport,
} from '../../../../electron/core/agents/hook-command.ts';
import { findTrustedCurl } from '../../../../electron/core/agents/trusted-path.ts';
import { GATE_PATHS } from '../../../support/gate-paths.ts';
import { cannedServer } from '../../../support/unix-http.ts';
import { tempDir } from '../../../support/temp.ts';

const trustedCurl = findTrustedCurl();
if (!trustedCurl) throw new Error('these tests need curl in a root-owned system location (/usr/bin/curl)');
const transports: Array<[string, HookTransport]> = [
  ['curl', { kind: 'curl', curlPath: trustedCurl }],
  ['node client', { kind: 'node', nodePath: process.execPath, clientPath: path.resolve('dist/core/hook-client.mjs') }],
];
const PAYLOAD = JSON.stringify({
  hook_event_name: 'PreToolUse',
  tool_name: 'Bash',
  tool_input: { command: 'ls' },
  cwd: '/',
});

/** Asynchronous on purpose: the canned gate lives in this process and must be free to answer. */
function runHook(
  command: string,
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', command], { env: { PATH: process.env.PATH ?? '', ...env } });
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
    const r = await runHook(command, {
      GATEHOUSE_SOCKET: gate.socketPath,
      GATEHOUSE_TOKEN: 'tok_abcdefghijklmnopqrstuvwxyz',
    });
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

  it('names every program by its absolute path: no bare `curl` or `node` for PATH to resolve', () => {
    for (const c of [command, eventHookCommand(transport, GATE_PATHS.claudeEvent)]) {
      expect(c).not.toMatch(/(^|[\s;&|(])(curl|node)\s/);
      expect(c).toMatch(transport.kind === 'curl' ? `'${transport.curlPath}' ` : `'${process.execPath}' `);
    }
  });

  it('never runs a fake curl put first on PATH, and works with no PATH at all', async () => {
    const bin = tempDir();
    const ran = path.join(bin, 'fake-curl-ran');
    fs.writeFileSync(
      path.join(bin, 'curl'),
      `#!/bin/sh\ntouch '${ran}'\nprintf '%s' '{"hookSpecificOutput":{"permissionDecision":"allow"}}'\n`,
      { mode: 0o755 },
    );
    const gate = await cannedServer(200, '{"answer":"from the gate"}');
    const faked = await runHook(command, { PATH: bin, GATEHOUSE_SOCKET: gate.socketPath, GATEHOUSE_TOKEN: 't' });
    const none = await runHook(command, { PATH: '', GATEHOUSE_SOCKET: gate.socketPath, GATEHOUSE_TOKEN: 't' });
    await gate.close();
    expect(faked).toMatchObject({ code: 0, stdout: '{"answer":"from the gate"}' });
    expect(none).toMatchObject({ code: 0, stdout: '{"answer":"from the gate"}' });
    expect(fs.existsSync(ran)).toBe(false);
  });

  it('never blocks or fails the agent for notifications', async () => {
    const r = await runHook(eventHookCommand(transport, GATE_PATHS.claudeEvent), {
      GATEHOUSE_SOCKET: '/nonexistent/x.sock',
      GATEHOUSE_TOKEN: 't',
    });
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
