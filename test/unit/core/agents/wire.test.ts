// Starting an agent wired to the gate, as `gatehouse run` and the pty host do: checks first, then the plug-in's
// wiring, and a hook client found where the agent cannot replace it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StartedSession } from '../../../../shared/api.ts';
import type { HookTransport } from '../../../../electron/core/agents/hook-command.ts';
import { WiringError } from '../../../../electron/core/agents/plugin.ts';
import type { PathFacts, PathProbe } from '../../../../electron/core/agents/trusted-path.ts';
import { chooseTransport, wireAgent, type LaunchContext } from '../../../../electron/core/agents/wire.ts';
import { tempDir } from '../../../support/temp.ts';

const CURL: HookTransport = { kind: 'curl', curlPath: '/usr/bin/curl' };

const started: StartedSession = {
  session: {
    id: 's1',
    agent: 'claude',
    argv: ['claude'],
    cwd: '/w',
    pid: null,
    startedAt: '',
    endedAt: null,
    exitCode: null,
  },
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
    const wired = await wireAgent(
      'claude',
      started,
      [fakeAgent(dir, '2.1.330 (Claude Code)'), '-p', 'hi'],
      dir,
      CURL,
      ctx(dir),
    );
    expect(wired.argv.slice(1)).toEqual(['--settings', path.join(dir, 'settings.json'), '-p', 'hi']);
    const settings = JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8'));
    expect(settings.hooks.PreToolUse[0].hooks[0]).toMatchObject({ onFailure: 'block', timeout: 660 });
    expect(fs.statSync(path.join(dir, 'settings.json')).mode & 0o777).toBe(0o600);
    expect(wired.hooksFailClosed).toBe(true);
  });

  it("leaves onFailure out for an older version, and merges the user's own --settings file", async () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, 'mine.json'),
      JSON.stringify({ model: 'opus', hooks: { Stop: [{ hooks: [{ type: 'command', command: 'say done' }] }] } }),
    );
    const wired = await wireAgent(
      'claude',
      started,
      [fakeAgent(dir, '2.0.1 (Claude Code)'), '--settings', 'mine.json', '-p', 'hi'],
      dir,
      CURL,
      ctx(dir),
    );
    expect(wired.argv.filter((a) => a === '--settings')).toHaveLength(1);
    const settings = JSON.parse(fs.readFileSync(path.join(dir, 'settings.json'), 'utf8'));
    expect(settings.model).toBe('opus');
    expect(settings.hooks.PreToolUse[0].hooks[0]).not.toHaveProperty('onFailure');
    expect(settings.hooks.Stop).toHaveLength(2);
    expect(settings.hooks.Stop[0].hooks[0].command).toBe('say done');
    expect(wired.hooksFailClosed).toBe(false);
  });

  it('refuses an unreadable --settings instead of dropping it', async () => {
    const dir = tempDir();
    await expect(
      wireAgent('claude', started, [fakeAgent(dir, '2.1.330'), '--settings', 'missing.json'], dir, CURL, ctx(dir)),
    ).rejects.toThrow(/cannot use your --settings missing.json/);
  });
});

describe('the hook files a launch wrote', () => {
  it("lists Claude's settings layer as written, for the core to watch while the session runs", async () => {
    const dir = tempDir();
    const claude = await wireAgent(
      'claude',
      started,
      [fakeAgent(dir, '2.1.330 (Claude Code)'), '-p', 'hi'],
      dir,
      CURL,
      ctx(dir),
    );
    const file = path.join(dir, 'settings.json');
    expect(claude.hookFiles).toEqual([{ path: file, content: fs.readFileSync(file, 'utf8') }]);
  });
});

describe('wireAgent refuses settings that switch hooks off (gatehouse run and the pty host)', () => {
  it('refuses to wire an agent whose settings switch hooks off, before writing anything or asking its version', async () => {
    const cwd = project('settings.local.json', '{"disableAllHooks": true}');
    const out = tempDir();
    const context = { env: { HOME: tempDir(), PATH: '' }, cwd, hookClientPath: '/x/hook-client.mjs' };
    await expect(wireAgent('claude', started, ['/nonexistent/claude', '-p', 'hi'], out, CURL, context)).rejects.toThrow(
      WiringError,
    );
    await expect(wireAgent('claude', started, ['/nonexistent/claude', '-p', 'hi'], out, CURL, context)).rejects.toThrow(
      /settings\.local\.json \(local\) sets "disableAllHooks": true/,
    );
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it("checks the user's own --settings before merging it into Gatehouse's layer", async () => {
    const context = { env: { HOME: tempDir(), PATH: '' }, cwd: tempDir(), hookClientPath: '/x/hook-client.mjs' };
    await expect(
      wireAgent(
        'claude',
        started,
        ['/nonexistent/claude', '--settings', '{"disableAllHooks": true}'],
        tempDir(),
        CURL,
        context,
      ),
    ).rejects.toThrow(/your inline --settings JSON \(--settings\) sets "disableAllHooks": true/);
  });

  function project(name: string, text: string): string {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, '.claude'));
    fs.writeFileSync(path.join(dir, '.claude', name), text);
    return dir;
  }
});

describe('chooseTransport', () => {
  const dir: PathFacts = { uid: 0, mode: 0o755, kind: 'directory' };
  /** A machine whose files are all root-owned and safe, except those `facts` overrides. */
  const probe = (facts: Record<string, PathFacts | null>): PathProbe => ({
    lstat: (p) => (p in facts ? (facts[p] ?? null) : p.endsWith('curl') ? null : dir),
    realpath: (p) => {
      if (!(p in facts) || facts[p] === null) throw new Error('ENOENT');
      return p;
    },
  });

  it('takes curl by its absolute path from a root-owned location, never from PATH', () => {
    const t = chooseTransport(
      { ...ctx('/'), env: { PATH: '/home/u/.local/bin:/usr/bin' } },
      probe({ '/usr/bin/curl': { uid: 0, mode: 0o755, kind: 'file' } }),
    );
    expect(t).toEqual({ kind: 'curl', curlPath: '/usr/bin/curl' });
  });

  it('falls back to the bundled Node client by absolute paths when no curl is trusted', () => {
    const t = chooseTransport(ctx('/'), probe({ '/usr/bin/curl': { uid: 1000, mode: 0o755, kind: 'file' } }));
    expect(t).toEqual({ kind: 'node', nodePath: process.execPath, clientPath: '/x/hook-client.mjs' });
  });
});

describe('wireAgent (Codex)', () => {
  it("puts the hook overrides before the user's arguments", async () => {
    const dir = tempDir();
    const { argv, hookFiles } = await wireAgent(
      'codex',
      { ...started, session: { ...started.session, agent: 'codex' } },
      ['codex', 'exec', 'do it'],
      dir,
      CURL,
      ctx(dir),
    );
    expect(argv[0]).toBe('codex');
    expect(argv[1]).toBe('--dangerously-bypass-hook-trust');
    expect(argv.slice(-2)).toEqual(['exec', 'do it']);
    // Its hooks are arguments: no file to watch.
    expect(hookFiles).toEqual([]);
  });
});

describe('wireAgent (an agent without hooks)', () => {
  it('starts the program as given, with nothing written and nothing checked', async () => {
    const dir = tempDir();
    const wired = await wireAgent(
      'shell',
      { ...started, session: { ...started.session, agent: 'shell' } },
      ['/nonexistent/aider', '--yes'],
      dir,
      CURL,
      ctx(dir),
    );
    expect(wired).toEqual({ argv: ['/nonexistent/aider', '--yes'], env: {}, hookFiles: [], hooksFailClosed: false });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
