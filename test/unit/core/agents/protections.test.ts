// Honest status: what a session is guarded by, layer by layer, from what the launcher found; never one fixed sentence.
import { describe, expect, it } from 'vitest';
import type { SessionProtection } from '../../../../shared/domain.ts';
import type { LaunchFacts } from '../../../../electron/core/agents/plugin.ts';
import {
  describeHostedShell,
  describeProtections,
  protectionLines,
} from '../../../../electron/core/agents/protections.ts';
import type { AgentId } from '../../../../electron/core/agents/registry.ts';

const base: LaunchFacts<AgentId> = {
  agent: 'claude',
  transport: { kind: 'curl', curlPath: '/usr/bin/curl' },
  hooksFailClosed: true,
  sandbox: { kind: 'bwrap', status: "sandboxed (bwrap): Gatehouse's files, tokens and sockets are hidden" },
  hookFilesWatched: true,
  platform: 'linux',
};

const byLayer = (list: SessionProtection[]) => Object.fromEntries(list.map((p) => [p.layer, p]));

describe('describeProtections', () => {
  it('says every layer is on for Claude Code with curl, fail-closed hooks, the sandbox and watched hook settings', () => {
    const list = describeProtections(base);
    expect(list.map((p) => p.layer)).toEqual(['hooks', 'hook-client', 'file-tools', 'sandbox', 'tamper-watch']);
    expect(list.every((p) => p.state === 'on')).toBe(true);
    expect(byLayer(list)['hook-client']?.detail).toContain('/usr/bin/curl');
    expect(byLayer(list)['tamper-watch']?.detail).toContain('hook settings');
  });

  it('says what is missing and why, for each layer that is not fully on', () => {
    const list = byLayer(
      describeProtections({
        ...base,
        hooksFailClosed: false,
        transport: { kind: 'node', nodePath: '/home/u/.nvm/node', clientPath: '/opt/gh/hook-client.mjs' },
        sandbox: { kind: null, status: 'not sandboxed: --no-sandbox was given' },
        hookFilesWatched: false,
      }),
    );
    expect(list.hooks).toMatchObject({ state: 'partial' });
    expect(list.hooks?.detail).toMatch(/older than 2\.1\.330.*lets the command run/);
    expect(list['hook-client']).toMatchObject({ state: 'partial' });
    expect(list['hook-client']?.detail).toContain('/home/u/.nvm/node');
    expect(list.sandbox).toEqual({ layer: 'sandbox', state: 'off', detail: 'not sandboxed: --no-sandbox was given' });
    expect(list['tamper-watch']).toMatchObject({ state: 'partial' });
  });

  it('is honest about Codex: a crashing hook fails open, write_stdin reaches no hook', () => {
    const list = byLayer(describeProtections({ ...base, agent: 'codex', hookFilesWatched: null }));
    expect(list.hooks).toMatchObject({ state: 'partial' });
    expect(list['file-tools']?.detail).toContain('write_stdin');
    expect(list['tamper-watch']?.detail).not.toContain('hook settings');
  });

  it('for an agent without hooks, shells are the gate: fully only in bubblewrap', () => {
    const inBwrap = byLayer(describeProtections({ ...base, agent: 'shell', hookFilesWatched: null }));
    expect(inBwrap.hooks).toMatchObject({ state: 'off' });
    expect(inBwrap.shells).toMatchObject({ state: 'on' });
    expect(inBwrap['file-tools']).toMatchObject({ state: 'partial' });
    const bare = byLayer(
      describeProtections({
        ...base,
        agent: 'shell',
        hookFilesWatched: null,
        sandbox: { kind: null, status: 'not sandboxed' },
      }),
    );
    expect(bare.shells).toMatchObject({ state: 'partial' });
    expect(bare.shells?.detail).toContain('absolute path');
    expect(bare['file-tools']).toMatchObject({ state: 'off' });
  });

  it('prints one aligned line a layer', () => {
    const lines = protectionLines(describeProtections({ ...base, sandbox: { kind: null, status: 'not sandboxed' } }));
    expect(lines[0]).toMatch(/^on {6}hooks {9}every Bash command/);
    expect(lines.find((l) => l.includes('sandbox'))).toMatch(/^off {5}sandbox {7}not sandboxed$/);
  });
});

describe('describeHostedShell', () => {
  it('says the line gate is on, with its limit, and the sandbox off, for a shell Gatehouse hosts', () => {
    const list = byLayer(
      describeHostedShell({
        ...base,
        agent: 'shell',
        hooksFailClosed: false,
        hookFilesWatched: null,
        sandbox: { kind: null, status: 'terminals hosted by Gatehouse are not sandboxed' },
      }),
    );
    expect(Object.keys(list)).toEqual(['shells', 'hook-client', 'sandbox', 'tamper-watch']);
    expect(list.shells).toMatchObject({ state: 'on' });
    expect(list.shells?.detail).toMatch(/every line typed at the prompt.*not seen/);
    expect(list.sandbox).toMatchObject({ state: 'off' });
  });
});
