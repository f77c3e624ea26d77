import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StartedSession } from '../../../shared/api.ts';
import { wireAgent, type LaunchContext } from '../../../electron/core/agents/wire.ts';
import { tempDir } from '../../support/temp.ts';

const started: StartedSession = {
  session: { id: 's1', agent: 'claude', argv: ['claude'], cwd: '/w', pid: null, startedAt: '', endedAt: null, exitCode: null },
  token: 't',
  gateSocket: '/tmp/g.sock',
  holdTimeoutMs: 600_000,
};

/** A stand-in agent binary that only answers --version. */
function fakeAgent(dir: string, version: string): string {
  const file = path.join(dir, 'claude');
  fs.writeFileSync(file, `#!/bin/sh\necho '${version}'\n`, { mode: 0o755 });
  return file;
}

function ctx(cwd: string): LaunchContext {
  return { env: process.env, cwd, hookClientPath: '/x/hook-client.mjs' };
}

describe('wireAgent (Claude Code)', () => {
  it('writes a settings layer with onFailure "block" for a version that honours it', async () => {
    const dir = tempDir();
    const argv = await wireAgent('claude', started, [fakeAgent(dir, '2.1.330 (Claude Code)'), '-p', 'hi'], dir, { kind: 'curl' }, ctx(dir));
    expect(argv.slice(1)).toEqual(['--settings', path.join(dir, 'settings.json'), '-p', 'hi']);
    const settings = JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8'));
    expect(settings.hooks.PreToolUse[0].hooks[0]).toMatchObject({ onFailure: 'block', timeout: 660 });
    expect(fs.statSync(path.join(dir, 'settings.json')).mode & 0o777).toBe(0o600);
  });

  it('leaves onFailure out for an older version, and merges the user\'s own --settings file', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'mine.json'), JSON.stringify({ model: 'opus', hooks: { Stop: [{ hooks: [{ type: 'command', command: 'say done' }] }] } }));
    const argv = await wireAgent('claude', started, [fakeAgent(dir, '2.0.1 (Claude Code)'), '--settings', 'mine.json', '-p', 'hi'], dir, { kind: 'curl' }, ctx(dir));
    expect(argv.filter((a) => a === '--settings')).toHaveLength(1);
    const settings = JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8'));
    expect(settings.model).toBe('opus');
    expect(settings.hooks.PreToolUse[0].hooks[0]).not.toHaveProperty('onFailure');
    expect(settings.hooks.Stop).toHaveLength(2);
    expect(settings.hooks.Stop[0].hooks[0].command).toBe('say done');
  });

  it('refuses an unreadable --settings instead of dropping it', async () => {
    const dir = tempDir();
    await expect(wireAgent('claude', started, [fakeAgent(dir, '2.1.330'), '--settings', 'missing.json'], dir, { kind: 'curl' }, ctx(dir))).rejects.toThrow(/cannot use your --settings missing.json/);
  });
});

describe('wireAgent (Codex)', () => {
  it('puts the hook overrides before the user\'s arguments', async () => {
    const dir = tempDir();
    const argv = await wireAgent('codex', { ...started, session: { ...started.session, agent: 'codex' } }, ['codex', 'exec', 'do it'], dir, { kind: 'curl' }, ctx(dir));
    expect(argv[0]).toBe('codex');
    expect(argv[1]).toBe('--dangerously-bypass-hook-trust');
    expect(argv.slice(-2)).toEqual(['exec', 'do it']);
  });
});
