// Runs the real hook commands (sh + curl, and the Node client) against canned gates and no gate at all.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  blockingHookCommand,
  eventHookCommand,
  hookTimeouts,
  streamingHookCommand,
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

/** A gate that says one line at once, then answers when `finish` is called (a line held, then decided). */
async function slowGate(): Promise<{ socketPath: string; finish(answer: string): void; close(): Promise<void> }> {
  const socketPath = path.join(tempDir('gh-sock-'), 's.sock');
  let finish: (answer: string) => void = () => {};
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('say: waiting for you\n');
      finish = (answer) => res.end(`${answer}\n`);
    });
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  return {
    socketPath,
    finish: (answer) => finish(answer),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe.each(transports)('streaming hook command, for a hosted shell line (%s)', (_name, transport) => {
  const command = streamingHookCommand(transport, GATE_PATHS.check, 5);

  it("prints the gate's `say:` line as soon as it comes, and the answer when it comes", async () => {
    const gate = await slowGate();
    const child = spawn('/bin/sh', ['-c', command], {
      env: { PATH: process.env.PATH ?? '', GATEHOUSE_SOCKET: gate.socketPath, GATEHOUSE_TOKEN: 't' },
    });
    let stdout = '';
    const said = new Promise<void>((resolve) =>
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        if (stdout.includes('\n')) resolve();
      }),
    );
    child.stdin.end('{"command":"ls","cwd":"/","progress":true}');
    await said;
    // The hook is still waiting for the answer, and the line is already out.
    expect(stdout).toBe('say: waiting for you\n');
    gate.finish('{"decision":"allow"}');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    await gate.close();
    expect(code).toBe(0);
    expect(stdout).toBe('say: waiting for you\n{"decision":"allow"}\n');
  });

  it('blocks with exit 2 and the reason when the gate refuses or is not there', async () => {
    const gate = await cannedServer(401, '{"error":"unknown session token"}');
    const refused = await runHook(command, { GATEHOUSE_SOCKET: gate.socketPath, GATEHOUSE_TOKEN: 't' });
    await gate.close();
    expect(refused.code).toBe(2);
    expect(refused.stdout + refused.stderr).toMatch(/unknown session token/);
    expect(refused.stderr).toMatch(/Gatehouse blocked this command/);
    const missing = await runHook(command, {
      GATEHOUSE_SOCKET: path.join(tempDir(), 'missing.sock'),
      GATEHOUSE_TOKEN: 't',
    });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Gatehouse blocked this command/);
  });

  it('names every program by its absolute path', () => {
    expect(command).not.toMatch(/(^|[\s;&|(])(curl|node)\s/);
  });
});

describe('hookTimeouts', () => {
  it('lets the gate answer well before the client and the hook give up', () => {
    const t = hookTimeouts(600_000);
    expect(t.clientMaxTimeS).toBeGreaterThan(600);
    expect(t.hookTimeoutS).toBeGreaterThan(t.clientMaxTimeS);
  });
});
