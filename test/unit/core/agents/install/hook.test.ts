// The installed hook command, run by a real sh with Gatehouse not running: it prints the agent's fallback at once (no
// timeout is waited for), for a missing socket and for a socket file nobody listens on; any other failure blocks.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTrustedCurl } from '../../../../../electron/core/agents/trusted-path.ts';
import {
  installedBlockingCommand,
  isInstalledCommand,
  printAnswer,
} from '../../../../../electron/core/agents/install/hook.ts';
import { tempDir } from '../../../../support/temp.ts';

const curl = findTrustedCurl();
const FALLBACK = printAnswer('{"decision":"fallback"}');

function run(command: string): { status: number | null; stdout: string; stderr: string; ms: number } {
  const started = process.hrtime.bigint();
  const r = spawnSync('/bin/sh', ['-c', command], { input: '{"tool_name":"Bash"}', encoding: 'utf8' });
  return { ...r, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

describe.skipIf(!curl)('an installed blocking hook (curl) with Gatehouse not running', () => {
  const command = (socket: string) =>
    installedBlockingCommand(
      { kind: 'curl', curlPath: curl as string },
      socket,
      '/v1/gate/claude/pre-tool-use',
      630,
      FALLBACK,
    );

  it('prints the fallback at once when there is no socket', () => {
    const r = run(command(path.join(tempDir(), 'gate.sock')));
    expect(r).toMatchObject({ status: 0, stdout: '{"decision":"fallback"}' });
    console.log(`installed hook fallback, no socket: ${r.ms.toFixed(1)} ms`);
    expect(r.ms).toBeLessThan(2000);
  });

  it('prints the fallback at once when the socket file is left with nobody listening', async () => {
    const socket = path.join(tempDir(), 'gate.sock');
    // A core that is killed leaves its socket file behind (closing would unlink it): a listener killed at once.
    const died = `require('node:net').createServer().listen(${JSON.stringify(socket)}, () => process.kill(process.pid, 'SIGKILL'))`;
    spawnSync(process.execPath, ['-e', died]);
    expect(fs.existsSync(socket)).toBe(true);
    const r = run(command(socket));
    expect(r).toMatchObject({ status: 0, stdout: '{"decision":"fallback"}' });
    console.log(`installed hook fallback, stale socket: ${r.ms.toFixed(1)} ms`);
  });

  it('blocks (exit 2) when something else goes wrong: the gate refuses the request', async () => {
    const socket = path.join(tempDir(), 'gate.sock');
    const server = net.createServer((c) => c.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 2\r\n\r\nno'));
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      const r = await new Promise<{ status: number | null; stderr: string }>((resolve) => {
        const child = spawn('/bin/sh', ['-c', command(socket)]);
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.stdin.end('{}');
        child.on('close', (status: number | null) => resolve({ status, stderr }));
      });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('Gatehouse blocked this command');
    } finally {
      server.close();
    }
  });

  it('carries its marker, so uninstall finds it', () => {
    expect(isInstalledCommand(command('/s'))).toBe(true);
    expect(isInstalledCommand('curl --unix-socket /s http://x/v1/gate/check')).toBe(false);
  });
});
