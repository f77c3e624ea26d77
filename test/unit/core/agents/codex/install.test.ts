// Codex's installer edits the person's config.toml as text: everything outside Gatehouse's marked block stays byte for
// byte (comments, key order, spacing), the block goes in once, keeps Codex's trust lines while its hooks are the same,
// and comes out again whole.
import { describe, expect, it } from 'vitest';
import {
  CODEX_BLOCK_END,
  CODEX_BLOCK_START,
  codexInstaller,
} from '../../../../../electron/core/agents/codex/install.ts';
import { installedHooks } from '../../../../../electron/core/agents/install/hook.ts';
import { InstallError } from '../../../../../electron/core/agents/plugin.ts';

const hooks = (whenCoreDown: 'ask' | 'deny' = 'ask') =>
  installedHooks({
    transport: { kind: 'curl', curlPath: '/usr/bin/curl' },
    socket: '/run/user/1000/gatehouse-1000-abc/gate.sock',
    clientMaxTimeS: 630,
    hookTimeoutS: 660,
    whenCoreDown,
  });

const THEIRS = `# my settings
model = "o3"   # a comment
approval_policy = "on-request"

[[hooks.PreToolUse]]
matcher = "Bash"
[[hooks.PreToolUse.hooks]]
type = "command"
command = "my-linter"

[tui]
animations = false
`;

describe('codexInstaller.edit', () => {
  it('adds one marked block at the end, leaving every byte above it as it was', () => {
    const { after, changes } = codexInstaller.edit(THEIRS, hooks());
    expect(after.startsWith(`${THEIRS}\n${CODEX_BLOCK_START}\n`)).toBe(true);
    expect(after.endsWith(`${CODEX_BLOCK_END}\n`)).toBe(true);
    expect(after.match(/^\[\[hooks\.PreToolUse\]\]$/gm)).toHaveLength(3);
    expect(after).toContain('command = "my-linter"');
    expect(after).toContain('/v1/gate/codex/pre-tool-use');
    expect(changes.join('\n')).toContain('nothing above it changes');
  });

  it('is idempotent, and keeps Codex’s trust lines while the hooks are the same', () => {
    const once = codexInstaller.edit(THEIRS, hooks()).after;
    expect(codexInstaller.edit(once, hooks())).toEqual({ after: once, changes: [] });
    const trusted = once.replace(
      `\n${CODEX_BLOCK_END}`,
      `\n\n[hooks.state."/h/.codex/config.toml:pre_tool_use:1:0"]\ntrusted_hash = "sha256:ab"\n${CODEX_BLOCK_END}`,
    );
    expect(codexInstaller.edit(trusted, hooks()).changes).toEqual([]);
    // Other hooks: other hashes, so the old trust lines go (the install asks Codex again).
    const changed = codexInstaller.edit(trusted, hooks('deny'));
    expect(changed.changes[0]).toContain("replaces Gatehouse's block");
    expect(changed.after).not.toContain('trusted_hash');
  });

  it('remove() gives back the file as it was before the block', () => {
    const once = codexInstaller.edit(THEIRS, hooks()).after;
    expect(codexInstaller.isInstalled(once)).toBe(true);
    expect(codexInstaller.remove(once).after).toBe(THEIRS);
    expect(codexInstaller.remove(codexInstaller.edit(null, hooks()).after).after).toBe('');
  });

  it('keeps what the person wrote after the block, in its place', () => {
    const once = codexInstaller.edit(THEIRS, hooks()).after;
    const edited = `${once}\n[history]\npersistence = "none"\n`;
    expect(codexInstaller.remove(edited).after).toBe(`${THEIRS}\n[history]\npersistence = "none"\n`);
    expect(codexInstaller.edit(edited, hooks()).changes).toEqual([]);
  });

  it('refuses hooks written as plain values, which its tables would make invalid TOML', () => {
    expect(() => codexInstaller.edit('hooks.PreToolUse = []\n', hooks())).toThrow(InstallError);
    expect(() => codexInstaller.edit('[hooks]\nStop = []\n', hooks())).toThrow(/plain value/);
    expect(() => codexInstaller.edit(`${CODEX_BLOCK_START}\nno end`, hooks())).toThrow(/not its end/);
  });

  it('finds the file under CODEX_HOME when set, else ~/.codex', () => {
    expect(codexInstaller.file({ HOME: '/home/p' })).toBe('/home/p/.codex/config.toml');
    expect(codexInstaller.file({ HOME: '/home/p', CODEX_HOME: '/c' })).toBe('/c/config.toml');
  });
});
